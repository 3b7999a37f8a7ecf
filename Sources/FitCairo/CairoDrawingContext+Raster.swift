import CCairo
import FitPlot

extension CairoDrawingContext {
    /// Draws `raster` stretched over `rect` (layout units), nearest-neighbour or bilinear,
    /// inside the current clip. Returns a Cairo failure creating the raster's surface.
    func drawRaster(_ raster: Raster, in rect: Rect, smooth: Bool) -> CairoError? {
        guard [rect.x, rect.y, rect.width, rect.height].allSatisfy(\.isFinite) else {
            skippedNonFiniteCount += 1
            return nil
        }
        guard raster.width > 0, raster.height > 0, rect.width != 0, rect.height != 0,
            raster.pixels.count == raster.width * raster.height * 4
        else { return nil }
        let image: CairoSurface
        do {
            image = try CairoSurface.image(width: raster.width, height: raster.height)
        } catch {
            return error
        }
        Self.copyStraightRGBA(raster, into: image)

        guard let pattern = cairo_pattern_create_for_surface(image.pointer) else {
            return .cairoFailure(operation: "cairo_pattern_create_for_surface", status: "no pattern returned")
        }
        defer { cairo_pattern_destroy(pattern) }
        let status = cairo_pattern_status(pattern)
        guard status == CAIRO_STATUS_SUCCESS else {
            return .cairoFailure(
                operation: "cairo_pattern_create_for_surface", status: CairoStatus.describe(status))
        }
        cairo_pattern_set_filter(pattern, smooth ? CAIRO_FILTER_BILINEAR : CAIRO_FILTER_NEAREST)
        // PAD keeps the outer cells at full strength up to the rectangle's edge when smoothing.
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
        // Pattern space → user space: cell (i, j) covers rect.x + i·w/width, …
        var matrix = cairo_matrix_t()
        cairo_matrix_init_scale(
            &matrix, Double(raster.width) / rect.width, Double(raster.height) / rect.height)
        cairo_matrix_translate(&matrix, -rect.x, -rect.y)
        cairo_pattern_set_matrix(pattern, &matrix)

        cairo_save(cr)
        cairo_new_path(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_set_source(cr, pattern)
        cairo_fill(cr)
        cairo_restore(cr)
        return nil
    }

    /// Straight-alpha RGBA bytes → Cairo's premultiplied native-endian ARGB32.
    private static func copyStraightRGBA(_ raster: Raster, into surface: CairoSurface) {
        cairo_surface_flush(surface.pointer)
        guard let data = cairo_image_surface_get_data(surface.pointer) else { return }
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        raster.pixels.withUnsafeBufferPointer { src in
            for y in 0..<raster.height {
                let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<raster.width {
                    let i = (y * raster.width + x) * 4
                    let a = UInt32(src[i + 3])
                    func pre(_ c: UInt8) -> UInt32 { (UInt32(c) * a + 127) / 255 }
                    row[x] = a << 24 | pre(src[i]) << 16 | pre(src[i + 1]) << 8 | pre(src[i + 2])
                }
            }
        }
        cairo_surface_mark_dirty(surface.pointer)
    }
}
