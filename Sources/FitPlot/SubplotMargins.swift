/// Where the axes grid sits in a figure, as fractions of its size (matplotlib's subplot
/// parameters; `bottom`/`top` measured from the figure's bottom edge, as matplotlib does).
public struct SubplotMargins: Hashable, Sendable {
    /// Left edge of the grid, as a fraction of the figure's width.
    public var left = 0.125
    /// Right edge of the grid, as a fraction of the figure's width.
    public var right = 0.9
    /// Bottom edge of the grid, as a fraction of the figure's height from its bottom.
    public var bottom = 0.11
    /// Top edge of the grid, as a fraction of the figure's height from its bottom.
    public var top = 0.88
    /// Horizontal gap between columns, as a fraction of the average axes width.
    public var horizontalSpacing = 0.2
    /// Vertical gap between rows, as a fraction of the average axes height.
    public var verticalSpacing = 0.2
    /// The smallest vertical gap between rows, in layout units: when `verticalSpacing` gives
    /// less, rows shrink to make room (0: matplotlib's rule alone).
    public var minimumVerticalGap = 0.0

    /// Creates matplotlib's default margins.
    public init() {}

    /// matplotlib's defaults: the 640 × 480 figure's plot area is x 80…576, y 57.6…427.2.
    public static let matplotlib = SubplotMargins()

    /// matplotlib's fractions, widened where a small figure would leave too little room for
    /// one row of tick labels plus an axis label (bottom), tick labels plus a y label (left) or
    /// a title (top): matplotlib itself clips them below about 480 × 360. At 640 × 480 and
    /// larger this is exactly ``matplotlib``.
    public static func matplotlib(fitting size: Size, dpi: Double) -> SubplotMargins {
        var margins = SubplotMargins()
        let unit = dpi / 72  // layout units per point
        margins.left = max(margins.left, minimumLeftPoints * unit / size.width)
        margins.bottom = max(margins.bottom, minimumBottomPoints * unit / size.height)
        margins.top = min(margins.top, 1 - minimumTopPoints * unit / size.height)
        margins.right = min(margins.right, 1 - minimumRightPoints * unit / size.width)
        return margins
    }

    /// Room for ticks (3.5 pt), pads, a 10 pt tick label, its 4 pt label pad and a 10 pt label.
    static let minimumBottomPoints = 34.5
    /// Room for ticks, pads, five-character tick labels and a rotated 10 pt label.
    static let minimumLeftPoints = 52.0
    /// Room for a 12 pt title and its 6 pt pad.
    static let minimumTopPoints = 29.0
    static let minimumRightPoints = 10.0

    /// The plot area of the axes at `row`, `column` (0-based, row 0 at the top) of a
    /// `rows × columns` grid in a figure of `size`, as matplotlib's `GridSpec` computes it.
    public func plotArea(row: Int, column: Int, rows: Int, columns: Int, in size: Size) -> Rect {
        let totalWidth = (right - left) * size.width
        let totalHeight = (top - bottom) * size.height
        let cellWidth = totalWidth / (Double(columns) + horizontalSpacing * Double(columns - 1))
        var cellHeight = totalHeight / (Double(rows) + verticalSpacing * Double(rows - 1))
        var gap = verticalSpacing * cellHeight
        if rows > 1, gap < minimumVerticalGap {
            gap = minimumVerticalGap
            cellHeight = max(1, (totalHeight - Double(rows - 1) * gap) / Double(rows))
        }
        let x = left * size.width + Double(column) * cellWidth * (1 + horizontalSpacing)
        let y = (1 - top) * size.height + Double(row) * (cellHeight + gap)
        return Rect(x: x, y: y, width: cellWidth, height: cellHeight)
    }
}

/// Which items `Figure.draw(on:layers:)` paints.
public enum DrawLayers: Hashable, Sendable {
    /// Everything: all static items in z-order, then all dynamic items in z-order.
    case all
    /// Background, axes, ticks, labels, static marks, legend, static texts.
    case staticOnly
    /// Only the items flagged dynamic (current fit line, dynamic titles and texts).
    case dynamicOnly
    /// The static items painted before the dynamic underlay: all of them, except those of an
    /// axes with an ``Axes/dynamicUnderlayZOrder`` at or above it.
    case staticBase
    /// The dynamic items of an axes with an ``Axes/dynamicUnderlayZOrder`` below it (e.g.
    /// residuals under a static point cloud); none when no axes sets one.
    case dynamicUnderlay
    /// The static items of an axes with an ``Axes/dynamicUnderlayZOrder`` at or above it,
    /// painted over the dynamic underlay; none when no axes sets one.
    case staticOverlay
    /// The dynamic items that are not in the underlay: all of them when no axes sets one.
    case dynamicOverlay
}

/// A text placed in figure coordinates: (0, 0) bottom-left, (1, 1) top-right (matplotlib's
/// `fig.text`).
public struct FigureText: Hashable, Sendable {
    /// The text, one line.
    public var text: String
    /// Horizontal position: 0 left edge, 1 right edge of the figure.
    public var x: Double
    /// Vertical position: 0 bottom edge, 1 top edge of the figure.
    public var y: Double
    /// Font size in points.
    public var sizePoints: Double
    /// Regular or bold.
    public var weight: Font.Weight
    /// Text colour; nil uses the theme's.
    public var color: Color?
    /// Which point of the text's box sits on `(x, y)`.
    public var anchor: TextAnchor
    /// Degrees counter-clockwise.
    public var rotation: Double
    /// Whether the text is painted with the dynamic layer (it changes from frame to frame).
    public var isDynamic: Bool

    /// Creates a figure text; by default 10 pt, left-aligned on its baseline, unrotated.
    public init(
        _ text: String, x: Double, y: Double, sizePoints: Double = 10, weight: Font.Weight = .regular,
        color: Color? = nil, anchor: TextAnchor = TextAnchor(.left, .baseline), rotation: Double = 0,
        isDynamic: Bool = false
    ) {
        self.text = text
        self.x = x
        self.y = y
        self.sizePoints = sizePoints
        self.weight = weight
        self.color = color
        self.anchor = anchor
        self.rotation = rotation
        self.isDynamic = isDynamic
    }
}
