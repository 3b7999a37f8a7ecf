import Foundation
import ImageComparison

/// The HTML page of a run's failing snapshots: self-contained (inline CSS, no script, no
/// network), images referenced by paths relative to the page so the folder can be archived
/// as a CI artifact and opened from `file://`.
struct SnapshotReportPage {
    let entries: [SnapshotReportEntry]
    /// The folder the page is written in.
    let folder: String

    var html: String {
        var body = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <title>Failing snapshots (\(entries.count))</title>
            <style>
            body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
            h1{font-size:1.4em}h2{font-size:1.1em;margin:0 0 .3em}
            section{border:1px solid #ccc;border-radius:6px;padding:1em;margin:1em 0}
            .images{display:flex;gap:1em;flex-wrap:wrap}
            figure{margin:0}figcaption{font-weight:600;margin-bottom:.3em}
            img{max-width:420px;min-width:96px;border:1px solid #ddd;image-rendering:pixelated;background:
            repeating-conic-gradient(#eee 0% 25%,#fff 0% 50%) 0 0/16px 16px}
            pre{background:#f6f6f6;padding:.6em;overflow:auto;max-height:30em}
            .del{color:#b00}.add{color:#070}.meta{color:#555}
            </style></head><body>
            <h1>\(entries.count) failing snapshot\(entries.count == 1 ? "" : "s")</h1>
            <ol>
            """
        for (index, entry) in entries.enumerated() {
            body += "<li><a href=\"#s\(index)\">\(Self.escape(title(entry)))</a></li>\n"
        }
        body += "</ol>\n"
        for (index, entry) in entries.enumerated() { body += section(entry, index: index) }
        return body + "</body></html>\n"
    }

    private func title(_ entry: SnapshotReportEntry) -> String {
        let testFile = URL(fileURLWithPath: entry.location.artifactsFolder).lastPathComponent
        return "\(testFile) / \(entry.location.name)"
    }

    private func section(_ entry: SnapshotReportEntry, index: Int) -> String {
        var out = "<section id=\"s\(index)\"><h2>\(Self.escape(title(entry)))</h2>\n"
        out += "<p class=\"meta\">reference: \(Self.escape(entry.location.referencePath))</p>\n"
        if let images = entry.difference.images {
            out += "<div class=\"images\">\n"
            let shown: [(String, String?)] = [
                ("Expected", images.imageSuffixes.expected), ("Actual", images.imageSuffixes.actual),
                ("Diff", images.imageSuffixes.diff),
            ]
            for (caption, suffix) in shown {
                guard let suffix, let path = entry.artifact(suffix) else { continue }
                out += "<figure><figcaption>\(caption)</figcaption>"
                    + "<a href=\"\(Self.escape(link(path)))\"><img loading=\"lazy\" alt=\"\(caption)\" "
                    + "src=\"\(Self.escape(link(path)))\"></a></figure>\n"
            }
            out += "</div>\n<pre>\(Self.escape(entry.difference.message))</pre>\n"
        } else {
            out += "<pre>"
            for line in entry.difference.message.split(separator: "\n", omittingEmptySubsequences: false) {
                let escaped = Self.escape(String(line))
                if line.hasPrefix("-") && !line.hasPrefix("---") {
                    out += "<span class=\"del\">\(escaped)</span>\n"
                } else if line.hasPrefix("+") && !line.hasPrefix("+++") {
                    out += "<span class=\"add\">\(escaped)</span>\n"
                } else {
                    out += escaped + "\n"
                }
            }
            out += "</pre>\n"
        }
        out += "<p class=\"meta\">artifacts: "
            + entry.artifacts.map { "<a href=\"\(Self.escape(link($0)))\">\(Self.escape(link($0)))</a>" }
            .joined(separator: ", ") + "</p>\n</section>\n"
        return out
    }

    /// `path` relative to the page when it lies below its folder, else a `file://` URL.
    private func link(_ path: String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        if path.hasPrefix(prefix) {
            return String(path.dropFirst(prefix.count)).split(separator: "/").map {
                String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0)
            }.joined(separator: "/")
        }
        return URL(fileURLWithPath: path).absoluteString
    }

    /// Text made safe for HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
