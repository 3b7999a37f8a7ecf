import FitOutput
import FitPNG
import Foundation
import ImageComparison

/// Compares snapshots with their stored references, records references, writes failure
/// artifacts and adds failures to the run's HTML report. `assertSnapshot` is a thin layer
/// over it that turns outcomes into test failures; tests of the workflow use it directly.
public struct SnapshotVerifier: Sendable {
    /// When references are written instead of compared.
    public var recordMode: SnapshotRecordMode
    /// Where failing snapshots are listed; `nil` writes no HTML report.
    public var runReport: SnapshotRunReport?

    /// A verifier; by default it records only missing references and reports failures in the
    /// process's shared run report.
    public init(recordMode: SnapshotRecordMode = .missing, runReport: SnapshotRunReport? = .shared) {
        self.recordMode = recordMode
        self.runReport = runReport
    }

    /// Checks `value`, snapshotted with `strategy`, against the reference at `location` (whose
    /// reference path should end in the strategy's `pathExtension`).
    public func verify<Value, Format>(
        _ value: Value, as strategy: SnapshotStrategy<Value, Format>, at location: SnapshotLocation
    ) -> SnapshotOutcome {
        let snapshot: Format
        do {
            snapshot = try strategy.snapshot(value)
        } catch {
            return .failed(message: "the value could not be snapshotted: \(error)", artifacts: [])
        }
        return verify(snapshot: snapshot, diffing: strategy.diffing, at: location)
    }

    /// Checks a snapshot already in its stored format.
    public func verify<Format>(
        snapshot: Format, diffing: SnapshotDiffing<Format>, at location: SnapshotLocation
    )
        -> SnapshotOutcome
    {
        let artifacts = SnapshotArtifactWriter(location: location, pathExtension: diffing.pathExtension)
        let exists = FileManager.default.fileExists(atPath: location.referencePath)
        if recordMode == .all || (!exists && recordMode == .missing) {
            do {
                try SnapshotArtifactWriter.write(diffing.encode(snapshot), to: location.referencePath)
                return .recorded(path: location.referencePath, rerecorded: exists)
            } catch {
                return .failed(message: "cannot record \(location.referencePath): \(error)", artifacts: [])
            }
        }
        guard exists else { return .missingReference(path: location.referencePath) }

        let reference: Format
        do {
            let bytes = try SnapshotArtifactWriter.read(location.referencePath)
            reference = try diffing.decode(bytes)
        } catch {
            let written = artifacts.write([artifacts.actual(snapshot, diffing)])
            return .failed(
                message: "cannot read the reference \(location.referencePath): \(error)", artifacts: written)
        }
        guard let difference = diffing.compare(reference, snapshot) else {
            artifacts.removeStale(extraSuffixes: diffing.artifactSuffixes)
            runReport?.remove(location)
            return .matched
        }
        let written = artifacts.write(
            [artifacts.expected(reference, diffing), artifacts.actual(snapshot, diffing)]
                + difference.artifacts)
        let reportPath = runReport?.add(
            SnapshotReportEntry(location: location, difference: difference, artifacts: written))
        return .mismatched(
            message: difference.message, report: difference.images?.report, artifacts: written,
            reportPath: reportPath)
    }
}

/// The failure files of one snapshot: `<name>.expected.<ext>`, `<name>.actual.<ext>` and the
/// diffing's extras (`<name>.diff-pixelmatch.png`, `<name>.diff`, …) in the artifacts folder.
struct SnapshotArtifactWriter {
    let location: SnapshotLocation
    let pathExtension: String

    /// Largest reference file read (a reference is a committed file, but a mistake such as a
    /// video renamed `.png` must not exhaust memory).
    static let maximumReferenceBytes = 256 << 20

    func path(_ suffix: String) -> String {
        URL(fileURLWithPath: location.artifactsFolder).appendingPathComponent("\(location.name).\(suffix)")
            .path
    }

    func expected<Format>(_ value: Format, _ diffing: SnapshotDiffing<Format>) -> SnapshotArtifact {
        let bytes = Result { try diffing.encode(value) }
        return SnapshotArtifact(suffix: "expected.\(pathExtension)") { try bytes.get() }
    }

    func actual<Format>(_ value: Format, _ diffing: SnapshotDiffing<Format>) -> SnapshotArtifact {
        let bytes = Result { try diffing.encode(value) }
        return SnapshotArtifact(suffix: "actual.\(pathExtension)") { try bytes.get() }
    }

    /// Writes what it can; returns the paths written (a failed write is listed with its error).
    func write(_ artifacts: [SnapshotArtifact]) -> [String] {
        artifacts.map { artifact in
            let target = path(artifact.suffix)
            do {
                try Self.write(try artifact.bytes(), to: target)
                return target
            } catch {
                return "\(target) (not written: \(error))"
            }
        }
    }

    /// Removes artifacts of an earlier failing run of this snapshot (files this library wrote,
    /// known by name), so the folder shows current failures only.
    func removeStale(extraSuffixes: [String]) {
        for suffix in ["expected.\(pathExtension)", "actual.\(pathExtension)"] + extraSuffixes {
            let target = path(suffix)
            if FileManager.default.fileExists(atPath: target) {
                try? FileManager.default.removeItem(atPath: target)
            }
        }
    }

    /// Writes `bytes` through render-fit's output layer (an exclusive temporary renamed into
    /// place, never written through a planted link), creating folders.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try OutputFile.write(bytes, toPath: path)
    }

    /// Reads a reference file of at most ``maximumReferenceBytes``.
    static func read(_ path: String) throws -> [UInt8] {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes[.size] as? Int, size > maximumReferenceBytes {
            throw SnapshotFileError.tooLarge(path: path, bytes: size, limit: maximumReferenceBytes)
        }
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// A snapshot file that cannot be used.
public enum SnapshotFileError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file is larger than the limit.
    case tooLarge(path: String, bytes: Int, limit: Int)

    /// A message naming the file, its size and the limit.
    public var description: String {
        switch self {
        case .tooLarge(let path, let bytes, let limit):
            return "\(path) holds \(bytes) bytes, more than the \(limit) a snapshot may have"
        }
    }
}
