/// tanh written here, so that every machine computes the same bits (the C library's `tanh`
/// differs between libm versions), four lanes at a time for the network's hot loop.
///
/// Algorithm: with a = min(2|z|, 40) (tanh(20) rounds to 1), a = k·ln 2 + r with k an integer
/// and |r| ≤ ln 2 / 2 (Cody–Waite: ln 2 split in a high part with 32 trailing zero bits and a
/// low part, so k·ln2Hi is exact); expm1(r) by its Taylor series to r¹³/13! (truncation below
/// 10⁻¹⁷ relative); eᵃ − 1 = 2ᵏ·expm1(r) + (2ᵏ − 1), exact in its steps for small k; then
/// tanh|z| = (eᵃ − 1)/(eᵃ − 1 + 2), and the sign of z. Only additions, multiplications and one
/// division, no fused multiply-add: IEEE 754 fixes every result. Accuracy: within 4 ulp of
/// the correctly rounded value (tested against the C library).
public enum PortableTanh {
    @usableFromInline static let ln2Hi = 6.93147180369123816490e-01
    @usableFromInline static let ln2Lo = 1.90821492927058770002e-10
    @usableFromInline static let inverseLn2 = 1.44269504088896338700e+00
    /// 1.5·2⁵²: adding it rounds a double of magnitude below 2⁵¹ to an integer, in its low bits.
    @usableFromInline static let roundingShift = 6_755_399_441_055_744.0

    /// tanh(z) for one value.
    @inlinable
    public static func tanh(_ z: Double) -> Double {
        tanh(SIMD4<Double>(repeating: z))[0]
    }

    /// tanh of four values.
    @inlinable
    public static func tanh(_ z: SIMD4<Double>) -> SIMD4<Double> {
        let negative = z .< 0
        var a = z.replacing(with: -z, where: negative)
        a = a + a
        a = a.replacing(with: 40, where: .!(a .< 40))  // also maps NaN to 40; callers never pass NaN
        let shifted = a * inverseLn2 + roundingShift
        let k = shifted - roundingShift
        let r = (a - k * ln2Hi) - k * ln2Lo
        var p = SIMD4<Double>(repeating: 1.0 / 6_227_020_800)  // 1/13!
        p = p * r + 1.0 / 479_001_600
        p = p * r + 1.0 / 39_916_800
        p = p * r + 1.0 / 3_628_800
        p = p * r + 1.0 / 362_880
        p = p * r + 1.0 / 40_320
        p = p * r + 1.0 / 5_040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r  // expm1(r)
        let bits = unsafeBitCast(shifted, to: SIMD4<UInt64>.self)
        let scale = unsafeBitCast((bits &+ 1023) &<< 52, to: SIMD4<Double>.self)  // 2ᵏ
        let expm1 = scale * p + (scale - 1)
        let t = expm1 / (expm1 + 2)
        return t.replacing(with: -t, where: negative)
    }
}
