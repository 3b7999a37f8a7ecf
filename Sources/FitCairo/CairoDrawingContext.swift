import CCairo
import FitPlot

/// Owns one `cairo_t` on a surface and turns `Renderer` calls into Cairo calls. Shared by the
/// image and vector canvases, which differ only in their surface, their user-to-device
/// factor and in how markers are drawn.
///
/// Drawing calls cannot throw (the `Renderer` protocol does not), and Cairo keeps the first
/// failure sticky on the context; the canvases report it from `checkStatus()`/`finish()`.
/// Input the plot model may produce by mistake never puts Cairo into an error state:
/// non-finite coordinates are skipped (and counted), invalid dashes draw solid, an unmatched
/// `restore()` is ignored (and counted).
final class CairoDrawingContext {
    let cr: OpaquePointer
    /// Keeps the surface alive as long as the context draws on it.
    let surface: CairoSurface
    /// Device units per layout unit (pixels for images, points for vector surfaces).
    let scale: Double
    /// Whether strokes with `snapToPixels` are moved onto the pixel grid, and large batches of
    /// axis-aligned segments drawn as one coverage mask (images only).
    let snapsToPixels: Bool
    private let fontOptions: OpaquePointer
    /// Clip rectangles in device units, one per `save()` level (index 0: the whole surface).
    private(set) var clipStack: [Rect]
    /// Non-finite coordinates, sizes or widths that were skipped rather than drawn.
    var skippedNonFiniteCount = 0
    /// `restore()` calls without a matching `save()`, ignored.
    private(set) var unmatchedRestoreCount = 0

    init(surface: CairoSurface, deviceSize: Size, scale: Double, snapsToPixels: Bool) throws(CairoError) {
        guard let cr = cairo_create(surface.pointer) else {
            throw .cairoFailure(operation: "cairo_create", status: "no context returned")
        }
        let status = cairo_status(cr)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(cr)
            throw .cairoFailure(operation: "cairo_create", status: CairoStatus.describe(status))
        }
        let options: OpaquePointer
        do {
            options = try CairoFontLibrary.makeFontOptions()
        } catch {
            cairo_destroy(cr)
            throw error
        }
        self.cr = cr
        self.surface = surface
        self.scale = scale
        self.snapsToPixels = snapsToPixels
        self.fontOptions = options
        self.clipStack = [Rect(x: 0, y: 0, width: deviceSize.width, height: deviceSize.height)]
        resetState()
    }

    deinit {
        cairo_destroy(cr)
        cairo_font_options_destroy(fontOptions)
    }

    /// Back to a fresh frame's state: no clip, no saved levels, layout-unit transform.
    func resetState() {
        for _ in 1..<clipStack.count { cairo_restore(cr) }
        clipStack.removeSubrange(1...)
        cairo_reset_clip(cr)
        cairo_identity_matrix(cr)
        cairo_scale(cr, scale, scale)
        cairo_set_operator(cr, CAIRO_OPERATOR_OVER)
        cairo_set_antialias(cr, CAIRO_ANTIALIAS_DEFAULT)
        cairo_set_font_options(cr, fontOptions)
        cairo_new_path(cr)
    }

    /// Cairo's sticky status as an error.
    func checkStatus(_ operation: String) throws(CairoError) {
        try CairoStatus.check(cairo_status(cr), operation)
        try surface.checkStatus(operation)
    }

    // MARK: Clip stack

    func save() {
        cairo_save(cr)
        clipStack.append(clipStack[clipStack.count - 1])
    }

    func restore() {
        guard clipStack.count > 1 else {
            unmatchedRestoreCount += 1
            return
        }
        cairo_restore(cr)
        clipStack.removeLast()
    }

    /// Intersects the clip with `rect`; a non-finite rectangle clips everything away.
    func clip(to rect: Rect) {
        let finite = [rect.x, rect.y, rect.width, rect.height].allSatisfy(\.isFinite)
        let r = finite ? rect : Rect(x: 0, y: 0, width: 0, height: 0)
        if !finite { skippedNonFiniteCount += 1 }
        cairo_new_path(cr)
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_clip(cr)
        let device = Rect(
            x: min(r.minX, r.maxX) * scale, y: min(r.minY, r.maxY) * scale,
            width: abs(r.width) * scale, height: abs(r.height) * scale)
        clipStack[clipStack.count - 1] = Self.intersect(clipStack[clipStack.count - 1], device)
    }

    /// The current clip in device units.
    var deviceClip: Rect { clipStack[clipStack.count - 1] }

    private static func intersect(_ a: Rect, _ b: Rect) -> Rect {
        let x0 = max(a.minX, b.minX)
        let y0 = max(a.minY, b.minY)
        let x1 = min(a.maxX, b.maxX)
        let y1 = min(a.maxY, b.maxY)
        return Rect(x: x0, y: y0, width: max(0, x1 - x0), height: max(0, y1 - y0))
    }

    // MARK: Paths

    func setColor(_ color: Color) {
        func c(_ v: Double) -> Double { v.isFinite ? min(1, max(0, v)) : 0 }
        cairo_set_source_rgba(cr, c(color.red), c(color.green), c(color.blue), c(color.alpha))
    }

    /// Replaces Cairo's current path with `path` (user space). Non-finite vertices are
    /// skipped and break the line there, like a gap in matplotlib.
    func setPath(_ path: Path) {
        cairo_new_path(cr)
        var needsMove = true
        func finite(_ points: Point...) -> Bool { points.allSatisfy { $0.x.isFinite && $0.y.isFinite } }
        for element in path.elements {
            switch element {
            case .move(let p):
                guard finite(p) else {
                    skippedNonFiniteCount += 1
                    needsMove = true
                    continue
                }
                cairo_move_to(cr, p.x, p.y)
                needsMove = false
            case .line(let p):
                guard finite(p) else {
                    skippedNonFiniteCount += 1
                    needsMove = true
                    continue
                }
                if needsMove { cairo_move_to(cr, p.x, p.y) } else { cairo_line_to(cr, p.x, p.y) }
                needsMove = false
            case .curve(let p, let c1, let c2):
                guard finite(p, c1, c2) else {
                    skippedNonFiniteCount += 1
                    needsMove = true
                    continue
                }
                if needsMove {
                    cairo_move_to(cr, p.x, p.y)
                } else {
                    cairo_curve_to(cr, c1.x, c1.y, c2.x, c2.y, p.x, p.y)
                }
                needsMove = false
            case .arc(let center, let radius, let start, let end):
                guard finite(center), radius.isFinite, radius >= 0, start.isFinite, end.isFinite else {
                    skippedNonFiniteCount += 1
                    needsMove = true
                    continue
                }
                if needsMove { cairo_new_sub_path(cr) }
                cairo_arc(cr, center.x, center.y, radius, start, end)
                needsMove = false
            case .close:
                if !needsMove { cairo_close_path(cr) }
            }
        }
    }

    func fill(_ path: Path, color: Color) {
        setPath(path)
        setColor(color)
        cairo_fill(cr)
    }

    func stroke(_ path: Path, style: StrokeStyle) {
        guard style.width.isFinite, style.width > 0 else {
            if !style.width.isFinite { skippedNonFiniteCount += 1 }
            return
        }
        if snapsToPixels && style.snapToPixels,
            let lines = PixelSnapping.polylines(of: path, scale: scale, skipped: &skippedNonFiniteCount)
        {
            strokeSnapped(lines, style: style)
            return
        }
        if snapsToPixels, strokeAsCoverageMask(path, style: style) { return }
        setPath(path)
        applyStrokeStyle(style, width: style.width, unit: 1)
        cairo_stroke(cr)
    }

    /// Strokes a large batch of axis-aligned, butt-capped, solid segments through
    /// ``SegmentCoverage`` (linear time, where Cairo's one stroke is quadratic); false when
    /// the path is not such a batch, so that Cairo strokes it. Images only: vector surfaces
    /// keep the segments as vectors.
    private func strokeAsCoverageMask(_ path: Path, style: StrokeStyle) -> Bool {
        guard style.cap == .butt, !style.dash.contains(where: { $0 > 0 }),
            path.elements.count >= 2 * SegmentCoverage.minimumSegmentCount,
            let rects = SegmentCoverage.rectangles(of: path, scale: scale, deviceWidth: style.width * scale),
            let box = SegmentCoverage.maskBox(clip: deviceClip)
        else { return false }
        let alpha = SegmentCoverage.mask(rects, x: box.x, y: box.y, width: box.width, height: box.height)
        guard let mask = cairo_image_surface_create(CAIRO_FORMAT_A8, Int32(box.width), Int32(box.height))
        else {
            return false
        }
        defer { cairo_surface_destroy(mask) }
        guard cairo_surface_status(mask) == CAIRO_STATUS_SUCCESS,
            let data = cairo_image_surface_get_data(mask)
        else { return false }
        let stride = Int(cairo_image_surface_get_stride(mask))
        alpha.withUnsafeBytes { src in
            guard let base = src.baseAddress else { return }
            for row in 0..<box.height {
                (data + row * stride).update(
                    from: base.advanced(by: row * box.width).assumingMemoryBound(to: UInt8.self),
                    count: box.width)
            }
        }
        cairo_surface_mark_dirty(mask)
        cairo_save(cr)
        cairo_identity_matrix(cr)
        cairo_new_path(cr)
        setColor(style.color)
        cairo_mask_surface(cr, mask, Double(box.x), Double(box.y))
        cairo_restore(cr)
        return true
    }

    /// Strokes device-space polylines after snapping them, with identity transform so the
    /// width is in whole device pixels.
    private func strokeSnapped(_ lines: [PixelSnapping.Polyline], style: StrokeStyle) {
        let width = PixelSnapping.deviceWidth(style.width * scale)
        let snapped = PixelSnapping.snap(lines, deviceWidth: width, squareCaps: style.cap == .square)
        cairo_save(cr)
        cairo_identity_matrix(cr)
        cairo_new_path(cr)
        for line in snapped {
            guard let first = line.points.first else { continue }
            cairo_move_to(cr, first.x, first.y)
            for p in line.points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
            if line.closed { cairo_close_path(cr) }
        }
        applyStrokeStyle(style, width: width, unit: scale)
        cairo_stroke(cr)
        cairo_restore(cr)
    }

    /// Width is already in the current user space; dashes are in layout units × `unit`.
    private func applyStrokeStyle(_ style: StrokeStyle, width: Double, unit: Double) {
        setColor(style.color)
        cairo_set_line_width(cr, width)
        switch style.cap {
        case .butt: cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        case .round: cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        case .square: cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
        }
        switch style.join {
        case .miter: cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        case .round: cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        case .bevel: cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL)
        }
        // Cairo puts the context into a permanent error state for a negative or all-zero
        // dash; such a dash draws a solid line instead.
        let dashValid = style.dash.allSatisfy { $0.isFinite && $0 >= 0 } && style.dash.contains { $0 > 0 }
        if dashValid {
            let dashes = style.dash.map { $0 * unit }
            dashes.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
        } else {
            cairo_set_dash(cr, nil, 0, 0)
        }
    }
}
