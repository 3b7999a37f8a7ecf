import FitAnimation
import FitCairo
import FitPNG
import FitTrainer

/// Our whole per-frame cost against the encoder's alone: the frames job on one thread
/// (static layer, blit, draw, encode, write each file through a temporary name, manifest and
/// history) divided by the frame count, and the same final images, already in memory,
/// encoded with the same settings (`FrameRenderer.defaultEncoderOptions`, RGB, the same text
/// chunks) and nothing else. The two alternate run by run (A/B/A/B).
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
        let encoders = (0..<scene.frameCount).map { PNGEncoder(options: options(scene: scene, frame: $0)) }

        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let job = FramesJob(
            scene: scene, output: OutputDirectory(path: folder.path + "/frames"), animation: nil, jobs: 1,
            quiet: true)
        var wholeTimes: [Double] = []
        var encodeTimes: [Double] = []
        var bytes = 0
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
            let end = nowMilliseconds()
            if run > 0 {
                wholeTimes.append(jobDone - start)
                encodeTimes.append(end - jobDone)
            }
        }
        let count = scene.frameCount
        let whole = BenchResult(
            group: "pipeline", name: "whole job, 1 thread", timing: Timing(milliseconds: wholeTimes),
            frames: count,
            bytesPerFrame: bytes / count)
        let encodeOnly = BenchResult(
            group: "pipeline", name: "encode alone", timing: Timing(milliseconds: encodeTimes), frames: count,
            bytesPerFrame: bytes / count)
        output.add(whole)
        output.add(encodeOnly)
        var ratio = whole
        ratio.name = "ratio whole / encode"
        ratio.extra = ["ratio": whole.millisecondsPerFrame / encodeOnly.millisecondsPerFrame]
        output.add(ratio)
    }

    /// The renderer's settings for frame `frame`, text chunks included (same keys, same sizes).
    static func options(scene: TrainingScene, frame: Int) -> PNGEncoder.Options {
        let step = scene.history[frame]
        var options = FrameRenderer.defaultEncoderOptions
        options.colorMode = .rgb
        options.text = [
            .software("render-fit \(RenderFitVersion.current)"),
            .title(scene.title(forFrame: frame)),
            .description(scene.settings.commandLine),
            PNGTextChunk(keyword: "Iteration", value: String(step.iteration)),
            PNGTextChunk(
                keyword: "Parameters", value: step.parameters.map { "\($0)" }.joined(separator: ",")),
            PNGTextChunk(keyword: "Loss", value: "\(step.loss)"),
        ]
        return options
    }
}
