/// A figure: a background, a grid of `Axes` (one by default), an optional suptitle and
/// texts. Sizes are layout units (pixels of a scale-1 image); the dpi converts point sizes
/// (fonts, line widths) to layout units, as matplotlib's does.
///
/// Drawing order and layers: `draw(on:layers: .all)` paints every static item (in z-order,
/// axes after axes) and then every dynamic item (in z-order). Dynamic items therefore paint
/// over static ones, spines and legend included. Each item brings its own save/clip/restore,
/// and layout (limits, ticks, legend position) never depends on dynamic items, so the calls
/// of `.all` are exactly those of `.staticOnly` followed by those of `.dynamicOnly`: an
/// animation can draw the static layer once and each frame's dynamic layer over a copy.
/// An axes with a ``Axes/dynamicUnderlayZOrder`` splits this into four layers (static base,
/// dynamic underlay, static overlay, dynamic overlay; see ``DrawLayers``), so that some
/// dynamic marks can go under static ones.
public struct Figure: Sendable {
    /// Size in layout units.
    public let size: Size
    /// Dots per inch: converts point sizes to layout units (pt × dpi / 72).
    public let dpi: Double
    /// Number of rows of axes (1…64).
    public let rows: Int
    /// Number of columns of axes (1…64).
    public let columns: Int
    /// Fonts, colours and sizes of everything not set on a mark.
    public var theme: Theme
    /// Where the axes grid sits in the figure.
    public var margins = SubplotMargins.matplotlib
    /// Widens the gap between a grid's rows when tick labels, x labels and titles need it
    /// (see ``requiredRowGap``); false keeps matplotlib's `hspace` exactly.
    public var keepsRowsApart = true
    /// Splits the figure into `columns` equal cells and applies `margins` inside each cell, as
    /// if each were a figure of its own (plotters' `split_evenly`): three panels side by side
    /// each keep the layout of a one-panel figure of a third of the width. False uses one grid
    /// over the whole figure (matplotlib's `GridSpec`).
    public var splitsColumnsEvenly = false
    /// Row-major: `axes[row * columns + column]`.
    public var axes: [Axes]
    /// A title centred above all axes; nil for none.
    public var suptitle: String?
    /// Whether the suptitle is painted with the dynamic layer (it changes from frame to frame).
    public var suptitleIsDynamic = false
    /// Free texts placed in figure coordinates.
    public var texts: [FigureText] = []

    /// A figure of `width × height` pixels at `dpi` (matplotlib's default: 640 × 480 at 100).
    /// Throws `PlotError` for sizes outside 1…16384 px, a bad dpi, or an empty grid.
    public init(
        width: Double = 640, height: Double = 480, dpi: Double = 100, rows: Int = 1, columns: Int = 1,
        theme: Theme = .matplotlib
    ) throws(PlotError) {
        guard dpi.isFinite, dpi > 0 else { throw .invalidResolution(name: "dpi", value: dpi) }
        guard rows >= 1, columns >= 1, rows <= 64, columns <= 64 else {
            throw .invalidGrid(rows: rows, columns: columns)
        }
        try Self.validate(width: width, height: height, scale: 1)
        self.size = Size(width: width, height: height)
        self.dpi = dpi
        self.rows = rows
        self.columns = columns
        self.theme = theme
        self.axes = Array(
            repeating: Axes(colorCycle: theme.colorCycle, autoscaleMargin: theme.autoscaleMargin),
            count: rows * columns)
    }

    /// A figure of `widthInches × heightInches` at `dpi` (6.4 × 4.8 in at 100 dpi = 640 × 480).
    public init(
        widthInches: Double, heightInches: Double, dpi: Double = 100, rows: Int = 1, columns: Int = 1,
        theme: Theme = .matplotlib
    ) throws(PlotError) {
        guard dpi.isFinite, dpi > 0 else { throw .invalidResolution(name: "dpi", value: dpi) }
        try self.init(
            width: widthInches * dpi, height: heightInches * dpi, dpi: dpi, rows: rows, columns: columns,
            theme: theme)
    }

    /// Throws unless `width` and `height` × `scale` are finite pixel counts in 1…16384.
    public static func validate(width: Double, height: Double, scale: Double) throws(PlotError) {
        guard scale.isFinite, scale > 0 else { throw .invalidResolution(name: "scale", value: scale) }
        let limit = PlotError.maximumPixelsPerSide
        for side in [width, height] {
            let pixels = side * scale
            guard side.isFinite, pixels.isFinite, pixels >= 1, pixels <= limit else {
                throw .invalidFigureSize(width: width, height: height, scale: scale)
            }
        }
    }

    /// Throws unless this figure can be rendered at `scale` (device pixels per layout unit).
    public func validate(scale: Double) throws(PlotError) {
        try Self.validate(width: size.width, height: size.height, scale: scale)
    }

    /// The first (or only) axes.
    public var mainAxes: Axes {
        get { axes[0] }
        set { axes[0] = newValue }
    }

    /// The axes at `row`, `column` (0-based; row 0 at the top).
    public subscript(row: Int, column: Int) -> Axes {
        get { axes[row * columns + column] }
        set { axes[row * columns + column] = newValue }
    }

    /// The plot area (inside the spines) of the axes at `row`, `column`, in layout units.
    public func plotArea(row: Int = 0, column: Int = 0) -> Rect {
        if splitsColumnsEvenly {
            let cell = Size(width: size.width / Double(columns), height: size.height)
            var area = margins.plotArea(row: row, column: 0, rows: rows, columns: 1, in: cell)
            area.x += Double(column) * cell.width
            return area
        }
        var resolved = margins
        if keepsRowsApart {
            resolved.minimumVerticalGap = max(margins.minimumVerticalGap, requiredRowGap)
        }
        return resolved.plotArea(row: row, column: column, rows: rows, columns: columns, in: size)
    }

    /// The gap a grid's rows need so that one row's tick labels and x label never run into the
    /// next row's title (matplotlib's fixed `hspace` lets them overlap in a small figure).
    /// Estimated from the theme's sizes (a line of DejaVu Sans is about 1.17 em tall), and
    /// from which axes have titles and x labels — static properties, so the layout never
    /// depends on dynamic text.
    public var requiredRowGap: Double {
        guard rows > 1 else { return 0 }
        let lineHeight = 1.17
        var widest = 0.0
        for row in 0..<(rows - 1) {
            for column in 0..<columns {
                let upper = self[row, column]
                let lower = self[row + 1, column]
                var points =
                    theme.tickLengthPoints + theme.tickLabelPadPoints + lineHeight * theme.fontSizePoints
                if upper.xLabel != nil {
                    points += theme.axisLabelPadPoints + lineHeight * theme.fontSizePoints
                }
                if lower.title != nil || lower.titleIsDynamic {
                    points += theme.titlePadPoints + lineHeight * theme.titleSizePoints
                }
                widest = max(widest, points + 0.5 * theme.fontSizePoints)
            }
        }
        return self.points.layout(widest)
    }

    /// The layout (transform, ticks) of the axes at `row`, `column`.
    public func layout(row: Int = 0, column: Int = 0) -> AxesLayout {
        AxesLayout(
            axes: self[row, column], plotArea: plotArea(row: row, column: column), theme: theme,
            points: points)
    }

    /// Point-to-layout conversion at this figure's dpi.
    public var points: PointScale { PointScale(dpi: dpi) }

    /// NaN/infinite values skipped over all axes.
    public var skippedNonFiniteCount: Int { axes.reduce(0) { $0 + $1.skippedNonFiniteCount } }

    /// Paints `layers` of the figure on `renderer` (see the type's notes on layers).
    public func draw(on renderer: any Renderer, layers: DrawLayers = .all) {
        let groups = drawGroups(measure: { renderer.measureText($0, font: $1) })
        let order: [DrawLayers]
        switch layers {
        case .all: order = [.staticBase, .dynamicUnderlay, .staticOverlay, .dynamicOverlay]
        case .staticOnly: order = [.staticBase, .staticOverlay]
        case .dynamicOnly: order = [.dynamicUnderlay, .dynamicOverlay]
        case .staticBase, .dynamicUnderlay, .staticOverlay, .dynamicOverlay: order = [layers]
        }
        for layer in order {
            for group in groups { for item in group where item.layer == layer { item.paint(renderer) } }
        }
    }

    /// Whether some axes paints dynamic marks beneath static ones (see
    /// ``Axes/dynamicUnderlayZOrder``): an animation then needs the static overlay.
    public var hasDynamicUnderlay: Bool { axes.contains { $0.dynamicUnderlayZOrder != nil } }

    /// Item groups in painting order: the figure background, each axes (z-sorted), then the
    /// figure's texts (z-sorted).
    private func drawGroups(measure: (String, Font) -> TextExtent) -> [[DrawItem]] {
        let full = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let background = theme.figureBackground
        var groups: [[DrawItem]] = [
            [DrawItem(zOrder: -.infinity, isDynamic: false) { $0.fill(.rectangle(full), color: background) }]
        ]
        for row in 0..<rows {
            for column in 0..<columns {
                let items = self[row, column].drawItems(
                    plotArea: plotArea(row: row, column: column), theme: theme, points: points,
                    measure: measure)
                groups.append(items.sortedByZOrder())
            }
        }
        var figureItems: [DrawItem] = []
        let theme = self.theme
        let points = self.points
        if let suptitle, !suptitle.isEmpty {
            let font = Font(family: theme.fontFamily, size: points.layout(theme.titleSizePoints))
            let position = Point(x: size.width / 2, y: 0.02 * size.height)
            figureItems.append(
                DrawItem(zOrder: ZOrder.title, isDynamic: suptitleIsDynamic) { r in
                    r.drawText(
                        suptitle, at: position, font: font, color: theme.textColor,
                        anchor: TextAnchor(.center, .top), rotation: 0)
                })
        }
        for text in texts where !text.text.isEmpty && text.x.isFinite && text.y.isFinite {
            let font = Font(
                family: theme.fontFamily, size: points.layout(text.sizePoints), weight: text.weight)
            let position = Point(x: text.x * size.width, y: (1 - text.y) * size.height)
            figureItems.append(
                DrawItem(zOrder: ZOrder.text, isDynamic: text.isDynamic) { r in
                    r.drawText(
                        text.text, at: position, font: font, color: text.color ?? theme.textColor,
                        anchor: text.anchor, rotation: text.rotation)
                })
        }
        groups.append(figureItems.sortedByZOrder())
        return groups
    }
}
