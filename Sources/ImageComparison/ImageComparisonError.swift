import FitPNG

/// Why two images could not be compared at all (as opposed to comparing and differing).
public enum ImageComparisonError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The two images do not have the same width and height.
    case sizeMismatch(expectedWidth: Int, expectedHeight: Int, actualWidth: Int, actualHeight: Int)
    /// A pixelmatch threshold outside 0…1.
    case invalidThreshold(Double)
    /// A tolerance that is negative or not a number.
    case invalidTolerance(name: String, value: Double)
    /// An image whose pixel buffer does not hold width × height × 4 bytes (its `pixels` were
    /// replaced after creation).
    case malformedImage(width: Int, height: Int, byteCount: Int)
    /// A minimum SSIM outside −1…1.
    case invalidMinimumSSIM(Double)
    /// A mask whose size is not the images' size.
    case maskSizeMismatch(maskWidth: Int, maskHeight: Int, imageWidth: Int, imageHeight: Int)

    /// A message that names the bad value and what is allowed.
    public var description: String {
        switch self {
        case .sizeMismatch(let ew, let eh, let aw, let ah):
            return "image sizes differ: expected \(ew)×\(eh), actual \(aw)×\(ah); "
                + "only images of the same size can be compared"
        case .invalidThreshold(let value):
            return "invalid threshold \(value): the pixelmatch threshold must be between 0 and 1"
        case .invalidTolerance(let name, let value):
            return "invalid \(name) \(value): it must be a number of at least 0"
        case .malformedImage(let w, let h, let count):
            return "malformed \(w)×\(h) image: its pixel buffer holds \(count) bytes, "
                + "expected \(w * h * 4) (width × height × 4)"
        case .invalidMinimumSSIM(let value):
            return "invalid minimum SSIM \(value): it must be between -1 and 1"
        case .maskSizeMismatch(let mw, let mh, let iw, let ih):
            return "the mask is \(mw)×\(mh) but the images are \(iw)×\(ih); "
                + "a mask image must have the size of the images it masks"
        }
    }

    /// Throws `sizeMismatch` unless both images have the same size, and `malformedImage` for
    /// a pixel buffer of the wrong length (the metrics read the buffers without bounds checks).
    static func checkSameSize(_ expected: RGBAImage, _ actual: RGBAImage) throws(ImageComparisonError) {
        for image in [expected, actual] where image.pixels.count != image.width * image.height * 4 {
            throw .malformedImage(width: image.width, height: image.height, byteCount: image.pixels.count)
        }
        guard expected.width == actual.width, expected.height == actual.height else {
            throw .sizeMismatch(
                expectedWidth: expected.width, expectedHeight: expected.height,
                actualWidth: actual.width, actualHeight: actual.height)
        }
    }

    /// Throws `maskSizeMismatch` unless `mask` is nil or of `image`'s size.
    static func checkMask(_ mask: ComparisonMask?, _ image: RGBAImage) throws(ImageComparisonError) {
        guard let mask else { return }
        guard mask.width == image.width, mask.height == image.height else {
            throw .maskSizeMismatch(
                maskWidth: mask.width, maskHeight: mask.height, imageWidth: image.width,
                imageHeight: image.height)
        }
    }
}
