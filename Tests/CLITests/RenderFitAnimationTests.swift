import FFprobeSupport
import FitPNG
import Foundation
import Testing

/// Animations, figures, languages and divergence through `render-fit`, and the frames →
/// animation script.
@Suite struct RenderFitAnimationTests {
    static var ffmpegInstalled: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: $0 + "/ffmpeg")
        }
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    @Test func theAnimatedPNGHoldsEveryFrameExactly() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let out = temporary.path("out")
        let result = try ProcessRunner.run(
            "render-fit",
            ["--out", out, "--iterations", "12", "--animation", out + "/fit.apng", "--fps", "50", "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let animation = try APNGReader.animation(
            of: Array(Data(contentsOf: URL(fileURLWithPath: out + "/fit.apng"))))
        #expect(animation.frames.count == 13)
        #expect(animation.loopCount == 0)
        for (index, frame) in animation.frames.enumerated() {
            let png = try PNGDecoder().decodeFile(atPath: out + String(format: "/frame_%04d.png", index))
            #expect(frame.image == png, "frame \(index)")
            #expect(Double(frame.delayNumerator) / Double(frame.delayDenominator) == 1.0 / 50)
        }
        // A plain PNG reader sees the first frame.
        #expect(try PNGDecoder().decodeFile(atPath: out + "/fit.apng") == animation.frames[0].image)
    }

    @Test func anAnimationAloneNeedsNoFramesFolder() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let result = try ProcessRunner.run(
            "render-fit", ["--animation", temporary.path("fit.png"), "--iterations", "5", "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try temporary.contents() == ["fit.png"])
        // An existing file outside --out is replaced only with --force.
        let again = try ProcessRunner.run(
            "render-fit", ["--animation", temporary.path("fit.png"), "--iterations", "5", "--quiet"])
        #expect(again.status == 73)
        #expect(again.standardError.contains("--force"))
        let forced = try ProcessRunner.run(
            "render-fit",
            ["--animation", temporary.path("fit.png"), "--iterations", "7", "--quiet", "--force"])
        #expect(forced.status == 0, "\(forced.standardError)")
        let frames = try APNGReader.frames(
            of: Array(Data(contentsOf: temporary.url.appendingPathComponent("fit.png"))))
        #expect(frames.count == 8)
    }

    @Test func anExistingHistoryFileIsReplacedOnlyWithForce() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try Data("mine".utf8).write(to: temporary.url.appendingPathComponent("run.csv"))
        let refused = try ProcessRunner.run(
            "render-fit", ["--out", temporary.path("out"), "--history", temporary.path("run.csv"), "--quiet"])
        #expect(refused.status == 73)
        #expect(refused.standardError.contains("--force"))
        #expect(try temporary.contents() == ["run.csv"])
        let forced = try ProcessRunner.run(
            "render-fit",
            ["--out", temporary.path("out"), "--history", temporary.path("run.csv"), "--force", "--quiet"])
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(
            try String(contentsOfFile: temporary.path("run.csv"), encoding: .utf8).hasPrefix(
                "iteration,a1,a2"))
    }

    @Test(arguments: ["1.05", "10"])
    func aDivergingRunDrawsUpToTheDivergenceAndSucceeds(learningRate: String) throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let out = temporary.path("out")
        let result = try ProcessRunner.run(
            "render-fit", ["--out", out, "--learning-rate", learningRate, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("warning: training diverged at iteration"))
        let manifest = try RenderFitFramesTests.manifest(out)
        let diverged = try #require(manifest.divergedAtIteration)
        #expect(manifest.frames.count == diverged + 1)
        #expect(try RenderFitFramesTests.frameNames(out).count == diverged + 1)
        let last = try RenderFitFramesTests.textChunks(out + "/" + manifest.frames[diverged].file)
        #expect(last["Title"]?.hasPrefix("Diverged at iteration \(diverged) — loss ") == true, "\(last)")
    }

    @Test func frenchFramesUseTheDecimalComma() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let out = temporary.path("out")
        let result = try ProcessRunner.run(
            "render-fit", ["--out", out, "--lang", "fr", "--iterations", "12", "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let text = try RenderFitFramesTests.textChunks(out + "/frame_0012.png")
        let title = try #require(text["Title"])
        // "Itération 12 — perte 1,0887": four decimals after a comma, no point anywhere.
        #expect(title.hasPrefix("Itération 12 — perte "), "\(title)")
        let number = title.split(separator: " ").last.map(String.init) ?? ""
        #expect(number.count == 6 && number.dropFirst(1).first == "," && !title.contains("."), "\(title)")
    }

    @Test func scaleTwoDoublesThePixels() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let out = temporary.path("out")
        let result = try ProcessRunner.run(
            "render-fit",
            [
                "--out", out, "--scale", "2", "--width", "320", "--height", "240", "--iterations", "2",
                "--quiet",
            ])
        #expect(result.status == 0, "\(result.standardError)")
        let image = try PNGDecoder().decodeFile(atPath: out + "/frame_0002.png")
        #expect(image.width == 640 && image.height == 480)
        let manifest = try RenderFitFramesTests.manifest(out)
        #expect(manifest.image.width == 640)
        #expect(manifest.plotArea.x > 39 && manifest.plotArea.x + manifest.plotArea.width < 640)
    }

    @Test(arguments: ["png", "svg", "pdf"])
    func theArticleFiguresAreWritten(format: String) throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let result = try ProcessRunner.run(
            "render-fit", ["--figures", temporary.path("figs"), "--format", format, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let expected =
            ["figures.json"]
            + ["initial-guess", "loss", "loss-log", "points", "result", "squared-errors"].map {
                "\($0).\(format)"
            }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: temporary.path("figs")).sorted()
                == expected.sorted())
        // A foreign file of the same name is never overwritten.
        let other = try TemporaryDirectory()
        defer { other.remove() }
        try FileManager.default.createDirectory(atPath: other.path("figs"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: other.path("figs/points.\(format)")))
        let refused = try ProcessRunner.run(
            "render-fit", ["--figures", other.path("figs"), "--format", format])
        #expect(refused.status == 73)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: other.path("figs")) == ["points.\(format)"])
    }

    @Test(.enabled(if: ffmpegInstalled), arguments: ["gif", "mp4", "webm"])
    func ffmpegAnimationsHaveEveryFrame(container: String) throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let out = temporary.path("out")
        let result = try ProcessRunner.run(
            "render-fit",
            [
                "--out", out, "--iterations", "9", "--width", "321", "--height", "241", "--animation",
                out + "/fit." + container, "--quiet",
            ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FFprobe.frameCount(out + "/fit." + container) == 10)

        // The script assembles the same frames from the folder and its manifest.
        let script = Self.packageRoot.appendingPathComponent("Scripts/assemble-animation.sh").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = [out, temporary.path("assembled." + container)]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try FFprobe.frameCount(temporary.path("assembled." + container)) == 10)
    }

    @Test func userDataWorksForEveryOutput() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        // Ice-cream sales against temperature, roughly y = 2x + 10.
        try Data("temperature,sales\n12,34\n15,41\n18,45\n21,52\n24,58\n27,63\n30,71\n".utf8)
            .write(to: temporary.url.appendingPathComponent("sales.csv"))
        let out = temporary.path("out")
        let result = try ProcessRunner.run(
            "render-fit",
            [
                "--data", temporary.path("sales.csv"), "--learning-rate", "0.001", "--iterations", "20",
                "--out", out, "--figures", temporary.path("figs"), "--animation", out + "/fit.png", "--quiet",
            ])
        #expect(result.status == 0, "\(result.standardError)")
        let manifest = try RenderFitFramesTests.manifest(out)
        #expect(manifest.frames.count == 21)
        #expect(manifest.dataLimits.x[0] < 12 && manifest.dataLimits.x[1] > 30)
        #expect(manifest.dataLimits.y[0] < 34 && manifest.dataLimits.y[1] > 71)
        let text = try RenderFitFramesTests.textChunks(out + "/frame_0000.png")
        #expect(text["Description"]?.contains("--data ") == true)
        #expect(
            try APNGReader.frames(of: Array(Data(contentsOf: URL(fileURLWithPath: out + "/fit.png")))).count
                == 21)
        let figures = try FileManager.default.contentsOfDirectory(atPath: temporary.path("figs"))
        #expect(figures.filter { $0.hasSuffix(".png") }.count == 6)
    }

    @Test func theScriptRefusesBadInputAndLeavesNoFile() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let script = Self.packageRoot.appendingPathComponent("Scripts/assemble-animation.sh").path
        for arguments in [
            [temporary.path("missing"), temporary.path("a.gif")],
            [temporary.path(""), temporary.path("a.avi")],
        ] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: script)
            process.arguments = arguments
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus != 0)
        }
        #expect(try temporary.contents().isEmpty)
    }
}
