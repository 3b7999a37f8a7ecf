// Fitting your own CSV: the frames of `render-fit --data FILE --residuals --out DIR/frames
// --animation DIR/frames/animation.png`, and the article's figures that fit any data, through
// the library API.
//
//     swift run your-data [--data FILE.csv] [--out DIR] [--quick]
import ArgumentParser
import FitAnimation
import FitOutput
import FitTrainer
import Foundation
import RenderFitOptions

@main
struct YourData: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "your-data",
        abstract: "Fit y = a1·x + a2 to the points of a CSV file and draw every iteration.",
        discussion: """
            The CSV has two numeric columns, x then y, and an optional header (see \
            Examples/your-data/README.md). Writes into DIR (created if needed): frames/ (one PNG \
            per iteration, history.csv, manifest.json, animation.png) and figures/ (points, result \
            with the least-squares line in place of the true line, loss, loss-log, as PNG). A file is only \
            overwritten when an earlier run wrote it; nothing is deleted.

            Example: swift run your-data --data Examples/your-data/points.csv --out output/your-data
            """)

    /// The bundled example, found from this source file (`swift run` runs from the checkout).
    static let bundledData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("points.csv").path

    /// The article's figures that fit any data set. The first-guess and squared-errors figures
    /// explain the tutorial's start a = (−1, 1), whose line lies outside the view of most
    /// other data sets (here it would pass below every grade), so they are left out.
    static let figureNames: [ArticleFigures.Name] = [.points, .result, .loss, .lossLog]

    @Option(help: "The CSV file to fit (default: the bundled Examples/your-data/points.csv).")
    var data: String?

    @Option(help: "Folder to write into; created if needed.")
    var out = "output/your-data"

    @OptionGroup var learningRateOption: LearningRateOption

    @OptionGroup var iterationsOption: IterationsOption

    @Flag(help: "20 iterations (for CI).")
    var quick = false

    @OptionGroup var language: LanguageOption<RenderFitDefaults>

    var learningRate: Double { learningRateOption.learningRate }
    var iterations: Int { iterationsOption.iterations }

    func run() throws {
        let file = data ?? Self.bundledData
        let table = try CSVDataLoader.load(contentsOf: URL(fileURLWithPath: file), columns: nil)
        let points = table.data
        let training = GradientDescent(learningRate: learningRate, iterations: quick ? 20 : iterations)
        let history = try training.train(on: points)
        let settings = RenderSettings(
            iterations: training.iterations, learningRate: training.learningRate,
            initialParameters: training.initialParameters, points: points.count,
            seed: TutorialDataSet.defaultSeed,
            dataFile: file, width: 640, height: 480, scale: 1,
            language: language.lang,
            residuals: true, fps: 25,
            commandLine:
                "render-fit --data \(file) --learning-rate \(training.learningRate) --iterations \(training.iterations) --residuals"
        )
        // The header's column names label the axes of the frames and figures, as render-fit --data does.
        let scene = try TrainingScene(
            data: points, history: history, settings: settings, axisLabels: table.columnNames ?? ("x", "y"))

        let root = OutputDirectory(path: out).path
        let frames = FramesJob(
            scene: scene, output: OutputDirectory(path: root + "/frames"),
            animation: try AnimationTarget(path: root + "/frames/animation.png"),
            jobs: ProcessInfo.processInfo.activeProcessorCount, quiet: true)
        // No true line for real data: the result figure shows the least-squares line instead.
        let figures = ArticleFigures(scene: scene, trueLine: nil)
        _ = try frames.check()
        let figureFolder = try OwnedFolder(
            path: root + "/figures", owner: "your-data",
            planned: Self.figureNames.map { $0.rawValue + ".png" })

        print("\(points.count) points from \(file)")
        report(history, points)
        let summary = try frames.run()
        print("wrote \(summary.frames) frames, history.csv and manifest.json to \(root)/frames")
        print("wrote \(root)/frames/animation.png (\(summary.frames) frames at \(settings.fps) fps)")
        let exporter = FigureExporter(text: settings.commandLine.map { [.description($0)] } ?? [])
        for name in Self.figureNames {
            let path = figureFolder.path(name.rawValue + ".png")
            try exporter.write(figures.figure(name), format: .png, toPath: path, title: figures.title(name))
            print("wrote \(path)")
        }
    }

    /// The fit, the exact least-squares answer to compare with, and the learning rate limit
    /// of this data (a different scale of x needs a different learning rate).
    private func report(_ history: TrainingHistory, _ points: DataSet) {
        let f = { (value: Double) in String(format: "%.4f", value) }
        let last = history[history.count - 1]
        if let divergence = history.divergence {
            print(
                "gradient descent diverged at iteration \(divergence.iteration): try a smaller --learning-rate"
            )
        } else {
            print("after \(last.iteration) iterations: \(equation(last.parameters)), MSE \(f(last.loss))")
        }
        if let exact = try? LeastSquares.solve(data: points) {
            print("least squares (exact):  \(equation(exact))")
        }
        // 2/λmax of the MSE's Hessian (2/n)·XᵀX: steps above it diverge. Printed with
        // significant digits, so that data with large x (years) shows 2.5e-07, not 0.0000.
        if let bound = try? HessianSpectrum.largestStableLearningRate(data: points, degree: 1) {
            print("for this data, learning rates above \(String(format: "%.4g", bound)) diverge")
        }
    }

    /// "y = 3.1842·x + 6.4761", "y = -2.0000·x - 1.5000".
    private func equation(_ a: [Double]) -> String {
        let f = { (value: Double) in String(format: "%.4f", value) }
        return "y = \(f(a[0]))·x " + (a[1] < 0 ? "- \(f(-a[1]))" : "+ \(f(a[1]))")
    }
}
