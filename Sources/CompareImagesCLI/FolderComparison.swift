import ArgumentParser
import FitPNG
import ImageComparison

/// `compare-images EXPECTED_FOLDER ACTUAL_FOLDER`: every `*.png` of either folder, by name.
struct FolderComparison {
    let command: CompareImages

    /// How one file name fared.
    enum Status: String, Codable {
        case pass, fail
        /// In EXPECTED only.
        case missing
        /// In ACTUAL only.
        case extra
        /// Could not be compared (not a PNG, different sizes).
        case error
    }

    struct FileResult: Codable {
        var name: String
        var status: Status
        var report: ComparisonReport?
        var error: String?
        var diff: String?
    }

    /// The JSON printed with `--json`.
    struct FolderReport: Codable {
        var pass: Bool
        var files: [FileResult]
        var missing: [String]
        var extra: [String]
    }

    func run() throws {
        let expectedNames = try ImageFiles.pngNames(in: command.expected)
        let actualNames = try ImageFiles.pngNames(in: command.actual)
        if expectedNames.isEmpty && actualNames.isEmpty {
            throw CompareImagesError.noPNGFiles(expected: command.expected, actual: command.actual)
        }
        if let diff = command.diff {
            let target = ImageFiles.canonical(diff)
            if target == ImageFiles.canonical(command.expected)
                || target == ImageFiles.canonical(command.actual)
            {
                throw CompareImagesError.diffWouldOverwriteInput(diff)
            }
            if (try? ImageFiles.kind(of: diff)) == .file { throw CompareImagesError.diffTargetIsFile(diff) }
        }
        let expectedSet = Set(expectedNames)
        let actualSet = Set(actualNames)
        let comparator = ImageComparator(tolerance: command.tolerance)
        var results: [FileResult] = []
        for name in expectedSet.union(actualSet).sorted() {
            if !actualSet.contains(name) {
                results.append(FileResult(name: name, status: .missing))
            } else if !expectedSet.contains(name) {
                results.append(FileResult(name: name, status: .extra))
            } else {
                results.append(try compareFile(named: name, with: comparator))
            }
        }
        let report = FolderReport(
            pass: results.allSatisfy { $0.status == .pass },
            files: results,
            missing: results.filter { $0.status == .missing }.map(\.name),
            extra: results.filter { $0.status == .extra }.map(\.name))
        if command.json {
            try printJSON(report)
        } else {
            print(table(results))
        }
        if results.contains(where: { $0.status == .error }) { throw ExitStatus.badInput.exitCode }
        if !report.pass { throw ExitStatus.fail.exitCode }
    }

    /// Compares one pair; unreadable or mismatched-size files become an `.error` row rather than
    /// ending the run, so the table shows every file. Failing a write ends the run.
    private func compareFile(named name: String, with comparator: ImageComparator) throws -> FileResult {
        let expectedPath = command.expected + "/" + name
        let actualPath = command.actual + "/" + name
        let expected: RGBAImage
        let actual: RGBAImage
        let report: ComparisonReport
        do {
            expected = try ImageFiles.read(expectedPath)
            actual = try ImageFiles.read(actualPath)
            report = try comparator.compare(expected: expected, actual: actual)
        } catch {
            return FileResult(name: name, status: .error, error: "\(error)")
        }
        var result = FileResult(name: name, status: report.pass ? .pass : .fail, report: report)
        if !report.pass, let folder = command.diff {
            try ImageFiles.makeFolder(folder)
            let path = folder + "/" + name
            let image = try comparator.diffImage(expected: expected, actual: actual, style: command.diffStyle)
            try ImageFiles.writeAtomically(image, to: path)
            result.diff = path
        }
        return result
    }

    /// The summary table printed without `--json`.
    private func table(_ results: [FileResult]) -> String {
        let nameWidth = max(4, results.map(\.name.count).max() ?? 0)
        func pad(_ text: String, _ width: Int) -> String {
            text + String(repeating: " ", count: max(0, width - text.count))
        }
        var lines = [
            pad("file", nameWidth) + "  " + pad("status", 8) + pad("rms", 12) + pad("mismatched", 12)
                + pad("aa", 8) + "worst tile"
        ]
        for result in results {
            var line =
                pad(result.name, nameWidth) + "  "
                + pad(result.status == .fail ? "FAIL" : result.status.rawValue, 8)
            switch result.status {
            case .pass, .fail:
                if let r = result.report {
                    line +=
                        pad(formatted(r.rms), 12) + pad("\(r.mismatchedPixels)", 12)
                        + pad("\(r.antiAliasedPixels)", 8)
                        + "\(formatted(r.worstTile.meanAbsoluteDifference)) at (\(r.worstTile.x), \(r.worstTile.y))"
                }
                if let diff = result.diff { line += "  diff: \(diff)" }
            case .missing: line += "in \(command.expected) only"
            case .extra: line += "in \(command.actual) only"
            case .error: line += result.error ?? ""
            }
            lines.append(line)
        }
        let count = { (status: Status) in results.filter { $0.status == status }.count }
        lines.append(
            "\(results.count) files: \(count(.pass)) pass, \(count(.fail)) fail, \(count(.missing)) missing, "
                + "\(count(.extra)) extra, \(count(.error)) error")
        return lines.joined(separator: "\n")
    }

    private func formatted(_ value: Double) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        return rounded == rounded.rounded() ? String(Int(rounded)) : "\(rounded)"
    }
}
