import Foundation
import ImageComparison

/// One failing snapshot, as the run's HTML report shows it.
public struct SnapshotReportEntry: Sendable {
    /// Where the snapshot lives (its name, reference and artifacts folder).
    public var location: SnapshotLocation
    /// Why it failed; its `images` say which artifacts show expected, actual and diff.
    public var difference: SnapshotDifference
    /// Every artifact path written for it.
    public var artifacts: [String]

    /// An entry from the failure's parts.
    public init(location: SnapshotLocation, difference: SnapshotDifference, artifacts: [String]) {
        self.location = location
        self.difference = difference
        self.artifacts = artifacts
    }

    /// The artifact path that ends in `.<suffix>`, if it was written.
    func artifact(_ suffix: String) -> String? {
        artifacts.first { $0.hasSuffix("\(location.name).\(suffix)") }
    }
}

/// The failing snapshots of this test run (this process), written as one HTML page per
/// artifacts root, `<artifacts root>/snapshot-report.html`, rewritten after each failure so
/// that it is complete whenever the run stops. Thread-safe: Swift Testing runs tests in
/// parallel.
public final class SnapshotRunReport: @unchecked Sendable {
    /// The report every assertion uses unless told otherwise.
    public static let shared = SnapshotRunReport()

    /// The file name of the report in the artifacts root.
    public static let fileName = "snapshot-report.html"

    private let lock = NSLock()
    private var entriesByRoot: [String: [SnapshotReportEntry]] = [:]

    /// An empty report (tests of the report use their own).
    public init() {}

    /// The failures recorded so far under `artifactsRoot`, in the order they happened.
    public func entries(underRoot artifactsRoot: String) -> [SnapshotReportEntry] {
        lock.withLock { entriesByRoot[artifactsRoot] ?? [] }
    }

    /// Adds a failure and rewrites its root's report; returns the report's path, or `nil` when
    /// it could not be written (the failure message then lists the artifacts only).
    @discardableResult
    public func add(_ entry: SnapshotReportEntry) -> String? {
        let root = entry.location.artifactsRoot
        return lock.withLock {
            entriesByRoot[root, default: []].removeAll {
                $0.location.referencePath == entry.location.referencePath
            }
            entriesByRoot[root, default: []].append(entry)
            return try? Self.write(entriesByRoot[root] ?? [], toFolder: root)
        }
    }

    /// Drops the failure of the snapshot at `location` (it passed since, and its artifacts are
    /// gone) and rewrites the report, or removes it when no failure is left.
    public func remove(_ location: SnapshotLocation) {
        let root = location.artifactsRoot
        lock.withLock {
            guard var entries = entriesByRoot[root],
                entries.contains(where: { $0.location.referencePath == location.referencePath })
            else { return }
            entries.removeAll { $0.location.referencePath == location.referencePath }
            entriesByRoot[root] = entries
            if entries.isEmpty {
                try? FileManager.default.removeItem(
                    atPath: URL(fileURLWithPath: root).appendingPathComponent(Self.fileName).path)
            } else {
                _ = try? Self.write(entries, toFolder: root)
            }
        }
    }

    /// Writes the page for `entries` into `folder`; the one place that knows how the report
    /// is made.
    static func write(_ entries: [SnapshotReportEntry], toFolder folder: String) throws -> String {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(fileName).path
        try SnapshotArtifactWriter.write(
            Array(SnapshotReportPage(entries: entries, folder: folder).html.utf8), to: path)
        return path
    }
}
