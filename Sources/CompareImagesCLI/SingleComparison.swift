import ArgumentParser
import FitPNG
import ImageComparison

/// `compare-images EXPECTED.png ACTUAL.png`.
struct SingleComparison {
    let command: CompareImages
    let outputs: RunOutputs

    func run() throws {
        let expectedPath = command.expected
        let actualPath = command.actual
        if let diff = command.diff {
            let target = ImageFiles.canonical(diff)
            if target == ImageFiles.canonical(expectedPath) || target == ImageFiles.canonical(actualPath) {
                throw CompareImagesError.diffWouldOverwriteInput(diff)
            }
            if (try? ImageFiles.kind(of: diff)) == .folder {
                throw CompareImagesError.diffTargetIsFolder(diff)
            }
        }
        let outcome = try outputs.comparer.compare(
            expectedPath: expectedPath, actualPath: actualPath, parallelDecode: true)
        let report = outcome.report
        var diffImage: RGBAImage?
        if let diff = command.diff {
            // Byte-identical files: the diff of an image with itself, drawn from one decode.
            let expected = try outcome.expected ?? ImageFiles.read(expectedPath)
            let actual = outcome.actual ?? expected
            let image = try command.comparator.diffImage(
                expected: expected, actual: actual, style: command.diffStyle, mask: outcome.mask)
            try ImageFiles.writeAtomically(image, to: diff)
            diffImage = image
        }
        let name = actualPath.split(separator: "/").last.map(String.init) ?? actualPath
        let item = ReportItem(
            name: name, status: report.pass ? .pass : .fail, comparison: report, expectedPath: expectedPath,
            actualPath: actualPath, diffPath: command.diff)
        try outputs.addToReport(item, outcome: outcome, at: 0, diff: diffImage)
        let notes = try outputs.finish(items: [item])
        if command.json {
            try printJSON(report)
        } else {
            print(report.summary(tolerance: command.tolerance))
            if let diff = command.diff { print("diff (\(command.diffStyle.rawValue)): \(diff)") }
            for note in notes { print(note) }
        }
        outputs.printAnnotations(items: [item])
        if !report.pass { throw ExitStatus.fail.exitCode }
    }
}
