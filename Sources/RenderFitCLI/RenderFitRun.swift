import FitAnimation
import FitOutput
import FitTrainer
import Foundation

/// One `render-fit` run from validated settings: load or generate the data, train, check
/// every output place, report, then draw and write. Nothing is created or written until all
/// inputs have been read and all output places checked.
struct RenderFitRun {
    let settings: RenderFitSettings

    /// The data, the training and the scene: everything before the outputs.
    struct Prepared {
        var history: TrainingHistory
        var report: TrainingReport
        var scene: TrainingScene
        /// With `--compare`, each run's legend label, report and history (the first is
        /// ``history``'s); empty for a lone run.
        var comparedRuns: [(label: String, report: TrainingReport, history: TrainingHistory)] = []
    }

    func prepare() throws -> Prepared {
        let loaded = try loadData()
        let data = loaded.data
        try checkSpread(data)
        if let comparison = settings.comparison {
            return try prepareComparison(comparison.comparison, runs: comparison.runs, loaded: loaded)
        }
        let history: TrainingHistory
        do {
            history = try settings.trainer.train(on: data)
        } catch {
            // The settings were validated, so this means the data cannot be modelled.
            throw UsageError(error.description)
        }
        let report = TrainingReport(history: history, data: data)
        let scene: TrainingScene
        do {
            scene = try TrainingScene(
                data: data, history: history, settings: settings.renderSettings, axisLabels: loaded.labels,
                frames: settings.rendering.frameSelection)
        } catch {
            throw UsageError(error.description)
        }
        if let shard = settings.shard?.shard, shard.count > scene.frameCount {
            throw UsageError(
                "--shard \(shard.text) is not allowed: this run has \(scene.frameCount) frames, so N may be at most \(scene.frameCount) (every shard renders at least one frame)"
            )
        }
        return Prepared(history: history, report: report, scene: scene)
    }

    /// `render-fit merge`: the run trained again from the shards' arguments, its folder
    /// assembled from their frames.
    func merge(_ shards: ShardSet) throws {
        let scene = try prepare().scene
        let plan = OutputPlan(
            settings: settings, scene: scene,
            shardOwned: shards.ownedFrames(in: settings.outputDirectoryArgument))
        try plan.check()
        if let note = plan.animation?.rateNote(fps: settings.rendering.fps) {
            StandardError.writeLine("render-fit: " + note)
        }
        let lines = try plan.merge(shards)
        if !settings.quiet { for line in lines { print(line) } }
    }

    func perform() throws {
        let prepared = try prepare()
        let history = prepared.history
        let report = prepared.report
        let scene = prepared.scene
        let plan = OutputPlan(settings: settings, scene: scene)
        try plan.check()

        if prepared.comparedRuns.isEmpty {
            printReport(report, history: history)
        }
        for (index, run) in prepared.comparedRuns.enumerated() {
            if !settings.quiet { print("run \(index + 1) of \(prepared.comparedRuns.count): \(run.label)") }
            printReport(run.report, history: run.history)
        }
        if let note = plan.animation?.rateNote(fps: settings.rendering.fps) {
            StandardError.writeLine("render-fit: " + note)
        }
        // With --history alone the plan has no frames or figures: it writes only the history.
        let summary = try plan.write()
        // Advice about the result, once it is written (a run that fails to write says only why).
        if prepared.comparedRuns.isEmpty, !history.didDiverge, let warning = report.aboveOptimumWarning() {
            StandardError.writeLine(warning)
        }
        if !settings.quiet {
            for line in summary { print(line) }
            if settings.historyOnly, let export = settings.historyExport {
                print("wrote \(export.url.path) (\(history.count) rows)")
            }
        }
    }

    /// `--compare`: trains every run and lays them out together.
    private func prepareComparison(
        _ comparison: RunComparison, runs: [(trainer: Trainer, settings: RenderSettings)],
        loaded: (data: DataSet, labels: (x: String, y: String))
    ) throws -> Prepared {
        var views: [RunView] = []
        var reports: [(String, TrainingReport, TrainingHistory)] = []
        for (index, run) in runs.enumerated() {
            let label = comparison.label(ofRun: index)
            let history: TrainingHistory
            do {
                history = try run.trainer.train(on: loaded.data)
            } catch {
                throw UsageError("--compare run \(index + 1) (\(label)): \(error.description)")
            }
            views.append(
                RunView(history: history, color: RunView.tab10[index % RunView.tab10.count], label: label))
            reports.append((label, TrainingReport(history: history, data: loaded.data), history))
        }
        let scene: TrainingScene
        do {
            scene = try TrainingScene(
                data: loaded.data, runs: views, settings: runs[0].settings, axisLabels: loaded.labels,
                frames: settings.rendering.frameSelection, comparison: comparison,
                runSettings: runs.map(\.settings))
        } catch {
            throw UsageError(error.description)
        }
        if let shard = settings.shard?.shard, shard.count > scene.frameCount {
            throw UsageError(
                "--shard \(shard.text) is not allowed: this run has \(scene.frameCount) frames, so N may be at most \(scene.frameCount) (every shard renders at least one frame)"
            )
        }
        return Prepared(
            history: reports[0].2, report: reports[0].1, scene: scene,
            comparedRuns: reports.map { (label: $0.0, report: $0.1, history: $0.2) })
    }

    private func printReport(_ report: TrainingReport, history: TrainingHistory) {
        if !settings.quiet {
            for line in report.progressLines() { print(line) }
            print(report.finalParametersLine())
            if let reference = report.leastSquaresLine() { print(reference) }
            if let bound = report.stableLearningRateLine() { print(bound) }
            fflush(nil)
        }
        if let divergence = history.divergence {
            // A diverging run is a lesson, not a failure: warn, still draw, and exit 0.
            StandardError.writeLine(report.divergenceWarning(divergence))
        }
    }

    /// Every x equal leaves the slope (and any x-dependence) undetermined: say so plainly
    /// rather than fit something arbitrary.
    private func checkSpread(_ data: DataSet) throws {
        guard data.limits.xSpan == 0 else { return }
        let source: String
        if case .csvFile(let url) = settings.dataSource {
            source = "--data '\(url.path)': "
        } else {
            source = ""
        }
        throw UsageError(
            source
                + "all \(data.count) x values are equal (\(ShortestDecimal.format(data.x[0]))), so the slope "
                + "is undetermined; a fit needs at least two different x values")
    }

    private func loadData() throws -> (data: DataSet, labels: (x: String, y: String)) {
        switch settings.dataSource {
        case .generated(let set):
            do {
                return (try set.generate(), ("x", "y"))
            } catch {
                throw UsageError(error.description)
            }
        case .csvFile(let url):
            do {
                let table = try CSVDataLoader.load(contentsOf: url, columns: settings.columns)
                return (table.data, table.columnNames ?? ("x", "y"))
            } catch {
                throw UsageError("--data '\(url.path)': \(error.description)")
            }
        }
    }
}
