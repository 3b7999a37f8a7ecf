import Foundation

/// Where one snapshot's reference and failure artifacts live.
///
/// References: `__Snapshots__/<TestFile>/<name>.<ext>` beside the test file, where `<TestFile>`
/// is the file name without `.swift` and `<ext>` the strategy's (`png`, `svg`, `txt`).
/// Artifacts: `<artifacts root>/<TestFile>/<name>.*`,
/// the root being `$RENDER_FIT_SNAPSHOT_ARTIFACTS` when set, else
/// `<package root>/.build/snapshot-artifacts` (the package root is the nearest folder above the
/// test file that holds `Package.swift`).
public struct SnapshotLocation: Equatable, Sendable {
    /// The reference PNG.
    public var referencePath: String
    /// The folder that receives expected, actual and diff images when the comparison fails.
    public var artifactsFolder: String
    /// The snapshot's file-name stem.
    public var name: String
    /// The folder above every test file's artifacts folder; the run's HTML report of failing
    /// snapshots is written here (`snapshot-report/index.html`).
    public var artifactsRoot: String

    /// The environment variable that moves the artifacts folder.
    public static let artifactsEnvironmentVariable = "RENDER_FIT_SNAPSHOT_ARTIFACTS"

    /// Creates a location from explicit paths (tests of the workflow use temporary folders).
    /// `artifactsRoot` defaults to the folder that holds `artifactsFolder`.
    public init(referencePath: String, artifactsFolder: String, name: String, artifactsRoot: String? = nil) {
        self.referencePath = referencePath
        self.artifactsFolder = artifactsFolder
        self.name = name
        self.artifactsRoot =
            artifactsRoot ?? URL(fileURLWithPath: artifactsFolder).deletingLastPathComponent().path
    }

    /// The location for snapshot `name` of the test file at `testFilePath` (`#filePath`), with
    /// a reference file ending in `.<pathExtension>`. `artifactsRoot` overrides the environment
    /// and the default; `snapshotDirectory` replaces `__Snapshots__/<TestFile>`.
    public init(
        testFilePath: String, name: String, pathExtension: String = "png", artifactsRoot: String? = nil,
        snapshotDirectory: String? = nil
    ) {
        let testFile = URL(fileURLWithPath: testFilePath)
        let fileStem = testFile.deletingPathExtension().lastPathComponent
        let stem = Self.fileName(for: name)
        let folder = testFile.deletingLastPathComponent()
        let references =
            snapshotDirectory.map { URL(fileURLWithPath: $0) }
            ?? folder.appendingPathComponent("__Snapshots__").appendingPathComponent(fileStem)
        referencePath = references.appendingPathComponent(stem + "." + pathExtension).path
        let root =
            artifactsRoot
            ?? ProcessInfo.processInfo.environment[Self.artifactsEnvironmentVariable].flatMap {
                $0.isEmpty ? nil : $0
            }
            ?? Self.defaultArtifactsRoot(near: folder)
        artifactsFolder = URL(fileURLWithPath: root).appendingPathComponent(fileStem).path
        self.artifactsRoot = URL(fileURLWithPath: root).path
        self.name = stem
    }

    /// A file-name stem from a test name such as `drawsAxes()` or `loss(curve:)`: what comes
    /// before the parenthesis, with anything but letters, digits, `.`, `_` and `-` turned to `-`.
    public static func fileName(for testName: String) -> String {
        let base =
            testName.split(separator: "(", maxSplits: 1, omittingEmptySubsequences: false).first.map(
                String.init) ?? testName
        let cleaned = String(base.map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "-" })
        return cleaned.isEmpty ? "snapshot" : cleaned
    }

    /// `<package root>/.build/snapshot-artifacts`, or a folder under the temporary folder when
    /// no `Package.swift` is found above `folder`.
    static func defaultArtifactsRoot(near folder: URL) -> String {
        var candidate = folder.standardizedFileURL
        while candidate.path != "/" && !candidate.path.isEmpty {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Package.swift").path)
            {
                return candidate.appendingPathComponent(".build").appendingPathComponent("snapshot-artifacts")
                    .path
            }
            candidate = candidate.deletingLastPathComponent()
        }
        return NSTemporaryDirectory() + "render-fit-snapshot-artifacts"
    }
}
