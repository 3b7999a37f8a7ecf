import FitAnimation
import FitOutput
import FitPNG
import Foundation
import Testing

@Suite struct FramesJobTests {
    @Test func writesFramesHistoryAndManifest() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scene = try Fixtures.scene()
        let job = FramesJob(
            scene: scene, output: OutputDirectory(path: folder), animation: nil, jobs: 2, quiet: true)
        let summary = try job.run()
        #expect(summary.frames == 101)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names.filter { $0.hasPrefix("frame_") }.count == 101)
        #expect(names.contains("history.csv"))
        #expect(names.contains("manifest.json"))
        #expect(!names.contains { $0.hasPrefix(".") })
        let manifest = try JSONDecoder().decode(
            RunManifest.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")))
        #expect(manifest.complete)
        #expect(manifest.frames.count == 101)
        #expect(manifest.frames.first?.file == "frame_0000.png")
        #expect(manifest.frames.last?.file == "frame_0100.png")
        #expect(manifest.image == .init(width: 640, height: 480))
        // The streamed manifest is the document JSONEncoder would write for the same run.
        #expect(manifest == job.manifest(complete: true, files: manifest.files))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let encoded = try encoder.encode(job.manifest(complete: true, files: manifest.files))
        let streamed = try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))
        #expect(
            try JSONSerialization.jsonObject(with: streamed) as? NSDictionary
                == JSONSerialization.jsonObject(with: encoded) as? NSDictionary)
        let frame = try PNGDecoder().decodeFile(atPath: folder + "/frame_0010.png")
        #expect(frame.width == 640 && frame.height == 480)
    }
}
