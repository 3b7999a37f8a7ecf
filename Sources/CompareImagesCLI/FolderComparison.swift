import ArgumentParser
import FitMessages
import FitPNG
import Foundation
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

        var reportStatus: ReportItem.Status {
            switch self {
            case .pass: .pass
            case .fail: .fail
            case .missing: .missing
            case .extra: .extra
            case .error: .error
            }
        }
    }

    struct FileResult: Codable {
        var name: String
        var status: Status
        var report: ComparisonReport?
        var error: String?
        var diff: String?
        /// The same, as the reports see it (not part of the JSON).
        var item = ReportItem(name: "", status: .error)

        enum CodingKeys: String, CodingKey { case name, status, report, error, diff }
    }

    /// The JSON printed with `--json`.
    struct FolderReport: Codable {
        var pass: Bool
        var files: [FileResult]
        var missing: [String]
        var extra: [String]
    }

    let outputs: RunOutputs

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
        let names = expectedSet.union(actualSet).sorted()
        // One pair per core at a time; each pair's own metrics also split their rows, which
        // keeps both cores busy when one image is much larger than the others.
        let slots = ResultList<Result<FileResult, Error>>(count: names.count)
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            let name = names[index]
            slots.set(index, Result { try process(name: name, index: index, expectedSet, actualSet) })
        }
        var results: [FileResult] = []
        for result in slots.values() { results.append(try result.get()) }
        let items = results.map(\.item)
        let report = FolderReport(
            pass: results.allSatisfy { $0.status == .pass },
            files: results,
            missing: results.filter { $0.status == .missing }.map(\.name),
            extra: results.filter { $0.status == .extra }.map(\.name))
        let notes = try outputs.finish(items: items)
        if command.json {
            try printJSON(report)
        } else {
            print(table(results))
            for note in notes { print(note) }
        }
        outputs.printAnnotations(items: items)
        if results.contains(where: { $0.status == .error }) { throw ExitStatus.badInput.exitCode }
        if !report.pass { throw ExitStatus.fail.exitCode }
    }

    /// One name: missing, extra or compared, and added to the report.
    private func process(name: String, index: Int, _ expectedSet: Set<String>, _ actualSet: Set<String>)
        throws
        -> FileResult
    {
        let expectedPath = command.expected + "/" + name
        let actualPath = command.actual + "/" + name
        var result: FileResult
        var outcome: PairComparer.Outcome?
        var diff: RGBAImage?
        if !actualSet.contains(name) {
            result = FileResult(name: name, status: .missing)
        } else if !expectedSet.contains(name) {
            result = FileResult(name: name, status: .extra)
        } else {
            (result, outcome, diff) = try compareFile(named: name, expectedPath, actualPath)
        }
        let item = ReportItem(
            name: name, status: result.status.reportStatus, comparison: result.report, message: result.error,
            expectedPath: expectedSet.contains(name) ? expectedPath : nil,
            actualPath: actualSet.contains(name) ? actualPath : nil, diffPath: result.diff)
        result.item = item
        try outputs.addToReport(item, outcome: outcome, at: index, diff: diff)
        return result
    }

    /// Compares one pair; unreadable or mismatched-size files become an `.error` row rather than
    /// ending the run, so the table shows every file. Failing a write ends the run.
    private func compareFile(named name: String, _ expectedPath: String, _ actualPath: String) throws
        -> (FileResult, PairComparer.Outcome?, RGBAImage?)
    {
        let outcome: PairComparer.Outcome
        do {
            outcome = try outputs.comparer.compare(
                expectedPath: expectedPath, actualPath: actualPath, parallelDecode: false)
        } catch {
            return (FileResult(name: name, status: .error, error: "\(error)"), nil, nil)
        }
        let report = outcome.report
        var result = FileResult(name: name, status: report.pass ? .pass : .fail, report: report)
        var image: RGBAImage?
        if !report.pass, let folder = command.diff, let expected = outcome.expected,
            let actual = outcome.actual
        {
            try ImageFiles.makeFolder(folder)
            let path = folder + "/" + name
            let diff = try command.comparator.diffImage(
                expected: expected, actual: actual, style: command.diffStyle, mask: outcome.mask)
            try ImageFiles.writeAtomically(diff, to: path)
            result.diff = path
            image = diff
        }
        return (result, outcome, image)
    }

    /// The summary table printed without `--json`. File names, folders and errors are shown as
    /// messages show user text (`MessageText`): a name cannot break its row or rewrite the
    /// terminal, and the columns are padded to the names as shown.
    private func table(_ results: [FileResult]) -> String {
        let shown = MessageText.escaped
        let nameWidth = max(4, results.map { shown($0.name).count }.max() ?? 0)
        func pad(_ text: String, _ width: Int) -> String {
            text + String(repeating: " ", count: max(0, width - text.count))
        }
        var lines = [
            pad("file", nameWidth) + "  " + pad("status", 8) + pad("rms", 12) + pad("mismatched", 12)
                + pad("aa", 8) + "worst tile"
        ]
        for result in results {
            var line =
                pad(shown(result.name), nameWidth) + "  "
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
            lines.append(MessageText.escaped(line))
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

/// One result slot per file, filled by the worker that compares it.
final class ResultList<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) { lock.withLock { slots[index] = value } }

    func values() -> [T] { lock.withLock { slots.compactMap { $0 } } }
}
