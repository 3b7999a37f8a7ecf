/// Look of a figure: matplotlib's defaults (its `classic`-free 2.0+ style), all overridable.
/// Sizes in points are converted to layout units with the figure's dpi (pt × dpi / 72), so
/// a figure at 200 dpi has the same proportions as at 100 dpi.
public struct Theme: Hashable, Sendable {
    /// Colour cycle for marks without an explicit colour: matplotlib's tab10.
    public var colorCycle: [Color] = [
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
        0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
    ].map { Color(hex: $0) }

    /// Font family of all texts.
    public var fontFamily = "DejaVu Sans"
    /// Tick labels, axis labels, legend and texts, in points.
    public var fontSizePoints = 10.0
    /// Axes titles and the figure's suptitle, in points.
    public var titleSizePoints = 12.0
    /// Colour of texts without their own colour.
    public var textColor = Color.black

    /// Fill of the whole figure.
    public var figureBackground = Color.white
    /// Fill of each axes' plot area.
    public var axesBackground = Color.white
    /// Colour of spines and ticks.
    public var spineColor = Color.black
    /// Spines and ticks are drawn this many layout units wide, snapped to pixels (matplotlib's
    /// 0.8 pt is 1.11 px at 100 dpi and comes out grey; one crisp pixel looks like it).
    public var spineWidth = 1.0
    /// Tick line width in layout units, snapped to pixels like the spines.
    public var tickWidth = 1.0
    /// Tick length in points (outside the plot area).
    public var tickLengthPoints = 3.5
    /// Minor tick length in points (log axes' 2…9 × 10^k ticks; matplotlib's 2 pt).
    public var minorTickLengthPoints = 2.0
    /// Minor tick line width in layout units, snapped like the major ones (matplotlib's minor
    /// 0.6 pt is 3/4 of its major 0.8 pt).
    public var minorTickWidth = 0.75
    /// Gap between a tick's end and its label.
    public var tickLabelPadPoints = 3.5
    /// Gap between tick labels and the axis label.
    public var axisLabelPadPoints = 4.0
    /// Gap between the top spine and the axes title's baseline.
    public var titlePadPoints = 6.0

    /// Whether axes draw grid lines at the ticks (an axes can override it).
    public var showsGrid = false
    /// Grid line colour.
    public var gridColor = Color(hex: 0xb0b0b0)
    /// Grid line width in points.
    public var gridWidthPoints = 0.8

    /// Data margin added on each side by automatic limits, as a fraction of the data range:
    /// the `autoscaleMargin` given to the axes of a new `Figure`.
    public var autoscaleMargin = 0.05

    /// Legend: matplotlib's defaults in font-size units.
    public var legendBorderPad = 0.4
    /// Vertical gap between legend rows, in font-size units.
    public var legendLabelSpacing = 0.5
    /// Length of a legend key, in font-size units.
    public var legendHandleLength = 2.0
    /// Gap between a legend key and its label, in font-size units.
    public var legendHandleTextPad = 0.8
    /// Gap between the legend frame and the plot area's edges, in font-size units.
    public var legendBorderAxesPad = 0.5
    /// Colour of the legend frame's edge.
    public var legendFrameColor = Color(hex: 0xcccccc)
    /// Fill of the legend frame (translucent white, so data behind it stays visible).
    public var legendBackground = Color.white.withAlpha(0.8)
    /// Corner radius of the legend frame, in font-size units.
    public var legendCornerRadius = 0.2

    /// Number formatting of tick labels (use `.french` for decimal commas).
    public var numberFormatting = NumberFormatting.english

    /// Creates matplotlib's default theme; change properties to override.
    public init() {}

    /// matplotlib's default look.
    public static let matplotlib = Theme()

    /// The `index`-th colour of the cycle (wrapping around).
    public func cycleColor(_ index: Int) -> Color {
        guard !colorCycle.isEmpty else { return .black }
        let n = colorCycle.count
        return colorCycle[((index % n) + n) % n]
    }
}

/// Converts points to layout units at a dpi.
public struct PointScale: Hashable, Sendable {
    /// Dots per inch: layout units per inch.
    public var dpi: Double
    /// Creates a scale for a figure at `dpi`.
    public init(dpi: Double) { self.dpi = dpi }
    /// `points` × dpi / 72.
    public func layout(_ points: Double) -> Double { points * dpi / 72 }
}
