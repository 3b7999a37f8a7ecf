import FitAnimation
import FitCairo
import FitPNG

/// Frame rendering on one thread, as `render-fit --jobs 1` does it but without files: the
/// static layer drawn once, then every frame blitted, drawn and encoded.
enum FrameBenchmarks {
    static func run(sizes: [(Int, Int)], pointCounts: [Int], runs: Int, output: BenchOutput) throws {
        for (width, height) in sizes {
            for points in pointCounts {
                let scene = try BenchScenes.scene(width: width, height: height, points: points)
                var bytes = 0
                var staticLayer: [Double] = []
                let timing = try Timing.measure(runs: runs) {
                    let start = nowMilliseconds()
                    let renderer = try FrameRenderer(scene: scene)
                    staticLayer.append(nowMilliseconds() - start)
                    let (w, h) = renderer.pixelSize
                    let canvas = try CairoImageCanvas(width: Double(w), height: Double(h))
                    bytes = 0
                    for index in 0..<scene.frameCount {
                        bytes += try renderer.renderFrame(index, on: canvas).count
                    }
                }
                output.add(
                    BenchResult(
                        group: "frames", name: "\(width)x\(height) \(points) points", timing: timing,
                        frames: scene.frameCount, bytesPerFrame: bytes / scene.frameCount,
                        extra: ["staticLayerMs": Timing(milliseconds: staticLayer).median]))
            }
        }
    }
}
