/// The one place where data coordinates become layout units: x grows right from the plot
/// area's left edge, y grows *up* from its bottom edge (layout y grows down).
public struct AxesTransform: Hashable, Sendable {
    /// The x limits, mapped to the plot area's left and right edges.
    public var x: AxisRange
    /// The y limits, mapped to the plot area's bottom and top edges.
    public var y: AxisRange
    /// The plot area (inside the spines) in layout units.
    public var plotArea: Rect

    /// Creates the transform of `plotArea` showing the limits `x × y`.
    public init(x: AxisRange, y: AxisRange, plotArea: Rect) {
        self.x = x
        self.y = y
        self.plotArea = plotArea
    }

    /// The layout x of a data x (linear; values outside the limits land outside the plot area).
    public func layoutX(_ dataX: Double) -> Double {
        plotArea.minX + (dataX - x.lower) / x.span * plotArea.width
    }

    /// The layout y of a data y (flipped: larger data y is higher on screen).
    public func layoutY(_ dataY: Double) -> Double {
        plotArea.maxY - (dataY - y.lower) / y.span * plotArea.height
    }

    /// The layout point of a data point.
    public func point(_ p: DataPoint) -> Point { Point(x: layoutX(p.x), y: layoutY(p.y)) }
    /// The layout point of the data coordinates `(x, y)`.
    public func point(x: Double, y: Double) -> Point { Point(x: layoutX(x), y: layoutY(y)) }

    /// The layout point of axes coordinates: (0, 0) bottom-left of the plot area, (1, 1) top-right.
    public func axesPoint(x fx: Double, y fy: Double) -> Point {
        Point(x: plotArea.minX + fx * plotArea.width, y: plotArea.maxY - fy * plotArea.height)
    }

    /// The data point at a layout point (the inverse transform).
    public func dataPoint(_ p: Point) -> DataPoint {
        DataPoint(
            x: x.lower + (p.x - plotArea.minX) / plotArea.width * x.span,
            y: y.lower + (plotArea.maxY - p.y) / plotArea.height * y.span)
    }

    /// The layout rectangle of a data rectangle given by two corners (any order).
    public func rect(from a: DataPoint, to b: DataPoint) -> Rect {
        let p = point(a)
        let q = point(b)
        return Rect(x: min(p.x, q.x), y: min(p.y, q.y), width: abs(q.x - p.x), height: abs(q.y - p.y))
    }
}

/// The part of the infinite line y = slope·x + intercept inside a data box, computed exactly:
/// where the line leaves through a horizontal side, that end's y is the side's value (not
/// slope·x + intercept rounded). Nil when the line misses the box or only touches a corner.
public func clipLine(slope: Double, intercept: Double, x: AxisRange, y: AxisRange)
    -> (start: DataPoint, end: DataPoint)?
{
    guard slope.isFinite, intercept.isFinite else { return nil }
    if slope == 0 {
        guard intercept >= y.lower, intercept <= y.upper else { return nil }
        return (DataPoint(x: x.lower, y: intercept), DataPoint(x: x.upper, y: intercept))
    }
    // x where the line crosses the bottom and top sides.
    let xAtLower = (y.lower - intercept) / slope
    let xAtUpper = (y.upper - intercept) / slope
    var start = DataPoint(x: x.lower, y: slope * x.lower + intercept)
    var end = DataPoint(x: x.upper, y: slope * x.upper + intercept)
    let (enterX, enterY, leaveX, leaveY) =
        slope > 0 ? (xAtLower, y.lower, xAtUpper, y.upper) : (xAtUpper, y.upper, xAtLower, y.lower)
    if enterX > start.x { start = DataPoint(x: enterX, y: enterY) }
    if leaveX < end.x { end = DataPoint(x: leaveX, y: leaveY) }
    // Missing the box shows as an empty x interval; touching a corner as a single point.
    guard start.x < end.x else { return nil }
    // Ends on a vertical side are slope·x + intercept, which rounding may push an ulp out.
    start.y = min(max(start.y, y.lower), y.upper)
    end.y = min(max(end.y, y.lower), y.upper)
    return (start, end)
}
