import FitPNG
import FitTrainer
import Foundation
import Testing

/// `render-fit --out DIR` as a user runs it: frames, manifest, history, reruns, safety.
@Suite struct RenderFitFramesTests {
    struct Manifest: Decodable {
        struct Frame: Decodable {
            var file: String
            var iteration: Int
            var parameters: [Double]
            var loss: Double
        }
        struct Size: Decodable { var width: Int, height: Int }
        struct Area: Decodable { var x: Double, y: Double, width: Double, height: Double }
        struct Limits: Decodable { var x: [Double], y: [Double] }
        var complete: Bool
        var image: Size
        var plotArea: Area
        var dataLimits: Limits
        var fps: Int
        var frames: [Frame]
        var files: [String]
        var version: String
        var divergedAtIteration: Int?
    }

    static func manifest(_ folder: String) throws -> Manifest {
        try JSONDecoder().decode(
            Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")))
    }

    static func frameNames(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("frame_") }.sorted()
    }

    /// PNG text chunks (tEXt and iTXt) of a file, keyword → value.
    static func textChunks(_ path: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for chunk in try PNGChunk.parse(Array(Data(contentsOf: URL(fileURLWithPath: path)))) {
            guard chunk.type == "tEXt" || chunk.type == "iTXt", let nul = chunk.data.firstIndex(of: 0) else {
                continue
            }
            let key = String(decoding: chunk.data[..<nul], as: UTF8.self)
            var rest = chunk.data[(nul + 1)...]
            if chunk.type == "iTXt" {
                // compression flag, method, language tag NUL, translated keyword NUL
                rest = rest.dropFirst(2)
                for _ in 0..<2 { if let z = rest.firstIndex(of: 0) { rest = rest[(z + 1)...] } }
            }
            result[key] = String(decoding: rest, as: UTF8.self)
        }
        return result
    }

    @Test func theManifestDescribesTheFramesAndMatchesTheHistory() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let out = temporary.path("frames")
        let result = try ProcessRunner.run("render-fit", ["--out", out, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let manifest = try Self.manifest(out)
        #expect(manifest.complete)
        #expect(manifest.frames.count == 101)
        #expect(manifest.frames.map(\.file) == (0...100).map { String(format: "frame_%04d.png", $0) })
        #expect(try Self.frameNames(out) == manifest.frames.map(\.file))
        #expect(manifest.image.width == 640 && manifest.image.height == 480)
        #expect(manifest.fps == 25)
        // The plot area lies inside the image; the data limits contain every point.
        let a = manifest.plotArea
        #expect(a.x > 0 && a.y > 0 && a.x + a.width < 640 && a.y + a.height < 480)
        let data = try TutorialDataSet().generate()
        #expect(manifest.dataLimits.x[0] < data.limits.xMin && manifest.dataLimits.x[1] > data.limits.xMax)
        #expect(manifest.dataLimits.y[0] < data.limits.yMin && manifest.dataLimits.y[1] > data.limits.yMax)

        // Parameters and losses are exactly the history's (round-trip decimals both sides).
        let rows = try String(contentsOfFile: out + "/history.csv", encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",").compactMap { Double($0) } }
        #expect(rows.count == manifest.frames.count)
        for (frame, row) in zip(manifest.frames, rows) {
            #expect(Double(frame.iteration) == row[0])
            #expect(frame.parameters == [row[1], row[2]])
            #expect(frame.loss == row[3])
        }
        // Each frame is 640×480 and carries the settings in its text metadata.
        let text = try Self.textChunks(out + "/frame_0010.png")
        #expect(text["Software"]?.hasPrefix("render-fit") == true)
        #expect(text["Title"]?.hasPrefix("Iteration 10 — loss 1.3786") == true)
        #expect(text["Description"]?.contains("--learning-rate 0.1") == true)
        #expect(text["Iteration"] == "10")
        let image = try PNGDecoder().decodeFile(atPath: out + "/frame_0010.png")
        #expect(image.width == 640 && image.height == 480)
    }

    @Test func bytesAreTheSameForAnyJobCount() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        for jobs in ["1", "2", "5"] {
            let result = try ProcessRunner.run(
                "render-fit",
                ["--out", temporary.path("j\(jobs)"), "--jobs", jobs, "--iterations", "30", "--quiet"])
            #expect(result.status == 0, "\(result.standardError)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: temporary.path("j1")).sorted()
        #expect(names.count == 31 + 2)
        for name in names {
            let one = try Data(contentsOf: temporary.url.appendingPathComponent("j1/" + name))
            #expect(
                one == (try Data(contentsOf: temporary.url.appendingPathComponent("j2/" + name))), "\(name)")
            #expect(
                one == (try Data(contentsOf: temporary.url.appendingPathComponent("j5/" + name))), "\(name)")
        }
    }

    @Test func aRerunWithFewerIterationsLeavesExactlyItsFrames() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let out = temporary.path("out")
        try Data("mine".utf8).write(to: temporary.url.appendingPathComponent("keep.txt"))
        #expect(
            try ProcessRunner.run("render-fit", ["--out", out, "--iterations", "200", "--quiet"]).status == 0)
        #expect(try Self.frameNames(out).count == 201)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: out + "/notes.txt"))
        let rerun = try ProcessRunner.run("render-fit", ["--out", out, "--iterations", "50"])
        #expect(rerun.status == 0, "\(rerun.standardError)")
        #expect(try Self.frameNames(out) == (0...50).map { String(format: "frame_%04d.png", $0) })
        #expect(rerun.standardOutput.contains("removed 150 frames"))
        #expect(FileManager.default.fileExists(atPath: out + "/notes.txt"))
        #expect(try Self.manifest(out).frames.count == 51)
    }

    @Test func aForeignFrameStopsTheRunBeforeAnythingIsWritten() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let out = temporary.path("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("a photo".utf8).write(to: URL(fileURLWithPath: out + "/frame_0003.png"))
        let result = try ProcessRunner.run("render-fit", ["--out", out])
        #expect(result.status == 73)
        #expect(result.errorLines.count == 1)
        #expect(result.standardError.contains("frame_0003.png"))
        #expect(result.standardOutput.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["frame_0003.png"])
        #expect(try String(contentsOfFile: out + "/frame_0003.png", encoding: .utf8) == "a photo")
    }

    @Test(arguments: [SIGKILL, SIGTERM])
    func anInterruptedRunLeavesNoHalfFileAndARerunSucceeds(signal: Int32) throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let out = temporary.path("out")
        let process = Process()
        process.executableURL = try ProcessRunner.executable(named: "render-fit")
        process.arguments = [
            "--out", out, "--iterations", "20000", "--jobs", "2", "--animation", out + "/fit.png", "--quiet",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until some frames exist, then interrupt.
        let deadline = Date().addingTimeInterval(60)
        while (try? Self.frameNames(out).count) ?? 0 < 20 && Date() < deadline && process.isRunning {
            Thread.sleep(forTimeInterval: 0.005)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: out)
        // Every frame under its real name is whole.
        for name in names where name.hasPrefix("frame_") {
            _ = try PNGDecoder().decodeFile(atPath: out + "/" + name)
        }
        if signal == SIGTERM {
            #expect(
                !names.contains { $0.hasPrefix(".") },
                "temporary files left: \(names.filter { $0.hasPrefix(".") })")
        }
        let rerun = try ProcessRunner.run("render-fit", ["--out", out, "--iterations", "30", "--quiet"])
        #expect(rerun.status == 0, "\(rerun.standardError)")
        let after = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(after.filter { $0.hasPrefix("frame_") }.count == 31)
        #expect(!after.contains { $0.hasPrefix(".") })
    }
}
