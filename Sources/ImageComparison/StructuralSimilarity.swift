import FitPNG
import Foundation

/// The structural similarity index (SSIM) of Wang, Bovik, Sheikh and Simoncelli, "Image
/// quality assessment: from error visibility to structural similarity", IEEE TIP 2004.
///
/// Computed on BT.601 luma (Y = 0.299 R + 0.587 G + 0.114 B, in floating point, after
/// compositing translucent pixels over white) with a Gaussian window of σ = 1.5 truncated at
/// 3.5 σ (11 × 11), K1 = 0.01, K2 = 0.03 and L = 255, population (not sample) covariances and
/// mirrored edges: the same definition and the same number as scikit-image's
/// `structural_similarity(a, b, gaussian_weights=True, sigma=1.5,
/// use_sample_covariance=False, data_range=255)`, whose mean leaves out a 5-pixel border.
/// (scikit-image refuses images narrower or lower than 11 pixels; here the mean of such an
/// image is taken over its whole map.)
///
/// The rows are processed in bands, so memory stays at a few megabytes a core whatever the
/// image size, and the result does not depend on how many cores there are.
public enum StructuralSimilarity {
    /// Standard deviation of the Gaussian window.
    public static let sigma = 1.5
    /// Window radius: `Int(3.5 σ + 0.5)` as scipy's `gaussian_filter` computes it.
    public static let radius = 5
    static let c1 = (0.01 * 255) * (0.01 * 255)
    static let c2 = (0.03 * 255) * (0.03 * 255)

    /// The normalised Gaussian weights, as scipy's `_gaussian_kernel1d`.
    static let weights: [Double] = {
        let raw = (-radius...radius).map { x in exp(-0.5 / (sigma * sigma) * Double(x * x)) }
        let sum = raw.reduce(0, +)
        return raw.map { $0 / sum }
    }()

    /// The mean SSIM of two same-size images, ignoring the masked pixels.
    ///
    /// - Throws: `ImageComparisonError.sizeMismatch` or `.malformedImage`.
    public static func mean(expected: RGBAImage, actual: RGBAImage, mask: ComparisonMask? = nil)
        throws(ImageComparisonError) -> Double
    {
        try ImageComparisonError.checkSameSize(expected, actual)
        try ImageComparisonError.checkMask(mask, expected)
        let neutral = mask.map { $0.neutralize(actual, from: expected) } ?? actual
        return compute(expected, neutral, mask: mask, map: nil)
    }

    /// The SSIM map as a grey image: white where the images are structurally equal, darker
    /// where they differ (SSIM ≤ 0 is black).
    public static func mapImage(expected: RGBAImage, actual: RGBAImage, mask: ComparisonMask? = nil)
        throws(ImageComparisonError) -> RGBAImage
    {
        try ImageComparisonError.checkSameSize(expected, actual)
        try ImageComparisonError.checkMask(mask, expected)
        let neutral = mask.map { $0.neutralize(actual, from: expected) } ?? actual
        var pixels = [UInt8](repeating: 255, count: expected.pixels.count)
        pixels.withUnsafeMutableBufferPointer { out in
            _ = compute(expected, neutral, mask: mask, map: SharedPointer(base: out.baseAddress!))
        }
        do {
            return try RGBAImage(width: expected.width, height: expected.height, pixels: pixels)
        } catch {
            throw .malformedImage(width: expected.width, height: expected.height, byteCount: pixels.count)
        }
    }

    /// Mean SSIM (and, with `map`, the grey map written as RGBA).
    static func compute(
        _ expected: RGBAImage, _ actual: RGBAImage, mask: ComparisonMask?, map: SharedPointer<UInt8>?
    ) -> Double {
        let width = expected.width
        let height = expected.height
        // scikit-image averages the map without a border of `radius` pixels.
        let cropX = width > 2 * radius ? radius : 0
        let cropY = height > 2 * radius ? radius : 0
        let bands = RowBands.split(height: height, targetRows: 48)
        let sums: [(sum: Double, count: Int)] = expected.pixels.withUnsafeBufferPointer { e in
            actual.pixels.withUnsafeBufferPointer { a in
                let ep = SharedReadPointer(base: e.baseAddress!)
                let ap = SharedReadPointer(base: a.baseAddress!)
                return RowBands.map(bands) { band in
                    SSIMBand(width: width, height: height, rows: band).run(
                        expected: ep.base, actual: ap.base, mask: mask?.ignored,
                        crop: (cropX, cropY), map: map)
                }
            }
        }
        // Band sums added in band order: the same number for any core count.
        var total = 0.0
        var count = 0
        for part in sums {
            total += part.sum
            count += part.count
        }
        return count > 0 ? total / Double(count) : 1
    }

    /// BT.601 luma of one pixel, composited over white when translucent.
    @inline(__always)
    static func luma(_ p: UnsafePointer<UInt8>, _ i: Int) -> Double {
        let alpha = p[i + 3]
        if alpha == 255 {
            return 0.299 * Double(p[i]) + 0.587 * Double(p[i + 1]) + 0.114 * Double(p[i + 2])
        }
        let a = Double(alpha) / 255
        let over = { (c: UInt8) in Double(c) * a + 255 * (1 - a) }
        return 0.299 * over(p[i]) + 0.587 * over(p[i + 1]) + 0.114 * over(p[i + 2])
    }

    /// scipy.ndimage's `reflect` mode (d c b a | a b c d | d c b a), for any distance.
    @inline(__always)
    static func reflect(_ i: Int, _ n: Int) -> Int {
        if i >= 0 && i < n { return i }
        let period = 2 * n
        var m = i % period
        if m < 0 { m += period }
        return m < n ? m : period - 1 - m
    }
}
