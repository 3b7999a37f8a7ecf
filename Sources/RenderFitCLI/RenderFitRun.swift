import FitAnimation
import FitOutput
import FitTrainer
import Foundation

/// One `render-fit` run from validated settings: load or generate the data, train, check
/// every output place, report, then draw and write. Nothing is created or written until all
/// inputs have been read and all output places checked.
struct RenderFitRun {
    let settings: RenderFitSettings

    func perform() throws {
        let data = try loadData()
        let history: TrainingHistory
        do {
            history = try settings.training.train(on: data)
        } catch {
            // The settings were validated, so this means the data cannot be modelled.
            throw UsageError(error.description)
        }
        let scene: TrainingScene
        do {
            scene = try TrainingScene(
                data: data, history: history, settings: renderSettings(), axisLabels: axisLabels())
        } catch {
            throw UsageError(error.description)
        }
        let plan = OutputPlan(settings: settings, scene: scene)
        try plan.check()

        let report = TrainingReport(history: history, data: data)
        if !settings.quiet {
            for line in report.progressLines() { print(line) }
            print(report.finalParametersLine())
            if let reference = report.leastSquaresLine() { print(reference) }
            fflush(nil)
        }
        if let note = plan.animation?.rateNote(fps: settings.rendering.fps) {
            StandardError.writeLine("render-fit: " + note)
        }
        if let divergence = history.divergence {
            // A diverging run is a lesson, not a failure: warn, still draw, and exit 0.
            StandardError.writeLine(report.divergenceWarning(divergence))
        }

        let summary = try plan.write()
        if !settings.quiet {
            for line in summary { print(line) }
        }
    }

    /// The CSV header's column names when it has them, else x and y.
    private func axisLabels() -> (x: String, y: String) {
        if case .csvFile(let url) = settings.dataSource,
            let names = CSVDataLoader.columnNames(contentsOf: url)
        {
            return names
        }
        return ("x", "y")
    }

    /// The settings recorded in the manifest and in each PNG's metadata.
    private func renderSettings() -> RenderSettings {
        let generated: TutorialDataSet?
        let dataFile: String?
        switch settings.dataSource {
        case .generated(let tutorial):
            generated = tutorial
            dataFile = nil
        case .csvFile(let url):
            generated = nil
            dataFile = url.path
        }
        let r = settings.rendering
        return RenderSettings(
            iterations: settings.training.iterations, learningRate: settings.training.learningRate,
            initialParameters: settings.training.initialParameters,
            points: generated?.count ?? 0, seed: generated?.seed ?? TutorialDataSet.defaultSeed,
            dataFile: dataFile, width: r.width, height: r.height, scale: r.scale,
            language: r.language == "fr" ? .fr : .en, residuals: r.residuals, fps: r.fps)
    }

    private func loadData() throws -> DataSet {
        switch settings.dataSource {
        case .generated(let tutorial):
            do {
                return try tutorial.generate()
            } catch {
                throw UsageError(error.description)
            }
        case .csvFile(let url):
            do {
                return try CSVDataLoader.load(contentsOf: url)
            } catch {
                throw UsageError("--data '\(url.path)': \(error.description)")
            }
        }
    }
}
