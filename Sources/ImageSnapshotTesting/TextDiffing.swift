/// Why a text reference cannot be read.
public enum TextSnapshotError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The reference file is not UTF-8.
    case notUTF8(byteCount: Int)

    /// A message that says what is wrong and what to do.
    public var description: String {
        switch self {
        case .notUTF8(let count):
            return "the \(count)-byte reference is not UTF-8 text; re-record it"
        }
    }
}

extension SnapshotDiffing where Format == String {
    /// Text stored as UTF-8 (`.txt` unless `pathExtension` says otherwise) and compared exactly,
    /// line by line. A mismatch shows the first `messageLines` lines of a unified diff and writes
    /// the whole diff as `<name>.diff`.
    public static func lines(pathExtension: String = "txt", messageLines: Int = 40) -> SnapshotDiffing {
        SnapshotDiffing(
            pathExtension: pathExtension, artifactSuffixes: ["diff"],
            encode: { Array($0.utf8) },
            decode: { bytes in
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw TextSnapshotError.notUTF8(byteCount: bytes.count)
                }
                return text
            },
            compare: { reference, actual in
                guard reference != actual else { return nil }
                let diff = LineDiff(expected: reference, actual: actual)
                let whole = diff.unified()
                return SnapshotDifference(
                    message: "\(diff.editCount) lines differ\n"
                        + diff.unified(maximumLines: messageLines),
                    artifacts: [SnapshotArtifact(suffix: "diff") { Array((whole + "\n").utf8) }])
            })
    }
}

extension SnapshotStrategy where Value == String, Format == String {
    /// A string compared line by line, stored as `.txt`.
    public static var lines: SnapshotStrategy { SnapshotStrategy(diffing: .lines()) }
}
