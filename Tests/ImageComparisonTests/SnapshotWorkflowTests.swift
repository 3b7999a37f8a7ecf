import FitPNG
import Foundation
import ImageComparison
import ImageSnapshotTesting
import Testing

/// The snapshot workflow, in temporary folders so the suite never writes into the repository.
/// A class, so that `deinit` removes each test's folder when the test ends, failed or not.
@Suite("image snapshot workflow")
final class SnapshotWorkflowTests {
    let root: String
    let white: RGBAImage
    let dotted: RGBAImage

    init() throws {
        root = NSTemporaryDirectory() + "snapshot-workflow-" + UUID().uuidString
        white = try TestImages.filled(24, 16, TestImages.white)
        dotted = TestImages.painting(white, x: 10, y: 6, width: 2, height: 2, (255, 0, 0, 255))
        // Last, once every property is set: from here on a throw still runs `deinit`.
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// A location as a test file `<root>/Tests/DemoTests/DemoTests.swift` would get it.
    func location(_ name: String) -> SnapshotLocation {
        SnapshotLocation(
            testFilePath: root + "/Tests/DemoTests/DemoTests.swift", name: name,
            artifactsRoot: root + "/artifacts")
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test("references sit in __Snapshots__/<TestFile>/<test name>.png beside the test file")
    func paths() {
        let here = location("draws(axes:)")
        #expect(here.referencePath == root + "/Tests/DemoTests/__Snapshots__/DemoTests/draws.png")
        #expect(here.artifactsFolder == root + "/artifacts/DemoTests")
        #expect(SnapshotLocation.fileName(for: "loss curve/α") == "loss-curve-α")
    }

    @Test("artifacts default to <package root>/.build/snapshot-artifacts/<TestFile>")
    func defaultArtifacts() throws {
        try withKnownIssue("RENDER_FIT_SNAPSHOT_ARTIFACTS is set in this environment", isIntermittent: true) {
            try #require(
                ProcessInfo.processInfo.environment[SnapshotLocation.artifactsEnvironmentVariable] == nil)
            let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().path
            let here = SnapshotLocation(testFilePath: #filePath, name: "x")
            #expect(here.artifactsFolder == packageRoot + "/.build/snapshot-artifacts/SnapshotWorkflowTests")
        }
    }

    @Test("missing → recorded (failing), equal → match, different → mismatch with artifacts")
    func workflow() throws {
        let verifier = ImageSnapshotVerifier(tolerance: .exact, runReport: SnapshotRunReport())
        let here = location("dot")

        let first = verifier.verify(white, at: here)
        #expect(first == .recorded(path: here.referencePath, rerecorded: false))
        #expect(!first.passed)
        #expect(first.failureMessage?.contains("Recorded snapshot") == true)
        #expect(try PNGDecoder().decodeFile(atPath: here.referencePath) == white)

        #expect(verifier.verify(white, at: here).passed)

        let outcome = verifier.verify(dotted, at: here)
        guard case .mismatched(_, let report?, let artifacts, _) = outcome else {
            Issue.record("expected a mismatch, got \(outcome)")
            return
        }
        #expect(report.mismatchedPixels == 4)
        let folder = root + "/artifacts/DemoTests/"
        #expect(
            artifacts
                == ["expected", "actual", "diff-pixelmatch", "diff-matplotlib"].map {
                    folder + "dot.\($0).png"
                })
        #expect(try PNGDecoder().decodeFile(atPath: folder + "dot.expected.png") == white)
        #expect(try PNGDecoder().decodeFile(atPath: folder + "dot.actual.png") == dotted)
        #expect(
            try PNGDecoder().decodeFile(atPath: folder + "dot.diff-pixelmatch.png")[10, 6] == (255, 0, 0, 255)
        )
        #expect(
            try PNGDecoder().decodeFile(atPath: folder + "dot.diff-matplotlib.png")[10, 6] == (
                0, 255, 255, 255
            ))
        let message = try #require(outcome.failureMessage)
        for path in artifacts { #expect(message.contains(path)) }
        #expect(message.contains("mismatched pixels 4 > 0"))
        // The reference is untouched by a failing comparison.
        #expect(try PNGDecoder().decodeFile(atPath: here.referencePath) == white)

        // A later passing run clears the stale artifacts of this snapshot.
        #expect(verifier.verify(white, at: here).passed)
        for path in artifacts { #expect(!exists(path)) }
    }

    @Test("record mode all re-records and fails; never refuses to record")
    func recordModes() throws {
        let here = location("modes")
        _ = ImageSnapshotVerifier(tolerance: .exact).verify(white, at: here)
        let rerecorded = ImageSnapshotVerifier(tolerance: .exact, recordMode: .all).verify(dotted, at: here)
        #expect(rerecorded == .recorded(path: here.referencePath, rerecorded: true))
        #expect(try PNGDecoder().decodeFile(atPath: here.referencePath) == dotted)

        let absent = location("absent")
        let never = ImageSnapshotVerifier(tolerance: .exact, recordMode: .never).verify(white, at: absent)
        #expect(never == .missingReference(path: absent.referencePath))
        #expect(!exists(absent.referencePath))
    }

    @Test("environment values of RENDER_FIT_RECORD_SNAPSHOTS")
    func environmentValues() {
        #expect(SnapshotRecordMode(environmentValue: nil) == .missing)
        #expect(SnapshotRecordMode(environmentValue: "") == .missing)
        #expect(SnapshotRecordMode(environmentValue: "1") == .all)
        #expect(SnapshotRecordMode(environmentValue: "all") == .all)
        #expect(SnapshotRecordMode(environmentValue: "never") == .never)
        #expect(SnapshotRecordMode(environmentValue: "sometimes") == nil)
    }

    @Test("a reference of another size fails with both sizes and keeps expected and actual")
    func otherSize() throws {
        let here = location("sized")
        _ = ImageSnapshotVerifier(tolerance: .exact).verify(
            try TestImages.filled(8, 8, TestImages.white), at: here)
        let outcome = ImageSnapshotVerifier(tolerance: .exact).verify(white, at: here)
        guard case .mismatched(let message, nil, let artifacts, _) = outcome else {
            Issue.record("expected a mismatch without metrics, got \(outcome)")
            return
        }
        #expect(message.contains("8×8") && message.contains("24×16"))
        #expect(artifacts.count == 2 && artifacts.allSatisfy(exists))
    }

    @Test("assertImageSnapshot records issues: recorded, then passes, then fails with artifact paths")
    func assertion() throws {
        let testFile = root + "/Tests/DemoTests/AssertTests.swift"
        let artifacts = root + "/assert-artifacts"
        withKnownIssue {
            assertImageSnapshot(
                of: white, named: "plot", record: .missing, artifactsDirectory: artifacts, filePath: testFile)
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("Recorded snapshot") }
        }
        #expect(exists(root + "/Tests/DemoTests/__Snapshots__/AssertTests/plot.png"))
        #expect(
            assertImageSnapshot(
                of: white, named: "plot", record: .missing, artifactsDirectory: artifacts, filePath: testFile)
        )
        withKnownIssue {
            assertImageSnapshot(
                of: dotted, named: "plot", record: .missing, artifactsDirectory: artifacts, filePath: testFile
            )
        } matching: { issue in
            issue.comments.contains {
                $0.rawValue.contains(artifacts + "/AssertTests/plot.diff-pixelmatch.png")
            }
        }
        // Within a loosened tolerance the same image passes.
        #expect(
            assertImageSnapshot(
                of: dotted, named: "plot", rmsTolerance: 50, maxMismatchedPixels: 4, record: .missing,
                artifactsDirectory: artifacts, filePath: testFile))
        // The name defaults to the test function's.
        withKnownIssue {
            assertImageSnapshot(
                of: white, record: .missing, artifactsDirectory: artifacts, filePath: testFile)
        }
        #expect(exists(root + "/Tests/DemoTests/__Snapshots__/AssertTests/assertion.png"))
    }
}
