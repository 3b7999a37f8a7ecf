import FitPlot
import Foundation

/// The invisible `<text>` copy of every string drawn on an SVG document (Cairo's SVG surface
/// writes glyph outlines only), inserted before `</svg>` once Cairo has finished the file.
struct SVGTextLayer {
    private var elements: [String] = []

    /// Records `text` drawn at `position` (layout units) with its baseline origin at `offset`
    /// from it before rotation; `scale` converts layout units to the SVG's points.
    mutating func add(
        _ text: String, at position: Point, offset: Point, rotation: Double, font: Font, scale: Double
    ) {
        func n(_ v: Double) -> String { String(format: "%.3f", v) }
        let weight = font.weight == .bold ? "bold" : "normal"
        elements.append(
            "<text transform=\"translate(\(n(position.x * scale)) \(n(position.y * scale))) rotate(\(n(-rotation)))\" "
                + "x=\"\(n(offset.x * scale))\" y=\"\(n(offset.y * scale))\" font-family=\"\(Self.escape(font.family))\" "
                + "font-weight=\"\(weight)\" font-size=\"\(n(font.size * scale))\">\(Self.escape(text))</text>"
        )
    }

    /// Rewrites the SVG at `url` with the text layer and `title`.
    func insert(into url: URL, title: String?) throws(CairoError) {
        guard !elements.isEmpty || title != nil else { return }
        let svg: String
        do {
            svg = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .invalidOutputPath(url.path, reason: "cannot read back Cairo's SVG: \(error)")
        }
        guard let closing = svg.range(of: "</svg>", options: .backwards),
            let rootEnd = svg.range(of: "<svg")
                .flatMap({ svg.range(of: ">", range: $0.upperBound..<svg.endIndex) })
        else {
            throw .invalidOutputPath(url.path, reason: "Cairo's SVG has no <svg> root element")
        }
        var result = String(svg[..<rootEnd.upperBound])
        if let title { result += "\n<title>\(Self.escape(title))</title>" }
        result += svg[rootEnd.upperBound..<closing.lowerBound]
        if !elements.isEmpty {
            result += "<g fill-opacity=\"0\" stroke=\"none\" pointer-events=\"none\">\n"
            result += elements.joined(separator: "\n") + "\n</g>\n"
        }
        result += svg[closing.lowerBound...]
        do {
            try Data(result.utf8).write(to: url)
        } catch {
            throw .invalidOutputPath(url.path, reason: "\(error)")
        }
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}
