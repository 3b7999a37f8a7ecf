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
        var tuning: DeflateTuning? = nil
        var name: String {
            "level \(level) \(filter.rawValue) \(strategy.rawValue)"
                + (tuning.map { " tune \($0.goodLength)/\($0.maxLazy)/\($0.niceLength)/\($0.maxChain)" } ?? "")
        }
    }

    /// Levels at the default filter and strategy, then filters and strategies at level 3.
    static let settings: [Setting] =
        [1, 2, 3, 4, 6, 9].map { Setting(level: $0, filter: .none, strategy: .default) }
        + [.sub, .up, .paeth, .adaptive].map { Setting(level: 3, filter: $0, strategy: .default) }
        + [.filtered, .rle, .huffmanOnly].map { Setting(level: 3, filter: .none, strategy: $0) }
        + [Setting(level: 6, filter: .adaptive, strategy: .default)]
        + [
            DeflateTuning(goodLength: 4, maxLazy: 6, niceLength: 32, maxChain: 32),
            DeflateTuning(goodLength: 8, maxLazy: 16, niceLength: 64, maxChain: 64),
            // The frames' tuning until November 2026, for comparison.
            DeflateTuning(goodLength: 8, maxLazy: 16, niceLength: 96, maxChain: 96),
            .plotFrames, DeflateTuning(goodLength: 8, maxLazy: 32, niceLength: 258, maxChain: 16),
            .frameBackground,
        ].map { Setting(level: 3, filter: .none, strategy: .default, tuning: $0) }

    static func run(runs: Int, output: BenchOutput) throws {
        let scene = try BenchScenes.scene()
        let renderer = try FrameRenderer(source: scene)
        let (w, h) = renderer.pixelSize
        let canvas = try CairoImageCanvas(width: Double(w), height: Double(h))
        _ = try renderer.renderFrame(scene.frameCount / 2, on: canvas)
        let repeats = 20
        // Every setting must give the same pixels as libpng's defaults (lossless, whatever the
        // bytes): a guard for the bridge's own zlib path.
        let reference = try canvas.withPixelData { buffer, width, height, stride in
            try PNGDecoder().decode(
                PNGEncoder(options: PNGEncoder.Options(colorMode: .rgb)).encode(
                    premultipliedARGB32: buffer, width: width, height: height, stride: stride))
        }
        for setting in settings {
            let encoder = PNGEncoder(
                options: PNGEncoder.Options(
                    compressionLevel: setting.level, filter: setting.filter, strategy: setting.strategy,
                    colorMode: .rgb, deflateTuning: setting.tuning))
            var bytes = 0
            let timing = try Timing.measure(runs: runs) {
                for _ in 0..<repeats {
                    bytes = try canvas.withPixelData { buffer, width, height, stride in
                        try encoder.encode(
                            premultipliedARGB32: buffer, width: width, height: height, stride: stride)
                    }.count
                }
            }
            let decoded = try canvas.withPixelData { buffer, width, height, stride in
                try PNGDecoder().decode(
                    encoder.encode(premultipliedARGB32: buffer, width: width, height: height, stride: stride))
            }
            guard decoded == reference else {
                throw BenchError(
                    "encoder setting \(setting.name) changed the pixels: the PNG is not lossless")
            }
            output.add(
                BenchResult(
                    group: "encode", name: setting.name, timing: timing, frames: repeats, bytesPerFrame: bytes
                ))
        }
    }
}
