import FitAnimation
import FitCairo
import FitOutput
import FitPNG
import Foundation

/// The APNG writer alone: the frames are encoded beforehand, so this times lifting their
/// IDAT into fdAT chunks and streaming the file.
enum APNGBenchmarks {
    static func run(runs: Int, output: BenchOutput) throws {
        let scene = try BenchScenes.scene()
        let renderer = try FrameRenderer(scene: scene)
        let (w, h) = renderer.pixelSize
        let canvas = try CairoImageCanvas(width: Double(w), height: Double(h))
        let pngs = try (0..<scene.frameCount).map { try renderer.renderFrame($0, on: canvas) }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/bench.png"
        var size = 0
        let timing = try Timing.measure(runs: runs) {
            let file = try OutputFile(path: path)
            let writer = try APNGWriter(
                width: w, height: h, frameCount: pngs.count, delay: (1, 25),
                encoder: PNGEncoder.Options(colorMode: .rgb), sink: { try file.write($0) })
            for png in pngs { try writer.appendEncodedPNG(png) }
            try writer.finish()
            try file.commit()
            size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        }
        output.add(
            BenchResult(
                group: "apng", name: "\(pngs.count) encoded frames", timing: timing, frames: pngs.count,
                bytesPerFrame: size / pngs.count))
    }
}

/// A fresh folder under the system's temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/render-fit-bench.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw BenchError("cannot create a temporary folder in \(NSTemporaryDirectory())")
        }
        path = String(cString: made)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// A benchmark that cannot run, with the reason.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
