import CCairo
import FitPlot

/// Text: one line, DejaVu Sans (or the requested family) through the font cache.
///
/// Metrics: `width` is the advance width of the string; `ascent` and `descent` are the
/// font's (not the string's ink), so that labels anchored at their top or centre line up
/// whatever their digits. With unhinted metrics they scale linearly with the font size and
/// do not depend on the canvas scale.
extension CairoDrawingContext {
    /// Any failure to find the font is returned, not thrown: drawing calls cannot throw, so
    /// the canvas records it and reports it from its status check.
    func selectFont(_ font: Font) -> CairoError? {
        guard font.size.isFinite, font.size > 0 else {
            skippedNonFiniteCount += 1
            return nil
        }
        do {
            let face = try CairoFontLibrary.face(family: font.family, weight: font.weight)
            cairo_set_font_face(cr, face.pointer)
            cairo_set_font_size(cr, font.size)
            return nil
        } catch {
            return error
        }
    }

    /// The extent of `text`, in layout units; zero when the font cannot be used.
    func measureText(_ text: String, font: Font) -> (TextExtent, CairoError?) {
        let zero = TextExtent(width: 0, ascent: 0, descent: 0)
        guard font.size.isFinite, font.size > 0 else { return (zero, nil) }
        if let error = selectFont(font) { return (zero, error) }
        var fontExtents = cairo_font_extents_t()
        cairo_font_extents(cr, &fontExtents)
        var textExtents = cairo_text_extents_t()
        if !text.isEmpty { cairo_text_extents(cr, text, &textExtents) }
        // Extents come in user space, which the base transform makes layout units on every
        // surface.
        return (TextExtent(width: textExtents.x_advance, ascent: fontExtents.ascent, descent: fontExtents.descent), nil)
    }

    /// Draws `text` with `anchor` on `position`, turned `rotation` degrees counter-clockwise.
    /// Returns where the baseline origin ended up (for the SVG text layer) or nil when
    /// nothing was drawn.
    @discardableResult
    func drawText(
        _ text: String, at position: Point, font: Font, color: Color, anchor: TextAnchor, rotation: Double
    ) -> (offset: Point, error: CairoError?)? {
        guard !text.isEmpty else { return nil }
        guard position.x.isFinite, position.y.isFinite, rotation.isFinite else {
            skippedNonFiniteCount += 1
            return nil
        }
        let (extent, error) = measureText(text, font: font)
        if let error { return (Point(x: 0, y: 0), error) }
        guard font.size.isFinite, font.size > 0 else { return nil }
        let offset = Self.anchorOffset(extent, anchor)
        cairo_save(cr)
        cairo_translate(cr, position.x, position.y)
        // Screen y grows downward, so a counter-clockwise turn is a negative Cairo angle.
        cairo_rotate(cr, -rotation * Double.pi / 180)
        cairo_move_to(cr, offset.x, offset.y)
        setColor(color)
        cairo_show_text(cr, text)
        cairo_new_path(cr)
        cairo_restore(cr)
        return (offset, nil)
    }

    /// Where the baseline's left end goes relative to the anchor point (unrotated).
    static func anchorOffset(_ extent: TextExtent, _ anchor: TextAnchor) -> Point {
        let dx: Double
        switch anchor.horizontal {
        case .left: dx = 0
        case .center: dx = -extent.width / 2
        case .right: dx = -extent.width
        }
        let dy: Double
        switch anchor.vertical {
        case .top: dy = extent.ascent
        case .center: dy = (extent.ascent - extent.descent) / 2
        case .baseline: dy = 0
        case .bottom: dy = -extent.descent
        }
        return Point(x: dx, y: dy)
    }
}
