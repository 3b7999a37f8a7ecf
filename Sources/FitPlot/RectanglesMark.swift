/// Filled rectangles in data space, e.g. the squared errors of a fit drawn as squares.
/// One fill call for all rectangles (one path), then one stroke for their edges if any.
public struct RectanglesMark: Mark {
    /// Each rectangle as two opposite corners.
    public private(set) var rectangles: [DataSegment]
    /// Fill colour of every rectangle.
    public var fill: Color
    /// Edge line, nil for none.
    public var edge: LineAppearance?
    /// The legend text; nil keeps the rectangles out of the legend.
    public var label: String?
    /// Whether the mark changes from frame to frame (see ``Mark/isDynamic``).
    public var isDynamic: Bool
    /// Painting order (see ``ZOrder``).
    public var zOrder: Double
    /// Number of rectangles dropped because a corner was not finite.
    public private(set) var skippedNonFiniteCount: Int

    /// Creates the mark from each rectangle's two opposite corners, dropping (and counting)
    /// those with a non-finite corner.
    public init(
        corners: [DataSegment], fill: Color, edge: LineAppearance? = nil, label: String? = nil,
        isDynamic: Bool = false, zOrder: Double = ZOrder.rectangles
    ) {
        rectangles = corners.filter(\.isFinite)
        skippedNonFiniteCount = corners.count - rectangles.count
        self.fill = fill
        self.edge = edge
        self.label = label
        self.isDynamic = isDynamic
        self.zOrder = zOrder
    }

    /// The bounds of all corners.
    public var dataBounds: DataBounds? { DataBounds(points: rectangles.flatMap { [$0.start, $0.end] }) }
    /// The bounds of the rectangles the axes can show (positive corners on a log axis).
    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? {
        let shown = rectangles.filter {
            xScale.canShow($0.start.x) && xScale.canShow($0.end.x) && yScale.canShow($0.start.y)
                && yScale.canShow($0.end.y)
        }
        return DataBounds(points: shown.flatMap { [$0.start, $0.end] })
    }
    /// Non-finite rectangles, plus rectangles with a corner a log axis cannot show.
    public func skippedCount(xScale: AxisScale, yScale: AxisScale) -> Int {
        guard xScale == .log10 || yScale == .log10 else { return skippedNonFiniteCount }
        return skippedNonFiniteCount
            + rectangles.count {
                !(xScale.canShow($0.start.x) && xScale.canShow($0.end.x) && yScale.canShow($0.start.y)
                    && yScale.canShow($0.end.y))
            }
    }
    /// A filled patch key with the same fill and edge.
    public func legendHandle(points: PointScale) -> LegendHandle? {
        .patch(fill: fill, edge: edge?.strokeStyle(points))
    }

    /// Fills all rectangles as one path, then strokes their edges if there is an edge.
    public func draw(in context: MarkContext) {
        guard !rectangles.isEmpty else { return }
        var path = Path()
        // On a log axis, a rectangle with a corner it cannot show (≤ 0) is skipped whole.
        for r in rectangles where context.transform.canShow(r.start) && context.transform.canShow(r.end) {
            for element in Path.rectangle(context.transform.rect(from: r.start, to: r.end)).elements {
                switch element {
                case .move(let p): path.move(to: p)
                case .line(let p): path.line(to: p)
                case .close: path.close()
                case .curve, .arc: break
                }
            }
        }
        // Overlapping squares in one path: the renderer's fill rule decides overlaps, so each
        // square is its own sub-path with the same winding (non-zero keeps overlaps filled).
        context.renderer.fill(path, color: fill)
        if let edge { context.renderer.stroke(path, style: edge.strokeStyle(context.points)) }
    }
}

/// Where a text sits.
public enum TextPosition: Hashable, Sendable {
    /// Data coordinates.
    case data(DataPoint)
    /// Axes coordinates: (0, 0) bottom-left of the plot area, (1, 1) top-right.
    case axes(x: Double, y: Double)
}

/// A line of text in an axes (not clipped, like matplotlib's).
public struct TextMark: Mark {
    /// The text, one line.
    public var text: String
    /// Where the anchor point of the text sits.
    public var position: TextPosition
    /// Font size in points; nil uses the theme's.
    public var sizePoints: Double?
    /// Regular or bold.
    public var weight: Font.Weight
    /// Nil uses the theme's text colour.
    public var color: Color?
    /// Which point of the text's box sits on `position`.
    public var anchor: TextAnchor
    /// Degrees counter-clockwise.
    public var rotation: Double
    /// Whether the text changes from frame to frame (e.g. an iteration counter).
    public var isDynamic: Bool
    /// Painting order (see ``ZOrder``).
    public var zOrder: Double

    /// Creates a text mark; by default left-aligned on its baseline, unrotated, in the theme's
    /// font size and colour.
    public init(
        _ text: String, at position: TextPosition, sizePoints: Double? = nil,
        weight: Font.Weight = .regular, color: Color? = nil,
        anchor: TextAnchor = TextAnchor(.left, .baseline), rotation: Double = 0,
        isDynamic: Bool = false, zOrder: Double = ZOrder.text
    ) {
        self.text = text
        self.position = position
        self.sizePoints = sizePoints
        self.weight = weight
        self.color = color
        self.anchor = anchor
        self.rotation = rotation
        self.isDynamic = isDynamic
        self.zOrder = zOrder
    }

    /// Texts are not clipped to the plot area, as in matplotlib.
    public var isClippedToPlotArea: Bool { false }
    /// A text at a non-finite data position is skipped.
    public var skippedNonFiniteCount: Int {
        if case .data(let p) = position, !p.isFinite { return 1 }
        if case .axes(let x, let y) = position, !(x.isFinite && y.isFinite) { return 1 }
        return 0
    }

    /// A text at a data position a log axis cannot show (≤ 0) is skipped as well.
    public func skippedCount(xScale: AxisScale, yScale: AxisScale) -> Int {
        if case .data(let p) = position, !(xScale.canShow(p.x) && yScale.canShow(p.y)) { return 1 }
        return skippedNonFiniteCount
    }

    /// Draws the text with the theme's font family; a non-finite position (or one a log axis
    /// cannot show) or an empty text draws nothing.
    public func draw(in context: MarkContext) {
        let scales = (context.transform.xScale, context.transform.yScale)
        guard skippedCount(xScale: scales.0, yScale: scales.1) == 0, !text.isEmpty else { return }
        let point: Point
        switch position {
        case .data(let p): point = context.transform.point(p)
        case .axes(let x, let y): point = context.transform.axesPoint(x: x, y: y)
        }
        let font = Font(
            family: context.theme.fontFamily,
            size: context.points.layout(sizePoints ?? context.theme.fontSizePoints), weight: weight)
        context.renderer.drawText(
            text, at: point, font: font, color: color ?? context.theme.textColor, anchor: anchor,
            rotation: rotation)
    }
}
