import CCairo
import FitPlot

/// Marker outlines as Cairo paths, shared by the vector canvases (which draw every marker)
/// and the stamp renderer (which draws each marker once).
enum MarkerShape {
    /// Appends the marker's outline centred on (`cx`, `cy`) to the current path, in user
    /// units. Returns false for line-only shapes (plus, cross), which are stroked rather
    /// than filled.
    static func appendOutline(_ style: MarkerStyle, cx: Double, cy: Double, to cr: OpaquePointer) -> Bool {
        let r = style.size / 2
        switch style.shape {
        case .circle:
            cairo_new_sub_path(cr)
            cairo_arc(cr, cx, cy, r, 0, 2 * Double.pi)
            cairo_close_path(cr)
            return true
        case .square:
            cairo_rectangle(cr, cx - r, cy - r, style.size, style.size)
            return true
        case .diamond:
            cairo_move_to(cr, cx, cy - r)
            cairo_line_to(cr, cx + r, cy)
            cairo_line_to(cr, cx, cy + r)
            cairo_line_to(cr, cx - r, cy)
            cairo_close_path(cr)
            return true
        case .triangleUp:
            cairo_move_to(cr, cx, cy - r)
            cairo_line_to(cr, cx + r, cy + r)
            cairo_line_to(cr, cx - r, cy + r)
            cairo_close_path(cr)
            return true
        case .plus:
            cairo_move_to(cr, cx - r, cy)
            cairo_line_to(cr, cx + r, cy)
            cairo_move_to(cr, cx, cy - r)
            cairo_line_to(cr, cx, cy + r)
            return false
        case .cross:
            let d = r / 2.squareRoot()
            cairo_move_to(cr, cx - d, cy - d)
            cairo_line_to(cr, cx + d, cy + d)
            cairo_move_to(cr, cx - d, cy + d)
            cairo_line_to(cr, cx + d, cy - d)
            return false
        }
    }

    /// The width of the lines of a line-only marker: its edge width, or an eighth of its
    /// size (at least one unit) when it has none.
    static func lineWidth(_ style: MarkerStyle) -> Double {
        style.edgeWidth > 0 ? style.edgeWidth : max(1, style.size / 8)
    }

    /// Fills and edges one marker at (`cx`, `cy`) with the context's current settings.
    static func draw(_ style: MarkerStyle, cx: Double, cy: Double, on context: CairoDrawingContext) {
        let cr = context.cr
        cairo_new_path(cr)
        if appendOutline(style, cx: cx, cy: cy, to: cr) {
            context.setColor(style.fill)
            if let edge = style.edgeColor, style.edgeWidth > 0 {
                cairo_fill_preserve(cr)
                context.setColor(edge)
                cairo_set_line_width(cr, style.edgeWidth)
                cairo_set_dash(cr, nil, 0, 0)
                cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
                cairo_stroke(cr)
            } else {
                cairo_fill(cr)
            }
        } else {
            context.setColor(style.edgeColor ?? style.fill)
            cairo_set_line_width(cr, lineWidth(style))
            cairo_set_dash(cr, nil, 0, 0)
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
            cairo_stroke(cr)
        }
    }

    /// Whether a style can be drawn at all (finite, positive size and edge width).
    static func isDrawable(_ style: MarkerStyle) -> Bool {
        style.size.isFinite && style.size > 0 && style.edgeWidth.isFinite && style.edgeWidth >= 0
    }
}
