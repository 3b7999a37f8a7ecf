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
func finitePoints(x: [Double], y: [Double], mark: String) throws(PlotError) -> (points: [DataPoint], skipped: Int) {
    guard x.count == y.count else { throw .mismatchedLengths(mark: mark, xCount: x.count, yCount: y.count) }
    var points: [DataPoint] = []
    points.reserveCapacity(x.count)
    for (a, b) in zip(x, y) where a.isFinite && b.isFinite { points.append(DataPoint(x: a, y: b)) }
    return (points, x.count - points.count)
}
