// Five learning rates side by side, each classified from lr·λmax (monotone below 1,
// oscillating from 1 to 2, diverging above 2). Writes one
// figure (PNG and SVG) of the final state and an animation of all panels stepping together,
// rendered in parallel by the shared frame pipeline (FramePipeline), as render-fit's frames are.
//
//     swift run learning-rates [--out DIR] [--quick] [--animation-format png|mp4|webm|gif] [--jobs N]
import ArgumentParser
import FitAnimation
import FitMessages
import FitOutput
import FitTrainer
import Foundation
import RenderFitOptions

/// The comparison's animation runs at 10 frames per second unless --fps says otherwise.
enum LearningRatesDefaults: OptionDefaults {
    static var framesPerSecond: Int { 10 }
}

@main
struct LearningRates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learning-rates",
        abstract: "Compare learning rates 0.01, 0.1, 0.5, 1.0 and 1.05 on the tutorial data.",
        discussion: """
            Writes into DIR (created if needed): learning-rates.png and learning-rates.svg (the \
            state after the last iteration) and learning-rates-animation.png (an animated PNG, \
            one frame per iteration; a run that stopped early holds its last frame), or \
            learning-rates-animation.mp4, .webm or .gif with --animation-format (ffmpeg). A file \
            is only overwritten when an earlier run of this example wrote it; nothing is deleted.

            Example: swift run learning-rates --out output/learning-rates
            """)

    @Option(help: "Folder to write into; created if needed.")
    var out = "output/learning-rates"

    @Flag(help: "20 iterations instead of 100 (for CI).")
    var quick = false

    @OptionGroup var frameRate: FrameRateOption<LearningRatesDefaults>

    @Option(help: "The animation's format: png (animated PNG, built in), mp4, webm or gif (with ffmpeg).")
    var animationFormat = "png"

    @OptionGroup var jobs: JobsOption

    @Flag(help: "No progress bar.")
    var quiet = false

    func validate() throws {
        guard Self.animationFormats.contains(animationFormat) else {
            throw ValidationError(
                "--animation-format '\(MessageText.quoted(animationFormat))': use png, mp4, webm or gif")
        }
    }

    static let figureName = "learning-rates"
    static let animationFormats = ["png", "mp4", "webm", "gif"]
    var animationName: String { "learning-rates-animation." + animationFormat }

    var fps: Int { frameRate.fps }

    func run() throws {
        let data = try TutorialDataSet().generate()
        let iterations = quick ? 20 : GradientDescent.defaultIterations
        let eigenvalues = try HessianSpectrum.eigenvalues(data: data, degree: 1)
        let (small, large) = (eigenvalues.first ?? 0, eigenvalues.last ?? 0)
        let runs = try LearningRateRun.rates.map { rate in
            LearningRateRun(
                learningRate: rate, rateTimesCurvature: rate * large,
                history: try GradientDescent(learningRate: rate, iterations: iterations).train(on: data))
        }
        let comparison = ComparisonFigure(data: data, runs: runs, iterations: iterations)
        // Ctrl-C removes the files being written (and the folder's lock).
        InterruptCleanup.shared.install()
        // Checked before the folder is touched.
        if animationFormat != "png", FFmpegEncoder.locate() == nil {
            throw AnimationError.ffmpegMissing(FFmpegEncoder.installHint)
        }
        let output = try OwnedFolder(
            path: out, owner: "learning-rates",
            planned: [Self.figureName + ".png", Self.figureName + ".svg", animationName])

        let final = try comparison.figure(frame: iterations)
        let exporter = FigureExporter()
        for format in [FigureFormat.png, .svg] {
            let path = output.path(Self.figureName + "." + format.rawValue)
            try exporter.write(final, format: format, toPath: path, title: final.suptitle)
            print("wrote \(path)")
        }
        // After the figures: Cairo numbers the surfaces of a process in order and writes the
        // number into the SVG, so drawing the static layer first would change the SVG's bytes.
        let pipeline = try FramePipeline(
            source: comparison, jobs: jobs.count, quiet: quiet, toolName: "learning-rates")
        let path = output.path(animationName)
        let size = pipeline.pixelSize
        let sink = try AnimationTarget(path: path).makeSink(
            width: size.width, height: size.height, frameCount: comparison.frameCount, fps: fps)
        try pipeline.run(into: [sink])
        print("wrote \(path) (\(comparison.frameCount) frames at \(fps) fps)")
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
            print(
                "lr \(run.learningRate) (lr·λmax \(f(run.rateTimesCurvature)), \(run.regime.rawValue)): \(state)"
            )
        }
    }
}
