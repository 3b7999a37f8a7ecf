import FitOutput
import FitPNG
import Foundation
import ImageComparison

/// What happened to one snapshot check.
public enum SnapshotOutcome: Equatable, Sendable {
    /// The image is within tolerance of its reference.
    case matched(ComparisonReport)
    /// The image was written as the reference (`rerecorded` false: it was missing).
    case recorded(path: String, rerecorded: Bool)
    /// The reference is missing and the record mode forbids writing it.
    case missingReference(path: String)
    /// The image differs beyond tolerance; the artifacts hold expected, actual and diffs.
    case mismatched(ComparisonReport, tolerance: Tolerance, artifacts: [String])
    /// The check could not be made (unreadable reference, different size, write error).
    case failed(message: String, artifacts: [String])

    /// Whether the test passes.
    public var passed: Bool {
        if case .matched = self { return true }
        return false
    }

    /// The message for the test issue, `nil` when the check passed.
    public var failureMessage: String? {
        switch self {
        case .matched:
            return nil
        case .recorded(let path, let rerecorded):
            let why =
                rerecorded
                ? "\(SnapshotRecordMode.environmentVariable) asks to re-record every snapshot"
                : "no reference existed"
            return "Recorded snapshot \(path) because \(why). The test fails so that a recording run "
                + "cannot pass silently: check the image, then re-run without "
                + "\(SnapshotRecordMode.environmentVariable) to compare against it."
        case .missingReference(let path):
            return "No reference snapshot at \(path), and \(SnapshotRecordMode.environmentVariable)=never "
                + "forbids recording it. Record it locally (run the test once) and commit it."
        case .mismatched(let report, let tolerance, let artifacts):
            return "Snapshot does not match its reference.\n" + report.summary(tolerance: tolerance)
                + "\n" + Self.list(artifacts)
        case .failed(let message, let artifacts):
            return "Snapshot check failed: \(message)"
                + (artifacts.isEmpty ? "" : "\n" + Self.list(artifacts))
        }
    }

    private static func list(_ artifacts: [String]) -> String {
        "Artifacts:\n" + artifacts.map { "  " + $0 }.joined(separator: "\n")
    }
}

/// Compares images with their stored references, records references, writes failure
/// artifacts. `assertImageSnapshot` is a thin layer over it that turns outcomes into test
/// issues; tests of the workflow itself use the verifier directly.
public struct ImageSnapshotVerifier: Sendable {
    /// How far an image may differ from its reference and still pass.
    public var tolerance: Tolerance
    /// When references are written instead of compared.
    public var recordMode: SnapshotRecordMode

    /// Creates a verifier; by default it records only missing references.
    public init(tolerance: Tolerance, recordMode: SnapshotRecordMode = .missing) {
        self.tolerance = tolerance
        self.recordMode = recordMode
    }

    /// Checks `image` against the reference at `location`.
    public func verify(_ image: RGBAImage, at location: SnapshotLocation) -> SnapshotOutcome {
        let exists = FileManager.default.fileExists(atPath: location.referencePath)
        if recordMode == .all || (!exists && recordMode == .missing) {
            do {
                try Self.writePNG(image, to: location.referencePath)
                return .recorded(path: location.referencePath, rerecorded: exists)
            } catch {
                return .failed(message: "cannot record \(location.referencePath): \(error)", artifacts: [])
            }
        }
        guard exists else { return .missingReference(path: location.referencePath) }

        let artifacts = SnapshotArtifacts(location: location)
        let reference: RGBAImage
        do {
            reference = try PNGDecoder().decodeFile(atPath: location.referencePath)
        } catch {
            let written = artifacts.write(actual: image)
            return .failed(
                message: "cannot read the reference \(location.referencePath): \(error)", artifacts: written)
        }
        let comparator = ImageComparator(tolerance: tolerance)
        let report: ComparisonReport
        do {
            report = try comparator.compare(expected: reference, actual: image)
        } catch {
            let written = artifacts.write(expected: reference, actual: image)
            return .failed(message: "\(error)", artifacts: written)
        }
        if report.pass {
            artifacts.removeStale()
            return .matched(report)
        }
        let written = artifacts.write(expected: reference, actual: image, comparator: comparator)
        return .mismatched(report, tolerance: tolerance, artifacts: written)
    }

    /// Encodes `image` and writes it through render-fit's output layer (an exclusive
    /// temporary renamed into place), creating folders.
    static func writePNG(_ image: RGBAImage, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try OutputFile.write(try PNGEncoder().encode(image), toPath: path)
    }
}

/// The failure images of one snapshot: `<name>.expected.png`, `<name>.actual.png`,
/// `<name>.diff-pixelmatch.png`, `<name>.diff-matplotlib.png`.
struct SnapshotArtifacts {
    let location: SnapshotLocation

    func path(_ suffix: String) -> String {
        URL(fileURLWithPath: location.artifactsFolder).appendingPathComponent(
            "\(location.name).\(suffix).png"
        ).path
    }

    var allPaths: [String] { ["expected", "actual", "diff-pixelmatch", "diff-matplotlib"].map(path) }

    /// Writes what it can; returns the paths written (a failed write is listed with its error).
    func write(expected: RGBAImage? = nil, actual: RGBAImage, comparator: ImageComparator? = nil) -> [String]
    {
        var images: [(String, () throws -> RGBAImage)] = []
        if let expected { images.append(("expected", { expected })) }
        images.append(("actual", { actual }))
        if let expected, let comparator {
            images.append(
                (
                    "diff-pixelmatch",
                    { try comparator.diffImage(expected: expected, actual: actual, style: .pixelmatch) }
                ))
            images.append(
                (
                    "diff-matplotlib",
                    { try comparator.diffImage(expected: expected, actual: actual, style: .matplotlib) }
                ))
        }
        return images.map { suffix, make in
            let target = path(suffix)
            do {
                try ImageSnapshotVerifier.writePNG(try make(), to: target)
                return target
            } catch {
                return "\(target) (not written: \(error))"
            }
        }
    }

    /// Removes artifacts of an earlier failing run of this snapshot (files this library wrote,
    /// known by name), so the folder shows current failures only.
    func removeStale() {
        for path in allPaths where FileManager.default.fileExists(atPath: path) {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
