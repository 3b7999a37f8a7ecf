#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tick labels on a base-10 log axis, as matplotlib 3.11's `LogFormatterSciNotation` writes
/// them, in plain Unicode since renderers draw plain text (no mathtext):
///
/// - a decade is "10" with a superscript exponent: "10⁻¹", "10⁰", "10¹", "10¹²";
/// - other ticks are "c×10ᵏ" ("2×10⁻¹", "1.15×10⁰"), and only labelled when the axis shows at
///   most one decade tick (`minor_thresholds` (1, 0.4)): over more than 0.4 decades only
///   coefficients 1, 2, 3, 4 and 6 are labelled, over less every one. Otherwise they stay
///   unlabelled. So an axis showing less than a decade, like 0.2…0.8, still carries labels
///   ("2×10⁻¹", "3×10⁻¹", "4×10⁻¹", "6×10⁻¹"), as matplotlib's does.
public struct LogTickFormatter: Hashable, Sendable {
    /// Decimal separator of coefficients ("1,15×10⁰" in French).
    public var numberFormatting: NumberFormatting

    /// Creates a formatter.
    public init(numberFormatting: NumberFormatting = .english) { self.numberFormatting = numberFormatting }

    /// The label of each tick (empty for an unlabelled one) on an axis showing `lower…upper`.
    public func labels(for ticks: [Double], lower: Double, upper: Double) -> [String] {
        let labelled = Self.labelledCoefficients(lower: lower, upper: upper)
        return ticks.map { label(for: $0, labelledCoefficients: labelled) }
    }

    /// matplotlib's `LogFormatter.set_locs`: which coefficients c of c × 10^k get a label;
    /// nil labels all of them.
    static func labelledCoefficients(lower: Double, upper: Double) -> Set<Int>? {
        let (vmin, vmax) = (min(lower, upper), max(lower, upper))
        guard vmin > 0 else { return [1] }
        // Python's math.log(x, 10) is log(x) / log(10), not log10(x).
        let lmin = log(vmin) / log(10.0)
        let lmax = log(vmax) / log(10.0)
        // nextafter: a lower limit exactly at a decade counts that decade's tick.
        let decadeTicks = Int(lmax.rounded(.down)) - Int(lmin.nextDown.rounded(.down))
        let decadesShown = abs(lmax - lmin)
        if decadeTicks > 1 { return [1] }
        if decadesShown > 0.4 { return [1, 2, 3, 4, 6, 10] }  // round(geomspace(1, 10, 6))
        return Set(1...10)
    }

    func label(for value: Double, labelledCoefficients: Set<Int>?) -> String {
        guard value > 0, value.isFinite else { return "" }
        let fx = log(value) / log(10.0)
        let isDecade = Self.isCloseToInteger(fx)
        let exponent = isDecade ? fx.rounded(.toNearestOrEven) : fx.rounded(.down)
        let coefficient = Int(pow(10.0, fx - exponent).rounded(.toNearestOrEven))
        if let labelledCoefficients, !labelledCoefficients.contains(coefficient) { return "" }
        if isDecade { return "10" + Self.superscript(Int(exponent)) }
        // LogFormatterSciNotation._non_decade_format: "%g×10^%d".
        let power = fx.rounded(.down)
        var c = pow(10.0, fx - power)
        if Self.isCloseToInteger(c) { c = c.rounded(.toNearestOrEven) }
        return numberFormatting.formatTrimmed(c, maximumDecimals: 5) + "×10" + Self.superscript(Int(power))
    }

    /// Python's `math.isclose(x, round(x))` (relative tolerance 1e-9, no absolute tolerance).
    static func isCloseToInteger(_ x: Double) -> Bool {
        let r = x.rounded(.toNearestOrEven)
        return abs(x - r) <= 1e-9 * max(abs(x), abs(r))
    }

    /// `n` in superscript digits, with the superscript minus "⁻".
    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(String(n.magnitude).map { digits[Int(String($0)) ?? 0] })
        return n < 0 ? "⁻" + body : body
    }
}
