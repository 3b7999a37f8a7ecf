import FitPNG

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Compares two images with every metric and judges them against a tolerance.
public struct ImageComparator: Sendable {
    /// The limits a comparison must stay within to pass.
    public var tolerance: Tolerance
    /// Edge of the tiles for the worst-tile metric.
    public var tileSize: Int
    /// Measure SSIM even when the tolerance has no `minSSIM` (it always does when it has).
    public var measuresSSIM: Bool

    /// Creates a comparator; exact by default. A `tileSize` below 1 is raised to 1.
    public init(
        tolerance: Tolerance = .exact, tileSize: Int = ImageMetrics.defaultTileSize,
        measuresSSIM: Bool = false
    ) {
        self.tolerance = tolerance
        self.tileSize = max(1, tileSize)
        self.measuresSSIM = measuresSSIM
    }

    /// Whether `compare` measures SSIM.
    public var computesSSIM: Bool { measuresSSIM || tolerance.minSSIM != nil }

    /// The report for `actual` against `expected`, leaving out the pixels `mask` ignores.
    ///
    /// Identical pixels are recognised with one memory comparison and reported without
    /// running the metrics. Otherwise one scan on every core computes the RMS, pixelmatch and
    /// the worst tile from the differing pixels only; SSIM runs only when asked for.
    ///
    /// - Throws: `ImageComparisonError` for different sizes, a mask of another size or an
    ///   invalid tolerance.
    public func compare(expected: RGBAImage, actual: RGBAImage, mask: ComparisonMask? = nil)
        throws(ImageComparisonError) -> ComparisonReport
    {
        try compare(expected: expected, actual: actual, mask: mask, knownOpaque: false)
    }

    /// `compare`, told that both images are opaque (for instance because their PNG files have
    /// no alpha channel and no tRNS chunk), which lets the scan skip equal runs faster.
    /// Passing `true` for a translucent image gives wrong RGB/RGBA accounting.
    package func compare(expected: RGBAImage, actual: RGBAImage, mask: ComparisonMask?, knownOpaque: Bool)
        throws(ImageComparisonError) -> ComparisonReport
    {
        try tolerance.validate()
        try ImageComparisonError.checkSameSize(expected, actual)
        try ImageComparisonError.checkMask(mask, expected)
        let activeMask = mask.flatMap { $0.ignoredCount > 0 ? $0 : nil }
        let neutral = activeMask.map { $0.neutralize(actual, from: expected) } ?? actual
        let ignored = mask.map(\.ignoredCount)
        let comparedPixels = expected.width * expected.height - (ignored ?? 0)
        if Self.samePixels(expected, neutral) {
            var report = ComparisonReport(
                width: expected.width, height: expected.height, rms: 0, mismatchedPixels: 0,
                antiAliasedPixels: 0,
                worstTile: TileDifference(
                    x: 0, y: 0, width: min(tileSize, expected.width), height: min(tileSize, expected.height),
                    meanAbsoluteDifference: 0),
                pass: false, ssim: computesSSIM ? 1 : nil, ignoredPixels: ignored)
            report.pass = tolerance.violations(of: report).isEmpty
            return report
        }
        let scan = DifferenceScan.run(
            expected, neutral, tileSize: tileSize, options: tolerance.pixelmatchOptions)
        var report = ComparisonReport(
            width: expected.width, height: expected.height,
            rms: scan.rootMeanSquare(comparedPixels: comparedPixels),
            mismatchedPixels: scan.pixelmatch.mismatchedPixels,
            antiAliasedPixels: scan.pixelmatch.antiAliasedPixels,
            worstTile: scan.worstTile(
                width: expected.width, height: expected.height, tileSize: tileSize, mask: activeMask),
            pass: false,
            ssim: computesSSIM
                ? StructuralSimilarity.compute(expected, neutral, mask: activeMask, map: nil) : nil,
            ignoredPixels: ignored)
        report.pass = tolerance.violations(of: report).isEmpty
        return report
    }

    /// The diff image in `style`, with this comparator's pixelmatch threshold; the pixels
    /// `mask` ignores are hatched.
    public func diffImage(
        expected: RGBAImage, actual: RGBAImage, style: DiffStyle, mask: ComparisonMask? = nil
    ) throws(ImageComparisonError) -> RGBAImage {
        try style.diffImage(
            expected: expected, actual: actual, options: tolerance.pixelmatchOptions, mask: mask)
    }

    /// Whether the two pixel buffers are byte for byte equal (one `memcmp`, which stops at the
    /// first difference).
    static func samePixels(_ a: RGBAImage, _ b: RGBAImage) -> Bool {
        guard a.pixels.count == b.pixels.count else { return false }
        return a.pixels.withUnsafeBytes { x in
            b.pixels.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
    }
}
