/// A `Renderer` that records each drawing call as one line of text, for exact layout tests.
///
/// Numbers are printed with 3 decimals (ASCII minus), colours as #rrggbbaa. Text is measured
/// with a fake, font-independent rule: width = 0.6 × size × characters, ascent 0.76 × size,
/// descent 0.24 × size. Measurements are not recorded (they draw nothing).
public final class RecordingRenderer: Renderer {
    /// The drawing's size in layout units, as given.
    public let canvasSize: Size
    /// One line per call, in call order.
    public private(set) var lines: [String] = []

    /// Creates an empty recording of a canvas of `size`.
    public init(size: Size) { canvasSize = size }

    /// All lines joined with newlines.
    public var text: String { lines.joined(separator: "\n") }

    /// Forgets every recorded line (e.g. between the static and the dynamic layer).
    public func removeAll() { lines.removeAll() }

    /// Records `save`.
    public func save() { lines.append("save") }
    /// Records `restore`.
    public func restore() { lines.append("restore") }
    /// Records `clip` with the rectangle.
    public func clip(to rect: Rect) { lines.append("clip \(Self.rect(rect))") }

    /// Records `fill` with the colour and the path's elements.
    public func fill(_ path: Path, color: Color) {
        lines.append("fill \(Self.color(color)) \(Self.path(path))")
    }

    /// Records `stroke` with colour, width, dashes, cap, join, snapping and the path's elements.
    public func stroke(_ path: Path, style: StrokeStyle) {
        var s = "stroke \(Self.color(style.color)) w=\(Self.n(style.width))"
        if !style.dash.isEmpty { s += " dash=[\(style.dash.map(Self.n).joined(separator: ","))]" }
        s += " cap=\(style.cap) join=\(style.join)"
        if style.snapToPixels { s += " snap" }
        lines.append(s + " " + Self.path(path))
    }

    /// Records `text` with the string, position, font, colour, anchor and rotation.
    public func drawText(
        _ text: String, at position: Point, font: Font, color: Color, anchor: TextAnchor, rotation: Double
    ) {
        lines.append(
            "text \"\(text)\" at \(Self.point(position)) font=\(font.family)/\(Self.n(font.size))/\(font.weight) "
                + "\(Self.color(color)) anchor=\(anchor.horizontal)-\(anchor.vertical) rot=\(Self.n(rotation))"
        )
    }

    /// The fake measurement: width 0.6 × size per character, ascent 0.76 × size, descent
    /// 0.24 × size. Not recorded.
    public func measureText(_ text: String, font: Font) -> TextExtent {
        TextExtent(
            width: 0.6 * font.size * Double(text.count), ascent: 0.76 * font.size, descent: 0.24 * font.size)
    }

    /// Records `markers` with the style, the count and every centre.
    public func drawMarkers(at centers: [Point], style: MarkerStyle) {
        var s = "markers \(style.shape) size=\(Self.n(style.size)) fill=\(Self.color(style.fill))"
        if let edge = style.edgeColor { s += " edge=\(Self.color(edge))/\(Self.n(style.edgeWidth))" }
        s += " n=\(centers.count) " + centers.map(Self.point).joined(separator: " ")
        lines.append(s)
    }

    /// Records `raster` with its size, an FNV-1a hash of its pixels, the rectangle and `smooth`.
    public func drawRaster(_ raster: Raster, in rect: Rect, smooth: Bool) {
        // FNV-1a of the pixels: the exact bytes matter, not their listing.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in raster.pixels { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        lines.append(
            "raster \(raster.width)x\(raster.height) fnv=\(String(repeating: "0", count: 16 - hex.count) + hex) "
                + "in \(Self.rect(rect)) smooth=\(smooth)")
    }

    // MARK: Formatting

    static let numbers = NumberFormatting.ascii

    /// A number with 3 decimals ("-0.000" never appears).
    public static func n(_ value: Double) -> String { numbers.format(value, decimals: 3) }

    static func point(_ p: Point) -> String { "(\(n(p.x)),\(n(p.y)))" }

    static func rect(_ r: Rect) -> String { "[\(n(r.x)),\(n(r.y)) \(n(r.width))x\(n(r.height))]" }

    static func color(_ c: Color) -> String { c.hexString(includingAlpha: true) }

    static func path(_ path: Path) -> String {
        path.elements.map { element -> String in
            switch element {
            case .move(let p): return "M\(point(p))"
            case .line(let p): return "L\(point(p))"
            case .curve(let p, let c1, let c2): return "C\(point(c1))\(point(c2))\(point(p))"
            case .arc(let c, let r, let a, let b): return "A\(point(c)) r=\(n(r)) \(n(a))..\(n(b))"
            case .close: return "Z"
            }
        }.joined(separator: " ")
    }
}
