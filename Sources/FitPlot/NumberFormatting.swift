/// Formats numbers for people: a fixed number of decimals, a decimal point or comma, and a
/// true minus sign (U+2212) rather than a hyphen. Usable for titles as well as tick labels,
/// e.g. "Iteration 12 — loss 0.4911" or, with `.french`, "Itération 12 — perte 0,4911".
///
/// Rounding is to nearest, ties away from zero on the decimal value of the double scaled by
/// 10^decimals; values whose scaled magnitude exceeds 2^53 are printed with Swift's
/// shortest round-trip representation instead (they have no fractional digits to show).
public struct NumberFormatting: Hashable, Sendable {
    /// Separates the integer part from the decimals: "." in English, "," in French.
    public var decimalSeparator: String
    /// Written before negative numbers; U+2212 by default, as typeset mathematics does.
    public var minusSign: String

    /// Creates a formatting; by default a decimal point and U+2212 minus (``english``).
    public init(decimalSeparator: String = ".", minusSign: String = "\u{2212}") {
        self.decimalSeparator = decimalSeparator
        self.minusSign = minusSign
    }

    /// Decimal point and U+2212 minus (matplotlib's default look).
    public static let english = NumberFormatting()
    /// Decimal comma and U+2212 minus.
    public static let french = NumberFormatting(decimalSeparator: ",")
    /// Decimal point and ASCII hyphen-minus: for machine-readable text.
    public static let ascii = NumberFormatting(decimalSeparator: ".", minusSign: "-")

    /// `value` with exactly `decimals` digits after the separator (negative counts as 0).
    /// A value that rounds to zero prints without a minus sign ("0.00", never "−0.00").
    /// NaN prints "nan", infinities "inf"/"−inf".
    public func format(_ value: Double, decimals: Int) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? minusSign + "inf" : "inf" }
        let digits = max(0, min(decimals, 17))
        let scale = ElementaryMath.pow(10, Double(digits))
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9_007_199_254_740_992 else {
            return (value < 0 ? minusSign : "") + Self.plainDigits(abs(value))
        }
        let integer = UInt64(scaled)
        var text = String(integer)
        if digits > 0 {
            if text.count <= digits {
                text = String(repeating: "0", count: digits - text.count + 1) + text
            }
            let split = text.index(text.endIndex, offsetBy: -digits)
            text = text[..<split] + decimalSeparator + text[split...]
        }
        return (value < 0 && integer != 0 ? minusSign : "") + text
    }

    /// An integer with the minus sign of this formatting.
    public func format(_ value: Int) -> String {
        value < 0 ? minusSign + String(value.magnitude) : String(value)
    }

    /// `value` with the fewest decimals (up to `maximumDecimals`) that show it exactly to that
    /// precision: 0.5 → "0.5", 2.0 → "2", 0.1 + 0.2 → "0.3".
    public func formatTrimmed(_ value: Double, maximumDecimals: Int = 6) -> String {
        var decimals = max(0, maximumDecimals)
        let full = format(value, decimals: decimals)
        while decimals > 0, format(value, decimals: decimals - 1).count < full.count,
            isSameValue(format(value, decimals: decimals - 1), full)
        {
            decimals -= 1
        }
        return format(value, decimals: decimals)
    }

    private func isSameValue(_ shorter: String, _ longer: String) -> Bool {
        // The longer text only adds trailing zeros when it starts with the shorter one
        // (with the separator) and the rest is zeros.
        var prefix = shorter
        if !shorter.contains(decimalSeparator) { prefix += decimalSeparator }
        guard longer.hasPrefix(prefix) else { return false }
        return longer.dropFirst(prefix.count).allSatisfy { $0 == "0" }
    }

    private static func plainDigits(_ magnitude: Double) -> String {
        // Large whole numbers: Swift prints e.g. "1e+20"; keep its digits, it is exact.
        "\(magnitude)"
    }
}
