/// Round-trip-exact decimal text for doubles.
///
/// Swift's `Double.description` (the standard library's SwiftDtoa algorithm) prints the
/// shortest decimal that parses back to the same bits, which is what history files need:
/// `0.1` stays `0.1`, and `Double(text)` restores the value exactly. Its forms are all valid
/// numbers for CSV readers, JSON and Python: plain digits with a point (`7.25`, `100.0`) for
/// magnitudes from 10⁻⁴ up to 2⁵³, exponent form outside (`1e-05`, `1e+16`, `5e-324`). Non-finite
/// values become `nan`, `inf` and `-inf`, which `Double(_:)`, numpy and pandas read back.
public enum ShortestDecimal {
    /// The shortest round-trip text of `value`.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return value.description
    }

    /// Parses text written by ``format(_:)`` (or any decimal) back to a double.
    public static func parse<S: StringProtocol>(_ text: S) -> Double? {
        Double(String(text))
    }
}
