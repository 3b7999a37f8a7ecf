import FitPNG

/// Which channels the difference metrics look at, decided the way matplotlib decides it.
///
/// matplotlib's `compare_images` drops the alpha channel of an image whose alpha is 255
/// everywhere, so two opaque images are compared over R, G, B only. When either image has
/// some alpha below 255 we compare over R, G, B, A. (matplotlib itself would refuse the mixed
/// case, an opaque image against a translucent one, as a shape mismatch; counting alpha then
/// is the natural extension and makes a change of transparency visible.)
public enum ComparedChannels: String, Codable, Sendable {
    /// Red, green and blue: both images are opaque, alpha is ignored.
    case rgb
    /// Red, green, blue and alpha: at least one image has a pixel with alpha below 255.
    case rgba

    /// The channels for comparing `expected` with `actual`.
    public init(_ expected: RGBAImage, _ actual: RGBAImage) {
        self = expected.isOpaque && actual.isOpaque ? .rgb : .rgba
    }

    /// 3 or 4.
    public var count: Int { self == .rgb ? 3 : 4 }
}

extension ImageMetrics {
    /// The root mean square difference of two images on the 0–255 scale, as matplotlib's
    /// `matplotlib.testing.compare.calculate_rms` computes it inside `compare_images`:
    /// the per-channel differences as signed integers, squared, averaged over every compared
    /// value (width × height × channels), then the square root.
    ///
    /// - Throws: `ImageComparisonError.sizeMismatch` when the sizes differ.
    public static func rootMeanSquare(expected: RGBAImage, actual: RGBAImage) throws(ImageComparisonError)
        -> Double
    {
        try ImageComparisonError.checkSameSize(expected, actual)
        return rootMeanSquare(expected, actual, channels: ComparedChannels(expected, actual))
    }

    /// RMS over the given channels; sizes already checked.
    static func rootMeanSquare(_ expected: RGBAImage, _ actual: RGBAImage, channels: ComparedChannels)
        -> Double
    {
        let pixelCount = expected.width * expected.height
        // Integer sum: exact, and equal to numpy's float64 sum of integer squares as long as it
        // stays below 2^53 (it does for any image under ~35 gigapixels).
        var sumOfSquares = 0
        expected.pixels.withUnsafeBufferPointer { e in
            actual.pixels.withUnsafeBufferPointer { a in
                var i = 0
                let end = pixelCount * 4
                if channels == .rgb {
                    while i < end {
                        let dr = Int(e[i]) - Int(a[i])
                        let dg = Int(e[i + 1]) - Int(a[i + 1])
                        let db = Int(e[i + 2]) - Int(a[i + 2])
                        sumOfSquares &+= dr * dr + dg * dg + db * db
                        i += 4
                    }
                } else {
                    while i < end {
                        let d = Int(e[i]) - Int(a[i])
                        sumOfSquares &+= d * d
                        i += 1
                    }
                }
            }
        }
        let valueCount = Double(pixelCount * channels.count)
        return (Double(sumOfSquares) / valueCount).squareRoot()
    }
}

/// Namespace of the image difference metrics.
public enum ImageMetrics {}
