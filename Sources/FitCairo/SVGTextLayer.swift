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

    /// Cairo's SVG with the text layer inserted before `</svg>` and `title` after the root tag.
    func insert(into svg: [UInt8], title: String?) throws(CairoError) -> [UInt8] {
        guard !elements.isEmpty || title != nil else { return svg }
        let root = Array("<svg".utf8)
        let closing = Array("</svg>".utf8)
        guard let rootStart = Self.firstIndex(of: root, in: svg),
            let rootEnd = svg[(rootStart + root.count)...].firstIndex(of: UInt8(ascii: ">")),
            let close = Self.lastIndex(of: closing, in: svg), close > rootEnd
        else {
            throw .output(reason: "Cairo's SVG has no <svg> root element")
        }
        var result = Array(svg[...rootEnd])
        if let title { result += Array("\n<title>\(Self.escape(title))</title>".utf8) }
        result += svg[(rootEnd + 1)..<close]
        if !elements.isEmpty {
            result += Array("<g fill-opacity=\"0\" stroke=\"none\" pointer-events=\"none\">\n".utf8)
            result += Array((elements.joined(separator: "\n") + "\n</g>\n").utf8)
        }
        result += svg[close...]
        return result
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }

    private static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in stride(from: haystack.count - needle.count, through: 0, by: -1)
        where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }

    /// `s` escaped for XML text and attributes, with the characters XML 1.0 forbids (C0
    /// controls other than tab, LF and CR; U+FFFE, U+FFFF) replaced by U+FFFD, so that any
    /// text, a CSV header with control characters included, gives a well-formed document.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                for scalar in ch.unicodeScalars {
                    out.unicodeScalars.append(XMLText.isAllowed(scalar) ? scalar : "\u{FFFD}")
                }
            }
        }
        return out
    }
}
