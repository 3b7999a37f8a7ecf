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

/// The failing snapshots of this test run (this process), written as one HTML report per
/// artifacts root, `<artifacts root>/snapshot-report/index.html` (ImageComparison's
/// `HTMLReportWriter`: expected, actual and diff side by side, a wipe slider, blink, the worst
/// tile zoomed, the metrics; a text snapshot shows its line diff), rewritten after each
/// failure so that it is complete whenever the run stops. Thread-safe: Swift Testing runs
/// tests in parallel.
public final class SnapshotRunReport: @unchecked Sendable {
    /// The report every assertion uses unless told otherwise.
    public static let shared = SnapshotRunReport()

    /// The report's folder in the artifacts root.
    public static let folderName = "snapshot-report"

    /// The report page of the artifacts root `root`.
    public static func reportPath(underRoot root: String) -> String {
        URL(fileURLWithPath: root).appendingPathComponent(folderName).appendingPathComponent("index.html")
            .path
    }

    private let lock = NSLock()
    private var reports: [String: RootReport] = [:]

    /// The report of one artifacts root. Each failure's images are copied into the report
    /// once, when it is added (ImageComparison's writer is incremental), and only the page is
    /// rewritten after each failure: a run where every golden fails stays linear.
    private struct RootReport {
        var writer: HTMLReportWriter
        var entries: [SnapshotReportEntry] = []
        /// The writer's item index of each reference.
        var indices: [String: Int] = [:]
    }

    /// An empty report (tests of the report use their own).
    public init() {}

    /// The failures recorded so far under `artifactsRoot`, in the order they happened.
    public func entries(underRoot artifactsRoot: String) -> [SnapshotReportEntry] {
        lock.withLock { reports[artifactsRoot]?.entries ?? [] }
    }

    /// Adds a failure (replacing an earlier one of the same reference) and rewrites its root's
    /// page; returns the page's path, or `nil` when it could not be written (the failure
    /// message then lists the artifacts only).
    @discardableResult
    public func add(_ entry: SnapshotReportEntry) -> String? {
        let root = entry.location.artifactsRoot
        return lock.withLock {
            do {
                var report =
                    try reports[root]
                    ?? Self.newReport(under: root, tolerance: entry.difference.images?.tolerance)
                let reference = entry.location.referencePath
                let index = report.indices[reference] ?? report.indices.count
                report.indices[reference] = index
                report.entries.removeAll { $0.location.referencePath == reference }
                report.entries.append(entry)
                let (item, images) = entry.reportItem
                try report.writer.add(item, images: images, at: index)
                reports[root] = report
                return try report.writer.finish()
            } catch {
                return nil
            }
        }
    }

    /// Drops the failure of the snapshot at `location` (it passed since, and its artifacts are
    /// gone) and rewrites the report from the failures left.
    public func remove(_ location: SnapshotLocation) {
        let root = location.artifactsRoot
        lock.withLock {
            guard let old = reports[root], old.indices[location.referencePath] != nil else { return }
            let left = old.entries.filter { $0.location.referencePath != location.referencePath }
            guard
                var report = try? Self.newReport(
                    under: root, tolerance: left.lazy.compactMap { $0.difference.images?.tolerance }.first)
            else { return }
            for (index, entry) in left.enumerated() {
                let (item, images) = entry.reportItem
                try? report.writer.add(item, images: images, at: index)
                report.indices[entry.location.referencePath] = index
            }
            report.entries = left
            reports[root] = report
            _ = try? report.writer.finish()
        }
    }

    /// A writer on `<root>/snapshot-report`; the one place that knows how the report is made.
    /// The page states one tolerance: the first image failure's (the default unless tests
    /// loosened it; each failure message states its own).
    private static func newReport(under root: String, tolerance: Tolerance?) throws -> RootReport {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let writer = try HTMLReportWriter(
            folder: URL(fileURLWithPath: root).appendingPathComponent(folderName).path,
            title: "Failing snapshots", tolerance: tolerance ?? SnapshotDefaults.tolerance)
        return RootReport(writer: writer)
    }
}

extension SnapshotReportEntry {
    /// The report writer's item and images for this failure.
    var reportItem: (item: ReportItem, images: ReportImages) {
        let testFile = URL(fileURLWithPath: location.artifactsFolder).lastPathComponent
        let name = "\(testFile)/\(location.name)"
        guard let images = difference.images else {
            let item = ReportItem(
                name: name, status: .fail, message: difference.message, expectedPath: location.referencePath,
                actualPath: artifacts.first { $0.hasSuffix(".actual.txt") || $0.contains(".actual.") })
            return (item, ReportImages())
        }
        let expected = artifact(images.imageSuffixes.expected)
        let actual = artifact(images.imageSuffixes.actual)
        let diff = images.imageSuffixes.diff.flatMap(artifact)
        let item = ReportItem(
            name: name, status: images.report == nil ? .error : .fail, comparison: images.report,
            message: images.report == nil ? difference.message : nil, expectedPath: location.referencePath,
            actualPath: actual, diffPath: diff)
        return (
            item,
            ReportImages(
                expected: expected.map(ReportImageSource.file), actual: actual.map(ReportImageSource.file),
                diff: diff.map(ReportImageSource.file))
        )
    }
}
