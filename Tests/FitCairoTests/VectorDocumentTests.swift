import FitCairo
import FitPlot
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("SVG and PDF documents")
struct VectorDocumentTests {
    static func drawFigure(_ r: Renderer) {
        r.fill(.rectangle(Rect(x: 0, y: 0, width: 320, height: 240)), color: .white)
        r.stroke(
            .rectangle(Rect(x: 40, y: 30, width: 260, height: 180)),
            style: StrokeStyle(width: 1, color: .black, snapToPixels: true))
        r.drawText(
            "Gradient descent & <fit>", at: Point(x: 160, y: 20), font: Font(size: 14, weight: .bold),
            color: .black, anchor: .init(.center, .baseline), rotation: 0)
        r.drawText(
            "y", at: Point(x: 15, y: 120), font: Font(size: 12), color: .black,
            anchor: .init(.center, .center), rotation: 90)
        r.drawMarkers(
            at: [Point(x: 100, y: 100), Point(x: .nan, y: 1), Point(x: 200, y: 150)],
            style: MarkerStyle(size: 8, fill: Color(hex: 0xff7f0e)))
        r.drawRaster(
            Raster(width: 1, height: 1, pixels: [10, 20, 30, 255]),
            in: Rect(x: 250, y: 40, width: 20, height: 20), smooth: false)
    }

    @Test func svgIsWellFormedXMLAndContainsTheTitleText() throws {
        let folder = try CanvasTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("figure.svg")
        let doc = try CairoVectorDocument(format: .svg, url: url, width: 320, height: 240, title: "Fit")
        Self.drawFigure(doc)
        #expect(!FileManager.default.fileExists(atPath: url.path), "nothing at the final name before finish")
        try doc.finish()
        let data = try Data(contentsOf: url)
        let collector = TextCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        #expect(parser.parse(), "SVG parse error: \(String(describing: parser.parserError))")
        #expect(collector.root == "svg")
        #expect(collector.texts.contains("Gradient descent & <fit>"))
        #expect(collector.texts.contains("Fit"), "document <title>")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["figure.svg"],
            "no temporary left")
    }

    @Test func pdfStartsWithHeaderHasThePagesAndTheTitle() throws {
        let folder = try CanvasTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("figure.pdf")
        let doc = try CairoVectorDocument(
            format: .pdf, url: url, width: 640, height: 480, dpi: 100, title: "Gradient descent")
        Self.drawFigure(doc)
        try doc.newPage()
        Self.drawFigure(doc)
        #expect(doc.pageCount == 2)
        try doc.finish()
        let data = try Data(contentsOf: url)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        #expect(text.contains("/Count 2"), "page tree holds two pages")
        #expect(
            text.components(separatedBy: "/Type /Page\n").count - 1 == 2
                || text.components(separatedBy: "/Type /Page ").count - 1 == 2)
        #expect(text.contains("/Title (Gradient descent)"))
        // 640 units at 100 dpi = 6.4 in = 460.8 pt, like matplotlib's default figure.
        #expect(text.contains("/MediaBox [ 0 0 460.8 345.6 ]"))
        #expect(text.contains("DejaVuSans"), "font embedded, text kept as text")
    }

    @Test func unfinishedDocumentLeavesNoFile() throws {
        let folder = try CanvasTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let doc = try CairoVectorDocument(
                format: .pdf, url: folder.appendingPathComponent("x.pdf"), width: 100, height: 100)
            Self.drawFigure(doc)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func finishTwiceAndDrawingAfterFinishAreErrors() throws {
        let folder = try CanvasTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let doc = try CairoVectorDocument(
            format: .svg, url: folder.appendingPathComponent("x.svg"), width: 10, height: 10)
        try doc.finish()
        doc.fill(.rectangle(Rect(x: 0, y: 0, width: 5, height: 5)), color: .black)
        #expect(throws: CairoError.documentFinished) { try doc.finish() }
        #expect(throws: CairoError.documentFinished) { try doc.newPage() }
    }

    @Test func badSizesAndPathsAreTypedErrors() throws {
        let folder = try CanvasTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("x.svg")
        #expect(throws: CairoError.self) {
            _ = try CairoVectorDocument(format: .svg, url: url, width: 0, height: 10)
        }
        #expect(throws: CairoError.self) {
            _ = try CairoVectorDocument(format: .svg, url: url, width: .nan, height: 10)
        }
        #expect(throws: CairoError.self) {
            _ = try CairoVectorDocument(format: .pdf, url: url, width: 10, height: 10, dpi: 0)
        }
        #expect(throws: CairoError.self) {
            _ = try CairoVectorDocument(
                format: .pdf, url: folder.appendingPathComponent("missing/x.pdf"), width: 10, height: 10)
        }
    }
}

/// Collects the root element name and all character data of an XML document.
private final class TextCollector: NSObject, XMLParserDelegate {
    var root: String?
    var texts: [String] = []
    private var current = ""

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if root == nil { root = name }
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(
        _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
        let t = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !t.isEmpty { texts.append(t) }
        current = ""
    }
}
