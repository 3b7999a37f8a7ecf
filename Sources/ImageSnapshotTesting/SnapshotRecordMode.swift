import Foundation

/// When a snapshot assertion writes reference images.
///
/// Chosen with the environment variable `RENDER_FIT_RECORD_SNAPSHOTS`:
///
/// | value | mode |
/// |---|---|
/// | unset, empty, `0`, `false`, `no`, `missing` | `.missing`: record only references that do not exist yet |
/// | `1`, `all`, `true`, `yes` | `.all`: re-record every reference the run reaches |
/// | `never` | `.never`: a missing reference fails without being written (for CI) |
///
/// Every recording fails its test, so a run that records can never pass silently: re-run
/// without the variable to compare against what was recorded.
public enum SnapshotRecordMode: String, Sendable, CaseIterable {
    /// Record only references that do not exist yet; compare the others.
    case missing
    /// Re-record every reference the run reaches.
    case all
    /// Never write a reference: a missing one fails (for CI).
    case never

    /// The environment variable that selects the mode.
    public static let environmentVariable = "RENDER_FIT_RECORD_SNAPSHOTS"

    /// The mode named by `value` (see the table above), or `nil` for an unknown value.
    public init?(environmentValue value: String?) {
        switch value?.trimmingCharacters(in: .whitespaces).lowercased() {
        case nil, "", "0", "missing", "false", "no": self = .missing
        case "1", "all", "true", "yes": self = .all
        case "never": self = .never
        default: return nil
        }
    }

    /// The mode of this process's environment; an unknown value is reported by the caller.
    static func fromEnvironment() -> Result<SnapshotRecordMode, SnapshotConfigurationError> {
        let value = ProcessInfo.processInfo.environment[environmentVariable]
        guard let mode = SnapshotRecordMode(environmentValue: value) else {
            return .failure(.unknownRecordMode(value ?? ""))
        }
        return .success(mode)
    }
}

/// A snapshot set-up mistake, reported as a test issue.
public enum SnapshotConfigurationError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The record-mode environment variable holds a value that names no mode.
    case unknownRecordMode(String)

    /// A message that names the value and the allowed ones.
    public var description: String {
        switch self {
        case .unknownRecordMode(let value):
            return "\(SnapshotRecordMode.environmentVariable)=\(value) is not understood: "
                + "use 1 or all (re-record), never (fail on a missing reference), or leave it unset"
        }
    }
}
