/// The article's point cloud: y = slope·x + intercept + noise.
///
/// x is uniform in [−1, 1) and noise uniform in [0, 1), both drawn from
/// ``Xoshiro256StarStar`` seeded with `seed`: first all `count` x values (with
/// ``Xoshiro256StarStar/nextDouble(from:upTo:)`` on [−1, 1)), then all `count` noise values
/// (``Xoshiro256StarStar/nextUnitDouble()``), the order in which the article fills its
/// tensors. Because the noise has mean 1/2, the best intercept is near `intercept + 0.5`
/// and the least-squares loss near 1/12, the noise variance.
public struct TutorialDataSet: Sendable, Equatable {
    /// 100 points, as in the article.
    public static let defaultCount = 100
    /// The true slope a1 = 3.
    public static let defaultSlope = 3.0
    /// The true intercept a2 = 2.
    public static let defaultIntercept = 2.0
    /// The seed used when none is given: 42.
    public static let defaultSeed: UInt64 = 42

    /// Number of points.
    public var count: Int
    /// The true slope a1.
    public var slope: Double
    /// The true intercept a2 (the noise adds 0.5 on average).
    public var intercept: Double
    /// Seed of the generator.
    public var seed: UInt64

    /// The tutorial's data set, or a variation of it.
    public init(
        count: Int = TutorialDataSet.defaultCount,
        slope: Double = TutorialDataSet.defaultSlope,
        intercept: Double = TutorialDataSet.defaultIntercept,
        seed: UInt64 = TutorialDataSet.defaultSeed
    ) {
        self.count = count
        self.slope = slope
        self.intercept = intercept
        self.seed = seed
    }

    /// Draws the points. Same parameters, same bits, on every platform.
    ///
    /// Throws when `count` is below 1 or when `slope`/`intercept` are so large that a y
    /// overflows to infinity.
    public func generate() throws(DataSetError) -> DataSet {
        guard count >= 1 else { throw .empty }
        var generator = Xoshiro256StarStar(seed: seed)
        var x = [Double](repeating: 0, count: count)
        for index in 0..<count {
            x[index] = generator.nextDouble(from: -1, upTo: 1)
        }
        var y = [Double](repeating: 0, count: count)
        for index in 0..<count {
            let noise = generator.nextUnitDouble()
            y[index] = slope * x[index] + intercept + noise
        }
        return try DataSet(x: x, y: y)
    }
}
