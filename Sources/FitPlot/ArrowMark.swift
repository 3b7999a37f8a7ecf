import Foundation

/// Arrows from one data point to another: a straight shaft and a filled triangular head at
/// the end (matplotlib's `annotate` with `arrowprops=dict(arrowstyle='-|>')`). The head's size
/// is in points, so it looks the same at any zoom; an arrow shorter than its head is drawn as
/// a head alone, scaled down to the arrow's length, so that a tiny step still shows its
/// direction. Arrows with a non-finite end are skipped and counted.
public struct ArrowMark: Mark {
    /// One arrow per segment, from `start` to `end` (the head).
    public var arrows: [DataSegment]
    /// Colour and shaft width.
    public var appearance: LineAppearance
    /// Length of the head along the shaft, in points.
    public var headLengthPoints: Double
    /// Width of the head across the shaft, in points.
    public var headWidthPoints: Double
    /// The legend text; nil keeps the arrows out of the legend.
    public var label: String?
    /// Whether the mark changes from frame to frame (see ``Mark/isDynamic``).
    public var isDynamic: Bool
    /// Painting order (see ``ZOrder``).
    public var zOrder: Double
    /// Whether the arrows are clipped to the plot area (true by default).
    public var isClippedToPlotArea: Bool

    /// Creates arrows; by default 1 pt shafts with 6 × 4.5 pt heads above lines.
    public init(
        _ arrows: [DataSegment], appearance: LineAppearance, headLengthPoints: Double = 6,
        headWidthPoints: Double = 4.5, label: String? = nil, isDynamic: Bool = false,
        zOrder: Double = ZOrder.lines + 0.1, isClippedToPlotArea: Bool = true
    ) {
        self.arrows = arrows
        self.appearance = appearance
        self.headLengthPoints = headLengthPoints
        self.headWidthPoints = headWidthPoints
        self.label = label
        self.isDynamic = isDynamic
        self.zOrder = zOrder
        self.isClippedToPlotArea = isClippedToPlotArea
    }

    private var finiteArrows: [DataSegment] {
        arrows.filter { $0.start.x.isFinite && $0.start.y.isFinite && $0.end.x.isFinite && $0.end.y.isFinite }
    }

    /// Arrows with a NaN or infinite coordinate.
    public var skippedNonFiniteCount: Int { arrows.count - finiteArrows.count }

    /// A line key in the legend.
    public func legendHandle(points: PointScale) -> LegendHandle? { .line(appearance.strokeStyle(points)) }

    /// Strokes every shaft as one path, then fills every head as one path.
    public func draw(in context: MarkContext) {
        let t = context.transform
        let headLength = context.points.layout(headLengthPoints)
        let headHalfWidth = context.points.layout(headWidthPoints) / 2
        var shafts = Path()
        var heads = Path()
        for arrow in finiteArrows where t.canShow(arrow.start) && t.canShow(arrow.end) {
            let a = t.point(arrow.start)
            let b = t.point(arrow.end)
            let dx = b.x - a.x
            let dy = b.y - a.y
            let length = (dx * dx + dy * dy).squareRoot()
            guard length > 1e-9, length.isFinite else { continue }
            let (ux, uy) = (dx / length, dy / length)
            let scale = min(1, length / headLength)
            let base = Point(x: b.x - ux * headLength * scale, y: b.y - uy * headLength * scale)
            if scale == 1 {
                shafts.move(to: a)
                shafts.line(to: base)
            }
            let w = headHalfWidth * scale
            heads.move(to: b)
            heads.line(to: Point(x: base.x - uy * w, y: base.y + ux * w))
            heads.line(to: Point(x: base.x + uy * w, y: base.y - ux * w))
            heads.close()
        }
        if !shafts.isEmpty { context.renderer.stroke(shafts, style: appearance.strokeStyle(context.points)) }
        if !heads.isEmpty { context.renderer.fill(heads, color: appearance.color) }
    }
}

extension Axes {
    /// Arrows from each segment's start to its end (the head); see ``ArrowMark``.
    public mutating func arrows(
        _ arrows: [DataSegment], color: Color, widthPoints: Double = 1, headLengthPoints: Double = 6,
        headWidthPoints: Double = 4.5, isDynamic: Bool = false
    ) {
        add(
            ArrowMark(
                arrows, appearance: LineAppearance(color: color, widthPoints: widthPoints),
                headLengthPoints: headLengthPoints, headWidthPoints: headWidthPoints, isDynamic: isDynamic))
    }
}
