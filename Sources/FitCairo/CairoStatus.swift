import CCairo

/// Turns Cairo status codes into `CairoError`s, so that every call that can fail is checked
/// the same way.
enum CairoStatus {
    /// Throws `CairoError.cairoFailure` unless `status` is success.
    static func check(_ status: cairo_status_t, _ operation: String) throws(CairoError) {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw .cairoFailure(operation: operation, status: describe(status))
    }

    /// Cairo's own text for a status, e.g. "out of memory".
    static func describe(_ status: cairo_status_t) -> String {
        guard let text = cairo_status_to_string(status) else { return "status \(status.rawValue)" }
        return String(cString: text)
    }
}

/// Owns one `cairo_surface_t` and destroys it in `deinit`.
final class CairoSurface {
    let pointer: OpaquePointer

    /// Takes ownership of a freshly created surface, checking its status (Cairo returns an
    /// "error surface" rather than NULL, so the status is the only way to know).
    init(taking pointer: OpaquePointer?, operation: String) throws(CairoError) {
        guard let pointer else {
            throw .cairoFailure(operation: operation, status: "no surface returned")
        }
        let status = cairo_surface_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(pointer)
            throw .cairoFailure(operation: operation, status: CairoStatus.describe(status))
        }
        self.pointer = pointer
    }

    /// A premultiplied ARGB32 image surface of `width × height` pixels.
    static func image(width: Int, height: Int) throws(CairoError) -> CairoSurface {
        try CairoSurface(
            taking: cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)),
            operation: "cairo_image_surface_create(\(width)×\(height))")
    }

    /// The surface's current status as an error, if any.
    func checkStatus(_ operation: String) throws(CairoError) {
        try CairoStatus.check(cairo_surface_status(pointer), operation)
    }

    deinit { cairo_surface_destroy(pointer) }
}
