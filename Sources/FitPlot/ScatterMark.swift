/// Markers at data points (matplotlib's `scatter`). Sizes are in points, like matplotlib's.
public struct ScatterMark: Mark {
    /// The finite points; non-finite pairs were dropped at creation.
    public var points: [DataPoint]
    /// Marker shape; a circle by default.
    public var shape: MarkerStyle.Shape
    /// Marker diameter (or side) in points, edge excluded; matplotlib's default
    /// s = lines.markersize² = 36 pt² is 6 pt (8.33 layout units at 100 dpi).
    public var diameterPoints: Double
    /// Fill colour (and edge colour when `edgeColor` is nil).
    public var color: Color
    /// Multiplies the fill's and the edge's alpha.
    public var alpha: Double
    /// Nil draws the edge in the fill colour (matplotlib's `edgecolors='face'`).
    public var edgeColor: Color?
    /// matplotlib's default is 1 pt (patch.linewidth): the visible default marker is 7 pt
    /// across. 0 draws no edge.
    public var edgeWidthPoints: Double
    /// The legend text; nil keeps the scatter out of the legend.
    public var label: String?
    /// Whether the mark changes from frame to frame (see ``Mark/isDynamic``).
    public var isDynamic: Bool
    /// Painting order (see ``ZOrder``).
    public var zOrder: Double
    /// Number of (x, y) pairs skipped because a coordinate was not finite.
    public private(set) var skippedNonFiniteCount: Int

    /// Throws `PlotError.mismatchedLengths` when `x` and `y` differ in length; non-finite
    /// pairs are skipped and counted.
    public init(
        x: [Double], y: [Double], color: Color, shape: MarkerStyle.Shape = .circle,
        diameterPoints: Double = 6, alpha: Double = 1, edgeColor: Color? = nil,
        edgeWidthPoints: Double = 1, label: String? = nil, isDynamic: Bool = false,
        zOrder: Double = ZOrder.scatter
    ) throws(PlotError) {
        let (points, skipped) = try finitePoints(x: x, y: y, mark: "scatter")
        self.points = points
        self.skippedNonFiniteCount = skipped
        self.shape = shape
        self.diameterPoints = diameterPoints
        self.color = color
        self.alpha = alpha
        self.edgeColor = edgeColor
        self.edgeWidthPoints = edgeWidthPoints
        self.label = label
        self.isDynamic = isDynamic
        self.zOrder = zOrder
    }

    /// The bounds of all finite points.
    public var dataBounds: DataBounds? { DataBounds(points: points) }
    /// The bounds of the points the axes can show (positive coordinates on a log axis).
    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? {
        showableBounds(points, xScale: xScale, yScale: yScale)
    }
    /// Non-finite pairs, plus points with a coordinate a log axis cannot show.
    public func skippedCount(xScale: AxisScale, yScale: AxisScale) -> Int {
        skippedNonFiniteCount + unshowableCount(points, xScale: xScale, yScale: yScale)
    }
    /// All points: the `best` legend placement avoids covering them.
    public var legendAvoidancePoints: [DataPoint] { points }

    func markerStyle(_ scale: PointScale) -> MarkerStyle {
        MarkerStyle(
            shape: shape, size: scale.layout(diameterPoints),
            fill: color.withAlpha(color.alpha * alpha),
            edgeColor: edgeWidthPoints > 0
                ? (edgeColor ?? color).withAlpha((edgeColor ?? color).alpha * alpha) : nil,
            edgeWidth: edgeWidthPoints > 0 ? scale.layout(edgeWidthPoints) : 0)
    }

    /// One marker of the same style as the legend key.
    public func legendHandle(points: PointScale) -> LegendHandle? { .marker(markerStyle(points)) }

    /// Draws the markers near the plot area in one renderer call; the clip cuts them exactly.
    public func draw(in context: MarkContext) {
        let style = markerStyle(context.points)
        // Points farther outside than a marker cannot show; leaving them out keeps the call
        // small. The clip does the exact cut. A point a log axis cannot show maps to NaN,
        // which fails every comparison: it is left out here too.
        let reach = style.size + style.edgeWidth
        let area = context.transform.plotArea
        let centers = points.map(context.transform.point).filter {
            $0.x >= area.minX - reach && $0.x <= area.maxX + reach
                && $0.y >= area.minY - reach && $0.y <= area.maxY + reach
        }
        guard !centers.isEmpty else { return }
        context.renderer.drawMarkers(at: centers, style: style)
    }
}
