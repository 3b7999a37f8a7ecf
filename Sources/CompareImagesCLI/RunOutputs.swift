import FitPNG
import Foundation
import ImageComparison

/// Everything a run writes besides standard output: the HTML report, the JUnit file and the
/// GitHub annotations. Every path is checked when the run starts, before any byte is written.
final class RunOutputs: @unchecked Sendable {
    let command: CompareImages
    let report: HTMLReportWriter?
    let comparer: PairComparer

    init(command: CompareImages) throws {
        self.command = command
        if command.githubAnnotations && command.json {
            throw CompareImagesError.conflictingOutputs(
                "--github-annotations and --json both write standard output; keep one (--junit or --report can carry the other)"
            )
        }
        let inputs = [command.expected, command.actual].map(ImageFiles.canonical)
        var maskImage: RGBAImage?
        if let mask = command.mask {
            guard (try? ImageFiles.kind(of: mask)) == .file else { throw CompareImagesError.noSuchPath(mask) }
            maskImage = try ImageFiles.read(mask)
        }
        comparer = PairComparer(
            comparator: command.comparator, rectangles: command.ignoredRectangles, maskImage: maskImage)
        if let junit = command.junit {
            if inputs.contains(ImageFiles.canonical(junit)) {
                throw CompareImagesError.outputIsInput("--junit", junit)
            }
            if (try? ImageFiles.kind(of: junit)) == .folder {
                throw CompareImagesError.outputIsFolder("--junit", junit)
            }
        }
        if let folder = command.report {
            let target = ImageFiles.canonical(folder)
            if inputs.contains(where: {
                $0 == target || $0.hasPrefix(target + "/") || target.hasPrefix($0 + "/")
            }) {
                throw CompareImagesError.outputIsInput("--report", folder)
            }
            if let junit = command.junit, ImageFiles.canonical(junit).hasPrefix(target + "/") {
                throw CompareImagesError.outputIsInput("--junit", junit)
            }
            do {
                report = try HTMLReportWriter(
                    folder: folder, title: "compare-images \(command.expected) \(command.actual)",
                    tolerance: command.tolerance)
            } catch {
                throw CompareImagesError.cannotWrite(path: folder, reason: error.description)
            }
        } else {
            report = nil
        }
    }

    /// Adds one image to the report (when there is one): the input files are copied, the diff
    /// drawn in the command's style, the ignored pixels laid over as hatching.
    func addToReport(
        _ item: ReportItem, outcome: PairComparer.Outcome?, at index: Int, diff: RGBAImage?
    ) throws {
        guard let report else { return }
        var images = ReportImages()
        if let path = item.expectedPath { images.expected = .file(path) }
        if let path = item.actualPath, outcome?.identicalBytes != true { images.actual = .file(path) }
        if let outcome, let expected = outcome.expected, let actual = outcome.actual,
            outcome.report.rms > 0 || outcome.report.mismatchedPixels > 0
        {
            let image =
                try diff
                ?? command.comparator.diffImage(
                    expected: expected, actual: actual, style: command.diffStyle, mask: outcome.mask)
            images.diff = .image(image)
        }
        if let mask = outcome?.mask, mask.ignoredCount > 0, let overlay = DiffImages.ignoredOverlay(for: mask)
        {
            images.ignored = .image(overlay)
        }
        do {
            try report.add(item, images: images, at: index)
        } catch {
            throw CompareImagesError.cannotWrite(path: report.folderPath, reason: error.description)
        }
    }

    /// Writes the JUnit file and the report page; returns the lines
    /// to print for people (where the files are).
    func finish(items: [ReportItem]) throws -> [String] {
        var notes: [String] = []
        let tolerance = command.tolerance
        if let junit = command.junit {
            let xml = JUnitReport(suiteName: "compare-images", tolerance: tolerance, items: items).xml()
            try ImageFiles.writeAtomically(Array(xml.utf8), to: junit)
            notes.append("junit: \(junit)")
        }
        if let report {
            do {
                notes.append("report: \(try report.finish())")
            } catch {
                throw CompareImagesError.cannotWrite(path: report.folderPath, reason: error.description)
            }
        }
        return notes
    }

    /// Prints the `::error` lines of `--github-annotations` (after the table or summary).
    func printAnnotations(items: [ReportItem]) {
        guard command.githubAnnotations else { return }
        for line in GitHubAnnotations.lines(for: items, tolerance: command.tolerance) { print(line) }
    }
}
