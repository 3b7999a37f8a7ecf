/// SplitMix64 (Steele, Lea and Flood, 2014; constants as in Vigna's reference code).
///
/// Used only to expand one 64-bit seed into the 256-bit state of ``Xoshiro256StarStar``,
/// as the xoshiro authors recommend: nearby seeds give unrelated states, and no seed
/// yields the forbidden all-zero state in practice.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The current state; advanced by the golden-ratio increment on every call.
    public private(set) var state: UInt64

    /// Creates a generator whose state is `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next output: advance the state, then mix it (SplitMix64's finaliser).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** 1.0 (Blackman and Vigna, 2018), seeded through ``SplitMix64``.
///
/// The data sets of this package come from this generator and never from
/// `SystemRandomNumberGenerator`, so the same seed gives the same bits on every platform:
/// every step is integer arithmetic, and doubles are built exactly from the top 53 bits.
///
/// Seeding: the four state words are four consecutive outputs of `SplitMix64(seed:)`.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Creates a generator whose state is four consecutive SplitMix64 outputs for `seed`.
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        s0 = seeder.next()
        s1 = seeder.next()
        s2 = seeder.next()
        s3 = seeder.next()
        // SplitMix64 is a bijection of its counter, so four zero outputs in a row cannot
        // happen; the guard documents the invariant xoshiro needs rather than fixing a case.
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// The next 64 random bits (xoshiro256** output, then the state update).
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, by: 45)
        return result
    }

    /// A double uniform in [0, 1): the top 53 bits of `next()` times 2⁻⁵³ (exact, no rounding).
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A double uniform in [`lower`, `upper`): `lower + (upper − lower) · u` with u from
    /// ``nextUnitDouble()``. For [−1, 1) every step is exact, so the bound holds strictly.
    public mutating func nextDouble(from lower: Double, upTo upper: Double) -> Double {
        lower + (upper - lower) * nextUnitDouble()
    }

    @inline(__always)
    private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }
}
