import FitAnimation
import FitCairo
import FitOutput
import FitPNG
import Foundation

/// Our whole per-frame cost against the encoder's alone: the frames job on one thread
/// (static layer, blit, draw, encode, write each file through a temporary name, manifest and
/// history) divided by the frame count, and the same final images, already in memory,
/// encoded with the same settings (`FrameRenderer.defaultEncoderOptions`, RGB, the same text
/// chunks: `FrameRenderer.encoderOptions(forFrame:)`) and nothing else: each image alone ("encode alone", what any PNG encoder must
/// do), and each over the static layer's `PNGFrameBackground` as the job does ("encode over
/// the background", our encoder's own floor). The three alternate run by run (A/B/C/A/B/C).
enum PipelineBenchmarks {
    static func run(frames: Int, runs: Int, output: BenchOutput) throws {
        let scene = try BenchScenes.scene(iterations: frames - 1)
        let renderer = try FrameRenderer(scene: scene)
        let (w, h) = renderer.pixelSize
        let canvas = try CairoImageCanvas(width: Double(w), height: Double(h))
        var images: [[UInt8]] = []
        for index in 0..<scene.frameCount {
            _ = try renderer.renderFrame(index, on: canvas)
            images.append(
                canvas.withPixelData { buffer, _, height, stride in [UInt8](buffer.prefix(stride * height)) })
        }
        let stride = canvas.withPixelData { _, _, _, stride in stride }
        let encoders = (0..<scene.frameCount).map {
            PNGEncoder(options: renderer.encoderOptions(forFrame: $0))
        }
        let background = renderer.background

        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let job = FramesJob(
            scene: scene, output: OutputDirectory(path: folder.path + "/frames"), animation: nil, jobs: 1,
            quiet: true)
        var wholeTimes: [Double] = []
        var encodeTimes: [Double] = []
        var overTimes: [Double] = []
        var bytes = 0
        var overBytes = 0
        var jobBytes = 0
        for run in 0...max(1, runs) {  // run 0 warms up
            let start = nowMilliseconds()
            _ = try job.run()
            let jobDone = nowMilliseconds()
            bytes = 0
            for (index, image) in images.enumerated() {
                bytes += try image.withUnsafeBytes { buffer in
                    try encoders[index].encode(
                        premultipliedARGB32: buffer, width: w, height: h, stride: stride)
                }.count
            }
            let encodeDone = nowMilliseconds()
            overBytes = 0
            for (index, image) in images.enumerated() {
                overBytes += try image.withUnsafeBytes { buffer in
                    try encoders[index].encode(premultipliedARGB32: buffer, stride: stride, over: background)
                }.count
            }
            let end = nowMilliseconds()
            if run > 0 {
                wholeTimes.append(jobDone - start)
                encodeTimes.append(encodeDone - jobDone)
                overTimes.append(end - encodeDone)
            }
        }
        jobBytes = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/frames")
            .filter { $0.hasPrefix("frame_") }
            .reduce(0) { total, name in
                total
                    + ((try FileManager.default.attributesOfItem(atPath: folder.path + "/frames/" + name)[
                        .size]
                        as? Int) ?? 0)
            }
        let count = scene.frameCount
        let whole = BenchResult(
            group: "pipeline", name: "whole job, 1 thread", timing: Timing(milliseconds: wholeTimes),
            frames: count,
            bytesPerFrame: jobBytes / count)
        let encodeOnly = BenchResult(
            group: "pipeline", name: "encode alone", timing: Timing(milliseconds: encodeTimes), frames: count,
            bytesPerFrame: bytes / count)
        let encodeOver = BenchResult(
            group: "pipeline", name: "encode over the background", timing: Timing(milliseconds: overTimes),
            frames: count, bytesPerFrame: overBytes / count)
        output.add(whole)
        output.add(encodeOnly)
        output.add(encodeOver)
        var ratio = whole
        ratio.name = "ratio whole / encode"
        ratio.extra = ["ratio": whole.millisecondsPerFrame / encodeOnly.millisecondsPerFrame]
        output.add(ratio)
        var overRatio = whole
        overRatio.name = "ratio whole / encode over the background"
        overRatio.extra = ["ratio": whole.millisecondsPerFrame / encodeOver.millisecondsPerFrame]
        output.add(overRatio)
    }
}
