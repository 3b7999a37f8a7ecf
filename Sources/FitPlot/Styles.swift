/// How a path's outline is drawn. Widths and dashes are in layout units.
public struct StrokeStyle: Hashable, Sendable {
    /// The shape of an open stroke's ends: flat at the end point, half-disc, or half-square beyond it.
    public enum LineCap: Hashable, Sendable {
        /// Flat, ending exactly at the end point.
        case butt
        /// A half-disc beyond the end point.
        case round
        /// A half-square beyond the end point.
        case square
    }
    /// The shape of the corner where two segments of a stroke meet.
    public enum LineJoin: Hashable, Sendable {
        /// A sharp corner (the outer edges extended until they meet).
        case miter
        /// A rounded corner.
        case round
        /// A corner cut off flat.
        case bevel
    }

    /// Line width in layout units.
    public var width: Double
    /// Stroke colour.
    public var color: Color
    /// Alternating on/off lengths; empty for a solid line.
    public var dash: [Double]
    /// End shape of open sub-paths and dashes.
    public var cap: LineCap
    /// Corner shape between segments.
    public var join: LineJoin
    /// Asks the renderer to move the path's vertices so that the stroke covers whole device
    /// pixels (a 1-px horizontal line drawn on a pixel centre is black, not two grey rows).
    /// Meant for axis-aligned lines: spines, ticks, grid lines.
    public var snapToPixels: Bool

    /// Creates a stroke style; defaults give a solid line with butt caps and miter joins, unsnapped.
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
    /// Font weight.
    public enum Weight: Hashable, Sendable {
        /// Normal weight.
        case regular
        /// Bold.
        case bold
    }
    /// Font family name, resolved by the renderer (e.g. through fontconfig).
    public var family: String
    /// Size in layout units (pixels at scale 1), not points.
    public var size: Double
    /// Regular or bold.
    public var weight: Weight
    /// Creates a font request; DejaVu Sans is matplotlib's default family.
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
    /// Creates an extent from measured values.
    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
    }
    /// Total height: ascent plus descent.
    public var height: Double { ascent + descent }
}

/// Which point of a text's box sits on the position it is drawn at (before rotation).
public struct TextAnchor: Hashable, Sendable {
    /// Which side of the text box sits on the position.
    public enum Horizontal: Hashable, Sendable {
        /// The text starts at the position.
        case left
        /// The text is centred on the position.
        case center
        /// The text ends at the position.
        case right
    }
    /// Which height of the text box sits on the position: top, middle, baseline or bottom.
    public enum Vertical: Hashable, Sendable {
        /// The top of the text box (ascent) is at the position.
        case top
        /// The middle of the text box is at the position.
        case center
        /// The baseline is at the position.
        case baseline
        /// The bottom of the text box (descent) is at the position.
        case bottom
    }
    /// Horizontal anchor.
    public var horizontal: Horizontal
    /// Vertical anchor.
    public var vertical: Vertical
    /// Creates an anchor, e.g. `TextAnchor(.center, .top)`.
    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal
        self.vertical = vertical
    }
}

/// A marker drawn at each point of a scatter.
public struct MarkerStyle: Hashable, Sendable {
    /// Marker outline: filled shapes (circle, square, diamond, triangle) or strokes (plus, cross).
    public enum Shape: Hashable, Sendable {
        /// A filled disc.
        case circle
        /// A filled axis-aligned square.
        case square
        /// A filled square turned 45°.
        case diamond
        /// A filled triangle pointing up.
        case triangleUp
        /// A "+" of two strokes, no fill.
        case plus
        /// An "×" of two strokes, no fill.
        case cross
    }
    /// The marker's shape.
    public var shape: Shape
    /// Diameter (or side) in layout units.
    public var size: Double
    /// Fill colour.
    public var fill: Color
    /// Edge colour; nil for no edge.
    public var edgeColor: Color?
    /// Edge line width in layout units; 0 for no edge.
    public var edgeWidth: Double
    /// Creates a marker style; by default a circle without an edge.
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
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// `width × height × 4` bytes: R, G, B, A.
    public var pixels: [UInt8]
    /// Creates a raster. `pixels` must hold exactly `width × height × 4` bytes (a precondition:
    /// a programming error, not user input).
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 4, "Raster needs width × height × 4 bytes")
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}
