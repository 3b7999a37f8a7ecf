import CCairo
import FitPlot
import Foundation

/// A `Renderer` that draws into a Cairo ARGB32 image surface of `width × height` layout
/// units times `scale` pixels (scale 2: twice the pixels, same layout).
///
/// One canvas can draw many frames: `clear(to:)` or `copyPixels(from:)` start a new frame
/// (they also reset the clip stack), so an animation can blit a pre-rendered static layer and
/// draw only what changes, byte-identical to drawing the frame whole.
///
/// Not thread-safe: use one canvas per thread (it is neither `Sendable` nor shared). To share
/// a rendered layer between threads, take an immutable `CairoPixelLayer` with `makeLayer()`.
///
/// Errors while drawing (Cairo failures, a font that cannot be found) are kept and reported
/// by `checkStatus()`; drawing never crashes on bad input (see `CairoDrawingContext`).
public final class CairoImageCanvas: Renderer {
    /// Largest allowed side, in pixels (after scaling).
    public static let maximumPixelsPerSide = 16_384
    /// Allowed scale factors.
    public static let scaleRange: ClosedRange<Double> = 0.25...8

    /// The drawing's size in layout units.
    public let canvasSize: Size
    /// Device pixels per layout unit, within ``scaleRange``.
    public let scale: Double
    /// Pixel size of the surface.
    public let pixelWidth: Int
    /// Pixel height of the surface.
    public let pixelHeight: Int

    private let surface: CairoSurface
    private let context: CairoDrawingContext
    private var stampCache: [MarkerStyle: [MarkerStamp]] = [:]
    private var firstError: CairoError?

    /// A transparent canvas of `width × height` layout units at `scale`.
    /// - Throws: `CairoError.invalidScale` or `.invalidCanvasSize` (non-finite, not
    ///   positive, or above `maximumPixelsPerSide` pixels once scaled), or a Cairo failure.
    public init(width: Double, height: Double, scale: Double = 1) throws(CairoError) {
        guard scale.isFinite, Self.scaleRange.contains(scale) else { throw .invalidScale(scale) }
        guard width.isFinite, height.isFinite, width > 0, height > 0 else {
            throw .invalidCanvasSize(width: width, height: height, scale: scale)
        }
        let pw = (width * scale).rounded(.up)
        let ph = (height * scale).rounded(.up)
        guard pw <= Double(Self.maximumPixelsPerSide), ph <= Double(Self.maximumPixelsPerSide) else {
            throw .invalidCanvasSize(width: width, height: height, scale: scale)
        }
        canvasSize = Size(width: width, height: height)
        self.scale = scale
        pixelWidth = Int(pw)
        pixelHeight = Int(ph)
        surface = try CairoSurface.image(width: pixelWidth, height: pixelHeight)
        context = try CairoDrawingContext(
            surface: surface, deviceSize: Size(width: pw, height: ph), scale: scale, snapsToPixels: true)
    }

    // MARK: Frames

    /// Fills every pixel with `color` (replacing, not blending) and resets the clip stack.
    public func clear(to color: Color = .clear) {
        context.resetState()
        let cr = context.cr
        cairo_save(cr)
        cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
        context.setColor(color)
        cairo_paint(cr)
        cairo_restore(cr)
    }

    /// Resets the clip stack and transform without touching pixels.
    public func resetState() { context.resetState() }

    /// Replaces this canvas's pixels with `other`'s (same pixel size) and resets the clip
    /// stack: a plain copy, so blitting a static layer and then drawing on it gives the same
    /// bytes as drawing everything here.
    public func copyPixels(from other: CairoImageCanvas) throws(CairoError) {
        try checkSameSize(other.pixelWidth, other.pixelHeight)
        context.resetState()
        guard other !== self else { return }
        cairo_surface_flush(other.surface.pointer)
        cairo_surface_flush(surface.pointer)
        guard let src = cairo_image_surface_get_data(other.surface.pointer),
            let dst = cairo_image_surface_get_data(surface.pointer)
        else { throw .cairoFailure(operation: "cairo_image_surface_get_data", status: "no pixel data") }
        memcpy(dst, src, stride * pixelHeight)
        cairo_surface_mark_dirty(surface.pointer)
    }

    /// Replaces this canvas's pixels with a layer's (same pixel size) and resets the clip stack.
    public func copyPixels(from layer: CairoPixelLayer) throws(CairoError) {
        try checkSameSize(layer.width, layer.height)
        context.resetState()
        cairo_surface_flush(surface.pointer)
        guard let dst = cairo_image_surface_get_data(surface.pointer) else {
            throw .cairoFailure(operation: "cairo_image_surface_get_data", status: "no pixel data")
        }
        let rowBytes = pixelWidth * 4
        let stride = self.stride
        let height = pixelHeight
        guard layer.stride >= rowBytes, layer.bytes.count >= layer.stride * (height - 1) + rowBytes else {
            throw .sizeMismatch(expected: (pixelWidth, pixelHeight), actual: (layer.width, layer.height))
        }
        layer.bytes.withUnsafeBytes { src in
            guard let base = src.baseAddress else { return }
            for y in 0..<height {
                memcpy(dst + y * stride, base + y * layer.stride, rowBytes)
            }
        }
        cairo_surface_mark_dirty(surface.pointer)
    }

    /// Paints a layer (same pixel size, premultiplied, transparent where it has nothing) over
    /// this canvas's pixels (Cairo's OVER) and resets the clip stack: an animation's static
    /// overlay, put back over each frame's dynamic underlay.
    public func composite(_ layer: CairoPixelLayer) throws(CairoError) {
        try checkSameSize(layer.width, layer.height)
        guard layer.stride >= pixelWidth * 4, layer.bytes.count >= layer.stride * layer.height else {
            throw .sizeMismatch(expected: (pixelWidth, pixelHeight), actual: (layer.width, layer.height))
        }
        context.resetState()
        let cr = context.cr
        let status: cairo_status_t = layer.bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return CAIRO_STATUS_NULL_POINTER }
            // Cairo only reads a source surface: the layer's bytes are never written.
            let pixels = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self))
            guard
                let source = cairo_image_surface_create_for_data(
                    pixels, CAIRO_FORMAT_ARGB32, Int32(layer.width), Int32(layer.height), Int32(layer.stride))
            else { return CAIRO_STATUS_NO_MEMORY }
            defer {
                // Finished before the bytes go out of scope: Cairo keeps no pointer to them.
                cairo_surface_finish(source)
                cairo_surface_destroy(source)
            }
            let created = cairo_surface_status(source)
            guard created == CAIRO_STATUS_SUCCESS else { return created }
            cairo_save(cr)
            cairo_identity_matrix(cr)
            cairo_set_source_surface(cr, source, 0, 0)
            cairo_paint(cr)
            cairo_restore(cr)
            return CAIRO_STATUS_SUCCESS
        }
        try CairoStatus.check(status, "cairo_image_surface_create_for_data")
    }

    /// An immutable copy of the pixels, safe to share between threads.
    public func makeLayer() -> CairoPixelLayer {
        withPixelData { buffer, width, height, stride in
            CairoPixelLayer(width: width, height: height, stride: stride, bytes: [UInt8](buffer))
        }
    }

    private func checkSameSize(_ width: Int, _ height: Int) throws(CairoError) {
        guard width == pixelWidth, height == pixelHeight else {
            throw .sizeMismatch(expected: (pixelWidth, pixelHeight), actual: (width, height))
        }
    }

    /// The Cairo surface, for tests that draw references with Cairo directly.
    var surfacePointerForTesting: OpaquePointer { surface.pointer }

    private var stride: Int { Int(cairo_image_surface_get_stride(surface.pointer)) }

    // MARK: Pixels

    /// Calls `body` with the surface's pixels: `height` rows of `stride` bytes, each row
    /// starting with `width` pixels of premultiplied ARGB32 in native byte order (one
    /// `UInt32` per pixel: alpha in bits 24–31, red 16–23, green 8–15, blue 0–7; on
    /// little-endian machines the bytes are B, G, R, A). Pending drawing is flushed first.
    /// The buffer is valid only inside `body`.
    public func withPixelData<R>(
        _ body: (UnsafeRawBufferPointer, _ width: Int, _ height: Int, _ stride: Int) throws -> R
    ) rethrows -> R {
        cairo_surface_flush(surface.pointer)
        let stride = self.stride
        let data = cairo_image_surface_get_data(surface.pointer)
        let buffer = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : stride * pixelHeight)
        return try body(buffer, pixelWidth, pixelHeight, stride)
    }

    /// The pixel at (`x`, `y`) as straight (un-premultiplied) RGBA bytes; for tests and tools.
    public func pixel(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        precondition(
            x >= 0 && x < pixelWidth && y >= 0 && y < pixelHeight, "pixel (\(x), \(y)) is outside the canvas")
        return withPixelData { buffer, _, _, stride in
            let p = buffer.load(fromByteOffset: y * stride + x * 4, as: UInt32.self)
            return PremultipliedARGB.straightRGBA(p)
        }
    }

    /// Throws the first error met while drawing (Cairo's sticky status, a missing font…).
    public func checkStatus() throws(CairoError) {
        if let firstError { throw firstError }
        try context.checkStatus("drawing on the image canvas")
    }

    /// Non-finite coordinates, sizes or widths skipped since the canvas was made.
    public var skippedNonFiniteCount: Int { context.skippedNonFiniteCount }

    private func record(_ error: CairoError?) {
        if firstError == nil, let error { firstError = error }
    }

    // MARK: Renderer

    /// Pushes the current clip.
    public func save() { context.save() }
    /// Pops the clip pushed by the matching ``save()``; an unmatched restore is ignored.
    public func restore() { context.restore() }
    /// Intersects the clip with `rect`; a non-finite rectangle clips everything away.
    public func clip(to rect: Rect) { context.clip(to: rect) }
    /// Fills `path` with `color` (non-zero winding, antialiased).
    public func fill(_ path: Path, color: Color) { context.fill(path, color: color) }
    /// Strokes `path`; with `style.snapToPixels` its vertices are moved so the line covers whole
    /// pixels. A non-finite or zero width draws nothing.
    public func stroke(_ path: Path, style: StrokeStyle) { context.stroke(path, style: style) }

    /// Draws one line of text with the font found through fontconfig; a missing font is
    /// recorded for ``checkStatus()``.
    public func drawText(
        _ text: String, at position: Point, font: Font, color: Color, anchor: TextAnchor, rotation: Double
    ) {
        record(
            context.drawText(
                text, at: position, font: font, color: color, anchor: anchor, rotation: rotation)?.error)
    }

    /// Measures `text` as ``drawText(_:at:font:color:anchor:rotation:)`` would draw it.
    public func measureText(_ text: String, font: Font) -> TextExtent {
        let (extent, error) = context.measureText(text, font: font)
        record(error)
        return extent
    }

    /// Stamps one pre-rendered marker per point (see `MarkerStamp` for the quarter-pixel
    /// placement); pixels outside the clip rectangle, rounded to whole pixels, are untouched.
    public func drawMarkers(at centers: [Point], style: MarkerStyle) {
        guard MarkerShape.isDrawable(style), !centers.isEmpty else { return }
        let stamps: [MarkerStamp]
        if let cached = stampCache[style] {
            stamps = cached
        } else {
            do {
                stamps = try MarkerStamp.render(style, scale: scale)
            } catch {
                record(error)
                return
            }
            if stampCache.count >= 64 { stampCache.removeAll() }
            stampCache[style] = stamps
        }
        let clip = context.deviceClip
        let bounds = MarkerCompositor.PixelBounds(
            x0: max(0, Int((clip.minX).rounded())), y0: max(0, Int((clip.minY).rounded())),
            x1: min(pixelWidth, Int((clip.maxX).rounded())), y1: min(pixelHeight, Int((clip.maxY).rounded())))
        cairo_surface_flush(surface.pointer)
        guard let data = cairo_image_surface_get_data(surface.pointer) else { return }
        context.skippedNonFiniteCount += MarkerCompositor.composite(
            centers: centers, scale: scale, stamps: stamps, into: UnsafeMutableRawPointer(data),
            stride: stride, bounds: bounds)
        cairo_surface_mark_dirty(surface.pointer)
    }

    /// Draws `raster` stretched over `rect`, nearest-neighbour unless `smooth` (bilinear).
    public func drawRaster(_ raster: Raster, in rect: Rect, smooth: Bool) {
        record(context.drawRaster(raster, in: rect, smooth: smooth))
    }
}
