// Five learning rates side by side: too small, right, fast, oscillating, diverging. Writes one
// figure (PNG and SVG) of the final state and an animated PNG of all panels stepping together.
//
//     swift run learning-rates [--out DIR] [--quick]
import ArgumentParser
import FitAnimation
import FitCairo
import FitOutput
import FitPNG
import FitTrainer
import Foundation

@main
struct LearningRates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learning-rates",
        abstract: "Compare learning rates 0.01, 0.1, 0.5, 1.0 and 1.05 on the tutorial data.",
        discussion: """
            Writes into DIR (created if needed): learning-rates.png and learning-rates.svg (the \
            state after the last iteration) and learning-rates-animation.png (an animated PNG, \
            one frame per iteration; a run that stopped early holds its last frame). A file is \
            only overwritten when an earlier run of this example wrote it; nothing is deleted.

            Example: swift run learning-rates --out output/learning-rates
            """)

    @Option(help: "Folder to write into; created if needed.")
    var out = "output/learning-rates"

    @Flag(help: "20 iterations instead of 100 (for CI).")
    var quick = false

    @Option(help: "Frames per second of the animation, 1...100.")
    var fps = 10

    func validate() throws {
        guard (1...100).contains(fps) else { throw ValidationError("--fps \(fps): use 1...100") }
    }

    static let figureName = "learning-rates"
    static let animationName = "learning-rates-animation.png"

    func run() throws {
        let data = try TutorialDataSet().generate()
        let iterations = quick ? 20 : GradientDescent.defaultIterations
        let runs = try LearningRateRun.rates.map { rate, verdict in
            LearningRateRun(
                learningRate: rate, verdict: verdict,
                history: try GradientDescent(learningRate: rate, iterations: iterations).train(on: data))
        }
        let comparison = ComparisonFigure(data: data, runs: runs, iterations: iterations)
        let output = try OwnedFolder(
            path: out, owner: "learning-rates",
            planned: [Self.figureName + ".png", Self.figureName + ".svg", Self.animationName])

        let final = try comparison.figure(frame: iterations)
        let exporter = FigureExporter()
        for format in [FigureFormat.png, .svg] {
            let path = output.path(Self.figureName + "." + format.rawValue)
            try exporter.write(final, format: format, toPath: path, title: final.suptitle)
            print("wrote \(path)")
        }
        let path = output.path(Self.animationName)
        try writeAnimation(comparison, toPath: path)
        print("wrote \(path) (\(comparison.frameCount) frames at \(fps) fps)")
        let (small, large) = LearningRateRun.hessianEigenvalues(of: data)
        let f = { (value: Double) in String(format: "%.3f", value) }
        print(
            "the MSE's curvatures (Hessian eigenvalues) are \(f(small)) and \(f(large)): a step multiplies the "
                + "error along the steepest direction by |1 − lr × \(f(large))|, so learning rates above "
                + "\(f(2 / large)) diverge")
        for run in runs {
            let last = run.history[run.history.count - 1]
            let state =
                run.history.didDiverge
                ? "diverged at iteration \(last.iteration)" : "final MSE " + f(last.loss)
            print("lr \(run.learningRate) (\(run.verdict)): \(state)")
        }
    }

    /// Draws the static layer once, then each frame's dynamic marks over a copy of it, and
    /// streams the frames into an APNG (an exclusive temporary file, renamed at the end).
    private func writeAnimation(_ comparison: ComparisonFigure, toPath path: String) throws {
        let canvas = try CairoImageCanvas(width: ComparisonFigure.width, height: ComparisonFigure.height)
        try comparison.figure(frame: 0).draw(on: canvas, layers: .staticOnly)
        try canvas.checkStatus()
        let background = canvas.makeLayer()
        // zlib level 9: a quarter smaller than the default level 3 (8 MB instead of 10.5 for
        // 101 frames of 1500 × 640), for a few seconds more.
        let file = try OutputFile(path: path)
        let writer = try APNGWriter(
            width: canvas.pixelWidth, height: canvas.pixelHeight, frameCount: comparison.frameCount,
            delay: (1, UInt16(fps)), encoder: PNGEncoder.Options(compressionLevel: 9, colorMode: .rgb),
            sink: { try file.write($0) })
        for frame in 0..<comparison.frameCount {
            try canvas.copyPixels(from: background)
            try comparison.figure(frame: frame).draw(on: canvas, layers: .dynamicOnly)
            try canvas.checkStatus()
            try canvas.withPixelData { buffer, width, height, stride in
                try writer.append(premultipliedARGB32: buffer, width: width, height: height, stride: stride)
            }
        }
        try writer.finish()
        try file.commit()
    }
}
