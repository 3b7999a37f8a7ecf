/// The HTML of a comparison report: a summary, then one section per image. Every piece of
/// text goes through `MarkupText.escaped`; image paths are names the writer made itself.
struct HTMLReportPage {
    struct Entry {
        var index: Int
        var item: ReportItem
        /// Role ("expected", "actual", "diff", "ignored") → path relative to index.html.
        var images: [String: String] = [:]
    }

    let title: String
    let tolerance: Tolerance
    let expectedLabel: String
    let actualLabel: String
    let entries: [Entry]

    private func e(_ text: String) -> String { MarkupText.escaped(text) }

    func html() -> String {
        let sorted = entries.sorted { ReportItem.worstFirst($0.item, $1.item) }
        let summary = ReportSummary(entries.map(\.item))
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title))</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <header>
            <h1>\(e(title))</h1>
            <p class="verdict \(summary.pass ? "pass" : "fail")">\(summary.pass ? "PASS" : "FAIL")</p>
            <ul class="counts">
            <li><b>\(summary.compared)</b> compared</li>
            <li class="pass"><b>\(summary.passed)</b> passed</li>
            <li class="fail"><b>\(summary.failed)</b> failed</li>
            <li class="missing"><b>\(summary.missing)</b> missing</li>
            <li class="extra"><b>\(summary.extra)</b> extra</li>
            <li class="error"><b>\(summary.errors)</b> errors</li>
            </ul>
            <p class="tolerance">Tolerance: \(e(toleranceText))</p>
            </header>
            <main>
            <table class="summary">
            <thead><tr><th>status</th><th>image</th><th>mismatched</th><th>RMS</th><th>SSIM</th><th>worst tile</th><th>why</th></tr></thead>
            <tbody>

            """
        for entry in sorted { out += summaryRow(entry) }
        out += "</tbody>\n</table>\n"
        for entry in sorted { out += section(entry) }
        out += "</main>\n<script>\(Self.script)</script>\n</body>\n</html>\n"
        return out
    }

    private var toleranceText: String {
        var parts = [
            "RMS ≤ \(format(tolerance.rms))",
            "mismatched pixels ≤ \(tolerance.maxMismatchedPixels) (threshold \(format(tolerance.threshold))"
                + (tolerance.includeAntiAliased ? ", anti-aliasing counted)" : ")"),
        ]
        if let tile = tolerance.maxTileDifference { parts.append("worst tile ≤ \(format(tile))") }
        if let ssim = tolerance.minSSIM { parts.append("SSIM ≥ \(formatSSIM(ssim))") }
        return parts.joined(separator: ", ")
    }

    /// The first line of the item's reason: a multi-line message (a text snapshot's line diff)
    /// is shown whole in its section, not in the summary.
    private func headline(_ item: ReportItem) -> String {
        let reason = item.reason(tolerance: tolerance)
        return reason.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? reason
    }

    private func summaryRow(_ entry: Entry) -> String {
        let item = entry.item
        let c = item.comparison
        let tile = c.map {
            "\(format($0.worstTile.meanAbsoluteDifference)) at (\($0.worstTile.x), \($0.worstTile.y))"
        }
        return "<tr class=\"\(item.status.rawValue)\"><td><span class=\"badge \(item.status.rawValue)\">"
            + "\(item.status.rawValue)</span></td><td><a href=\"#item-\(entry.index)\">\(e(item.name))</a></td>"
            + "<td>\(c.map { "\($0.mismatchedPixels)" } ?? "")</td><td>\(c.map { format($0.rms) } ?? "")</td>"
            + "<td>\(c?.ssim.map(formatSSIM) ?? "")</td><td>\(e(tile ?? ""))</td>"
            + "<td>\(e(headline(item)))</td></tr>\n"
    }

    /// An image with the ignored-pixels overlay over it.
    private func framed(_ path: String?, _ overlay: String?, _ alt: String, _ size: (Int, Int)?) -> String {
        guard let path else { return "<div class=\"absent\">none</div>" }
        let dimensions = size.map { " width=\"\($0.0)\" height=\"\($0.1)\"" } ?? ""
        var html =
            "<div class=\"frame\"><img loading=\"lazy\" decoding=\"async\" src=\"\(path)\"\(dimensions) alt=\"\(e(alt))\">"
        if let overlay {
            html +=
                "<img class=\"overlay\" loading=\"lazy\" src=\"\(overlay)\"\(dimensions) alt=\"ignored pixels\">"
        }
        return html + "</div>"
    }

    private func section(_ entry: Entry) -> String {
        let item = entry.item
        let c = item.comparison
        let size = c.map { ($0.width, $0.height) }
        let expected = entry.images["expected"]
        let actual = entry.images["actual"] ?? (item.status == .pass || item.status == .fail ? expected : nil)
        let overlay = entry.images["ignored"]
        let open = item.status == .pass ? "" : " open"
        var html = "<section class=\"item \(item.status.rawValue)\" id=\"item-\(entry.index)\">\n"
        html +=
            "<details\(open)><summary><span class=\"badge \(item.status.rawValue)\">\(item.status.rawValue)</span> "
        html +=
            "<span class=\"name\">\(e(item.name))</span> <span class=\"why\">\(e(headline(item)))</span></summary>\n"
        html += "<div class=\"views\">\n"
        html +=
            "<figure><figcaption>\(e(expectedLabel))</figcaption>\(framed(expected, overlay, expectedLabel, size))</figure>\n"
        html +=
            "<figure><figcaption>\(e(actualLabel))</figcaption>\(framed(actual, overlay, actualLabel, size))</figure>\n"
        let diffCaption = entry.images["diff"] == nil && c != nil ? "diff (pixels identical)" : "diff"
        html +=
            "<figure><figcaption>\(diffCaption)</figcaption>\(framed(entry.images["diff"], nil, "diff", size))</figure>\n"
        html += "</div>\n"
        if let expected, let actual, let size {
            html += """
                <div class="compare" style="width: \(max(size.0, 360))px">
                <div class="wipe" style="aspect-ratio: \(size.0) / \(size.1)">
                <img class="under" loading="lazy" src="\(expected)" width="\(size.0)" height="\(size.1)" alt="\(e(expectedLabel))">
                <img class="over" loading="lazy" src="\(actual)" width="\(size.0)" height="\(size.1)" alt="\(e(actualLabel))">
                \(overlay.map { "<img class=\"overlay\" loading=\"lazy\" src=\"\($0)\" alt=\"ignored pixels\">" } ?? "")
                <div class="handle"><span class="tag before">\(e(actualLabel))</span><span class="tag after">\(e(expectedLabel))</span></div>
                </div>
                <div class="controls"><label>\(e(expectedLabel)) <input class="slider" type="range" min="0" max="100" step="0.1" value="50" aria-label="wipe from \(e(expectedLabel)) to \(e(actualLabel))"> \(e(actualLabel))</label>
                <label class="blink"><input type="checkbox"> blink</label> <span class="showing"></span></div>
                </div>

                """
        }
        if let c, let expected, c.mismatchedPixels > 0 || c.rms > 0 {
            html += zoom(c, expected: expected, actual: actual ?? expected, diff: entry.images["diff"])
        }
        if let c { html += metrics(c) }
        if let message = item.message, c == nil { html += "<p class=\"message\">\(e(message))</p>\n" }
        var paths: [String] = []
        if let p = item.expectedPath { paths.append("\(e(expectedLabel)): <code>\(e(p))</code>") }
        if let p = item.actualPath { paths.append("\(e(actualLabel)): <code>\(e(p))</code>") }
        if let p = item.diffPath { paths.append("diff: <code>\(e(p))</code>") }
        if !paths.isEmpty { html += "<p class=\"paths\">" + paths.joined(separator: " · ") + "</p>\n" }
        return html + "</details>\n</section>\n"
    }

    /// The worst tile of each image, enlarged with square pixels.
    private func zoom(_ c: ComparisonReport, expected: String, actual: String, diff: String?) -> String {
        let tile = c.worstTile
        let factor = max(1, min(8, 160 / max(1, max(tile.width, tile.height))))
        let box = "width: \(tile.width * factor)px; height: \(tile.height * factor)px"
        let inner =
            "width: \(c.width * factor)px; height: \(c.height * factor)px; left: \(-tile.x * factor)px; top: \(-tile.y * factor)px"
        func one(_ label: String, _ path: String) -> String {
            "<figure><figcaption>\(e(label))</figcaption><div class=\"tile\" style=\"\(box)\">"
                + "<img loading=\"lazy\" src=\"\(path)\" style=\"\(inner)\" alt=\"\(e(label)), worst tile\"></div></figure>"
        }
        var html =
            "<div class=\"zoom\"><p>Worst tile: \(tile.width)×\(tile.height) at (\(tile.x), \(tile.y)), ×\(factor)</p><div class=\"tiles\">"
        html += one(expectedLabel, expected) + one(actualLabel, actual)
        if let diff { html += one("diff", diff) }
        return html + "</div></div>\n"
    }

    private func metrics(_ c: ComparisonReport) -> String {
        func row(_ name: String, _ value: String, _ limit: String, _ ok: Bool?) -> String {
            let verdict =
                ok.map { $0 ? "<td class=\"ok\">ok</td>" : "<td class=\"over\">over</td>" } ?? "<td></td>"
            return "<tr><th>\(e(name))</th><td>\(e(value))</td><td>\(e(limit))</td>\(verdict)</tr>"
        }
        let tile = c.worstTile
        var rows = [
            row("size", "\(c.width)×\(c.height)", "", nil),
            row("RMS (0–255)", format(c.rms), "≤ \(format(tolerance.rms))", c.rms <= tolerance.rms),
            row(
                "mismatched pixels", "\(c.mismatchedPixels)", "≤ \(tolerance.maxMismatchedPixels)",
                c.mismatchedPixels <= tolerance.maxMismatchedPixels),
            row(
                "anti-aliased pixels", "\(c.antiAliasedPixels)",
                tolerance.includeAntiAliased ? "counted" : "not counted", nil),
            row(
                "worst tile mean |Δ|", "\(format(tile.meanAbsoluteDifference)) at (\(tile.x), \(tile.y))",
                tolerance.maxTileDifference.map { "≤ \(format($0))" } ?? "not checked",
                tolerance.maxTileDifference.map { tile.meanAbsoluteDifference <= $0 }),
        ]
        if let ssim = c.ssim {
            rows.append(
                row(
                    "SSIM", formatSSIM(ssim),
                    tolerance.minSSIM.map { "≥ \(formatSSIM($0))" } ?? "not checked",
                    tolerance.minSSIM.map { ssim >= $0 }))
        }
        if let ignored = c.ignoredPixels { rows.append(row("ignored pixels", "\(ignored)", "hatched", nil)) }
        return
            "<table class=\"metrics\"><thead><tr><th>metric</th><th>value</th><th>tolerance</th><th></th></tr></thead><tbody>"
            + rows.joined() + "</tbody></table>\n"
    }
}
