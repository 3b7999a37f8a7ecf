/// Filled rectangles in data space, e.g. the squared errors of a fit drawn as squares.
/// One fill call for all rectangles (one path), then one stroke for their edges if any.
public struct RectanglesMark: Mark {
    /// Each rectangle as two opposite corners.
    public private(set) var rectangles: [DataSegment]
    public var fill: Color
    /// Edge line, nil for none.
    public var edge: LineAppearance?
    public var label: String?
    public var isDynamic: Bool
    public var zOrder: Double
    public private(set) var skippedNonFiniteCount: Int

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

    public var dataBounds: DataBounds? { DataBounds(points: rectangles.flatMap { [$0.start, $0.end] }) }
    public func legendHandle(points: PointScale) -> LegendHandle? {
        .patch(fill: fill, edge: edge?.strokeStyle(points))
    }

    public func draw(in context: MarkContext) {
        guard !rectangles.isEmpty else { return }
        var path = Path()
        for r in rectangles {
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
    public var text: String
    public var position: TextPosition
    /// Font size in points; nil uses the theme's.
    public var sizePoints: Double?
    public var weight: Font.Weight
    /// Nil uses the theme's text colour.
    public var color: Color?
    public var anchor: TextAnchor
    /// Degrees counter-clockwise.
    public var rotation: Double
    public var isDynamic: Bool
    public var zOrder: Double

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

    public var isClippedToPlotArea: Bool { false }
    /// A text at a non-finite data position is skipped.
    public var skippedNonFiniteCount: Int {
        if case .data(let p) = position, !p.isFinite { return 1 }
        if case .axes(let x, let y) = position, !(x.isFinite && y.isFinite) { return 1 }
        return 0
    }

    public func draw(in context: MarkContext) {
        guard skippedNonFiniteCount == 0, !text.isEmpty else { return }
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
