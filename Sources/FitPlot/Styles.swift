/// How a path's outline is drawn. Widths and dashes are in layout units.
public struct StrokeStyle: Hashable, Sendable {
    public enum LineCap: Hashable, Sendable { case butt, round, square }
    public enum LineJoin: Hashable, Sendable { case miter, round, bevel }

    public var width: Double
    public var color: Color
    /// Alternating on/off lengths; empty for a solid line.
    public var dash: [Double]
    public var cap: LineCap
    public var join: LineJoin
    /// Asks the renderer to move the path's vertices so that the stroke covers whole device
    /// pixels (a 1-px horizontal line drawn on a pixel centre is black, not two grey rows).
    /// Meant for axis-aligned lines: spines, ticks, grid lines.
    public var snapToPixels: Bool

    public init(
        width: Double, color: Color, dash: [Double] = [], cap: LineCap = .butt,
        join: LineJoin = .miter, snapToPixels: Bool = false
    ) {
        self.width = width
        self.color = color
        self.dash = dash
        self.cap = cap
        self.join = join
        self.snapToPixels = snapToPixels
    }
}

/// A font request. `size` is in layout units (pixels at scale 1): matplotlib's 10 pt at
/// 100 dpi is 10 × 100 / 72 ≈ 13.9.
public struct Font: Hashable, Sendable {
    public enum Weight: Hashable, Sendable { case regular, bold }
    public var family: String
    public var size: Double
    public var weight: Weight
    public init(family: String = "DejaVu Sans", size: Double, weight: Weight = .regular) {
        self.family = family
        self.size = size
        self.weight = weight
    }
}

/// The measured extent of a line of text, in layout units.
public struct TextExtent: Hashable, Sendable {
    /// Advance width of the whole string.
    public var width: Double
    /// Height above the baseline (positive).
    public var ascent: Double
    /// Depth below the baseline (positive).
    public var descent: Double
    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
    }
    public var height: Double { ascent + descent }
}

/// Which point of a text's box sits on the position it is drawn at (before rotation).
public struct TextAnchor: Hashable, Sendable {
    public enum Horizontal: Hashable, Sendable { case left, center, right }
    public enum Vertical: Hashable, Sendable { case top, center, baseline, bottom }
    public var horizontal: Horizontal
    public var vertical: Vertical
    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal
        self.vertical = vertical
    }
}

/// A marker drawn at each point of a scatter.
public struct MarkerStyle: Hashable, Sendable {
    public enum Shape: Hashable, Sendable { case circle, square, diamond, triangleUp, plus, cross }
    public var shape: Shape
    /// Diameter (or side) in layout units.
    public var size: Double
    public var fill: Color
    public var edgeColor: Color?
    public var edgeWidth: Double
    public init(
        shape: Shape = .circle, size: Double, fill: Color, edgeColor: Color? = nil,
        edgeWidth: Double = 0
    ) {
        self.shape = shape
        self.size = size
        self.fill = fill
        self.edgeColor = edgeColor
        self.edgeWidth = edgeWidth
    }
}

/// An RGBA8 raster (straight alpha, rows top to bottom), e.g. a heat map's cells.
public struct Raster: Hashable, Sendable {
    public var width: Int
    public var height: Int
    /// `width × height × 4` bytes: R, G, B, A.
    public var pixels: [UInt8]
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 4, "Raster needs width × height × 4 bytes")
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}
