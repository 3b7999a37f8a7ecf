/// What the plot model draws onto. The plot model never calls Cairo: it describes a figure
/// as calls on this protocol, in layout units (pixels of a scale-1 image, origin top-left).
/// The Cairo backend turns the calls into pixels, SVG or PDF; the recording renderer turns
/// them into text, so that layout can be tested exactly.
///
/// Calls are made in painting order (later calls paint over earlier ones).
public protocol Renderer: AnyObject {
    /// The drawing's size in layout units.
    var canvasSize: Size { get }

    /// Pushes the current clip onto a stack.
    func save()
    /// Pops the clip pushed by the matching `save()`.
    func restore()
    /// Intersects the current clip with `rect`.
    func clip(to rect: Rect)

    /// Fills the inside of `path` (non-zero winding) with `color`.
    func fill(_ path: Path, color: Color)
    /// Draws the outline of `path` with `style`.
    func stroke(_ path: Path, style: StrokeStyle)

    /// Draws one line of text. `anchor` says which point of the unrotated text box sits on
    /// `position`; `rotation` turns the text around that point, in degrees counter-clockwise
    /// (90 reads bottom to top, as a y-axis label).
    func drawText(
        _ text: String, at position: Point, font: Font, color: Color, anchor: TextAnchor,
        rotation: Double)

    /// The extent `drawText` would cover for `text` with `font` (unrotated).
    func measureText(_ text: String, font: Font) -> TextExtent

    /// Draws the same marker centred on each point. Rasterising renderers may stamp one
    /// pre-rendered marker; the result must not depend on how the points are batched.
    func drawMarkers(at centers: [Point], style: MarkerStyle)

    /// Draws a raster stretched over `rect`; `smooth` false keeps cells sharp (nearest).
    func drawRaster(_ raster: Raster, in rect: Rect, smooth: Bool)
}
