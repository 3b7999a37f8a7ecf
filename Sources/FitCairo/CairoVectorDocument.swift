import CCairo
import FitPlot
import Foundation

/// A `Renderer` that writes an SVG or PDF file through Cairo.
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
/// The file is written under a temporary name in the destination folder and renamed into
/// place by `finish()`; a document that is never finished leaves no file behind.
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
    /// Where `finish()` puts the file.
    public let url: URL
    /// Pages so far (the current one included).
    public private(set) var pageCount = 1

    private let temporaryURL: URL
    private var surface: CairoSurface?
    private var context: CairoDrawingContext?
    private let title: String?
    private var firstError: CairoError?
    private var textLayer = SVGTextLayer()

    /// Starts a document at `url`.
    /// - Throws: `CairoError.invalidCanvasSize` (non-finite or not positive),
    ///   `.invalidScale` for a bad dpi, `.invalidOutputPath`, or a Cairo failure.
    public init(
        format: Format, url: URL, width: Double, height: Double, dpi: Double = 72, title: String? = nil
    ) throws(CairoError) {
        guard dpi.isFinite, dpi > 0 else { throw .invalidScale(dpi) }
        let pointsPerUnit = 72 / dpi
        guard width.isFinite, height.isFinite, width > 0, height > 0,
            width * pointsPerUnit <= 14_400, height * pointsPerUnit <= 14_400  // PDF's 200-inch page limit
        else { throw .invalidCanvasSize(width: width, height: height, scale: pointsPerUnit) }
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue
        else {
            throw .invalidOutputPath(url.path, reason: "the folder \(folder.path) does not exist")
        }
        self.format = format
        self.canvasSize = Size(width: width, height: height)
        self.url = url
        self.title = title
        self.temporaryURL = folder.appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).tmp")
        let pw = width * pointsPerUnit
        let ph = height * pointsPerUnit
        let path = temporaryURL.path
        let surface: CairoSurface
        switch format {
        case .svg:
            surface = try CairoSurface(
                taking: cairo_svg_surface_create(path, pw, ph), operation: "cairo_svg_surface_create(\(path))"
            )
        case .pdf:
            surface = try CairoSurface(
                taking: cairo_pdf_surface_create(path, pw, ph), operation: "cairo_pdf_surface_create(\(path))"
            )
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATOR, "render-fit")
            if let title { cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_TITLE, title) }
        }
        self.surface = surface
        do {
            context = try CairoDrawingContext(
                surface: surface, deviceSize: Size(width: pw, height: ph), scale: pointsPerUnit,
                snapsToPixels: false)
        } catch {
            self.surface = nil
            try? FileManager.default.removeItem(at: temporaryURL)
            throw error
        }
    }

    deinit {
        // Not finished: close Cairo's file, then delete the partial file.
        if surface != nil {
            context = nil
            surface = nil
            try? FileManager.default.removeItem(at: temporaryURL)
        }
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

    /// Writes the last page, checks every status, and moves the file into place.
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
            try surface.checkStatus("cairo_surface_finish(\(temporaryURL.path))")
            if format == .svg { try textLayer.insert(into: temporaryURL, title: title) }
            try moveIntoPlace()
        } catch {
            try? FileManager.default.removeItem(at: temporaryURL)
            throw error
        }
    }

    private func moveIntoPlace() throws(CairoError) {
        // rename(2) replaces an existing file atomically.
        guard rename(temporaryURL.path, url.path) == 0 else {
            throw .invalidOutputPath(url.path, reason: String(cString: strerror(errno)))
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
