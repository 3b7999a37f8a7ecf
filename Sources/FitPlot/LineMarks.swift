/// Line appearance in points (converted to layout units at the figure's dpi).
public struct LineAppearance: Hashable, Sendable {
    /// Line colour.
    public var color: Color
    /// matplotlib's default is 1.5 pt.
    public var widthPoints: Double
    /// On/off lengths in points; empty for a solid line.
    public var dashPoints: [Double]

    /// Creates a line appearance; by default a solid 1.5 pt line.
    public init(color: Color, widthPoints: Double = 1.5, dashPoints: [Double] = []) {
        self.color = color
        self.widthPoints = widthPoints
        self.dashPoints = dashPoints
    }

    /// matplotlib's "--" with a 1.5 pt line: 3.7 on, 1.6 off, in line widths.
    public static func dashed(_ color: Color, widthPoints: Double = 1.5) -> LineAppearance {
        LineAppearance(
            color: color, widthPoints: widthPoints, dashPoints: [3.7 * widthPoints, 1.6 * widthPoints])
    }

    func strokeStyle(_ scale: PointScale) -> StrokeStyle {
        // Round joins and caps like matplotlib's default line (solid_capstyle 'projecting'
        // is for patches; Line2D uses 'butt' caps and 'round' joins).
        StrokeStyle(
            width: scale.layout(widthPoints), color: color, dash: dashPoints.map(scale.layout),
            cap: .butt, join: .round)
    }
}

/// A polyline through data points (matplotlib's `plot`). A non-finite point breaks the line
/// there, as in matplotlib, and is counted.
public struct PolylineMark: Mark {
    /// Runs of consecutive finite points; each run is one sub-path.
    public private(set) var runs: [[DataPoint]]
    /// Colour, width and dashes.
    public var appearance: LineAppearance
    /// The legend text; nil keeps the line out of the legend.
    public var label: String?
    /// Whether the mark changes from frame to frame (see ``Mark/isDynamic``).
    public var isDynamic: Bool
    /// Painting order (see ``ZOrder``).
    public var zOrder: Double
    /// Number of points with a NaN or infinite coordinate, which break the line.
    public private(set) var skippedNonFiniteCount: Int

    /// Creates a polyline through `(x[i], y[i])`.
    /// - Throws: ``PlotError/mismatchedLengths(mark:xCount:yCount:)`` when `x` and `y` differ in length.
    public init(
        x: [Double], y: [Double], appearance: LineAppearance, label: String? = nil,
        isDynamic: Bool = false, zOrder: Double = ZOrder.lines
    ) throws(PlotError) {
        guard x.count == y.count else {
            throw .mismatchedLengths(mark: "line", xCount: x.count, yCount: y.count)
        }
        var runs: [[DataPoint]] = []
        var current: [DataPoint] = []
        var skipped = 0
        for (a, b) in zip(x, y) {
            if a.isFinite && b.isFinite {
                current.append(DataPoint(x: a, y: b))
            } else {
                skipped += 1
                if !current.isEmpty { runs.append(current) }
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        self.runs = runs
        self.skippedNonFiniteCount = skipped
        self.appearance = appearance
        self.label = label
        self.isDynamic = isDynamic
        self.zOrder = zOrder
    }

    /// The bounds of all finite points.
    public var dataBounds: DataBounds? { DataBounds(points: runs.flatMap { $0 }) }
    /// The bounds of the points the axes can show (positive coordinates on a log axis).
    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? {
        showableBounds(runs.flatMap { $0 }, xScale: xScale, yScale: yScale)
    }
    /// Non-finite points, plus points with a coordinate a log axis cannot show (both break the line).
    public func skippedCount(xScale: AxisScale, yScale: AxisScale) -> Int {
        skippedNonFiniteCount + runs.reduce(0) { $0 + unshowableCount($1, xScale: xScale, yScale: yScale) }
    }
    /// All finite points: the `best` legend placement avoids covering them.
    public var legendAvoidancePoints: [DataPoint] { runs.flatMap { $0 } }
    /// A line key in the legend.
    public func legendHandle(points: PointScale) -> LegendHandle? { .line(appearance.strokeStyle(points)) }

    /// Strokes each run of two or more points as one path; a lone point draws nothing, as in
    /// matplotlib. On a log axis a point it cannot show (≤ 0) breaks the line like a NaN.
    public func draw(in context: MarkContext) {
        var path = Path()
        let t = context.transform
        let drawnRuns =
            t.isLinear
            ? runs
            : runs.flatMap { $0.split(omittingEmptySubsequences: true) { !t.canShow($0) }.map(Array.init) }
        for run in drawnRuns {
            // A lone point draws nothing (a zero-length segment with butt caps), as matplotlib.
            guard run.count >= 2 else { continue }
            path.move(to: context.transform.point(run[0]))
            for p in run.dropFirst() { path.line(to: context.transform.point(p)) }
        }
        guard !path.isEmpty else { return }
        context.renderer.stroke(path, style: appearance.strokeStyle(context.points))
    }
}

/// The infinite line y = slope·x + intercept (matplotlib's `axline`), cut exactly to the
/// axes limits. It does not take part in automatic limits. On linear axes it is one straight
/// segment; on a log axis it is a curve, drawn as a polyline of `logSampleCount` segments
/// evenly spaced along x in the x axis' own (uniform) space.
public struct InfiniteLineMark: Mark {
    /// The line's slope, a1 in y = a1·x + a2 (data units of y per unit of x).
    public var slope: Double
    /// The value of y at x = 0, a2 in y = a1·x + a2.
    public var intercept: Double
    /// Colour, width and dashes.
    public var appearance: LineAppearance
    /// The legend text; nil keeps the line out of the legend.
    public var label: String?
    /// Whether the mark changes from frame to frame (the fitted line of an animation does).
    public var isDynamic: Bool
    /// Painting order (see ``ZOrder``).
    public var zOrder: Double

    /// Creates the line y = slope·x + intercept.
    public init(
        slope: Double, intercept: Double, appearance: LineAppearance, label: String? = nil,
        isDynamic: Bool = false, zOrder: Double = ZOrder.lines
    ) {
        self.slope = slope
        self.intercept = intercept
        self.appearance = appearance
        self.label = label
        self.isDynamic = isDynamic
        self.zOrder = zOrder
    }

    /// A non-finite slope or intercept (a diverging fit) draws nothing and counts as one.
    public var skippedNonFiniteCount: Int { slope.isFinite && intercept.isFinite ? 0 : 1 }
    /// A line key in the legend.
    public func legendHandle(points: PointScale) -> LegendHandle? { .line(appearance.strokeStyle(points)) }

    /// Segments of the polyline that draws the line on a log axis: enough that the curve
    /// looks smooth at any figure size (a 2000-pixel axis gets a vertex every 8 pixels).
    public static let logSampleCount = 256

    /// Strokes the part of the line inside the axes limits; draws nothing when the line misses
    /// the limits or is not finite.
    public func draw(in context: MarkContext) {
        let t = context.transform
        guard let (a, b) = clipLine(slope: slope, intercept: intercept, x: t.x, y: t.y) else { return }
        let style = appearance.strokeStyle(context.points)
        guard !t.isLinear else {
            context.renderer.stroke(.segment(from: t.point(a), to: t.point(b)), style: style)
            return
        }
        // The clipped part lies inside the (positive) limits, so every sample can be shown.
        let (ua, ub) = (t.xScale.transformed(a.x), t.xScale.transformed(b.x))
        var path = Path()
        path.move(to: t.point(a))
        for i in 1..<Self.logSampleCount {
            let x = t.xScale.untransformed(ua + (ub - ua) * Double(i) / Double(Self.logSampleCount))
            let y = min(max(slope * x + intercept, t.y.lower), t.y.upper)
            path.line(to: t.point(x: x, y: y))
        }
        path.line(to: t.point(b))
        context.renderer.stroke(path, style: style)
    }
}

/// A segment between two data points.
public struct DataSegment: Hashable, Sendable {
    /// First end point.
    public var start: DataPoint
    /// Second end point.
    public var end: DataPoint
    /// Creates a segment between two data points.
    public init(start: DataPoint, end: DataPoint) {
        self.start = start
        self.end = end
    }
    /// Whether both end points have finite coordinates.
    public var isFinite: Bool { start.isFinite && end.isFinite }
}

/// Independent segments, e.g. residuals from each point to the fitted line (one stroke).
public struct SegmentsMark: Mark {
    /// The finite segments; non-finite ones were dropped at creation.
    public private(set) var segments: [DataSegment]
    /// Colour, width and dashes, shared by all segments.
    public var appearance: LineAppearance
    /// The legend text; nil keeps the segments out of the legend.
    public var label: String?
    /// Whether the mark changes from frame to frame (residuals of an animation do).
    public var isDynamic: Bool
    /// Painting order (see ``ZOrder``).
    public var zOrder: Double
    /// Number of segments dropped because an end point was not finite.
    public private(set) var skippedNonFiniteCount: Int

    /// Creates the mark, dropping (and counting) segments with a non-finite end point.
    public init(
        _ segments: [DataSegment], appearance: LineAppearance, label: String? = nil,
        isDynamic: Bool = false, zOrder: Double = ZOrder.lines
    ) {
        self.segments = segments.filter(\.isFinite)
        self.skippedNonFiniteCount = segments.count - self.segments.count
        self.appearance = appearance
        self.label = label
        self.isDynamic = isDynamic
        self.zOrder = zOrder
    }

    /// The bounds of all end points.
    public var dataBounds: DataBounds? { DataBounds(points: segments.flatMap { [$0.start, $0.end] }) }
    /// The bounds of the segments the axes can show (both ends positive on a log axis).
    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? {
        let shown = segments.filter {
            xScale.canShow($0.start.x) && xScale.canShow($0.end.x) && yScale.canShow($0.start.y)
                && yScale.canShow($0.end.y)
        }
        return showableBounds(shown.flatMap { [$0.start, $0.end] }, xScale: .linear, yScale: .linear)
    }
    /// Non-finite segments, plus segments with an end a log axis cannot show.
    public func skippedCount(xScale: AxisScale, yScale: AxisScale) -> Int {
        guard xScale == .log10 || yScale == .log10 else { return skippedNonFiniteCount }
        return skippedNonFiniteCount
            + segments.count {
                !(xScale.canShow($0.start.x) && xScale.canShow($0.end.x) && yScale.canShow($0.start.y)
                    && yScale.canShow($0.end.y))
            }
    }
    /// A line key in the legend.
    public func legendHandle(points: PointScale) -> LegendHandle? { .line(appearance.strokeStyle(points)) }

    /// Strokes all segments as one path.
    public func draw(in context: MarkContext) {
        var path = Path()
        // On a log axis, a segment with an end it cannot show (≤ 0) is skipped whole.
        for s in segments where context.transform.canShow(s.start) && context.transform.canShow(s.end) {
            path.move(to: context.transform.point(s.start))
            path.line(to: context.transform.point(s.end))
        }
        guard !path.isEmpty else { return }
        context.renderer.stroke(path, style: appearance.strokeStyle(context.points))
    }
}
