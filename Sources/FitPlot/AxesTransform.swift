/// The one place where data coordinates become layout units: x grows right from the plot
/// area's left edge, y grows *up* from its bottom edge (layout y grows down). Each axis has a
/// scale: linear, or base-10 logarithmic where values the axis cannot show (≤ 0) map to NaN,
/// which marks skip.
public struct AxesTransform: Hashable, Sendable {
    /// The x limits, mapped to the plot area's left and right edges.
    public var x: AxisRange
    /// The y limits, mapped to the plot area's bottom and top edges.
    public var y: AxisRange
    /// The plot area (inside the spines) in layout units.
    public var plotArea: Rect
    /// How x values are spaced (linear by default).
    public var xScale: AxisScale
    /// How y values are spaced (linear by default).
    public var yScale: AxisScale

    /// Creates the transform of `plotArea` showing the limits `x × y` (positive limits on a log axis).
    public init(
        x: AxisRange, y: AxisRange, plotArea: Rect, xScale: AxisScale = .linear, yScale: AxisScale = .linear
    ) {
        self.x = x
        self.y = y
        self.plotArea = plotArea
        self.xScale = xScale
        self.yScale = yScale
    }

    /// The layout x of a data x (values outside the limits land outside the plot area; NaN
    /// for a value a log axis cannot show).
    public func layoutX(_ dataX: Double) -> Double {
        switch xScale {
        // The linear formula is kept as it always was: linear figures stay byte-identical.
        case .linear: plotArea.minX + (dataX - x.lower) / x.span * plotArea.width
        case .log10: plotArea.minX + xScale.fraction(of: dataX, in: x) * plotArea.width
        }
    }

    /// The layout y of a data y (flipped: larger data y is higher on screen; NaN for a value a
    /// log axis cannot show).
    public func layoutY(_ dataY: Double) -> Double {
        switch yScale {
        case .linear: plotArea.maxY - (dataY - y.lower) / y.span * plotArea.height
        case .log10: plotArea.maxY - yScale.fraction(of: dataY, in: y) * plotArea.height
        }
    }

    /// Whether both coordinates can be placed on their axes (finite, and positive on a log axis).
    public func canShow(_ p: DataPoint) -> Bool { xScale.canShow(p.x) && yScale.canShow(p.y) }

    /// Whether both axes are linear (straight data lines stay straight on screen).
    public var isLinear: Bool { xScale == .linear && yScale == .linear }

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
        let fx = (p.x - plotArea.minX) / plotArea.width
        let fy = (plotArea.maxY - p.y) / plotArea.height
        func data(_ f: Double, _ range: AxisRange, _ scale: AxisScale) -> Double {
            switch scale {
            case .linear: return range.lower + f * range.span
            case .log10:
                let lo = scale.transformed(range.lower)
                return scale.untransformed(lo + f * (scale.transformed(range.upper) - lo))
            }
        }
        return DataPoint(x: data(fx, x, xScale), y: data(fy, y, yScale))
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
