/// The generated point clouds (`--dataset`), all with x uniform in [−1, 1):
///
/// - `line`: the article's, y = 3x + 2 + u (``TutorialDataSet``);
/// - `quadratic`: y = 2x² − x + 0.5 + (u − 0.5)/2, for `poly:2` and above;
/// - `sine`: y = sin(πx) + 0.4·(u − 0.5), a curve a line cannot follow, for `mlp:H`;
///
/// with u uniform in [0, 1). Draw order as the tutorial's: all x first, then all u, from
/// ``Xoshiro256StarStar`` seeded with `seed`. sin is ``PortableSine``, so every machine gets
/// the same bits.
public struct GeneratedDataSet: Sendable, Equatable {
    /// Which formula.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The article's line.
        case line
        /// A parabola.
        case quadratic
        /// One period of a sine.
        case sine
    }

    /// The formula.
    public var kind: Kind
    /// Number of points.
    public var count: Int
    /// Seed of the generator.
    public var seed: UInt64

    /// A generated set; by default the article's.
    public init(
        kind: Kind = .line, count: Int = TutorialDataSet.defaultCount, seed: UInt64 = TutorialDataSet.defaultSeed
    ) {
        self.kind = kind
        self.count = count
        self.seed = seed
    }

    /// The true function the points scatter around (without the noise's mean for `line`).
    public func truth(_ x: Double) -> Double {
        switch kind {
        case .line: return TutorialDataSet.defaultSlope * x + TutorialDataSet.defaultIntercept
        case .quadratic: return (2 * x - 1) * x + 0.5
        case .sine: return PortableSine.sinPi(x)
        }
    }

    /// Draws the points. Same parameters, same bits, on every platform.
    public func generate() throws(DataSetError) -> DataSet {
        if kind == .line { return try TutorialDataSet(count: count, seed: seed).generate() }
        guard count >= 1 else { throw .empty }
        var generator = Xoshiro256StarStar(seed: seed)
        var x = [Double](repeating: 0, count: count)
        for index in 0..<count { x[index] = generator.nextDouble(from: -1, upTo: 1) }
        var y = [Double](repeating: 0, count: count)
        for index in 0..<count {
            let u = generator.nextUnitDouble()
            let noise = kind == .quadratic ? (u - 0.5) / 2 : 0.4 * (u - 0.5)
            y[index] = truth(x[index]) + noise
        }
        return try DataSet(x: x, y: y)
    }
}

/// sin(π·x) for x in [−1, 1], written here so that generated data are the same bits everywhere.
///
/// Reduced to t = π·x' with x' in [−1/2, 1/2] by sin(π − a) = sin(a) and oddness, then the
/// Taylor series of sin to t²³/23! (truncation below 10⁻¹⁷ for |t| ≤ π/2), by Horner's
/// scheme with only additions and multiplications.
public enum PortableSine {
    /// sin(π·x); x outside [−1, 1] is first reduced by whole periods.
    public static func sinPi(_ x: Double) -> Double {
        guard x.isFinite else { return .nan }
        var r = x.truncatingRemainder(dividingBy: 2)  // exact
        if r > 1 { r -= 2 } else if r < -1 { r += 2 }
        if r > 0.5 { r = 1 - r } else if r < -0.5 { r = -1 - r }
        let t = Double.pi * r
        let t2 = t * t
        // Odd factorial reciprocals from 1/21! down to 1/1!.
        let odd: [Double] = [
            1.0 / 51_090_942_171_709_440_000, 1.0 / 121_645_100_408_832_000, 1.0 / 355_687_428_096_000,
            1.0 / 1_307_674_368_000, 1.0 / 6_227_020_800, 1.0 / 39_916_800, 1.0 / 362_880, 1.0 / 5_040,
            1.0 / 120, 1.0 / 6, 1,
        ]
        // Signs of t^21, t^19, …, t^1: −, +, −, +, ... ending with + for t^1.
        var q = -1.0 / 25_852_016_738_884_976_640_000  // −t²³/23!
        for (k, coefficient) in odd.enumerated() {
            let positive = (odd.count - 1 - k) % 2 == 0
            q = q * t2 + (positive ? coefficient : -coefficient)
        }
        return q * t
    }
}
