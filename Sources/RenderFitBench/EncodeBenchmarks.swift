import FitAnimation
import FitCairo
import FitPNG

/// PNG encoding of one typical frame (640×480, the middle of the run) with each setting,
/// straight from Cairo's pixels as the renderer does.
enum EncodeBenchmarks {
    struct Setting {
        var level: Int
        var filter: PNGRowFilter
        var strategy: PNGCompressionStrategy
        var name: String { "level \(level) \(filter.rawValue) \(strategy.rawValue)" }
    }

    /// Levels at the default filter and strategy, then filters and strategies at level 3.
    static let settings: [Setting] =
        [1, 2, 3, 4, 6, 9].map { Setting(level: $0, filter: .none, strategy: .default) }
        + [.sub, .up, .paeth, .adaptive].map { Setting(level: 3, filter: $0, strategy: .default) }
        + [.filtered, .rle, .huffmanOnly].map { Setting(level: 3, filter: .none, strategy: $0) }
        + [Setting(level: 6, filter: .adaptive, strategy: .default)]

    static func run(runs: Int, output: BenchOutput) throws {
        let scene = try BenchScenes.scene()
        let renderer = try FrameRenderer(scene: scene)
        let (w, h) = renderer.pixelSize
        let canvas = try CairoImageCanvas(width: Double(w), height: Double(h))
        _ = try renderer.renderFrame(scene.frameCount / 2, on: canvas)
        let repeats = 20
        for setting in settings {
            let encoder = PNGEncoder(
                options: PNGEncoder.Options(
                    compressionLevel: setting.level, filter: setting.filter, strategy: setting.strategy,
                    colorMode: .rgb))
            var bytes = 0
            let timing = try Timing.measure(runs: runs) {
                for _ in 0..<repeats {
                    bytes = try canvas.withPixelData { buffer, width, height, stride in
                        try encoder.encode(premultipliedARGB32: buffer, width: width, height: height, stride: stride)
                    }.count
                }
            }
            output.add(
                BenchResult(group: "encode", name: setting.name, timing: timing, frames: repeats, bytesPerFrame: bytes))
        }
    }
}
