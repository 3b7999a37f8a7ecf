import CCairo
import FitPlot

/// One marker pre-rendered by Cairo at one sub-pixel phase, as premultiplied ARGB32 pixels,
/// ready to be composited many times.
///
/// Marker centres are quantised to a quarter of a device pixel: each style is rendered at
/// 4 × 4 phases (0, ¼, ½, ¾ px in x and y) and each point uses the stamp of its phase, placed
/// at a whole-pixel offset. A centre therefore moves by at most ⅛ px, and the result depends
/// only on the point's own coordinates (not on batching or order), so it is deterministic.
struct MarkerStamp {
    /// Side of the square stamp, in pixels.
    let side: Int
    /// Pixel offset of the stamp's integer centre from its top-left corner.
    let pad: Int
    /// `side × side` premultiplied ARGB32 pixels, row-major.
    let pixels: [UInt32]
    /// Per row, the half-open range of columns holding non-transparent pixels.
    let rowSpans: [Range<Int>]

    /// Number of phases per axis.
    static let phases = 4

    /// The 16 stamps of `style` at `scale`, index `phaseY × 4 + phaseX`.
    static func render(_ style: MarkerStyle, scale: Double) throws(CairoError) -> [MarkerStamp] {
        let extent = (style.size + 2 * style.edgeWidth + MarkerShape.lineWidth(style)) * scale
        let pad = Int((extent / 2).rounded(.up)) + 2
        let side = 2 * pad + 2
        var stamps: [MarkerStamp] = []
        stamps.reserveCapacity(phases * phases)
        for py in 0..<phases {
            for px in 0..<phases {
                let surface = try CairoSurface.image(width: side, height: side)
                let context = try CairoDrawingContext(
                    surface: surface, deviceSize: Size(width: Double(side), height: Double(side)),
                    scale: scale, snapsToPixels: false)
                let cx = (Double(pad) + Double(px) / Double(phases)) / scale
                let cy = (Double(pad) + Double(py) / Double(phases)) / scale
                MarkerShape.draw(style, cx: cx, cy: cy, on: context)
                try context.checkStatus("rendering a marker stamp")
                cairo_surface_flush(surface.pointer)
                stamps.append(read(surface, side: side, pad: pad))
            }
        }
        return stamps
    }

    private static func read(_ surface: CairoSurface, side: Int, pad: Int) -> MarkerStamp {
        var pixels = [UInt32](repeating: 0, count: side * side)
        var spans: [Range<Int>] = []
        if let data = cairo_image_surface_get_data(surface.pointer) {
            let stride = Int(cairo_image_surface_get_stride(surface.pointer))
            for y in 0..<side {
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                var first = side
                var last = 0
                for x in 0..<side {
                    let p = row[x]
                    pixels[y * side + x] = p
                    if p != 0 {
                        first = min(first, x)
                        last = x + 1
                    }
                }
                spans.append(first < last ? first..<last : 0..<0)
            }
        }
        return MarkerStamp(side: side, pad: pad, pixels: pixels, rowSpans: spans)
    }
}
