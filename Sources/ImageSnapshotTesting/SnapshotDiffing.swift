/// How one snapshot format is stored in a reference file and compared.
///
/// `compare` returns `nil` when the actual snapshot matches the reference, and otherwise a
/// ``SnapshotDifference`` that explains the failure and lists the extra files (diff images, a
/// line diff) that help to see it. Expected and actual are always written on failure, with
/// `encode`, next to those extras.
public struct SnapshotDiffing<Format>: Sendable {
    /// Extension of the reference and of the expected/actual artifacts (`png`, `txt`, `svg`).
    public var pathExtension: String
    /// The bytes of a reference file.
    public var encode: @Sendable (Format) throws -> [UInt8]
    /// A snapshot from a reference file's bytes.
    public var decode: @Sendable ([UInt8]) throws -> Format
    /// `nil` when `actual` matches `reference`; the difference otherwise.
    public var compare: @Sendable (_ reference: Format, _ actual: Format) -> SnapshotDifference?
    /// Suffixes of every extra artifact `compare` may produce (`diff-pixelmatch.png`), so that
    /// a later passing run can remove the stale ones.
    public var artifactSuffixes: [String]

    /// A diffing from its parts.
    public init(
        pathExtension: String, artifactSuffixes: [String] = [],
        encode: @escaping @Sendable (Format) throws -> [UInt8],
        decode: @escaping @Sendable ([UInt8]) throws -> Format,
        compare: @escaping @Sendable (_ reference: Format, _ actual: Format) -> SnapshotDifference?
    ) {
        self.pathExtension = pathExtension
        self.artifactSuffixes = artifactSuffixes
        self.encode = encode
        self.decode = decode
        self.compare = compare
    }
}

/// Why a snapshot does not match its reference.
public struct SnapshotDifference: Sendable {
    /// Lines for the test failure: the metrics and verdict, or the first lines of a text diff.
    public var message: String
    /// Extra files to write beside expected and actual.
    public var artifacts: [SnapshotArtifact]
    /// The images compared, for the HTML report (`nil` for text snapshots).
    public var images: ComparedImages?

    /// A difference with its message, extra artifacts and, for images, what was compared.
    public init(message: String, artifacts: [SnapshotArtifact] = [], images: ComparedImages? = nil) {
        self.message = message
        self.artifacts = artifacts
        self.images = images
    }
}

/// One extra failure file, written as `<name>.<suffix>` in the artifacts folder.
public struct SnapshotArtifact: Sendable {
    /// The file name's ending after `<name>.`, e.g. `diff-pixelmatch.png`.
    public var suffix: String
    /// Makes the file's bytes (called only when the artifact is written).
    public var bytes: @Sendable () throws -> [UInt8]

    /// An artifact from its suffix and a function that makes its bytes.
    public init(suffix: String, bytes: @escaping @Sendable () throws -> [UInt8]) {
        self.suffix = suffix
        self.bytes = bytes
    }
}
