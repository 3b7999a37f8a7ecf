/// The limits of one axis, `lower < upper`, both finite.
public struct AxisRange: Hashable, Sendable {
    /// The lower limit (left or bottom).
    public var lower: Double
    /// The upper limit (right or top), greater than `lower`.
    public var upper: Double

    /// Limits as given; throws `PlotError.invalidLimits` unless finite, increasing, and with
    /// a finite span.
    public init(_ lower: Double, _ upper: Double, axis: String = "axis") throws(PlotError) {
        guard lower.isFinite, upper.isFinite, lower < upper, (upper - lower).isFinite else {
            throw .invalidLimits(axis: axis, lower: lower, upper: upper)
        }
        self.lower = lower
        self.upper = upper
    }

    /// Limits known to be valid (internal use).
    init(unchecked lower: Double, _ upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// `upper − lower`, positive and finite.
    public var span: Double { upper - lower }

    /// Automatic limits like matplotlib's autoscale ('data' mode, margins 0.05):
    /// - no data → (0, 1);
    /// - a zero-width range is first widened by 5 % of |value| each side (±0.05 around 0),
    ///   matplotlib's `nonsingular(expander=0.05)`, so (2, 2) → (1.9, 2.1);
    /// - then `margin` × range is added on each side: (2, 2) → (1.89, 2.11);
    /// - data whose span overflows a Double (beyond ±8.9e307) falls back to (0, 1).
    public static func automatic(dataMinimum: Double?, dataMaximum: Double?, margin: Double = 0.05)
        -> AxisRange
    {
        guard let lo = dataMinimum, let hi = dataMaximum, lo.isFinite, hi.isFinite, lo <= hi else {
            return AxisRange(unchecked: 0, 1)
        }
        let (a, b) = NiceTicks.nonsingular(lo, hi, expander: 0.05)
        guard (b - a).isFinite else { return AxisRange(unchecked: 0, 1) }
        let delta = (b - a) * margin
        let lower = a - delta
        let upper = b + delta
        guard lower.isFinite, upper.isFinite, lower < upper, (upper - lower).isFinite else {
            return AxisRange(unchecked: a, b)
        }
        return AxisRange(unchecked: lower, upper)
    }
}

/// The data bounds of a mark: finite minimum and maximum of x and y.
public struct DataBounds: Hashable, Sendable {
    /// Smallest x.
    public var minX: Double
    /// Largest x.
    public var maxX: Double
    /// Smallest y.
    public var minY: Double
    /// Largest y.
    public var maxY: Double

    /// Creates bounds from their extremes (not checked).
    public init(minX: Double, maxX: Double, minY: Double, maxY: Double) {
        self.minX = minX
        self.maxX = maxX
        self.minY = minY
        self.maxY = maxY
    }

    /// The bounds of finite points; nil when there is none.
    public init?(points: [DataPoint]) {
        guard let first = points.first else { return nil }
        var b = DataBounds(minX: first.x, maxX: first.x, minY: first.y, maxY: first.y)
        for p in points.dropFirst() { b.include(p) }
        self = b
    }

    /// Grows the bounds to contain `p`.
    public mutating func include(_ p: DataPoint) {
        minX = min(minX, p.x)
        maxX = max(maxX, p.x)
        minY = min(minY, p.y)
        maxY = max(maxY, p.y)
    }

    /// The smallest bounds containing both.
    public func union(_ other: DataBounds) -> DataBounds {
        DataBounds(
            minX: min(minX, other.minX), maxX: max(maxX, other.maxX),
            minY: min(minY, other.minY), maxY: max(maxY, other.maxY))
    }
}

/// A point in data coordinates (as opposed to `Point`, in layout units).
public struct DataPoint: Hashable, Sendable {
    /// Horizontal data coordinate.
    public var x: Double
    /// Vertical data coordinate.
    public var y: Double
    /// Creates a data point (not checked: may be non-finite; marks skip such points).
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
    /// Whether both coordinates are finite.
    public var isFinite: Bool { x.isFinite && y.isFinite }
}
