/// JUnit XML for a comparison run: one `<testcase>` per image, in the dialect that Jenkins
/// (junit plugin), GitLab (test reports) and GitHub Actions reporters (dorny/test-reporter,
/// mikepenz/action-junit-report) read: `testsuites > testsuite > testcase`, with `<failure>`
/// for an image out of tolerance, missing or extra and `<error>` for one that could not be
/// compared. No times or timestamps, so the same run gives the same bytes.
public struct JUnitReport: Sendable {
    /// Name of the suite (and the classname of every case).
    public var suiteName: String
    /// The limits the run used (quoted in failure messages).
    public var tolerance: Tolerance
    /// The images, in the order they appear.
    public var items: [ReportItem]

    /// Creates a report.
    public init(suiteName: String, tolerance: Tolerance, items: [ReportItem]) {
        self.suiteName = suiteName
        self.tolerance = tolerance
        self.items = items
    }

    /// The XML document.
    public func xml() -> String {
        let summary = ReportSummary(items)
        let failures = summary.failed + summary.missing + summary.extra
        let suite = MarkupText.escaped(suiteName)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let counts =
            "tests=\"\(items.count)\" failures=\"\(failures)\" errors=\"\(summary.errors)\" skipped=\"0\""
        out += "<testsuites name=\"\(suite)\" \(counts)>\n"
        out += "  <testsuite name=\"\(suite)\" \(counts)>\n"
        for item in items {
            var attributes = "name=\"\(MarkupText.escaped(item.name))\" classname=\"\(suite)\""
            if let file = item.actualPath ?? item.expectedPath {
                attributes += " file=\"\(MarkupText.escaped(file))\""
            }
            let reason = MarkupText.escaped(item.reason(tolerance: tolerance))
            var details = item.comparison.map { $0.summary(tolerance: tolerance) } ?? item.message ?? ""
            if let expected = item.expectedPath { details += "\nexpected: \(expected)" }
            if let actual = item.actualPath { details += "\nactual: \(actual)" }
            if let diff = item.diffPath { details += "\ndiff: \(diff)" }
            let body = MarkupText.escaped(details.trimmingPrefixNewline())
            switch item.status {
            case .pass:
                out += "    <testcase \(attributes)/>\n"
            case .fail, .missing, .extra:
                let type =
                    ["fail": "ImageMismatch", "missing": "MissingImage", "extra": "UnexpectedImage"][
                        item.status.rawValue] ?? "ImageMismatch"
                out += "    <testcase \(attributes)>\n"
                out += "      <failure message=\"\(reason)\" type=\"\(type)\">\(body)</failure>\n"
                out += "    </testcase>\n"
            case .error:
                out += "    <testcase \(attributes)>\n"
                out += "      <error message=\"\(reason)\" type=\"UnreadableImage\">\(body)</error>\n"
                out += "    </testcase>\n"
            }
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }
}

/// GitHub Actions workflow commands: one `::error file=…,title=…::message` line per image that
/// fails the run, which GitHub shows as an annotation on the file.
public enum GitHubAnnotations {
    /// The lines, one per failing item (none when everything passed).
    public static func lines(for items: [ReportItem], tolerance: Tolerance) -> [String] {
        items.filter { $0.status.fails }.map { item in
            let file = item.actualPath ?? item.expectedPath ?? item.name
            let title = "compare-images: \(item.name) \(item.status.rawValue)"
            return "::error file=\(property(file)),title=\(property(title))::"
                + data(item.reason(tolerance: tolerance))
        }
    }

    /// Escapes a message as the runner expects (`%`, CR, LF), control characters removed.
    static func data(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default:
                out.unicodeScalars.append(
                    MarkupText.isAllowed(scalar) || scalar == "\t" ? scalar : "\u{FFFD}")
            }
        }
        return out
    }

    /// Escapes a property value: as `data`, plus `:` and `,`.
    static func property(_ text: String) -> String {
        data(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}

extension String {
    fileprivate func trimmingPrefixNewline() -> String {
        hasPrefix("\n") ? String(dropFirst()) : self
    }

    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
