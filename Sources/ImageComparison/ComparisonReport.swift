/// The outcome of comparing two images: every metric, and whether it passed its tolerance.
/// Encodes to JSON with the keys `width`, `height`, `rms`, `mismatchedPixels`,
/// `antiAliasedPixels`, `worstTile` and `pass`, plus `ssim` when SSIM was measured and
/// `ignoredPixels` when a mask was applied.
public struct ComparisonReport: Codable, Equatable, Sendable {
    /// Width of the compared images, in pixels.
    public var width: Int
    /// Height of the compared images, in pixels.
    public var height: Int
    /// matplotlib-style RMS difference, 0–255 scale, over the pixels not ignored.
    public var rms: Double
    /// pixelmatch's count of differing pixels (anti-aliasing excluded unless asked).
    public var mismatchedPixels: Int
    /// Pixels that differ but were recognised as anti-aliasing.
    public var antiAliasedPixels: Int
    /// The 32×32 tile with the largest mean absolute difference.
    public var worstTile: TileDifference
    /// Mean SSIM (see `StructuralSimilarity`), when it was measured.
    public var ssim: Double?
    /// How many pixels a mask left out of every metric, when a mask was applied.
    public var ignoredPixels: Int?
    /// Whether every metric is within the tolerance used.
    public var pass: Bool

    /// Creates a report from its metrics and verdict.
    public init(
        width: Int, height: Int, rms: Double, mismatchedPixels: Int, antiAliasedPixels: Int,
        worstTile: TileDifference, pass: Bool, ssim: Double? = nil, ignoredPixels: Int? = nil
    ) {
        self.width = width
        self.height = height
        self.rms = rms
        self.mismatchedPixels = mismatchedPixels
        self.antiAliasedPixels = antiAliasedPixels
        self.worstTile = worstTile
        self.ssim = ssim
        self.ignoredPixels = ignoredPixels
        self.pass = pass
    }

    /// A few lines for people: the metrics, then the verdict with the limits exceeded.
    public func summary(tolerance: Tolerance) -> String {
        let tile = worstTile
        var lines = [
            "size: \(width)×\(height)",
            "rms: \(format(rms)) (tolerance \(format(tolerance.rms)))",
            "mismatched pixels: \(mismatchedPixels) (max \(tolerance.maxMismatchedPixels), "
                + "threshold \(format(tolerance.threshold)))",
            "anti-aliased pixels: \(antiAliasedPixels)"
                + (tolerance.includeAntiAliased ? "" : " (not counted)"),
            "worst tile: mean |difference| \(format(tile.meanAbsoluteDifference)) "
                + "at x \(tile.x), y \(tile.y) (\(tile.width)×\(tile.height))"
                + (tolerance.maxTileDifference.map { " (limit \(format($0)))" } ?? ""),
        ]
        if let ssim {
            lines.append(
                "ssim: \(formatSSIM(ssim))" + (tolerance.minSSIM.map { " (minimum \(formatSSIM($0)))" } ?? "")
            )
        }
        if let ignoredPixels { lines.append("ignored pixels: \(ignoredPixels)") }
        let violations = tolerance.violations(of: self)
        lines.append(
            violations.isEmpty ? "result: pass" : "result: FAIL (" + violations.joined(separator: "; ") + ")")
        return lines.joined(separator: "\n")
    }
}
