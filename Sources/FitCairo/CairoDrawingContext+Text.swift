import CCairo
import FitPlot

/// Text: one line, DejaVu Sans (or the requested family) through the font cache.
///
/// Metrics follow matplotlib's text boxes (`Text._get_layout` with the Agg renderer's
/// `get_text_width_height_descent`), so that labels, tick labels and legends land where
/// matplotlib puts them:
/// - `width` is the width of the string's ink (glyph boxes), and the ink's left edge is what
///   a left anchor aligns, as matplotlib draws its text image from the ink box;
/// - `ascent`/`descent` are the ink's, at least the font's design line metrics
///   (`OS/2` sTypoAscender/sTypoDescender, see `FontLineMetrics`), so that labels anchored at
///   their top or centre line up whatever their glyphs. matplotlib measures autohinted glyphs,
///   whose heights land on whole pixels; the ink ascent and descent are rounded to whole
///   layout units to match (e.g. "data" at 10 pt/100 dpi: 11 + 3.337 = 14.337 high).
/// With unhinted glyphs they scale linearly with the font size and, being in layout units,
/// do not depend on the canvas scale.
extension CairoDrawingContext {
    /// Any failure to find the font is returned, not thrown: drawing calls cannot throw, so
    /// the canvas records it and reports it from its status check.
    func selectFont(_ font: Font) -> CairoError? {
        selectFace(font).error
    }

    /// Selects `font` and returns its face (nil with a non-finite size or an error).
    private func selectFace(_ font: Font) -> (face: CairoFontFace?, error: CairoError?) {
        guard font.size.isFinite, font.size > 0 else {
            skippedNonFiniteCount += 1
            return (nil, nil)
        }
        do {
            let face = try CairoFontLibrary.face(family: font.family, weight: font.weight)
            cairo_set_font_face(cr, face.pointer)
            cairo_set_font_size(cr, font.size)
            return (face, nil)
        } catch {
            return (nil, error)
        }
    }

    /// The extent of `text`, in layout units; zero when the font cannot be used.
    func measureText(_ text: String, font: Font) -> (TextExtent, CairoError?) {
        let (extent, _, error) = measureInk(text, font: font)
        return (extent, error)
    }

    /// The extent of `text` and the distance from its baseline origin to its ink's left edge.
    private func measureInk(_ text: String, font: Font) -> (TextExtent, inkLeft: Double, CairoError?) {
        let zero = TextExtent(width: 0, ascent: 0, descent: 0)
        guard font.size.isFinite, font.size > 0 else { return (zero, 0, nil) }
        let (selected, error) = selectFace(font)
        guard let face = selected else { return (zero, 0, error) }
        // Extents come in user space, which the base transform makes layout units on every
        // surface.
        var ink = cairo_text_extents_t()
        if !text.isEmpty { cairo_text_extents(cr, text, &ink) }
        let hasInk = ink.width > 0 && ink.height > 0
        let inkAscent = hasInk ? (-ink.y_bearing).rounded() : 0
        let inkDescent = hasInk ? (ink.height + ink.y_bearing).rounded() : 0
        let line: (ascent: Double, descent: Double)
        if let metrics = face.lineMetrics {
            line = (metrics.ascent * font.size, metrics.descent * font.size)
        } else {
            // matplotlib's fallback for fonts without line metrics: the ink of "lp".
            var lp = cairo_text_extents_t()
            cairo_text_extents(cr, "lp", &lp)
            line = ((-lp.y_bearing).rounded(), (lp.height + lp.y_bearing).rounded())
        }
        let extent = TextExtent(
            width: hasInk ? ink.width : 0, ascent: max(inkAscent, line.ascent),
            descent: max(inkDescent, line.descent))
        return (extent, hasInk ? ink.x_bearing : 0, nil)
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
        let (extent, inkLeft, error) = measureInk(text, font: font)
        if let error { return (Point(x: 0, y: 0), error) }
        guard font.size.isFinite, font.size > 0 else { return nil }
        var offset = Self.anchorOffset(extent, anchor)
        offset.x -= inkLeft
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

    /// Where the text box's left end on the baseline goes relative to the anchor point
    /// (unrotated).
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
