import FitCairo
import FitPlot
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects what a document hands its sink.
final class ByteCollector {
    var bytes: [UInt8] = []
    var calls = 0
    var sink: CairoVectorDocument.Sink {
        { [self] in
            bytes += $0
            calls += 1
        }
    }
}

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
        let output = ByteCollector()
        let doc = try CairoVectorDocument(
            format: .svg, width: 320, height: 240, title: "Fit", sink: output.sink)
        Self.drawFigure(doc)
        #expect(output.bytes.isEmpty, "an SVG reaches the sink whole, at finish")
        try doc.finish()
        let data = Data(output.bytes)
        let collector = TextCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        #expect(parser.parse(), "SVG parse error: \(String(describing: parser.parserError))")
        #expect(collector.root == "svg")
        #expect(collector.texts.contains("Gradient descent & <fit>"))
        #expect(collector.texts.contains("Fit"), "document <title>")
        #expect(output.calls == 1)
    }

    @Test func textWithCharactersXMLForbidsStillGivesAWellFormedSVG() throws {
        let output = ByteCollector()
        let doc = try CairoVectorDocument(
            format: .svg, width: 100, height: 50, title: "a\u{1}b\u{FFFF}", sink: output.sink)
        doc.drawText(
            "x\u{0}y\u{7}z\u{FFFE}", at: Point(x: 50, y: 25), font: Font(size: 12), color: .black,
            anchor: .init(.center, .baseline), rotation: 0)
        try doc.finish()
        let parser = XMLParser(data: Data(output.bytes))
        let collector = TextCollector()
        parser.delegate = collector
        #expect(parser.parse(), "SVG parse error: \(String(describing: parser.parserError))")
        #expect(collector.texts.contains("x\u{FFFD}y\u{FFFD}z\u{FFFD}"))
        #expect(collector.texts.contains("a\u{FFFD}b\u{FFFD}"))
    }

    @Test func pdfStartsWithHeaderHasThePagesAndTheTitle() throws {
        let output = ByteCollector()
        let doc = try CairoVectorDocument(
            format: .pdf, width: 640, height: 480, dpi: 100, title: "Gradient descent", sink: output.sink)
        Self.drawFigure(doc)
        try doc.newPage()
        Self.drawFigure(doc)
        #expect(doc.pageCount == 2)
        try doc.finish()
        let text = String(decoding: output.bytes, as: UTF8.self)
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

    @Test func unfinishedDocumentSendsNoEnd() throws {
        let output = ByteCollector()
        do {
            let doc = try CairoVectorDocument(format: .pdf, width: 100, height: 100, sink: output.sink)
            Self.drawFigure(doc)
        }
        #expect(!String(decoding: output.bytes, as: UTF8.self).contains("%%EOF"), "no complete PDF")
    }

    @Test func aFailingSinkFailsTheDocument() throws {
        struct Full: Error {}
        let doc = try CairoVectorDocument(format: .pdf, width: 100, height: 100, sink: { _ in throw Full() })
        Self.drawFigure(doc)
        #expect(throws: CairoError.self) { try doc.finish() }
    }

    @Test func finishTwiceAndDrawingAfterFinishAreErrors() throws {
        let doc = try CairoVectorDocument(format: .svg, width: 10, height: 10, sink: ByteCollector().sink)
        try doc.finish()
        doc.fill(.rectangle(Rect(x: 0, y: 0, width: 5, height: 5)), color: .black)
        #expect(throws: CairoError.documentFinished) { try doc.finish() }
        #expect(throws: CairoError.documentFinished) { try doc.newPage() }
    }

    @Test func badSizesAreTypedErrors() throws {
        let sink = ByteCollector().sink
        #expect(throws: CairoError.self) {
            _ = try CairoVectorDocument(format: .svg, width: 0, height: 10, sink: sink)
        }
        #expect(throws: CairoError.self) {
            _ = try CairoVectorDocument(format: .svg, width: .nan, height: 10, sink: sink)
        }
        #expect(throws: CairoError.self) {
            _ = try CairoVectorDocument(format: .pdf, width: 10, height: 10, dpi: 0, sink: sink)
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
