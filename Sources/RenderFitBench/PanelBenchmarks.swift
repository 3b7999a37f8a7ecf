import FitAnimation
import FitCairo
import FitPlot
import FitTrainer
import Foundation

/// The panels of issue 13: what a three-panel frame costs against a one-panel frame (per
/// pixel), what the landscape's static layer costs for 100 and 1,000,000 points, and how two
/// threads speed up three-panel frames. Frames are rendered and encoded in memory (no files).
enum PanelBenchmarks {
    static let threePanels: [PanelKind] = [.fit, .loss, .landscape]

    static func scene(panels: [PanelKind], points: Int = 100, iterations: Int = 100) throws -> TrainingScene {
        let base = try BenchScenes.scene(points: points, iterations: iterations)
        var settings = base.settings
        settings.image.panels = panels
        return try TrainingScene(data: base.data, history: base.history, settings: settings)
    }

    static func run(runs: Int, quick: Bool, output: BenchOutput) throws {
        // (b) One thread, every frame rendered and encoded on one canvas: one panel, then three.
        var perFrame: [String: Double] = [:]
        for (name, panels) in [("fit", [PanelKind.fit]), ("fit,loss,landscape", threePanels)] {
            let scene = try scene(panels: panels)
            let renderer = try FrameRenderer(source: scene)
            let canvas = try renderer.makeCanvas()
            var bytes = 0
            let timing = try Timing.measure(runs: runs) {
                bytes = 0
                for index in 0..<scene.frameCount {
                    bytes += try renderer.renderFrame(index, on: canvas).count
                }
            }
            let (w, h) = renderer.pixelSize
            perFrame[name] = timing.median / Double(scene.frameCount) / Double(w * h)
            output.add(
                BenchResult(
                    group: "panels", name: "\(name) \(w)x\(h), one thread", timing: timing,
                    frames: scene.frameCount, bytesPerFrame: bytes / scene.frameCount))
        }
        if let one = perFrame["fit"], let three = perFrame["fit,loss,landscape"] {
            output.add(
                BenchResult(
                    group: "panels", name: "three-panel / one-panel cost per pixel (target ≤ 1.5)",
                    timing: Timing(milliseconds: [three / one]), extra: ["ratio": three / one]))
        }

        // (c) The landscape's static layer: its surface, contours and limits, then drawing and
        // compressing the static layer, for 100 and 1,000,000 points (line model).
        var staticCost: [Int: Double] = [:]
        for points in quick ? [100, 1_000_000] : [100, 10_000, 1_000_000] {
            let scene = try scene(panels: [.landscape], points: points)
            let area = scene.frameFigure.plotArea()
            let timing = try Timing.measure(runs: runs) {
                _ = try LossLandscape(
                    data: scene.data, runs: scene.runs, plotArea: area, scale: scene.scale, text: scene.text)
                _ = try FrameRenderer(source: scene)
            }
            staticCost[points] = timing.median
            output.add(
                BenchResult(
                    group: "panels", name: "landscape static layer, \(points) points", timing: timing,
                    extra: ["points": Double(points)]))
        }
        if let small = staticCost[100], let large = staticCost[1_000_000] {
            output.add(
                BenchResult(
                    group: "panels", name: "landscape static 1,000,000 / 100 points (target ≤ 2)",
                    timing: Timing(milliseconds: [large / small]), extra: ["ratio": large / small]))
        }

        // (d) Three-panel frames with one and two threads, A/B interleaved.
        let scene = try scene(panels: threePanels)
        let renderer = try FrameRenderer(source: scene)
        var times: [Int: [Double]] = [1: [], 2: []]
        for _ in 0..<max(1, runs) {
            for jobs in [1, 2] {
                let start = nowMilliseconds()
                try renderer.run(jobs: jobs) { _, _ in }
                times[jobs, default: []].append(nowMilliseconds() - start)
            }
        }
        let one = Timing(milliseconds: times[1] ?? [])
        let two = Timing(milliseconds: times[2] ?? [])
        for (jobs, timing) in [(1, one), (2, two)] {
            output.add(
                BenchResult(
                    group: "panels", name: "fit,loss,landscape 1920x480, --jobs \(jobs)", timing: timing,
                    frames: scene.frameCount))
        }
        output.add(
            BenchResult(
                group: "panels", name: "--jobs 1 / --jobs 2, three panels (target ≥ 1.7)",
                timing: Timing(milliseconds: [one.median / two.median]),
                extra: [
                    "ratio": one.median / two.median,
                    "cores": Double(ProcessInfo.processInfo.activeProcessorCount),
                ]))
    }
}
