/// Where a mark is drawn and with what: handed to `Mark.draw(in:)`.
public struct MarkContext {
    /// The renderer to draw with.
    public let renderer: any Renderer
    /// Maps data coordinates to layout units in the axes' plot area.
    public let transform: AxesTransform
    /// The figure's theme (fonts, colours).
    public let theme: Theme
    /// Converts point sizes (line widths, marker sizes, fonts) to layout units.
    public let points: PointScale
}

/// How a mark appears as a legend key.
public enum LegendHandle: Hashable, Sendable {
    /// A marker drawn at the key's centre; size in layout units.
    case marker(MarkerStyle)
    /// A horizontal line across the key.
    case line(StrokeStyle)
    /// A filled rectangle the height of the key.
    case patch(fill: Color, edge: StrokeStyle?)
}

/// Painting order of the parts of an axes, matplotlib's z-orders (later paints over earlier;
/// equal z-orders paint in the order they were added).
public enum ZOrder {
    /// The plot area's background, below everything.
    public static let axesBackground = -1.0
    /// Below all data (matplotlib's `axisbelow=True`; its default puts grids at 1.5).
    public static let grid = 0.5
    /// Heat maps: above the grid, below other data.
    public static let heatMap = 0.8
    /// Filled rectangles (e.g. squared errors): below markers and lines.
    public static let rectangles = 0.9
    /// Scatter markers.
    public static let scatter = 1.0
    /// Lines and segments: above scatter markers, as matplotlib's `Line2D`.
    public static let lines = 2.0
    /// Spines, ticks, tick labels and axis labels: above lines and scatter, as matplotlib.
    public static let spines = 2.5
    /// Texts in an axes.
    public static let text = 3.0
    /// Axes titles.
    public static let title = 3.0
    /// The legend, above everything in its axes.
    public static let legend = 5.0
}

/// Something drawn in an axes from data. Marks are values: an axes holds a list of them.
public protocol Mark: Sendable {
    /// Painting order within the axes (see `ZOrder`).
    var zOrder: Double { get }
    /// Dynamic marks are painted after every static item of the figure, and left out of
    /// everything that decides layout (automatic limits, best legend placement).
    var isDynamic: Bool { get }
    /// The legend text; nil keeps the mark out of the legend.
    var label: String? { get }
    /// The legend key of a labelled mark, sizes converted with `points`.
    func legendHandle(points: PointScale) -> LegendHandle?
    /// The data extent taken into account by automatic limits; nil for none.
    var dataBounds: DataBounds? { get }
    /// The data extent automatic limits use on axes with these scales: on a log axis only
    /// positive coordinates count. The default is `dataBounds` on linear axes; on a log axis
    /// it is `dataBounds` when its extremes there are positive, else nil (a custom mark with
    /// non-positive data should override it to give its positive extent).
    func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds?
    /// Values skipped on axes with these scales: `skippedNonFiniteCount`, plus the items with a
    /// coordinate that a log axis cannot show (≤ 0). The default is `skippedNonFiniteCount`.
    func skippedCount(xScale: AxisScale, yScale: AxisScale) -> Int
    /// Bounds whose edges automatic limits do not pad with margins (a heat map's extent).
    var stickyBounds: DataBounds? { get }
    /// NaN or infinite values given to the mark, skipped and never drawn.
    var skippedNonFiniteCount: Int { get }
    /// Data points the `best` legend placement avoids.
    var legendAvoidancePoints: [DataPoint] { get }
    /// Whether the renderer clip is set to the plot area while drawing.
    var isClippedToPlotArea: Bool { get }
    /// Draws the mark with `context.renderer`, converting data with `context.transform`.
    func draw(in context: MarkContext)
}

extension Mark {
    /// No legend entry by default.
    public var label: String? { nil }
    /// No legend key by default.
    public func legendHandle(points: PointScale) -> LegendHandle? { nil }
    /// No effect on automatic limits by default.
    public var dataBounds: DataBounds? { nil }
    /// `dataBounds`, or nil when a log axis cannot show its lower extreme.
    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? {
        guard let b = dataBounds else { return nil }
        guard xScale.canShow(b.minX), yScale.canShow(b.minY) else { return nil }
        return b
    }
    /// `skippedNonFiniteCount`: marks without data points skip nothing more on a log axis.
    public func skippedCount(xScale: AxisScale, yScale: AxisScale) -> Int { skippedNonFiniteCount }
    /// No sticky edges by default.
    public var stickyBounds: DataBounds? { nil }
    /// Nothing skipped by default.
    public var skippedNonFiniteCount: Int { 0 }
    /// Nothing for the legend to avoid by default.
    public var legendAvoidancePoints: [DataPoint] { [] }
    /// Clipped to the plot area by default.
    public var isClippedToPlotArea: Bool { true }
}

/// Splits x/y arrays into finite points and a count of skipped non-finite pairs.
func finitePoints(x: [Double], y: [Double], mark: String) throws(PlotError) -> (
    points: [DataPoint], skipped: Int
) {
    guard x.count == y.count else { throw .mismatchedLengths(mark: mark, xCount: x.count, yCount: y.count) }
    var points: [DataPoint] = []
    points.reserveCapacity(x.count)
    for (a, b) in zip(x, y) where a.isFinite && b.isFinite { points.append(DataPoint(x: a, y: b)) }
    return (points, x.count - points.count)
}

/// The bounds of the points that axes with these scales can show (all finite points on linear
/// axes, those with positive coordinates on a log axis); nil when there is none.
func showableBounds(_ points: [DataPoint], xScale: AxisScale, yScale: AxisScale) -> DataBounds? {
    if xScale == .linear && yScale == .linear { return DataBounds(points: points) }
    return DataBounds(points: points.filter { xScale.canShow($0.x) && yScale.canShow($0.y) })
}

/// How many of `points` axes with these scales cannot show (0 on linear axes for finite points).
func unshowableCount(_ points: [DataPoint], xScale: AxisScale, yScale: AxisScale) -> Int {
    if xScale == .linear && yScale == .linear { return 0 }
    return points.count { !(xScale.canShow($0.x) && yScale.canShow($0.y)) }
}
