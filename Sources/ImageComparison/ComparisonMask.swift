import FitPNG

/// The pixels a comparison ignores: rectangles (`--ignore X,Y,W,H`) and mask images
/// (`--mask FILE.png`, where every pixel whose alpha is not zero is ignored).
///
/// An ignored pixel counts in no metric: the RMS and the worst tile average over the pixels
/// that are compared, pixelmatch never counts it, and the mean SSIM leaves it out. The
/// comparator first copies the expected image's value into the actual image at each ignored
/// pixel, so that no window or neighbourhood (pixelmatch's anti-aliasing test, SSIM's Gaussian
/// window) sees a difference there either.
public struct ComparisonMask: Equatable, Sendable {
    /// A rectangle in pixels; the parts outside the image are ignored.
    public struct Rectangle: Equatable, Sendable, CustomStringConvertible {
        /// Left edge, in pixels.
        public var x: Int
        /// Top edge, in pixels.
        public var y: Int
        /// Width, in pixels.
        public var width: Int
        /// Height, in pixels.
        public var height: Int

        /// Creates a rectangle from its top-left corner and its size.
        public init(x: Int, y: Int, width: Int, height: Int) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }

        /// Parses `X,Y,W,H` (non-negative integers, W and H at least 1).
        public init?(parsing text: String) {
            let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            let values = parts.compactMap { Int($0) }
            guard parts.count == 4, values.count == 4, values[0] >= 0, values[1] >= 0, values[2] >= 1,
                values[3] >= 1, values[0] <= 1 << 30, values[1] <= 1 << 30, values[2] <= 1 << 30,
                values[3] <= 1 << 30
            else { return nil }
            self.init(x: values[0], y: values[1], width: values[2], height: values[3])
        }

        /// `X,Y,W,H`.
        public var description: String { "\(x),\(y),\(width),\(height)" }
    }

    /// Width of the images this mask applies to.
    public let width: Int
    /// Height of the images this mask applies to.
    public let height: Int
    /// One byte a pixel, rows top to bottom: 1 ignored, 0 compared.
    public private(set) var ignored: [UInt8]
    /// How many pixels are ignored.
    public private(set) var ignoredCount: Int

    /// A mask for `width × height` images that ignores nothing.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        ignored = [UInt8](repeating: 0, count: self.width * self.height)
        ignoredCount = 0
    }

    /// Ignores every pixel of `rectangle` that lies inside the image.
    public mutating func ignore(_ rectangle: Rectangle) {
        let x0 = min(width, max(0, rectangle.x))
        let y0 = min(height, max(0, rectangle.y))
        let x1 = min(width, max(x0, rectangle.x &+ rectangle.width))
        let y1 = min(height, max(y0, rectangle.y &+ rectangle.height))
        guard x1 > x0, y1 > y0 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 where ignored[y * width + x] == 0 {
                ignored[y * width + x] = 1
                ignoredCount += 1
            }
        }
    }

    /// Ignores every pixel where `image` has an alpha other than zero.
    ///
    /// - Throws: `ImageComparisonError.maskSizeMismatch` when `image` is not this mask's size.
    public mutating func ignore(whereOpaque image: RGBAImage) throws(ImageComparisonError) {
        guard image.width == width, image.height == height, image.pixels.count == width * height * 4 else {
            throw .maskSizeMismatch(
                maskWidth: image.width, maskHeight: image.height, imageWidth: width, imageHeight: height)
        }
        for index in 0..<(width * height) where image.pixels[index * 4 + 3] != 0 && ignored[index] == 0 {
            ignored[index] = 1
            ignoredCount += 1
        }
    }

    /// Whether the pixel at (`x`, `y`) is ignored.
    public func isIgnored(x: Int, y: Int) -> Bool { ignored[y * width + x] != 0 }

    /// `actual` with the expected value at every ignored pixel.
    func neutralize(_ actual: RGBAImage, from expected: RGBAImage) -> RGBAImage {
        var pixels = actual.pixels
        for index in 0..<(width * height) where ignored[index] != 0 {
            let i = index * 4
            pixels[i] = expected.pixels[i]
            pixels[i + 1] = expected.pixels[i + 1]
            pixels[i + 2] = expected.pixels[i + 2]
            pixels[i + 3] = expected.pixels[i + 3]
        }
        // Same size as `actual` by construction.
        return (try? RGBAImage(width: actual.width, height: actual.height, pixels: pixels)) ?? actual
    }
}
