import ImageComparison

/// What happened to one snapshot check.
public enum SnapshotOutcome: Equatable, Sendable {
    /// The snapshot matches its reference.
    case matched
    /// The snapshot was written as the reference (`rerecorded` false: it was missing).
    case recorded(path: String, rerecorded: Bool)
    /// The reference is missing and the record mode forbids writing it.
    case missingReference(path: String)
    /// The snapshot differs from its reference. `message` explains how (metrics, or a line
    /// diff), `report` holds the image metrics when there are some, `artifacts` lists the
    /// files written (expected, actual, diffs) and `reportPath` the run's HTML report.
    case mismatched(message: String, report: ComparisonReport?, artifacts: [String], reportPath: String?)
    /// The check could not be made (the value could not be rendered, an unreadable reference,
    /// a write error).
    case failed(message: String, artifacts: [String])

    /// Whether the test passes.
    public var passed: Bool { self == .matched }

    /// The message for the test failure, `nil` when the check passed.
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
                + "cannot pass silently: check the file, then re-run without "
                + "\(SnapshotRecordMode.environmentVariable) to compare against it."
        case .missingReference(let path):
            return "No reference snapshot at \(path), and \(SnapshotRecordMode.environmentVariable)=never "
                + "forbids recording it. Record it locally (run the test once) and commit it."
        case .mismatched(let message, _, let artifacts, let reportPath):
            return "Snapshot does not match its reference.\n" + message + "\n" + Self.list(artifacts)
                + (reportPath.map { "\nHTML report of this run's failing snapshots: \($0)" } ?? "")
        case .failed(let message, let artifacts):
            return "Snapshot check failed: \(message)"
                + (artifacts.isEmpty ? "" : "\n" + Self.list(artifacts))
        }
    }

    private static func list(_ artifacts: [String]) -> String {
        "Artifacts:\n" + artifacts.map { "  " + $0 }.joined(separator: "\n")
    }
}
