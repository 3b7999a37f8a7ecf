/// One plot: marks in data coordinates, linear or log x and y scales, ticks, labels, title, legend.
/// A value: build it, then let its `Figure` draw it.
public struct Axes: Sendable {
    /// Title above the plot area; nil for none.
    public var title: String?
    /// A dynamic title is painted with the dynamic layer (e.g. "Iteration 12 — loss 0.4911").
    public var titleIsDynamic = false
    /// Label under the x axis; nil for none.
    public var xLabel: String?
    /// Label left of the y axis (rotated); nil for none.
    public var yLabel: String?
    /// How x values are spaced: `.log10` is matplotlib's `ax.set_xscale('log')`.
    public var xScale = AxisScale.linear
    /// How y values are spaced: `.log10` is matplotlib's `ax.set_yscale('log')`.
    public var yScale = AxisScale.linear
    /// Explicit limits; nil computes them from the static marks (see `AxisRange.automatic`).
    /// On a log axis, limits that are not positive are ignored (automatic ones are used), as
    /// matplotlib ignores them with a warning.
    public var xLimits: AxisRange?
    /// Explicit y limits; nil computes them from the static marks.
    public var yLimits: AxisRange?
    /// Margin added on each side by automatic limits, as a fraction of the data range
    /// (matplotlib's `axes.xmargin`/`ymargin`, 0.05).
    public var autoscaleMargin = 0.05
    /// Grid lines at the major ticks; nil follows the theme (off by default).
    public var showsGrid: Bool?
    /// Nil draws no legend.
    public var legendLocation: LegendLocation?
    /// Tick label formatting; nil uses a `TickFormatter` with the theme's number formatting.
    public var tickFormatter: TickFormatter?
    /// Dynamic marks of this axes below this z-order are painted beneath its static items at or
    /// above it (residuals under a static point cloud), instead of over every static item.
    /// An animation then keeps those static items as a transparent overlay that it composites
    /// over each frame's underlay (see ``DrawLayers``). Nil (the default): every dynamic mark
    /// paints over every static item.
    public var dynamicUnderlayZOrder: Double?
    /// Tick positions of an iteration (or any count) axis: whole numbers only, as matplotlib's
    /// `MaxNLocator(integer=True)`, when set. Linear axes only.
    public var xTicksAreIntegers = false
    /// The marks, in the order they were added (equal z-orders paint in this order).
    public private(set) var marks: [any Mark] = []

    /// Colours for marks added without one: lines and patches cycle separately, as in
    /// matplotlib (a first scatter and a first line are both blue).
    public var colorCycle: [Color]
    private var nextLineColor = 0
    private var nextPatchColor = 0

    /// Creates an empty axes with matplotlib's colour cycle and 5 % margins by default.
    public init(colorCycle: [Color] = Theme.matplotlib.colorCycle, autoscaleMargin: Double = 0.05) {
        self.colorCycle = colorCycle
        self.autoscaleMargin = autoscaleMargin
    }

    /// Adds any mark.
    public mutating func add(_ mark: some Mark) { marks.append(mark) }

    /// Removes every mark (the axes' settings stay).
    public mutating func removeAllMarks() { marks.removeAll() }

    /// Removes the dynamic marks, e.g. to put the next frame's line in (the static layer,
    /// which never depends on them, is unchanged).
    public mutating func removeDynamicMarks() { marks.removeAll { $0.isDynamic } }

    /// The total of NaN/infinite values skipped by the marks (never drawn), and of values a
    /// log axis cannot show (≤ 0), skipped in the same way.
    public var skippedNonFiniteCount: Int {
        marks.reduce(0) { $0 + $1.skippedCount(xScale: xScale, yScale: yScale) }
    }

    /// Sets explicit limits; throws unless finite and increasing.
    public mutating func setLimits(x: (Double, Double)? = nil, y: (Double, Double)? = nil) throws(PlotError) {
        if let x { xLimits = try AxisRange(x.0, x.1, axis: "x") }
        if let y { yLimits = try AxisRange(y.0, y.1, axis: "y") }
    }

    /// The limits used for drawing: explicit ones, or automatic ones from static marks only,
    /// so that dynamic marks never move the layout.
    public var resolvedLimits: (x: AxisRange, y: AxisRange) {
        // Explicit limits need no scan of the marks' data (O(points), every frame otherwise).
        let (xScale, yScale) = (self.xScale, self.yScale)
        let explicitX = xLimits.flatMap { xScale.canShow($0) ? $0 : nil }
        let explicitY = yLimits.flatMap { yScale.canShow($0) ? $0 : nil }
        if let explicitX, let explicitY { return (explicitX, explicitY) }
        let staticMarks = marks.filter { !$0.isDynamic }
        let bounds = staticMarks.compactMap { $0.dataBounds(xScale: xScale, yScale: yScale) }
            .reduce(nil as DataBounds?) { $0?.union($1) ?? $1 }
        let sticky = staticMarks.compactMap(\.stickyBounds)
        func auto(
            _ lo: Double?, _ hi: Double?, _ stickyLo: [Double], _ stickyHi: [Double], _ scale: AxisScale
        )
            -> AxisRange
        {
            var range = AxisRange.automatic(
                dataMinimum: lo, dataMaximum: hi, margin: autoscaleMargin, scale: scale)
            // matplotlib's sticky edges: a heat map's extent is not padded.
            if let lo, stickyLo.contains(lo), lo < range.upper { range.lower = lo }
            if let hi, stickyHi.contains(hi), hi > range.lower { range.upper = hi }
            return range
        }
        let x = explicitX ?? auto(bounds?.minX, bounds?.maxX, sticky.map(\.minX), sticky.map(\.maxX), xScale)
        let y = explicitY ?? auto(bounds?.minY, bounds?.maxY, sticky.map(\.minY), sticky.map(\.maxY), yScale)
        return (x, y)
    }

    mutating func takeLineColor() -> Color {
        defer { nextLineColor += 1 }
        return cycleColor(nextLineColor)
    }

    mutating func takePatchColor() -> Color {
        defer { nextPatchColor += 1 }
        return cycleColor(nextPatchColor)
    }

    private func cycleColor(_ i: Int) -> Color {
        colorCycle.isEmpty ? .black : colorCycle[i % colorCycle.count]
    }
}

// MARK: - Adding marks (matplotlib-like conveniences)

extension Axes {
    /// Markers at (x[i], y[i]); diameter in points (default 6 pt with a 1 pt edge in the fill
    /// colour: matplotlib's default s = 36 pt², edgecolors 'face').
    public mutating func scatter(
        x: [Double], y: [Double], color: Color? = nil, shape: MarkerStyle.Shape = .circle,
        diameterPoints: Double = 6, alpha: Double = 1, edgeColor: Color? = nil,
        edgeWidthPoints: Double = 1, label: String? = nil, isDynamic: Bool = false
    ) throws(PlotError) {
        let mark = try ScatterMark(
            x: x, y: y, color: color ?? Color.black, shape: shape, diameterPoints: diameterPoints,
            alpha: alpha, edgeColor: edgeColor, edgeWidthPoints: edgeWidthPoints, label: label,
            isDynamic: isDynamic)
        var resolved = mark
        if color == nil { resolved.color = takePatchColor() }
        add(resolved)
    }

    /// A polyline through (x[i], y[i]); width in points (default 1.5).
    public mutating func plot(
        x: [Double], y: [Double], color: Color? = nil, widthPoints: Double = 1.5,
        dashPoints: [Double] = [], label: String? = nil, isDynamic: Bool = false
    ) throws(PlotError) {
        let appearance = LineAppearance(
            color: color ?? .black, widthPoints: widthPoints, dashPoints: dashPoints)
        var mark = try PolylineMark(x: x, y: y, appearance: appearance, label: label, isDynamic: isDynamic)
        if color == nil { mark.appearance.color = takeLineColor() }
        add(mark)
    }

    /// The infinite line y = slope·x + intercept, cut to the limits.
    public mutating func line(
        slope: Double, intercept: Double, color: Color? = nil, widthPoints: Double = 1.5,
        dashPoints: [Double] = [], label: String? = nil, isDynamic: Bool = false
    ) {
        let c = color ?? takeLineColor()
        add(
            InfiniteLineMark(
                slope: slope, intercept: intercept,
                appearance: LineAppearance(color: c, widthPoints: widthPoints, dashPoints: dashPoints),
                label: label, isDynamic: isDynamic))
    }

    /// Independent segments (e.g. residuals).
    public mutating func segments(
        _ segments: [DataSegment], color: Color? = nil, widthPoints: Double = 1.5,
        dashPoints: [Double] = [], label: String? = nil, isDynamic: Bool = false,
        zOrder: Double = ZOrder.lines
    ) {
        let c = color ?? takeLineColor()
        add(
            SegmentsMark(
                segments,
                appearance: LineAppearance(color: c, widthPoints: widthPoints, dashPoints: dashPoints),
                label: label, isDynamic: isDynamic, zOrder: zOrder))
    }

    /// Filled rectangles given by opposite data corners.
    public mutating func rectangles(
        _ corners: [DataSegment], fill: Color? = nil, edge: LineAppearance? = nil,
        label: String? = nil, isDynamic: Bool = false
    ) {
        let c = fill ?? takePatchColor()
        add(RectanglesMark(corners: corners, fill: c, edge: edge, label: label, isDynamic: isDynamic))
    }

    /// A line of text in data or axes coordinates.
    public mutating func text(
        _ text: String, at position: TextPosition, sizePoints: Double? = nil, color: Color? = nil,
        anchor: TextAnchor = TextAnchor(.left, .baseline), rotation: Double = 0,
        isDynamic: Bool = false
    ) {
        add(
            TextMark(
                text, at: position, sizePoints: sizePoints, color: color, anchor: anchor,
                rotation: rotation, isDynamic: isDynamic))
    }

    /// z(x, y) sampled at `columns × rows` cell centres over x × y, coloured with `colormap`.
    public mutating func heatMap(
        x: AxisRange, y: AxisRange, columns: Int, rows: Int, colormap: Colormap = .viridis,
        contourLevels: [Double] = [], isDynamic: Bool = false,
        function: (Double, Double) -> Double
    ) throws(PlotError) {
        var mark = try HeatMapMark.sampling(x: x, y: y, columns: columns, rows: rows, function: function)
        mark.colormap = colormap
        mark.contourLevels = contourLevels
        mark.isDynamic = isDynamic
        add(mark)
    }
}
