/// Everything about an axes' geometry that does not depend on text measurement: the plot
/// area, the transform, and the visible ticks with their labels. Animations use
/// `plotArea`/`transform` for manifests.
public struct AxesLayout: Hashable, Sendable {
    /// The plot area (inside the spines), in layout units.
    public var plotArea: Rect
    /// The data-to-layout transform of the plot area with the resolved limits.
    public var transform: AxesTransform
    /// Visible x tick positions, in data units.
    public var xTicks: [Double]
    /// The label of each x tick (same order as `xTicks`).
    public var xTickLabels: [String]
    /// "1e6", "+1e6"… at the right end of the x axis; empty when not needed.
    public var xOffsetText: String
    /// Visible y tick positions, in data units.
    public var yTicks: [Double]
    /// The label of each y tick (same order as `yTicks`).
    public var yTickLabels: [String]
    /// "1e6", "+1e6"… above the top of the y axis; empty when not needed.
    public var yOffsetText: String
    /// Visible minor x tick positions (log axes only; empty on a linear axis, as matplotlib's default).
    public var xMinorTicks: [Double] = []
    /// The label of each minor x tick, mostly empty (see `LogTickFormatter`).
    public var xMinorTickLabels: [String] = []
    /// Visible minor y tick positions (log axes only).
    public var yMinorTicks: [Double] = []
    /// The label of each minor y tick, mostly empty.
    public var yMinorTickLabels: [String] = []

    /// Lays out `axes` in `plotArea` (layout units) with tick label sizes from the theme.
    public init(axes: Axes, plotArea: Rect, theme: Theme, points: PointScale) {
        let (x, y) = axes.resolvedLimits
        self.plotArea = plotArea
        self.transform = AxesTransform(
            x: x, y: y, plotArea: plotArea, xScale: axes.xScale, yScale: axes.yScale)
        let fontSize = points.layout(theme.fontSizePoints)
        let formatter = axes.tickFormatter ?? TickFormatter(numberFormatting: theme.numberFormatting)
        func ticks(_ range: AxisRange, length: Double, horizontal: Bool, integer: Bool = false) -> (
            [Double], [String], String
        ) {
            let bins = NiceTicks.automaticBins(axisLength: length, fontSize: fontSize, horizontal: horizontal)
            let all = NiceTicks(maximumBins: bins, integer: integer).tickValues(
                lower: range.lower, upper: range.upper)
            let labels = formatter.labels(for: all, lower: range.lower, upper: range.upper)
            // Keep the ticks inside the limits (matplotlib's tolerance: 1e-10 of the span).
            let tolerance = 1e-10 * range.span
            var kept: [Double] = []
            var keptLabels: [String] = []
            for (tick, label) in zip(all, labels.labels)
            where tick >= range.lower - tolerance && tick <= range.upper + tolerance {
                kept.append(tick)
                keptLabels.append(label)
            }
            return (kept, keptLabels, labels.offsetText)
        }
        let logFormatter = LogTickFormatter(numberFormatting: formatter.numberFormatting)
        func logTicks(_ range: AxisRange, length: Double, horizontal: Bool) -> LogAxisTicks {
            let locator = LogTicks.automatic(axisLength: length, fontSize: fontSize, horizontal: horizontal)
            let (major, minor) = locator.ticks(lower: range.lower, upper: range.upper)
            return LogAxisTicks(
                major: major,
                majorLabels: logFormatter.labels(for: major, lower: range.lower, upper: range.upper),
                minor: minor,
                minorLabels: logFormatter.labels(for: minor, lower: range.lower, upper: range.upper))
        }
        if axes.xScale == .log10 {
            let t = logTicks(x, length: plotArea.width, horizontal: true)
            (xTicks, xTickLabels, xOffsetText, xMinorTicks, xMinorTickLabels) = (
                t.major, t.majorLabels, "", t.minor, t.minorLabels
            )
        } else {
            (xTicks, xTickLabels, xOffsetText) = ticks(
                x, length: plotArea.width, horizontal: true, integer: axes.xTicksAreIntegers)
        }
        if axes.yScale == .log10 {
            let t = logTicks(y, length: plotArea.height, horizontal: false)
            (yTicks, yTickLabels, yOffsetText, yMinorTicks, yMinorTickLabels) = (
                t.major, t.majorLabels, "", t.minor, t.minorLabels
            )
        } else {
            (yTicks, yTickLabels, yOffsetText) = ticks(y, length: plotArea.height, horizontal: false)
        }
    }
}

/// The ticks of one log axis with their labels.
private struct LogAxisTicks {
    var major: [Double]
    var majorLabels: [String]
    var minor: [Double]
    var minorLabels: [String]
}

/// One thing to paint, with its z-order and layer. Items paint themselves with their own
/// save/clip/restore, so a layer's calls are the same whether drawn alone or within `.all`.
struct DrawItem {
    var zOrder: Double
    var isDynamic: Bool
    /// Set on the items of an axes with a ``Axes/dynamicUnderlayZOrder``: a dynamic item below
    /// it is in the underlay, a static item at or above it in the static overlay.
    var isSplitByUnderlay = false
    var paint: (any Renderer) -> Void

    init(zOrder: Double, isDynamic: Bool, paint: @escaping (any Renderer) -> Void) {
        self.zOrder = zOrder
        self.isDynamic = isDynamic
        self.paint = paint
    }

    /// The layer this item is painted in (see ``DrawLayers``).
    var layer: DrawLayers {
        switch (isDynamic, isSplitByUnderlay) {
        case (false, false): .staticBase
        case (false, true): .staticOverlay
        case (true, true): .dynamicUnderlay
        case (true, false): .dynamicOverlay
        }
    }
}

extension Array where Element == DrawItem {
    /// Stable sort by z-order: equal z-orders keep their insertion order.
    func sortedByZOrder() -> [DrawItem] {
        enumerated().sorted { a, b in
            a.element.zOrder != b.element.zOrder ? a.element.zOrder < b.element.zOrder : a.offset < b.offset
        }.map(\.element)
    }
}
