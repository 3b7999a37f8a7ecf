import FitAnimation
import FitCairo
import FitPNG

/// Frame rendering on one thread, as `render-fit --jobs 1` does it but without files: the
/// static layer drawn once, then every frame blitted, drawn and encoded. The point counts of
/// one size are run alternately (A/B/A/B), so that a change in the machine's load hits all
/// of them alike and their ratio stays meaningful.
enum FrameBenchmarks {
    static func run(sizes: [(Int, Int)], pointCounts: [Int], runs: Int, output: BenchOutput) throws {
        for (width, height) in sizes {
            let scenes = try pointCounts.map {
                try BenchScenes.scene(width: width, height: height, points: $0)
            }
            var times = Array(repeating: [Double](), count: scenes.count)
            var staticLayer = Array(repeating: [Double](), count: scenes.count)
            var bytes = Array(repeating: 0, count: scenes.count)
            for run in 0...max(1, runs) {  // run 0 warms up
                for (k, scene) in scenes.enumerated() {
                    let start = nowMilliseconds()
                    let renderer = try FrameRenderer(source: scene)
                    let layerDone = nowMilliseconds()
                    let (w, h) = renderer.pixelSize
                    let canvas = try CairoImageCanvas(width: Double(w), height: Double(h))
                    var total = 0
                    for index in 0..<scene.frameCount {
                        total += try renderer.renderFrame(index, on: canvas).count
                    }
                    let end = nowMilliseconds()
                    guard run > 0 else { continue }
                    times[k].append(end - start)
                    staticLayer[k].append(layerDone - start)
                    bytes[k] = total / scene.frameCount
                }
            }
            for (k, scene) in scenes.enumerated() {
                output.add(
                    BenchResult(
                        group: "frames", name: "\(width)x\(height) \(pointCounts[k]) points",
                        timing: Timing(milliseconds: times[k]), frames: scene.frameCount,
                        bytesPerFrame: bytes[k],
                        extra: ["staticLayerMs": Timing(milliseconds: staticLayer[k]).median]))
            }
        }
    }
}
