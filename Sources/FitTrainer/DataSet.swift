/// A point cloud to fit: paired `x` and `y` values, all finite.
///
/// Values live in two contiguous `[Double]` arrays (not an array of points) so that the
/// loss and gradient loop reads them sequentially.
public struct DataSet: Sendable, Equatable {
    /// The inputs, one per point.
    public let x: [Double]
    /// The targets, one per point, paired with `x` by index.
    public let y: [Double]
    /// The smallest and largest x and y, computed once when the data set is made.
    public let limits: DataLimits

    /// Creates a data set, checking that the columns pair up and every value is finite.
    public init(x: [Double], y: [Double]) throws(DataSetError) {
        guard x.count == y.count else {
            throw .lengthMismatch(xCount: x.count, yCount: y.count)
        }
        guard !x.isEmpty else { throw .empty }
        if let index = x.firstIndex(where: { !$0.isFinite }) {
            throw .nonFinite(column: "x", index: index, value: x[index])
        }
        if let index = y.firstIndex(where: { !$0.isFinite }) {
            throw .nonFinite(column: "y", index: index, value: y[index])
        }
        self.x = x
        self.y = y
        self.limits = DataLimits(x: x, y: y)
    }

    /// The number of points.
    public var count: Int { x.count }

    /// The point at `index` as a pair.
    public subscript(index: Int) -> (x: Double, y: Double) {
        (x[index], y[index])
    }
}

/// The bounding box of a data set: what a renderer needs to choose its axes.
public struct DataLimits: Sendable, Equatable, Codable {
    /// Smallest x.
    public var xMin: Double
    /// Largest x.
    public var xMax: Double
    /// Smallest y.
    public var yMin: Double
    /// Largest y.
    public var yMax: Double

    /// Limits with the given bounds.
    public init(xMin: Double, xMax: Double, yMin: Double, yMax: Double) {
        self.xMin = xMin
        self.xMax = xMax
        self.yMin = yMin
        self.yMax = yMax
    }

    /// Limits of non-empty, finite columns (``DataSet`` guarantees both).
    init(x: [Double], y: [Double]) {
        var xMin = x[0]
        var xMax = x[0]
        for value in x {
            xMin = min(xMin, value)
            xMax = max(xMax, value)
        }
        var yMin = y[0]
        var yMax = y[0]
        for value in y {
            yMin = min(yMin, value)
            yMax = max(yMax, value)
        }
        self.init(xMin: xMin, xMax: xMax, yMin: yMin, yMax: yMax)
    }

    /// `xMax − xMin`; zero when every x is equal (a valid, degenerate data set).
    public var xSpan: Double { xMax - xMin }
    /// `yMax − yMin`; zero when every y is equal.
    public var ySpan: Double { yMax - yMin }
}

/// Why values could not form a ``DataSet``.
public enum DataSetError: Error, Equatable, CustomStringConvertible {
    /// `x` and `y` have different lengths.
    case lengthMismatch(xCount: Int, yCount: Int)
    /// There are no points.
    case empty
    /// A value that is NaN or infinite, with its column ("x" or "y") and index.
    case nonFinite(column: String, index: Int, value: Double)

    /// A message that names the bad value and what is allowed.
    public var description: String {
        switch self {
        case .lengthMismatch(let xCount, let yCount):
            return "x has \(xCount) values but y has \(yCount); each point needs one x and one y"
        case .empty:
            return "the data set has no points; at least one is needed"
        case .nonFinite(let column, let index, let value):
            return "\(column)[\(index)] is \(value); every value must be a finite number"
        }
    }
}
