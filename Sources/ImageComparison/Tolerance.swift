/// How far two images may differ and still pass.
///
/// The default is exact: RMS 0 and no mismatched pixel. Any of the limits can be loosened; a
/// comparison passes when it is within every limit.
public struct Tolerance: Codable, Equatable, Sendable {
    /// Largest acceptable RMS difference (matplotlib's `tol`), 0–255 scale.
    public var rms: Double
    /// Largest acceptable number of pixelmatch-mismatched pixels.
    public var maxMismatchedPixels: Int
    /// pixelmatch threshold, 0…1 (pixelmatch's default 0.1).
    public var threshold: Double
    /// Largest acceptable mean absolute difference in the worst 32×32 tile (0–255 scale);
    /// `nil` does not check tiles.
    public var maxTileDifference: Double?
    /// Count anti-aliased pixels as mismatched (pixelmatch's `includeAA`).
    public var includeAntiAliased: Bool
    /// Smallest acceptable mean SSIM, −1…1; `nil` does not measure SSIM.
    public var minSSIM: Double?

    /// Creates a tolerance; by default exact (RMS 0, no mismatched pixel, tiles and SSIM
    /// unchecked). Values are checked when images are compared.
    public init(
        rms: Double = 0, maxMismatchedPixels: Int = 0, threshold: Double = 0.1,
        maxTileDifference: Double? = nil, includeAntiAliased: Bool = false, minSSIM: Double? = nil
    ) {
        self.minSSIM = minSSIM
        self.rms = rms
        self.maxMismatchedPixels = maxMismatchedPixels
        self.threshold = threshold
        self.maxTileDifference = maxTileDifference
        self.includeAntiAliased = includeAntiAliased
    }

    /// Identical pixels only.
    public static let exact = Tolerance()

    /// The pixelmatch options these limits imply.
    public var pixelmatchOptions: PixelmatchOptions {
        PixelmatchOptions(threshold: threshold, includeAntiAliased: includeAntiAliased)
    }

    /// Throws when a limit is negative or not a number, or the threshold is outside 0…1.
    public func validate() throws(ImageComparisonError) {
        guard rms >= 0 else { throw .invalidTolerance(name: "rms tolerance", value: rms) }
        guard maxMismatchedPixels >= 0 else {
            throw .invalidTolerance(name: "maximum of mismatched pixels", value: Double(maxMismatchedPixels))
        }
        guard threshold >= 0, threshold <= 1 else { throw .invalidThreshold(threshold) }
        if let tile = maxTileDifference, !(tile >= 0) {
            throw .invalidTolerance(name: "tile difference limit", value: tile)
        }
        if let ssim = minSSIM, !(ssim >= -1 && ssim <= 1) { throw .invalidMinimumSSIM(ssim) }
    }

    /// The limits `report` exceeds, each as a short phrase ("rms 1.25 > 0.5"); empty when it
    /// passes.
    public func violations(of report: ComparisonReport) -> [String] {
        var found: [String] = []
        if report.rms > rms { found.append("rms \(format(report.rms)) > \(format(rms))") }
        if report.mismatchedPixels > maxMismatchedPixels {
            found.append("mismatched pixels \(report.mismatchedPixels) > \(maxMismatchedPixels)")
        }
        if let limit = maxTileDifference, report.worstTile.meanAbsoluteDifference > limit {
            let tile = report.worstTile
            found.append(
                "tile at (\(tile.x), \(tile.y)) differs by \(format(tile.meanAbsoluteDifference)) > \(format(limit))"
            )
        }
        if let minimum = minSSIM, let ssim = report.ssim, ssim < minimum {
            found.append("ssim \(formatSSIM(ssim)) < \(formatSSIM(minimum))")
        }
        return found
    }
}

/// A number with at most 4 decimals and no trailing zeros, for messages.
func format(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    let scaled = (value * 10_000).rounded() / 10_000
    if scaled == scaled.rounded() && abs(scaled) < 1e15 { return String(Int(scaled)) }
    return "\(scaled)"
}

/// An SSIM with 6 decimals (differences that matter for SSIM are often below 1e-4).
func formatSSIM(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    var text = String(Int((abs(value) * 1_000_000).rounded()))
    while text.count < 7 { text = "0" + text }
    let cut = text.index(text.endIndex, offsetBy: -6)
    var decimals = String(text[cut...])
    while decimals.hasSuffix("0") { decimals.removeLast() }
    let sign = value < 0 && text != "0000000" ? "-" : ""
    return sign + String(text[..<cut]) + (decimals.isEmpty ? "" : "." + decimals)
}
