// The whole article in one command: every figure (PNG and SVG), the frames and the
// animation of gradient descent, and an index.html that shows them in the article's order
// with captions in French and English.
//
//     swift run article [--out DIR] [--lang fr|en] [--quick]
import ArgumentParser
import FitAnimation
import FitOutput
import FitTrainer
import Foundation
import RenderFitOptions

/// The article's language is French unless --lang says otherwise.
enum ArticleDefaults: OptionDefaults {
    static var language: RenderSettings.Language { .fr }
}

@main
struct Article: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article",
        abstract: "Reproduce the article: figures (PNG, SVG), frames, animation and index.html.",
        discussion: """
            Writes into DIR (created if needed): figures/ (points, initial-guess, squared-errors, \
            result, loss, loss-log as .png and .svg), frames/ (one PNG per iteration, history.csv, \
            manifest.json and animation.mp4 (H.264) when ffmpeg is installed, else animation.png, an \
            animated PNG) and index.html. A file is only \
            overwritten when an earlier run of this example wrote it; nothing is deleted.

            Example: swift run article --out output/article
            """)

    @Option(help: "Folder to write into; created if needed.")
    var out = "output/article"

    @OptionGroup var language: LanguageOption<ArticleDefaults>

    @Flag(help: "20 iterations instead of 100 (for CI).")
    var quick = false

    @OptionGroup var jobs: JobsOption

    /// Seconds the animation's last frame (the fitted line) stays before the loop restarts.
    static let holdLastSeconds = 2.0

    func run() throws {
        let language = self.language.lang
        // The tutorial's data set and training (DESIGN.md, "The tutorial, exactly").
        let tutorial = TutorialDataSet()
        let data = try tutorial.generate()
        let training = GradientDescent(iterations: quick ? 20 : GradientDescent.defaultIterations)
        let history = try training.train(on: data)
        let settings = RenderSettings(
            iterations: training.iterations, learningRate: training.learningRate,
            initialParameters: training.initialParameters, points: tutorial.count, seed: tutorial.seed,
            dataFile: nil, width: 640, height: 480, scale: 1, language: language,
            residuals: false, fps: 25,
            commandLine: "render-fit --iterations \(training.iterations) --lang \(language.rawValue)")
        let scene = try TrainingScene(data: data, history: history, settings: settings)
        let figures = ArticleFigures(scene: scene, trueLine: (tutorial.slope, tutorial.intercept))

        let root = OutputDirectory(path: out).path
        // The animation as H.264 MP4 when ffmpeg is there (about 20 times smaller than the
        // APNG for the same frames), else the built-in animated PNG.
        let animationName = FFmpegEncoder.locate() != nil ? "animation.mp4" : "animation.png"
        let pngFigures = FiguresJob(figures: figures, folder: root + "/figures", format: .png)
        let svgFigures = FiguresJob(figures: figures, folder: root + "/figures", format: .svg)
        let frames = FramesJob(
            scene: scene, output: OutputDirectory(path: root + "/frames"),
            animation: try AnimationTarget(path: root + "/frames/" + animationName), jobs: jobs.count,
            quiet: true, timing: FrameTiming(fps: settings.fps, holdLast: Self.holdLastSeconds))
        // Every check before the first write: a refused run leaves the folder as it was.
        _ = try pngFigures.check()
        _ = try svgFigures.check()
        _ = try frames.check()
        let page = try OwnedFolder(path: root, owner: "article", planned: ["index.html"])

        for path in try pngFigures.run() + svgFigures.run() { print("wrote \(path)") }
        let summary = try frames.run()
        print("wrote \(summary.frames) frames, history.csv and manifest.json to \(root)/frames")
        print("wrote \(root)/frames/\(animationName) (\(summary.frames) frames at \(settings.fps) fps)")

        let html = ArticlePage(
            figures: figures, frameCount: summary.frames, animation: "frames/" + animationName
        )
        .html()
        try OutputFile.write(html, toPath: page.path("index.html"))
        print("wrote \(page.path("index.html"))")
    }
}
