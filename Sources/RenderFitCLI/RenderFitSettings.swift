import FitAnimation
import FitMessages
import FitOutput
import FitTrainer
import Foundation
import RenderFitOptions

/// Everything `render-fit` will do, built once by ``init(command:)`` from options that their
/// groups' `validate()` already checked; it throws a one-line ``UsageError`` for the first
/// problem that needs the file system (paths, file kinds).
///
/// Reading the --data file happens in ``RenderFitRun`` but still before anything is created
/// or written.
struct RenderFitSettings: Sendable {
    enum DataSource: Sendable, Equatable {
        case generated(GeneratedDataSet)
        case csvFile(URL)
    }

    enum HistoryFormat: String, Sendable {
        case csv, json
    }

    /// Where the frames, history.csv and manifest.json go; nil when only figures, an
    /// animation or a history were asked for.
    var outputDirectory: URL?
    /// The directory as the user spelled it, for messages.
    var outputDirectoryArgument: String?
    var trainer: Trainer
    var dataSource: DataSource
    var columns: CSVColumnSelection?
    var historyExport: (url: URL, format: HistoryFormat)?
    var quiet: Bool
    var rendering: RenderingOptions
    /// The settings recorded in the manifest and the frames.
    var renderSettings: RenderSettings
    /// With `--compare`, the setting the runs differ in, and each run's trainer and settings
    /// (in the order given); nil for a lone run.
    var comparison: (comparison: RunComparison, runs: [(trainer: Trainer, settings: RenderSettings)])?
    /// Set with `--shard I/N`: which part, and the arguments a merge trains the run again from.
    var shard: FramesJob.ShardPlan?

    /// True when only `--history` was asked for: train, write the history, draw nothing.
    var historyOnly: Bool {
        outputDirectory == nil && rendering.figuresDirectory == nil && rendering.animation == nil
    }

    /// Everything about drawing: sizes, language, parallelism, figures, animation.
    struct RenderingOptions: Sendable {
        var width: Int
        var height: Int
        var scale: Double
        var language: String
        var residuals: Bool
        var jobs: Int
        var figuresDirectory: String?
        var figureFormat: String
        var animation: AnimationTarget?
        var fps: Int
        var force: Bool
        /// Which states become frames.
        var frameSelection: FrameSelection
        /// The animation's rate, pause and hold.
        var timing: FrameTiming
    }

    /// `arguments` are the command line's (without the program name): a shard records them.
    init(command: RenderFit, arguments: [String]) throws(UsageError) {
        let output = command.output
        if let out = output.out {
            outputDirectory = try Self.outputDirectory(out)
            outputDirectoryArgument = out
        } else {
            outputDirectory = nil
            outputDirectoryArgument = nil
        }
        let initial: [Double]?
        do {
            initial = try command.model.parsedInitialParameters()
        } catch {
            throw UsageError("\(error)")
        }
        trainer = Trainer(
            model: command.model.model, optimizer: command.training.configuration,
            iterations: command.training.iterations, initialParameters: initial,
            initSeed: command.model.initSeed ?? Trainer.defaultSeed, batchSize: command.training.batchSize,
            shuffleSeed: command.training.shuffleSeed ?? Trainer.defaultSeed,
            standardize: command.data.standardize)
        dataSource = try Self.dataSource(command.data)
        if let text = command.data.columns {
            do {
                columns = try CSVColumnSelection(parsing: text)
            } catch {
                throw UsageError("--columns '\(MessageText.quoted(text))': \(error.description)")
            }
        } else {
            columns = nil
        }
        historyExport = try Self.historyExport(output.history, outputDirectory: outputDirectory)
        quiet = output.quiet
        let image = command.image
        if let figures = output.figures {
            try Self.checkDirectoryArgument(figures, option: "--figures")
        }
        let animationTarget = try output.animation.map { path throws(UsageError) in
            try Self.checkAnimationPath(path)
        }
        rendering = RenderingOptions(
            width: image.width, height: image.height, scale: image.scale, language: image.lang.rawValue,
            residuals: image.residuals, jobs: output.jobs,
            figuresDirectory: output.figures, figureFormat: output.format.rawValue,
            animation: animationTarget,
            fps: image.fps, force: output.force, frameSelection: command.frames.selection,
            timing: FrameTiming(
                fps: image.fps, pauseStart: command.frames.pauseStart ?? 0,
                holdLast: command.frames.holdLast ?? 0))
        renderSettings = RenderSettings(
            data: RenderSettings.DataSettings(points: 0, seed: 0),
            model: RenderSettings.ModelSettings(initialParameters: []),
            training: RenderSettings.TrainingSettings(iterations: 0, optimizer: trainer.optimizer),
            image: RenderSettings.ImageSettings(
                width: image.width, height: image.height, scale: image.scale, language: image.lang,
                residuals: image.residuals, fps: image.fps, panels: image.panelList))
        renderSettings = makeRenderSettings(command: command, trainer: trainer)
        comparison = nil
        if let (compared, values) = try Self.parsedComparison(command) {
            var runs: [(Trainer, RenderSettings)] = []
            for index in compared.values.indices {
                var run = trainer
                switch values {
                case .learningRates(let rates): run.optimizer.learningRate = rates[index]
                case .optimizers(let kinds): run.optimizer.kind = kinds[index]
                case .batchSizes(let sizes): run.batchSize = sizes[index]
                case .models(let models):
                    run.model = models[index]
                    run.initialParameters = nil
                }
                runs.append((run, makeRenderSettings(command: command, trainer: run)))
            }
            comparison = (compared, runs)
        }
        shard = output.shard.map {
            FramesJob.ShardPlan(shard: $0, arguments: ShardArguments.recorded(arguments))
        }
    }

    private static func parsedComparison(_ command: RenderFit) throws(UsageError)
        -> (RunComparison, CompareOptions.Values)?
    {
        do {
            return try command.comparison.parsed()
        } catch {
            throw UsageError("\(error)")
        }
    }

    /// The settings of frames and manifest for `trainer`, with the command line that
    /// reproduces the run alone.
    private func makeRenderSettings(command: RenderFit, trainer: Trainer) -> RenderSettings {
        let generated: GeneratedDataSet?
        let dataFile: String?
        switch dataSource {
        case .generated(let set):
            generated = set
            dataFile = nil
        case .csvFile(let url):
            generated = nil
            dataFile = url.path
        }
        let miniBatch = trainer.batchSize != nil
        var settings = RenderSettings(
            data: RenderSettings.DataSettings(
                dataset: generated?.kind ?? .line, points: generated?.count ?? 0,
                seed: generated?.seed ?? TutorialDataSet.defaultSeed, dataFile: dataFile,
                columns: command.data.columns, standardize: trainer.standardize),
            model: RenderSettings.ModelSettings(
                model: trainer.model, initialParameters: trainer.startingParameters(),
                initSeed: trainer.initialParameters == nil && trainer.model != .line ? trainer.initSeed : nil),
            training: RenderSettings.TrainingSettings(
                iterations: trainer.iterations, optimizer: trainer.optimizer, batchSize: trainer.batchSize,
                shuffleSeed: miniBatch ? trainer.shuffleSeed : nil),
            image: renderSettings.image)
        settings.commandLine = RenderFitCommandLine(settings: settings).text
        return settings
    }

    private static func dataSource(_ options: DataOptions) throws(UsageError) -> DataSource {
        guard let data = options.data else {
            return .generated(
                GeneratedDataSet(
                    kind: options.dataset ?? .line, count: options.points ?? TutorialDataSet.defaultCount,
                    seed: options.seed ?? TutorialDataSet.defaultSeed))
        }
        guard !data.isEmpty else {
            throw UsageError("--data '' is not allowed; give the path of a CSV file of x,y points")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: data, isDirectory: &isDirectory) else {
            throw UsageError("--data '\(data)': no such file; give the path of a CSV file of x,y points")
        }
        guard !isDirectory.boolValue else {
            throw UsageError("--data '\(data)' is a directory; give the path of a CSV file of x,y points")
        }
        return .csvFile(URL(fileURLWithPath: data))
    }

    private static func checkDirectoryArgument(_ path: String, option: String) throws(UsageError) {
        guard !path.isEmpty else {
            throw UsageError("\(option) '' is not allowed; give a directory path, such as figures/")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw UsageError(
                "\(option) '\(path)' names an existing file; give a directory path (it is created if needed)")
        }
    }

    /// The animation's kind comes from its extension, as `AnimationTarget` decides it.
    private static func checkAnimationPath(_ path: String) throws(UsageError) -> AnimationTarget {
        let target: AnimationTarget
        do {
            target = try AnimationTarget(path: path)
        } catch {
            throw UsageError(error.description)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw UsageError("--animation '\(path)' is a directory; give a file path")
        }
        return target
    }

    private static func outputDirectory(_ path: String) throws(UsageError) -> URL {
        guard !path.isEmpty else {
            throw UsageError("--out '' is not allowed; give a directory path, such as frames/")
        }
        let url = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        // The directory itself, or its nearest existing ancestor, must be a directory.
        var candidate = url
        while true {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    let what =
                        candidate == url ? "names an existing file" : "is inside the file '\(candidate.path)'"
                    throw UsageError(
                        "--out '\(path)' \(what); give a directory path (it is created if needed)")
                }
                return url
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { return url }
            candidate = parent
        }
    }

    private static func historyExport(_ path: String?, outputDirectory: URL?) throws(UsageError)
        -> (url: URL, format: HistoryFormat)?
    {
        guard let path else { return nil }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        guard let format = HistoryFormat(rawValue: url.pathExtension.lowercased()) else {
            throw UsageError("--history '\(path)' is not allowed; the file name must end in .csv or .json")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue
        {
            throw UsageError("--history '\(path)' is a directory; give a file path ending in .csv or .json")
        }
        // Its directory must exist, unless it is the output directory, which the run creates.
        let parent = url.deletingLastPathComponent()
        let parentExists = FileManager.default.fileExists(atPath: parent.path, isDirectory: &isDirectory)
        guard (parentExists && isDirectory.boolValue) || parent.path == outputDirectory?.path else {
            throw UsageError(
                "--history '\(path)': the directory '\(parent.path)' does not exist; create it first")
        }
        return (url, format)
    }
}
