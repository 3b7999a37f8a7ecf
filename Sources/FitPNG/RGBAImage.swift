/// An 8-bit RGBA image: rows top to bottom, 4 bytes a pixel (R, G, B, A), straight alpha
/// (colour components are not multiplied by alpha).
public struct RGBAImage: Hashable, Sendable {
    /// Width in pixels, at least 1.
    public let width: Int
    /// Height in pixels, at least 1.
    public let height: Int
    /// `width × height × 4` bytes.
    public var pixels: [UInt8]

    /// An image from its pixels; the count must be `width × height × 4`.
    public init(width: Int, height: Int, pixels: [UInt8]) throws(ImageError) {
        guard width > 0, height > 0 else { throw .invalidSize(width: width, height: height) }
        let (count, overflow) = width.multipliedReportingOverflow(by: height * 4)
        guard !overflow, pixels.count == count else {
            throw .pixelCountMismatch(expected: overflow ? -1 : count, actual: pixels.count)
        }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A `width × height` image filled with one colour.
    public init(width: Int, height: Int, fill: (r: UInt8, g: UInt8, b: UInt8, a: UInt8)) throws(ImageError) {
        guard width > 0, height > 0 else { throw .invalidSize(width: width, height: height) }
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        for i in stride(from: 0, to: pixels.count, by: 4) {
            pixels[i] = fill.r
            pixels[i + 1] = fill.g
            pixels[i + 2] = fill.b
            pixels[i + 3] = fill.a
        }
        try self.init(width: width, height: height, pixels: pixels)
    }

    /// True when every pixel has alpha 255.
    public var isOpaque: Bool {
        // Two pixels a step: both alpha bytes set is the word masked with 0xFF000000FF000000.
        pixels.withUnsafeBytes { raw in
            let alphas: UInt64 = 0xFF00_0000_FF00_0000
            let pairs = raw.count / 8
            var i = 0
            while i < pairs {
                if raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self).littleEndian & alphas != alphas {
                    return false
                }
                i += 1
            }
            var offset = pairs * 8 + 3
            while offset < raw.count {
                if raw[offset] != 255 { return false }
                offset += 4
            }
            return true
        }
    }

    /// The pixel at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        let i = (y * width + x) * 4
        return (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3])
    }
}

/// Errors about image values themselves (not about files).
public enum ImageError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A width or height below 1.
    case invalidSize(width: Int, height: Int)
    /// A pixel buffer whose length is not `width × height × 4` (`expected` is −1 when that product overflows).
    case pixelCountMismatch(expected: Int, actual: Int)

    /// A message that names the bad value and what is allowed.
    public var description: String {
        switch self {
        case .invalidSize(let w, let h):
            return "invalid image size \(w)×\(h): width and height must be at least 1"
        case .pixelCountMismatch(let expected, let actual):
            return "pixel buffer holds \(actual) bytes, expected \(expected) (width × height × 4)"
        }
    }
}
