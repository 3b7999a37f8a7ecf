import ArgumentParser
import ImageComparison

/// `compare-images EXPECTED.png ACTUAL.png`.
struct SingleComparison {
    let command: CompareImages

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
        let expected = try ImageFiles.read(expectedPath)
        let actual = try ImageFiles.read(actualPath)
        let comparator = ImageComparator(tolerance: command.tolerance)
        let report: ComparisonReport
        do {
            report = try comparator.compare(expected: expected, actual: actual)
        } catch {
            throw CompareImagesError.badComparison(path: actualPath, reason: error.description)
        }
        if let diff = command.diff {
            let image = try comparator.diffImage(expected: expected, actual: actual, style: command.diffStyle)
            try ImageFiles.writeAtomically(image, to: diff)
        }
        if command.json {
            try printJSON(report)
        } else {
            print(report.summary(tolerance: command.tolerance))
            if let diff = command.diff { print("diff (\(command.diffStyle.rawValue)): \(diff)") }
        }
        if !report.pass { throw ExitStatus.fail.exitCode }
    }
}
