#if SwiftSnapshotTesting
    import FitOutput
    import FitPNG
    import Foundation
    import ImageSnapshotTesting
    import SnapshotTesting
    import Testing
    import XCTest

    /// A 1×1 image that stands for a reference that could not be decoded.
    enum UnreadableReference {
        static let image: RGBAImage = {
            // A valid 1×1 size with 4 bytes cannot fail.
            (try? RGBAImage(width: 1, height: 1, pixels: [255, 0, 255, 1])) ?? { fatalError("1×1 image") }()
        }()
    }

    /// The failure path of the swift-snapshot-testing strategies: our comparison, our artifacts
    /// and report, then swift-snapshot-testing's message and attachments.
    enum BridgeFailure {
        private static let counter = Counter()

        static func diff(reference: RGBAImage, actual: RGBAImage, diffing: SnapshotDiffing<RGBAImage>)
            -> (String, [DiffAttachment])?
        {
            if reference == UnreadableReference.image && actual != UnreadableReference.image {
                return ("the reference is not a PNG that render-fit can decode; re-record it", [])
            }
            guard let difference = diffing.compare(reference, actual) else { return nil }
            let location = counter.nextLocation()
            let artifacts =
                [
                    SnapshotArtifact(suffix: "expected.png") { try diffing.encode(reference) },
                    SnapshotArtifact(suffix: "actual.png") { try diffing.encode(actual) },
                ] + difference.artifacts
            var written: [String] = []
            var attachments: [DiffAttachment] = []
            for artifact in artifacts {
                let path = URL(fileURLWithPath: location.artifactsFolder).appendingPathComponent(
                    "\(location.name).\(artifact.suffix)"
                ).path
                guard let bytes = try? artifact.bytes() else { continue }
                do {
                    try FileManager.default.createDirectory(
                        atPath: location.artifactsFolder, withIntermediateDirectories: true)
                    try OutputFile.write(bytes, toPath: path)
                    written.append(path)
                } catch {
                    written.append("\(path) (not written: \(error))")
                }
                attachments.append(.data(Data(bytes), name: artifact.suffix))
            }
            let report = SnapshotRunReport.shared.add(
                SnapshotReportEntry(location: location, difference: difference, artifacts: written))
            let message =
                "render-fit image comparison:\n" + difference.message + "\nArtifacts:\n"
                + written.map { "  " + $0 }.joined(separator: "\n")
                + (report.map { "\nHTML report of this run's failing snapshots: \($0)" } ?? "")
            return (message, attachments)
        }

        /// Records a failure in whichever framework runs the test.
        static func report(_ message: String) {
            if Test.current != nil {
                Issue.record(Comment(rawValue: message))
            } else {
                XCTFail(message)
            }
        }

        /// Names failures uniquely within the process: the Swift Testing test's name when
        /// there is one, and a sequence number.
        final class Counter: @unchecked Sendable {
            private let lock = NSLock()
            private var next = 0

            func nextLocation() -> SnapshotLocation {
                let number = lock.withLock {
                    next += 1
                    return next
                }
                let test = Test.current.map { SnapshotLocation.fileName(for: $0.name) } ?? "snapshot"
                let root =
                    ProcessInfo.processInfo.environment[SnapshotLocation.artifactsEnvironmentVariable]
                    .flatMap { $0.isEmpty ? nil : $0 }
                    ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                    .appendingPathComponent(".build/snapshot-artifacts").path
                let folder = URL(fileURLWithPath: root).appendingPathComponent("SnapshotTestingRenderFit")
                    .path
                return SnapshotLocation(
                    referencePath: "(recorded by swift-snapshot-testing)", artifactsFolder: folder,
                    name: "\(test)-\(number)", artifactsRoot: root)
            }
        }
    }
#endif
