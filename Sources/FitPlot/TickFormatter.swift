/// The labels of one axis' ticks, and the text that multiplies or offsets them.
public struct TickLabels: Hashable, Sendable {
    /// One label per tick, all with the same number of decimals.
    public var labels: [String]
    /// "1e−6", "+1e6", "1e−6+1" …, shown at the end of the axis; empty when not needed.
    public var offsetText: String
}

/// Tick labels like matplotlib's default `ScalarFormatter` (useOffset true, offset threshold
/// 4, power limits (−5, 6), no mathtext):
///
/// - every label of an axis has the same number of decimals, the fewest that tell the ticks
///   apart: 0.0 0.5 1.0 1.5 (not 0 0.5 1 1.5), as matplotlib prints them;
/// - no float noise: 0.1 + 0.2 prints 0.3;
/// - when the largest visible tick is below 1e−5 or at least 1e6, labels are divided by a power
///   of ten written once at the end of the axis ("1e−6"): labels stay short;
/// - when the ticks share leading digits (1000000.1 … 1000000.5) an offset is subtracted and
///   written at the end of the axis ("+1e6"), so the labels show only what changes;
/// - negative numbers use U+2212 and the separator of `numberFormatting` (comma for French).
public struct TickFormatter: Hashable, Sendable {
    /// Decimal separator and minus sign of the labels.
    public var numberFormatting: NumberFormatting
    /// Exponents at or outside which labels switch to a multiplier (matplotlib's scilimits).
    public var powerLimits: (lower: Int, upper: Int) { (lowerPowerLimit, upperPowerLimit) }
    /// Labels switch to a multiplier when the largest visible tick's order of magnitude
    /// (⌊log10|tick|⌋) is at most this (matplotlib's −5).
    public var lowerPowerLimit: Int
    /// Labels switch to a multiplier when that order of magnitude is at least this (matplotlib's 6).
    public var upperPowerLimit: Int
    /// Whether a common offset may be subtracted from the labels.
    public var usesOffset: Bool
    /// An offset is used only when it saves at least this many digits.
    public var offsetThreshold: Int

    /// Creates a formatter; the defaults are matplotlib's `ScalarFormatter` settings.
    public init(
        numberFormatting: NumberFormatting = .english, lowerPowerLimit: Int = -5,
        upperPowerLimit: Int = 6, usesOffset: Bool = true, offsetThreshold: Int = 4
    ) {
        self.numberFormatting = numberFormatting
        self.lowerPowerLimit = lowerPowerLimit
        self.upperPowerLimit = upperPowerLimit
        self.usesOffset = usesOffset
        self.offsetThreshold = offsetThreshold
    }

    /// Labels for `ticks` (as returned by the locator, possibly beyond the limits) on an axis
    /// showing `lower…upper`.
    public func labels(for ticks: [Double], lower: Double, upper: Double) -> TickLabels {
        guard !ticks.isEmpty else { return TickLabels(labels: [], offsetText: "") }
        let (vmin, vmax) = lower <= upper ? (lower, upper) : (upper, lower)
        let visible = ticks.filter { vmin <= $0 && $0 <= vmax }
        let offset = usesOffset ? Self.offset(of: visible, threshold: offsetThreshold) : 0
        let order = orderOfMagnitude(visible: visible, offset: offset, vmin: vmin, vmax: vmax)
        let divisor = ElementaryMath.pow(10, Double(order))
        let decimals = Self.decimals(for: ticks, offset: offset, divisor: divisor, vmin: vmin, vmax: vmax)
        let labels = ticks.map { tick -> String in
            var scaled = (tick - offset) / divisor
            if abs(scaled) < 1e-8 { scaled = 0 }
            return numberFormatting.format(scaled, decimals: decimals)
        }
        return TickLabels(labels: labels, offsetText: offsetText(offset: offset, order: order))
    }

    private func offsetText(offset: Double, order: Int) -> String {
        var text = ""
        if order != 0 { text += "1e" + numberFormatting.format(order) }
        if offset != 0 { text += (offset > 0 ? "+" : "") + scientific(offset) }
        return text
    }

    /// matplotlib's `ScalarFormatter.format_data`: "1e6", "1.5e−3", "−2e4".
    private func scientific(_ value: Double) -> String {
        let exponent = Int(ElementaryMath.log10(abs(value)).rounded(.down))
        let significand = value / ElementaryMath.pow(10, Double(exponent))
        let text = numberFormatting.formatTrimmed(significand, maximumDecimals: 9)
        return exponent == 0 ? text : text + "e" + numberFormatting.format(exponent)
    }

    private func orderOfMagnitude(visible: [Double], offset: Double, vmin: Double, vmax: Double) -> Int {
        if lowerPowerLimit == upperPowerLimit && lowerPowerLimit != 0 { return lowerPowerLimit }
        guard let largest = visible.map({ abs($0) }).max() else { return 0 }
        let oom: Int
        if offset != 0 {
            oom = Int(ElementaryMath.log10(vmax - vmin).rounded(.down))
        } else {
            oom = largest == 0 ? 0 : Int(ElementaryMath.log10(largest).rounded(.down))
        }
        return (oom <= lowerPowerLimit || oom >= upperPowerLimit) ? oom : 0
    }

    /// matplotlib's `ScalarFormatter._compute_offset`.
    static func offset(of visible: [Double], threshold: Int) -> Double {
        guard let lmin = visible.min(), let lmax = visible.max() else { return 0 }
        if lmin == lmax || (lmin <= 0 && 0 <= lmax) { return 0 }
        let absMin = min(abs(lmin), abs(lmax))
        let absMax = max(abs(lmin), abs(lmax))
        let sign: Double = lmin < 0 ? -1 : 1
        let floorDiv = ElementaryMath.pythonFloorDivide
        let p10 = { (e: Double) in ElementaryMath.pow(10, e) }
        let oomMax = ElementaryMath.log10(absMax).rounded(.up)
        var oom = oomMax
        // Both loops end: the values differ, so some power of ten separates them (the
        // bound only guards against a pathological input).
        while floorDiv(absMin, p10(oom)) == floorDiv(absMax, p10(oom)), oom > -400 { oom -= 1 }
        oom += 1
        if (absMax - absMin) / p10(oom) <= 1e-2 {
            oom = oomMax
            while !(floorDiv(absMax, p10(oom)) - floorDiv(absMin, p10(oom)) > 1), oom > -400 { oom -= 1 }
            oom += 1
        }
        let n = Double(threshold - 1)
        let leading = floorDiv(absMax, p10(oom))
        return leading >= p10(n) ? sign * leading * p10(oom) : 0
    }

    /// matplotlib's `ScalarFormatter._set_format`: the fewest decimals (≥ 0) such that
    /// rounding every tick to them moves none by more than 1/1000 of the ticks' span.
    static func decimals(for ticks: [Double], offset: Double, divisor: Double, vmin: Double, vmax: Double)
        -> Int
    {
        var all = ticks
        if ticks.count < 2 { all += [vmin, vmax] }
        var locs = all.map { ($0 - offset) / divisor }
        var range = (locs.max() ?? 0) - (locs.min() ?? 0)
        if range == 0 { range = locs.map { abs($0) }.max() ?? 0 }
        if range == 0 { range = 1 }
        if ticks.count < 2 { locs.removeLast(2) }
        let rangeOom = Int(ElementaryMath.log10(range).rounded(.down))
        var sigfigs = max(0, 3 - rangeOom)
        let threshold = 1e-3 * ElementaryMath.pow(10, Double(rangeOom))
        while sigfigs >= 0 {
            let factor = ElementaryMath.pow(10, Double(sigfigs))
            // numpy.round(x, d): rint(x · 10^d) / 10^d, ties to even.
            let error = locs.map { abs($0 - ($0 * factor).rounded(.toNearestOrEven) / factor) }.max() ?? 0
            if error < threshold { sigfigs -= 1 } else { break }
        }
        return sigfigs + 1
    }
}
