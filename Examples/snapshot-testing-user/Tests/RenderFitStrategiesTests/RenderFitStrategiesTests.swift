import FigureSnapshotTesting
import FitPNG
import FitPlot
import Foundation
import SnapshotTesting
import SnapshotTestingRenderFit
import Testing
import XCTest

/// A small figure with text, markers and a line: everything a plot test looks at.
enum Sample {
    static func figure(slope: Double) throws -> Figure {
        var figure = try Figure(width: 240, height: 180)
        var axes = figure.mainAxes
        try axes.scatter(x: [0, 1, 2, 3], y: [1, 3, 2, 4], color: Color(hex: 0xff7f0e))
        axes.line(slope: slope, intercept: 1, color: Color(hex: 0x1f77b4))
        axes.title = "slope \(slope)"
        figure.mainAxes = axes
        return figure
    }
}

/// swift-snapshot-testing keeps a copy of every failing snapshot in
/// `$SNAPSHOT_ARTIFACTS/<test file>/<test>.<name>.png` (the temporary directory when the variable
/// is not set), for the user to look at. The failures of these tests are deliberate: the tests
/// remove the copies they caused, and the folder once it is empty.
enum DeliberateFailureCopies {
    static func remove(_ names: [String], testFile: String = #filePath) {
        let root =
            ProcessInfo.processInfo.environment["SNAPSHOT_ARTIFACTS"] ?? NSTemporaryDirectory()
        let folder = URL(fileURLWithPath: root, isDirectory: true)
            .appendingPathComponent(URL(fileURLWithPath: testFile).deletingPathExtension().lastPathComponent)
        for name in names {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        // rmdir(2) removes only an empty folder: anything else in it stays.
        _ = rmdir(folder.path)
    }
}

/// render-fit's strategies for swift-snapshot-testing, through its `verifySnapshot` (which
/// returns the failure message instead of failing) in a temporary folder. Serialized: the tests
/// share swift-snapshot-testing's copies folder, which one test's `deinit` may remove while
/// another would be writing into it.
@Suite("swift-snapshot-testing strategies", .serialized)
final class RenderFitStrategiesTests {
    let folder = NSTemporaryDirectory() + "sst-render-fit-" + UUID().uuidString

    /// Runs when each test ends, failed or not.
    deinit {
        try? FileManager.default.removeItem(atPath: folder)
        DeliberateFailureCopies.remove(["image.white.png", "figure.plot.png", "unreadableReference.bad.png"])
    }

    @Test("Snapshotting<RGBAImage, RGBAImage>.image: record, pass, fail with our metrics and artifacts")
    func image() throws {
        let white = try RGBAImage(width: 24, height: 16, fill: (255, 255, 255, 255))
        var dotted = white
        dotted.pixels[(6 * 24 + 10) * 4 + 1] = 0
        dotted.pixels[(6 * 24 + 10) * 4 + 2] = 0
        let recorded = verifySnapshot(
            of: white, as: .image, named: "white", record: .missing, snapshotDirectory: folder)
        #expect(recorded?.contains("Recorded") == true || recorded?.contains("recorded") == true)
        let reference = try PNGDecoder().decodeFile(atPath: folder + "/image.white.png")
        #expect(reference == white)
        #expect(
            verifySnapshot(of: white, as: .image, named: "white", record: .missing, snapshotDirectory: folder)
                == nil)

        let failure = try #require(
            verifySnapshot(
                of: dotted, as: .image, named: "white", record: .missing, snapshotDirectory: folder))
        #expect(failure.contains("render-fit image comparison"))
        #expect(failure.contains("mismatched pixels 1 > 0"))
        let paths = failure.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let diff = try #require(paths.first { $0.hasSuffix(".diff-pixelmatch.png") })
        #expect(try PNGDecoder().decodeFile(atPath: diff)[10, 6] == (255, 0, 0, 255))
        let expected = try #require(paths.first { $0.hasSuffix(".expected.png") })
        #expect(try PNGDecoder().decodeFile(atPath: expected) == white)
        let report = try #require(paths.first { $0.contains("HTML report") })
        #expect(report.hasSuffix("snapshot-report/index.html"))

        // Within a loosened tolerance the same image passes.
        #expect(
            verifySnapshot(
                of: dotted, as: .image(tolerance: .init(rms: 100, maxMismatchedPixels: 1)), named: "white",
                record: .missing, snapshotDirectory: folder) == nil)
    }

    @Test("Snapshotting<Figure, RGBAImage>.image draws with render-fit's Cairo canvas")
    func figure() throws {
        let figure = try Sample.figure(slope: 1)
        _ = verifySnapshot(of: figure, as: .image, named: "plot", record: .missing, snapshotDirectory: folder)
        let reference = try PNGDecoder().decodeFile(atPath: folder + "/figure.plot.png")
        #expect(reference == (try FigureRasterizer.image(of: figure)))
        #expect(
            verifySnapshot(of: figure, as: .image, named: "plot", record: .missing, snapshotDirectory: folder)
                == nil)
        let failure = try #require(
            verifySnapshot(
                of: try Sample.figure(slope: 0.5), as: .image, named: "plot", record: .missing,
                snapshotDirectory: folder))
        #expect(failure.contains("size: 240×180") && failure.contains("result: FAIL"))

        _ = verifySnapshot(
            of: figure, as: .image(scale: 2), named: "plot-2x", record: .missing, snapshotDirectory: folder)
        #expect(try PNGDecoder().decodeFile(atPath: folder + "/figure.plot-2x.png").width == 480)
    }

    @Test("a reference that is not a PNG fails with a message")
    func unreadableReference() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("not a png".utf8).write(to: URL(fileURLWithPath: folder + "/unreadableReference.bad.png"))
        let white = try RGBAImage(width: 4, height: 4, fill: (255, 255, 255, 255))
        let failure = verifySnapshot(
            of: white, as: .image, named: "bad", record: .missing, snapshotDirectory: folder)
        #expect(failure?.contains("not a PNG that render-fit can decode") == true)
    }
}

/// The same strategies under XCTest, where swift-snapshot-testing reports through XCTest.
final class RenderFitStrategiesXCTests: XCTestCase {
    func testFigureStrategyRecordsPassesAndFails() throws {
        let folder = NSTemporaryDirectory() + "sst-render-fit-xc-" + UUID().uuidString
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            DeliberateFailureCopies.remove(["testFigureStrategyRecordsPassesAndFails.plot.png"])
        }
        let figure = try Sample.figure(slope: 1)
        XCTAssertNotNil(
            verifySnapshot(of: figure, as: .image, named: "plot", record: .missing, snapshotDirectory: folder)
        )
        XCTAssertNil(
            verifySnapshot(of: figure, as: .image, named: "plot", record: .missing, snapshotDirectory: folder)
        )
        let failure = verifySnapshot(
            of: try Sample.figure(slope: 2), as: .image, named: "plot", record: .missing,
            snapshotDirectory: folder)
        XCTAssertTrue(failure?.contains("render-fit image comparison") == true, failure ?? "passed")
    }
}
