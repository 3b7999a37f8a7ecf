import FFprobeSupport
import FitPNG
import Foundation
import Testing

/// `--every`, `--frames log`, `--max-frames`, `--pause-start` and `--hold-last` through
/// `render-fit`: which frames are written, what the manifest and each frame say, and how long
/// the animations show the first and last frames.
@Suite struct RenderFitFrameSelectionTests {
    /// Delays (numerator, denominator) of every fcTL chunk of an APNG, in order, read straight
    /// from the bytes (offset 20 of the chunk data, per the APNG specification).
    static func frameDelays(_ path: String) throws -> [(UInt16, UInt16)] {
        try PNGChunk.parse(Array(Data(contentsOf: URL(fileURLWithPath: path)))).filter { $0.type == "fcTL" }
            .map {
                chunk in
                let d = chunk.data
                return (UInt16(d[20]) << 8 | UInt16(d[21]), UInt16(d[22]) << 8 | UInt16(d[23]))
            }
    }

    @Test func everyNWritesNumberedFramesOfEveryNthIterationAndTheLast() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let out = temporary.path("out")
        let result = try ProcessRunner.run(
            "render-fit", ["--out", out, "--iterations", "30", "--every", "7", "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let manifest = try RenderFitFramesTests.manifest(out)
        #expect(manifest.frames.map(\.iteration) == [0, 7, 14, 21, 28, 30])
        #expect(
            try RenderFitFramesTests.frameNames(out) == (0..<6).map { String(format: "frame_%04d.png", $0) })
        // Each frame's own metadata keeps the iteration it shows.
        for (index, frame) in manifest.frames.enumerated() {
            let text = try RenderFitFramesTests.textChunks(out + "/" + frame.file)
            #expect(text["Iteration"] == String(frame.iteration), "frame \(index)")
            #expect(
                text["Title"]?.contains("Iteration \(frame.iteration) ") == true, "\(text["Title"] ?? "")")
        }
        // The history keeps every iteration.
        let rows = try String(contentsOfFile: out + "/history.csv", encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 1 + 31)
        let json = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
        #expect(json.contains("\"every\" : 7"))
    }

    /// A frame shown with --every is byte for byte the frame of the full run at that iteration.
    @Test func aSelectedFrameIsTheFullRunsFrame() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let full = temporary.path("full")
        let sparse = temporary.path("sparse")
        for (out, extra) in [(full, [String]()), (sparse, ["--every", "5"])] {
            let result = try ProcessRunner.run(
                "render-fit", ["--out", out, "--iterations", "12", "--quiet"] + extra)
            #expect(result.status == 0, "\(result.standardError)")
        }
        for (index, iteration) in [0, 5, 10, 12].enumerated() {
            let a = try Data(
                contentsOf: URL(fileURLWithPath: sparse + String(format: "/frame_%04d.png", index)))
            let b = try Data(
                contentsOf: URL(fileURLWithPath: full + String(format: "/frame_%04d.png", iteration)))
            #expect(a == b, "frame \(index) (iteration \(iteration))")
        }
    }

    @Test func logFramesWithACapKeepFirstAndLast() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let out = temporary.path("out")
        let result = try ProcessRunner.run(
            "render-fit",
            ["--out", out, "--iterations", "2000", "--frames", "log", "--max-frames", "20", "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let iterations = try RenderFitFramesTests.manifest(out).frames.map(\.iteration)
        #expect(iterations.count == 20)
        #expect(iterations.first == 0 && iterations.last == 2000)
        #expect(zip(iterations, iterations.dropFirst()).allSatisfy { $0 < $1 })
        #expect(try RenderFitFramesTests.frameNames(out).count == 20)
    }

    /// A rerun with fewer frames removes the earlier run's extra frames (they are its own).
    @Test func aSparserRerunRemovesTheFramesItNoLongerWrites() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let out = temporary.path("out")
        #expect(
            try ProcessRunner.run("render-fit", ["--out", out, "--iterations", "20", "--quiet"]).status == 0)
        let rerun = try ProcessRunner.run(
            "render-fit", ["--out", out, "--iterations", "20", "--every", "10"])
        #expect(rerun.status == 0, "\(rerun.standardError)")
        #expect(try RenderFitFramesTests.frameNames(out).count == 3)
        #expect(rerun.standardOutput.contains("removed 18 frames"))
    }

    @Test func theAPNGHoldsTheLastFrameAndPausesOnTheFirstThroughItsDelays() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let animation = temporary.path("fit.png")
        let result = try ProcessRunner.run(
            "render-fit",
            [
                "--animation", animation, "--iterations", "9", "--every", "3", "--fps", "20", "--pause-start",
                "0.5",
                "--hold-last", "2", "--quiet",
            ])
        #expect(result.status == 0, "\(result.standardError)")
        let delays = try Self.frameDelays(animation)
        // Four frames (0, 3, 6, 9), none repeated: 1/20 s each, plus the pause and the hold.
        #expect(delays.count == 4)
        let seconds = delays.map { Double($0.0) / Double($0.1) }
        #expect(abs(seconds[0] - 0.55) < 1e-9 && abs(seconds[3] - 2.05) < 1e-9, "\(delays)")
        #expect(seconds[1] == 0.05 && seconds[2] == 0.05)
        #expect(
            try APNGReader.frames(of: Array(Data(contentsOf: URL(fileURLWithPath: animation)))).count == 4)
    }

    @Test(.enabled(if: RenderFitAnimationTests.ffmpegInstalled))
    func theVideoRepeatsTheFirstAndLastFramesForThePauseAndTheHold() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let plain = temporary.path("plain.mp4")
        let held = temporary.path("held.mp4")
        let base = ["--iterations", "9", "--fps", "10", "--width", "160", "--height", "120", "--quiet"]
        #expect(try ProcessRunner.run("render-fit", base + ["--animation", plain]).status == 0)
        let result = try ProcessRunner.run(
            "render-fit", base + ["--animation", held, "--pause-start", "1", "--hold-last", "2.5"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FFprobe.value("stream=nb_read_frames", plain, count: true) == "10")
        // 10 frames + 10 (1 s at 10 fps) + 25 (2.5 s).
        #expect(try FFprobe.value("stream=nb_read_frames", held, count: true) == "45")
        let duration = Double(try FFprobe.value("format=duration", held)) ?? 0
        #expect(abs(duration - 4.5) < 0.05, "duration \(duration)")
    }

    typealias BadInput = RenderFitUsageErrorTests.BadInput

    static let badInputs: [BadInput] = [
        BadInput(arguments: ["--out", "@/out", "--every", "0"], mentions: ["--every 0", "1 to 1000000"]),
        BadInput(arguments: ["--out", "@/out", "--every", "-2"], mentions: ["-2", "1 to 1000000"]),
        BadInput(
            arguments: ["--out", "@/out", "--every", "1000001"],
            mentions: ["--every 1000001", "1 to 1000000"]),
        BadInput(arguments: ["--out", "@/out", "--every", "two"], mentions: ["'two'", "1 to 1000000"]),
        BadInput(
            arguments: ["--out", "@/out", "--every", "5", "--frames", "log"],
            mentions: ["--every 5", "--frames log"]),
        BadInput(
            arguments: ["--out", "@/out", "--every", "5", "--frames", "all"],
            mentions: ["--every 5", "--frames all"]),
        BadInput(arguments: ["--out", "@/out", "--frames", "some"], mentions: ["'some'", "all or log"]),
        BadInput(
            arguments: ["--out", "@/out", "--max-frames", "1"], mentions: ["--max-frames 1", "2 to 1000001"]),
        BadInput(
            arguments: ["--out", "@/out", "--max-frames", "9999999"], mentions: ["9999999", "2 to 1000001"]),
        BadInput(
            arguments: ["--history", "@/h.csv", "--every", "5"],
            mentions: ["--every", "--out DIR or --animation FILE"]),
        BadInput(
            arguments: ["--figures", "@/f", "--frames", "log"],
            mentions: ["--frames", "--out DIR or --animation"]),
        BadInput(
            arguments: ["--out", "@/out", "--hold-last", "2"], mentions: ["--hold-last", "--animation FILE"]),
        BadInput(
            arguments: ["--animation", "@/a.png", "--hold-last", "61"],
            mentions: ["--hold-last 61", "from 0 to 60"]),
        BadInput(
            arguments: ["--animation", "@/a.png", "--hold-last", "-1"],
            mentions: ["--hold-last -1", "0 to 60"]),
        BadInput(
            arguments: ["--animation", "@/a.png", "--hold-last", "nan"],
            mentions: ["--hold-last nan", "0 to 60"]),
        BadInput(
            arguments: ["--animation", "@/a.png", "--pause-start", "inf"],
            mentions: ["--pause-start inf", "0 to 60"]),
        BadInput(
            arguments: ["--animation", "@/a.png", "--pause-start", "soon"], mentions: ["'soon'", "0 to 60"]),
    ]

    @Test(arguments: badInputs)
    func badInputIsOneLineExit64AndWritesNothing(input: BadInput) throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let arguments = input.arguments.map { $0.replacingOccurrences(of: "@", with: temporary.url.path) }
        let result = try ProcessRunner.run("render-fit", arguments)
        RenderFitUsageErrorTests.expectUsageError(result, mentions: input.mentions)
        #expect(try temporary.contents().isEmpty)
    }
}
