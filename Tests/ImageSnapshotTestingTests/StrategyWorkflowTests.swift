import FigureSnapshotTesting
import FitAnimation
import FitPNG
import FitPlot
import Foundation
import ImageComparison
import ImageSnapshotTesting
import Testing

/// Every strategy through the whole workflow: a missing reference is recorded (and fails),
/// the same value passes, a changed value fails and writes expected, actual, the diffs and the
/// run's HTML report, `all` re-records, `never` refuses to record, and a later pass clears the
/// stale artifacts.
@Suite("snapshot strategies: record, pass, fail")
struct StrategyWorkflowTests {
    let sandbox: SnapshotSandbox

    init() throws { sandbox = try SnapshotSandbox() }

    /// Runs the workflow; returns the artifact paths of the failure.
    @discardableResult
    func workflow<Value, Format>(
        _ strategy: SnapshotStrategy<Value, Format>, name: String, original: Value, changed: Value,
        extras: [String], bytesAreStable: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (artifacts: [String], message: String, contents: [[UInt8]]) {
        let ext = strategy.pathExtension
        let here = sandbox.location(name, ext)
        let verifier = sandbox.verifier()

        let first = verifier.verify(original, as: strategy, at: here)
        #expect(
            first == .recorded(path: here.referencePath, rerecorded: false), sourceLocation: sourceLocation)
        #expect(!first.passed, sourceLocation: sourceLocation)
        let recorded = try sandbox.read(here.referencePath)
        if bytesAreStable {
            #expect(
                recorded == (try strategy.diffing.encode(strategy.snapshot(original))),
                sourceLocation: sourceLocation)
        }

        #expect(verifier.verify(original, as: strategy, at: here) == .matched, sourceLocation: sourceLocation)

        let outcome = verifier.verify(changed, as: strategy, at: here)
        guard case .mismatched(let message, _, let artifacts, let reportPath) = outcome else {
            Issue.record("expected a mismatch, got \(outcome)", sourceLocation: sourceLocation)
            return ([], "", [])
        }
        let expectedArtifacts = (["expected.\(ext)", "actual.\(ext)"] + extras).map {
            sandbox.artifact(name, $0)
        }
        #expect(artifacts == expectedArtifacts, sourceLocation: sourceLocation)
        for path in artifacts { #expect(sandbox.exists(path), "\(path)", sourceLocation: sourceLocation) }
        #expect(
            try sandbox.read(sandbox.artifact(name, "expected.\(ext)")) == recorded,
            sourceLocation: sourceLocation)
        if bytesAreStable {
            #expect(
                try sandbox.read(sandbox.artifact(name, "actual.\(ext)"))
                    == (try strategy.diffing.encode(strategy.snapshot(changed))),
                sourceLocation: sourceLocation)
        }
        let contents = try artifacts.map { try sandbox.read($0) }
        #expect(reportPath == sandbox.reportPath, sourceLocation: sourceLocation)
        let failureText = try #require(outcome.failureMessage, sourceLocation: sourceLocation)
        for path in artifacts + [sandbox.reportPath] {
            #expect(failureText.contains(path), sourceLocation: sourceLocation)
        }
        let page = try sandbox.text(sandbox.reportPath)
        #expect(page.contains("DemoTests/\(name)"), sourceLocation: sourceLocation)
        // A failing comparison leaves the reference alone.
        #expect(try sandbox.read(here.referencePath) == recorded, sourceLocation: sourceLocation)
        // Passing again removes this snapshot's stale artifacts.
        #expect(verifier.verify(original, as: strategy, at: here) == .matched, sourceLocation: sourceLocation)
        for path in artifacts { #expect(!sandbox.exists(path), "\(path)", sourceLocation: sourceLocation) }

        // `all` re-records (and fails); `never` refuses to write a missing reference.
        let rerecorded = sandbox.verifier(.all).verify(changed, as: strategy, at: here)
        #expect(
            rerecorded == .recorded(path: here.referencePath, rerecorded: true),
            sourceLocation: sourceLocation)
        #expect(verifier.verify(changed, as: strategy, at: here) == .matched, sourceLocation: sourceLocation)
        let absent = sandbox.location(name + "-absent", ext)
        #expect(
            sandbox.verifier(.never).verify(original, as: strategy, at: absent)
                == .missingReference(path: absent.referencePath), sourceLocation: sourceLocation)
        #expect(!sandbox.exists(absent.referencePath), sourceLocation: sourceLocation)
        return (artifacts, message, contents)
    }

    @Test("RGBAImage as .image: diffs mark the changed pixels")
    func image() throws {
        let white = try Pictures.white()
        let (_, message, contents) = try workflow(
            SnapshotStrategy.image, name: "rgba", original: white, changed: Pictures.dotted(white),
            extras: ["diff-pixelmatch.png", "diff-matplotlib.png"])
        #expect(message.contains("mismatched pixels 4 > 0"))
        let pixelmatch = try PNGDecoder().decode(contents[2])
        #expect(pixelmatch[10, 6] == (255, 0, 0, 255))
        #expect(pixelmatch[0, 0] != (255, 0, 0, 255))
        #expect(try PNGDecoder().decode(contents[3])[11, 7] == (0, 255, 255, 255))
    }

    @Test("a PNG file on disk as .pngFile")
    func pngFile() throws {
        let white = try Pictures.white()
        let before = sandbox.root + "/before.png"
        let after = sandbox.root + "/after.png"
        try sandbox.writePNG(white, to: before)
        try sandbox.writePNG(Pictures.dotted(white), to: after)
        try workflow(
            SnapshotStrategy.pngFile, name: "file", original: before, changed: after,
            extras: ["diff-pixelmatch.png", "diff-matplotlib.png"])
        // A file that is not a PNG fails the check with the decoder's reason, and records nothing.
        let notPNG = sandbox.root + "/notes.png"
        try Data("hello".utf8).write(to: URL(fileURLWithPath: notPNG))
        let outcome = sandbox.verifier().verify(notPNG, as: .pngFile, at: sandbox.location("bad", "png"))
        guard case .failed(let message, _) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(message.contains("could not be snapshotted"))
        #expect(!sandbox.exists(sandbox.location("bad", "png").referencePath))
    }

    @Test("Figure as .png and .png(scale: 2)")
    func figurePNG() throws {
        let frame10 = try TrainingScene.tutorialFrame(10)
        let frame11 = try TrainingScene.tutorialFrame(11)
        let (_, message, _) = try workflow(
            SnapshotStrategy.png, name: "frame", original: frame10, changed: frame11,
            extras: ["diff-pixelmatch.png", "diff-matplotlib.png"])
        #expect(message.contains("size: 640×480"))
        try workflow(
            SnapshotStrategy.png(scale: 2), name: "frame-2x", original: frame10, changed: frame11,
            extras: ["diff-pixelmatch.png", "diff-matplotlib.png"])
        let reference = try PNGDecoder().decodeFile(atPath: sandbox.location("frame-2x", "png").referencePath)
        #expect(reference.width == 1280 && reference.height == 960)
    }

    @Test("Figure as .svg, compared after rasterising")
    func figureSVG() throws {
        let frame10 = try TrainingScene.tutorialFrame(10)
        let frame11 = try TrainingScene.tutorialFrame(11)
        // cairo numbers the ids in an SVG per process, so the bytes of two renderings differ.
        let (_, message, contents) = try workflow(
            SnapshotStrategy.svg, name: "vector", original: frame10, changed: frame11,
            extras: [
                "expected-raster.png", "actual-raster.png", "diff-pixelmatch.png", "diff-matplotlib.png",
            ],
            bytesAreStable: false)
        #expect(message.contains("size: 640×480"))
        let svg = String(decoding: contents[0], as: UTF8.self)
        #expect(svg.contains("<svg") && svg.contains("width=\"640pt\""))
        let raster = try PNGDecoder().decode(contents[2])
        #expect(raster.width == 640 && raster.height == 480)
    }

    @Test("documents that differ as text but not as pictures pass")
    func svgComparedAsPictures() throws {
        let frame = try TrainingScene.tutorialFrame(10)
        let here = sandbox.location("same-picture", "svg")
        _ = sandbox.verifier().verify(frame, as: .svg, at: here)
        // Reformat the stored document: an extra comment and different whitespace between
        // elements change its bytes but not its picture.
        var text = try sandbox.text(here.referencePath)
        text = text.replacingOccurrences(of: "\n", with: "\n  ")
        text = text.replacingOccurrences(of: "<svg ", with: "<!-- re-recorded elsewhere -->\n<svg ")
        try Data(text.utf8).write(to: URL(fileURLWithPath: here.referencePath))
        #expect(sandbox.verifier().verify(frame, as: .svg, at: here) == .matched)
    }

    @Test("Figure as .displayList: a line diff names the changed drawing calls")
    func displayList() throws {
        let frame10 = try TrainingScene.tutorialFrame(10)
        let frame11 = try TrainingScene.tutorialFrame(11)
        let (_, message, contents) = try workflow(
            SnapshotStrategy.displayList, name: "layout", original: frame10, changed: frame11,
            extras: ["diff"])
        let diff = String(decoding: contents[2], as: UTF8.self)
        #expect(diff.hasPrefix("--- expected\n+++ actual\n@@ "))
        // Frames 10 and 11 differ in the line, its equation and the title, nothing else.
        let removed = diff.split(separator: "\n").filter { $0.hasPrefix("-") && !$0.hasPrefix("---") }
        let added = diff.split(separator: "\n").filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }
        #expect(removed.count == added.count && removed.count >= 3)
        #expect(removed.contains { $0.hasPrefix("-text \"") } && added.contains { $0.hasPrefix("+text \"") })
        #expect(removed.contains { $0.hasPrefix("-stroke ") } && added.contains { $0.hasPrefix("+stroke ") })
        #expect(message.contains("\(removed.count + added.count) lines differ"))
        let recorded = try sandbox.text(sandbox.location("layout", "txt").referencePath)
        #expect(recorded.hasSuffix("\n") && recorded.contains("markers circle"))
    }

    @Test("String as .lines")
    func lines() throws {
        let (_, _, contents) = try workflow(
            SnapshotStrategy.lines, name: "text", original: "a\nb\nc\n", changed: "a\nB\nc\n",
            extras: ["diff"])
        #expect(
            String(decoding: contents[2], as: UTF8.self)
                == "--- expected\n+++ actual\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")
    }

    @Test("a figure that cannot be drawn fails the check and records nothing")
    func unrenderable() throws {
        let figure = try Figure(width: 10_000, height: 100)
        let here = sandbox.location("huge", "png")
        let outcome = sandbox.verifier().verify(figure, as: .png(scale: 2), at: here)
        guard case .failed(let message, _) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(message.contains("10000"))
        #expect(!sandbox.exists(here.referencePath))
    }

    @Test("the run report lists every failure of the run, with its images")
    func runReport() throws {
        let white = try Pictures.white()
        let verifier = sandbox.verifier()
        for name in ["first", "second"] {
            _ = verifier.verify(white, as: .image, at: sandbox.location(name, "png"))
            _ = verifier.verify(Pictures.dotted(white), as: .image, at: sandbox.location(name, "png"))
        }
        _ = verifier.verify("x\n", as: .lines, at: sandbox.location("words", "txt"))
        _ = verifier.verify("y <b>\n", as: .lines, at: sandbox.location("words", "txt"))
        #expect(
            sandbox.report.entries(underRoot: sandbox.artifactsRoot).map(\.location.name) == [
                "first", "second", "words",
            ])
        let page = try sandbox.text(sandbox.reportPath)
        for name in ["DemoTests/first", "DemoTests/second", "DemoTests/words"] {
            #expect(page.contains(name))
        }
        // Each image failure shows its expected, actual and diff, copied into the report.
        let images = URL(fileURLWithPath: sandbox.reportPath).deletingLastPathComponent()
            .appendingPathComponent("images")
        for index in 0..<2 {
            let expected = try PNGDecoder().decodeFile(
                atPath: images.appendingPathComponent("\(index)-expected.png").path)
            let actual = try PNGDecoder().decodeFile(
                atPath: images.appendingPathComponent("\(index)-actual.png").path)
            #expect(expected == white && actual == Pictures.dotted(white))
            #expect(sandbox.exists(images.appendingPathComponent("\(index)-diff.png").path))
        }
        // A text failure shows its line diff, escaped.
        #expect(page.contains("+y &lt;b&gt;"))
        // A snapshot that passes again leaves the report; the others stay.
        #expect(verifier.verify(white, as: .image, at: sandbox.location("first", "png")) == .matched)
        let after = try sandbox.text(sandbox.reportPath)
        #expect(!after.contains("DemoTests/first") && after.contains("DemoTests/second"))
        #expect(
            sandbox.report.entries(underRoot: sandbox.artifactsRoot).map(\.location.name) == [
                "second", "words",
            ])
    }

    @Test("two unnamed assertions in one test fail instead of sharing a reference")
    func twoUnnamedAssertions() throws {
        let white = try Pictures.white()
        let references = sandbox.root + "/refs"
        withKnownIssue {
            assertSnapshot(
                of: white, as: .image, record: .missing, snapshotDirectory: references,
                artifactsDirectory: sandbox.artifactsRoot)
        } matching: {
            $0.comments.contains { $0.rawValue.contains("Recorded snapshot") }
        }
        withKnownIssue {
            assertSnapshot(
                of: Pictures.dotted(white), as: .image, record: .missing, snapshotDirectory: references,
                artifactsDirectory: sandbox.artifactsRoot)
        } matching: {
            $0.comments.contains { $0.rawValue.contains("Two unnamed snapshot assertions") }
        }
        // The first one's reference is untouched, and it still passes.
        #expect(try PNGDecoder().decodeFile(atPath: references + "/twoUnnamedAssertions.png") == white)
    }
}
