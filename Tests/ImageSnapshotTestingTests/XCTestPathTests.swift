import FigureSnapshotTesting
import FitAnimation
import FitPNG
import Foundation
import ImageSnapshotTesting
import XCTest

/// `assertSnapshot` inside XCTest: outside a Swift Testing test its failures must reach
/// XCTest (a Swift Testing issue would be lost there). Failures are captured by overriding
/// `recordFailure`, so the expected ones do not fail this case while every message is checked.
final class XCTestPathTests: XCTestCase {
    private var failures: [(message: String, file: String, line: Int)] = []

    override func recordFailure(
        withDescription description: String, inFile filePath: String, atLine lineNumber: Int, expected: Bool
    ) {
        failures.append((description, filePath, lineNumber))
    }

    private func takeFailures() -> [(message: String, file: String, line: Int)] {
        defer { failures = [] }
        return failures
    }

    func testEveryStrategyRecordsPassesAndFailsThroughXCTest() throws {
        let sandbox = try SnapshotSandbox()
        let references = sandbox.root + "/refs"
        let artifacts = sandbox.artifactsRoot
        let white = try Pictures.white()
        let frame10 = try TrainingScene.tutorialFrame(10)
        let frame11 = try TrainingScene.tutorialFrame(11)

        // Record (fails, once per strategy), pass, fail.
        func check<Value, Format>(
            _ name: String, _ strategy: SnapshotStrategy<Value, Format>, _ original: Value, _ changed: Value,
            line: UInt = #line
        ) throws {
            let assertLine = #line + 2
            func run(_ value: Value) -> Bool {
                assertSnapshot(
                    of: value, as: strategy, named: name, record: .missing, snapshotDirectory: references,
                    artifactsDirectory: artifacts)
            }
            XCTAssertFalse(run(original), name, line: line)
            var recorded = takeFailures()
            XCTAssertEqual(recorded.count, 1, name, line: line)
            XCTAssertTrue(recorded.first?.message.contains("Recorded snapshot") == true, name, line: line)
            XCTAssertEqual(recorded.first?.file, #filePath, name, line: line)
            XCTAssertEqual(recorded.first?.line, assertLine, name, line: line)
            XCTAssertTrue(
                FileManager.default.fileExists(atPath: "\(references)/\(name).\(strategy.pathExtension)"))

            XCTAssertTrue(run(original), name, line: line)
            XCTAssertTrue(takeFailures().isEmpty, name, line: line)

            XCTAssertFalse(run(changed), name, line: line)
            recorded = takeFailures()
            XCTAssertEqual(recorded.count, 1, name, line: line)
            let message = recorded.first?.message ?? ""
            XCTAssertTrue(message.contains("Snapshot does not match its reference"), message, line: line)
            let actual = artifacts + "/XCTestPathTests/\(name).actual.\(strategy.pathExtension)"
            XCTAssertTrue(message.contains(actual), message, line: line)
            XCTAssertTrue(FileManager.default.fileExists(atPath: actual), actual, line: line)
            XCTAssertTrue(
                message.contains(SnapshotRunReport.reportPath(underRoot: artifacts)), message, line: line)
        }

        try check("xc-image", .image, white, Pictures.dotted(white))
        try check("xc-png", .png, frame10, frame11)
        try check("xc-svg", .svg, frame10, frame11)
        try check("xc-display-list", .displayList, frame10, frame11)
        try check("xc-lines", .lines, "one\ntwo\n", "one\n2\n")

        let before = sandbox.root + "/before.png"
        let after = sandbox.root + "/after.png"
        try sandbox.writePNG(white, to: before)
        try sandbox.writePNG(Pictures.dotted(white), to: after)
        XCTAssertFalse(
            assertSnapshot(
                ofFile: before, named: "xc-file", record: .missing, snapshotDirectory: references,
                artifactsDirectory: artifacts))
        _ = takeFailures()
        XCTAssertTrue(
            assertSnapshot(
                ofFile: before, named: "xc-file", record: .missing, snapshotDirectory: references,
                artifactsDirectory: artifacts))
        XCTAssertFalse(
            assertSnapshot(
                ofFile: after, named: "xc-file", record: .missing, snapshotDirectory: references,
                artifactsDirectory: artifacts))
        XCTAssertEqual(takeFailures().count, 1)
        XCTAssertTrue(failures.isEmpty)
    }

    func testAThrowingValueFailsTheTest() throws {
        struct Broken: Error {}
        func render() throws -> RGBAImage { throw Broken() }
        XCTAssertFalse(assertSnapshot(of: try render(), as: .image, named: "never", record: .never))
        let recorded = takeFailures()
        XCTAssertEqual(recorded.count, 1)
        XCTAssertTrue(recorded.first?.message.contains("Broken") == true)
    }
}
