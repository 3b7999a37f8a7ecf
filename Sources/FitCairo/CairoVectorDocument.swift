import CCairo
import FitPlot
import Foundation

/// A `Renderer` that makes an SVG or PDF document through Cairo and hands its bytes to a
/// sink (the renderer opens no file: the caller streams the bytes into an output file).
///
/// Units: the document is `width × height` layout units; one layout unit is `72 / dpi`
/// points (the default dpi 72 makes one unit one point, i.e. one CSS pixel at 96 dpi in SVG
/// viewers' terms; pass the figure's dpi, e.g. 100, for a page the size matplotlib gives).
///
/// Text: PDF embeds DejaVu Sans and writes real text (selectable, searchable). Cairo's SVG
/// surface can only write glyph outlines, so for SVG each string is also written as an
/// invisible `<text>` element at the same place (searchable, readable by screen readers),
/// and the document `title` becomes the SVG `<title>` (PDF: the Title metadata).
///
/// PDF bytes reach the sink as Cairo produces them; an SVG is collected and handed over whole
/// by `finish()` (its text layer goes before `</svg>`, and Cairo writes an SVG at the end
/// anyway). A document that is never finished sends nothing more; the caller discards what
/// it received.
/// Markers are real vector shapes; `snapToPixels` has no meaning here and is ignored.
public final class CairoVectorDocument: Renderer {
    /// The file format written.
    public enum Format: String, Sendable {
        /// Scalable Vector Graphics or Portable Document Format.
        case svg, pdf
    }

    /// SVG or PDF.
    public let format: Format
    /// The document's size in layout units.
    public let canvasSize: Size
    /// Receives the document's bytes in order; a throw fails the document.
    public typealias Sink = (UnsafeRawBufferPointer) throws -> Void
    /// Pages so far (the current one included).
    public private(set) var pageCount = 1

    private let stream: DocumentStream
    private var surface: CairoSurface?
    private var context: CairoDrawingContext?
    private let title: String?
    private var firstError: CairoError?
    private var textLayer = SVGTextLayer()

    /// Starts a document whose bytes go to `sink`.
    /// - Throws: `CairoError.invalidCanvasSize` (non-finite or not positive),
    ///   `.invalidScale` for a bad dpi, or a Cairo failure.
    public init(
        format: Format, width: Double, height: Double, dpi: Double = 72, title: String? = nil,
        sink: @escaping Sink
    ) throws(CairoError) {
        guard dpi.isFinite, dpi > 0 else { throw .invalidScale(dpi) }
        let pointsPerUnit = 72 / dpi
        guard width.isFinite, height.isFinite, width > 0, height > 0,
            width * pointsPerUnit <= 14_400, height * pointsPerUnit <= 14_400  // PDF's 200-inch page limit
        else { throw .invalidCanvasSize(width: width, height: height, scale: pointsPerUnit) }
        self.format = format
        self.canvasSize = Size(width: width, height: height)
        self.title = title
        let stream = DocumentStream(sink: sink, collects: format == .svg)
        self.stream = stream
        let pw = width * pointsPerUnit
        let ph = height * pointsPerUnit
        let closure = Unmanaged.passUnretained(stream).toOpaque()
        let write: cairo_write_func_t = { closure, data, length in
            guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
            let stream = Unmanaged<DocumentStream>.fromOpaque(closure).takeUnretainedValue()
            return stream.receive(UnsafeRawBufferPointer(start: data, count: Int(length)))
        }
        let surface: CairoSurface
        switch format {
        case .svg:
            surface = try CairoSurface(
                taking: cairo_svg_surface_create_for_stream(write, closure, pw, ph),
                operation: "cairo_svg_surface_create_for_stream")
        case .pdf:
            surface = try CairoSurface(
                taking: cairo_pdf_surface_create_for_stream(write, closure, pw, ph),
                operation: "cairo_pdf_surface_create_for_stream")
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATOR, "render-fit")
            if let title { cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_TITLE, title) }
        }
        self.surface = surface
        do {
            context = try CairoDrawingContext(
                surface: surface, deviceSize: Size(width: pw, height: ph), scale: pointsPerUnit,
                snapsToPixels: false)
        } catch {
            stream.abandon()
            self.surface = nil
            throw error
        }
    }

    deinit {
        // Not finished: Cairo finishes the surface as it is destroyed; its bytes are dropped.
        stream.abandon()
        context = nil
        surface = nil
    }

    /// Ends the current page and starts a new one of the same size (PDF only).
    public func newPage() throws(CairoError) {
        guard let context else { throw .documentFinished }
        guard format == .pdf else {
            throw .cairoFailure(operation: "newPage", status: "SVG documents have a single page")
        }
        cairo_show_page(context.cr)
        context.resetState()
        try context.checkStatus("cairo_show_page")
        pageCount += 1
    }

    /// Writes the last page, checks every status, and hands the sink the rest of the document
    /// (the whole of an SVG).
    public func finish() throws(CairoError) {
        guard let context, let surface else { throw .documentFinished }
        defer {
            self.context = nil
            self.surface = nil
        }
        do throws(CairoError) {
            if let firstError { throw firstError }
            try context.checkStatus("drawing the \(format.rawValue) document")
            cairo_surface_finish(surface.pointer)
            if let failure = stream.failure { throw CairoError.output(reason: "\(failure)") }
            try surface.checkStatus("cairo_surface_finish")
            if format == .svg {
                let svg = try textLayer.insert(into: stream.collected, title: title)
                do {
                    try svg.withUnsafeBytes { try stream.sink($0) }
                } catch {
                    throw CairoError.output(reason: "\(error)")
                }
            }
        } catch {
            stream.abandon()
            throw error
        }
    }

    private func record(_ error: CairoError?) {
        if firstError == nil, let error { firstError = error }
    }

    // MARK: Renderer

    /// Pushes the current clip (ignored once finished).
    public func save() { context?.save() }
    /// Pops the clip pushed by the matching ``save()``.
    public func restore() { context?.restore() }
    /// Intersects the clip with `rect`.
    public func clip(to rect: Rect) { context?.clip(to: rect) }
    /// Fills `path` with `color` (non-zero winding).
    public func fill(_ path: Path, color: Color) { context?.fill(path, color: color) }
    /// Strokes `path` as a vector outline (pixel snapping does not apply).
    public func stroke(_ path: Path, style: StrokeStyle) { context?.stroke(path, style: style) }

    /// Draws one line of text; in SVG also adds an invisible `<text>` copy so the text stays
    /// searchable. After ``finish()`` records ``CairoError/documentFinished``.
    public func drawText(
        _ text: String, at position: Point, font: Font, color: Color, anchor: TextAnchor, rotation: Double
    ) {
        guard let context else { return record(.documentFinished) }
        guard
            let drawn = context.drawText(
                text, at: position, font: font, color: color, anchor: anchor, rotation: rotation)
        else { return }
        record(drawn.error)
        if drawn.error == nil && format == .svg {
            textLayer.add(
                text, at: position, offset: drawn.offset, rotation: rotation, font: font, scale: context.scale
            )
        }
    }

    /// Measures `text` as it would be drawn; a zero extent once the document is finished.
    public func measureText(_ text: String, font: Font) -> TextExtent {
        guard let context else { return TextExtent(width: 0, ascent: 0, descent: 0) }
        let (extent, error) = context.measureText(text, font: font)
        record(error)
        return extent
    }

    /// Draws every marker as a vector shape (circles with `cairo_arc`); non-finite centres
    /// are skipped.
    public func drawMarkers(at centers: [Point], style: MarkerStyle) {
        guard let context, MarkerShape.isDrawable(style) else { return }
        for c in centers {
            guard c.x.isFinite, c.y.isFinite else {
                context.skippedNonFiniteCount += 1
                continue
            }
            MarkerShape.draw(style, cx: c.x, cy: c.y, on: context)
        }
    }

    /// Embeds `raster` stretched over `rect`, nearest-neighbour unless `smooth`.
    public func drawRaster(_ raster: Raster, in rect: Rect, smooth: Bool) {
        record(context?.drawRaster(raster, in: rect, smooth: smooth))
    }
}

/// Where Cairo's write callback sends the bytes: straight to the sink (PDF) or into memory
/// (SVG, whose text layer is inserted once Cairo is done). The callback cannot throw: the
/// sink's error is kept and reported by `finish()`.
private final class DocumentStream {
    let sink: CairoVectorDocument.Sink
    private let collects: Bool
    private(set) var collected: [UInt8] = []
    private(set) var failure: (any Error)?
    private var abandoned = false

    init(sink: @escaping CairoVectorDocument.Sink, collects: Bool) {
        self.sink = sink
        self.collects = collects
    }

    func receive(_ bytes: UnsafeRawBufferPointer) -> cairo_status_t {
        guard !abandoned, failure == nil else { return CAIRO_STATUS_WRITE_ERROR }
        if collects {
            collected.append(contentsOf: bytes)
            return CAIRO_STATUS_SUCCESS
        }
        do {
            try sink(bytes)
            return CAIRO_STATUS_SUCCESS
        } catch {
            failure = error
            return CAIRO_STATUS_WRITE_ERROR
        }
    }

    /// Drops whatever Cairo writes from now on.
    func abandon() {
        abandoned = true
        collected = []
    }
}
