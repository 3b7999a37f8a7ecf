import FitOutput
import FitTrainer
import Foundation

/// `manifest.json`: building it and streaming it to disk.
extension FramesJob {
    /// The manifest describing this run.
    public func manifest(complete: Bool, files: [String]) -> RunManifest {
        manifest(complete: complete, files: files, includeFrames: true)
    }

    /// The manifest entry of frame `index`: its iteration and the state shown (each run's, in
    /// a comparison).
    func frameEntry(_ index: Int, naming: FrameNaming) -> RunManifest.Frame {
        let plan = framePlan
        guard isComparison else {
            let step = scene.history[plan.state(ofRun: 0, forFrame: index)]
            return RunManifest.Frame(
                file: naming.name(index), iteration: step.iteration, parameters: step.parameters,
                loss: step.loss)
        }
        return RunManifest.Frame(
            file: naming.name(index), iteration: plan.iteration(forFrame: index),
            runs: scene.runs.enumerated().map { r, run in
                let step = run.history[plan.state(ofRun: r, forFrame: index)]
                return RunManifest.RunState(
                    iteration: step.iteration, parameters: step.parameters, loss: step.loss)
            })
    }

    /// The runs of a comparison as the manifest lists them.
    var runEntries: [RunManifest.Run]? {
        guard isComparison else { return nil }
        return scene.runs.enumerated().map { r, run in
            RunManifest.Run(
                label: framePlan.runs[r].label ?? "", color: run.color.hexString(),
                history: RunComparison.historyName(ofRun: r),
                divergedAtIteration: run.history.divergence?.iteration,
                settings: framePlan.runs[r].settings)
        }
    }

    func manifest(complete: Bool, files: [String], includeFrames: Bool) -> RunManifest {
        let naming = FrameNaming(lastIndex: frameCount - 1)
        let settings = scene.settings
        let area = scene.baseFigure.plotArea()
        let s = settings.scale
        let frames = !includeFrames ? [] : (0..<frameCount).map { frameEntry($0, naming: naming) }
        var manifest = RunManifest(
            version: RenderFitVersion.current, complete: complete, settings: settings,
            image: .init(
                width: Int((Double(settings.width * settings.image.panels.count) * s).rounded(.up)),
                height: Int((Double(settings.height) * s).rounded(.up))),
            plotArea: .init(x: area.x * s, y: area.y * s, width: area.width * s, height: area.height * s),
            dataLimits: .init(
                x: [scene.xLimits.lower, scene.xLimits.upper], y: [scene.yLimits.lower, scene.yLimits.upper]),
            fps: settings.fps,
            divergedAtIteration: isComparison ? nil : scene.history.divergence?.iteration,
            frameSelection: framePlan.selection, pauseStart: timing.pauseStart, holdLast: timing.holdLast,
            compare: framePlan.comparison, runs: runEntries, frames: complete ? frames : [], files: files)
        manifest.panels = scene.panelGeometry()
        return manifest
    }

    /// Streams `manifest.json`: the same document as encoding ``manifest(complete:files:)``
    /// with JSONEncoder (sorted keys, pretty printed), written frame by frame so that a run of
    /// 10,000 frames needs no more memory than a run of 100.
    func writeManifest(complete: Bool, files: [String]) throws {
        guard let output else { return }
        try streamManifest(complete: complete, files: files, into: try OutputFile(path: output.manifestPath))
            .commit()
    }

    /// Writes `manifest.json` into `file` (an ``OutputFile`` of the manifest's path, not yet
    /// committed) and returns it: a merge fills it while the frames are linked, and publishes
    /// it once they are there.
    func streamManifest(complete: Bool, files: [String], into file: OutputFile) throws -> OutputFile {
        guard let output else { return file }
        let m = manifest(complete: complete, files: [], includeFrames: false)
        let naming = FrameNaming(lastIndex: frameCount - 1)
        let json = StreamingJSONWriter(fd: file.fileDescriptor)
        do {
            json.beginObject()
            if let compare = m.compare {
                json.key("compare")
                json.beginObject()
                json.key("key")
                json.value(compare.key.rawValue)
                json.key("values")
                json.beginArray()
                for value in compare.values { json.value(value) }
                json.endArray()
                json.endObject()
            }
            json.key("complete")
            json.value(m.complete)
            json.key("dataLimits")
            Self.write(m.dataLimits, to: json)
            if let diverged = m.divergedAtIteration {
                json.key("divergedAtIteration")
                json.value(diverged)
            }
            json.key("files")
            json.beginArray()
            for name in files { json.value(name) }
            json.endArray()
            json.key("fps")
            json.value(m.fps)
            json.key("frameSelection")
            Self.write(m.frameSelection, to: json)
            json.key("frames")
            json.beginArray()
            if complete {
                for index in 0..<frameCount {
                    let frame = frameEntry(index, naming: naming)
                    json.beginObject()
                    json.key("file")
                    json.value(frame.file)
                    json.key("iteration")
                    json.value(frame.iteration)
                    if let loss = frame.loss {
                        json.key("loss")
                        json.value(loss)
                    }
                    if let parameters = frame.parameters {
                        json.key("parameters")
                        json.value(parameters)
                    }
                    if let runs = frame.runs {
                        json.key("runs")
                        json.beginArray()
                        for state in runs {
                            json.beginObject()
                            json.key("iteration")
                            json.value(state.iteration)
                            json.key("loss")
                            json.value(state.loss)
                            json.key("parameters")
                            json.value(state.parameters)
                            json.endObject()
                        }
                        json.endArray()
                    }
                    json.endObject()
                }
            }
            json.endArray()
            json.key("holdLast")
            json.value(m.holdLast)
            json.key("image")
            json.beginObject()
            json.key("height")
            json.value(m.image.height)
            json.key("width")
            json.value(m.image.width)
            json.endObject()
            json.key("panels")
            json.beginArray()
            for panel in m.panels ?? [] {
                json.beginObject()
                json.key("dataLimits")
                Self.write(panel.dataLimits, to: json)
                json.key("name")
                json.value(panel.name)
                json.key("plotArea")
                Self.write(panel.plotArea, to: json)
                json.key("xScale")
                json.value(panel.xScale)
                json.key("yScale")
                json.value(panel.yScale)
                json.endObject()
            }
            json.endArray()
            json.key("pauseStart")
            json.value(m.pauseStart)
            json.key("plotArea")
            Self.write(m.plotArea, to: json)
            if let runs = m.runs {
                json.key("runs")
                json.beginArray()
                for run in runs {
                    json.beginObject()
                    json.key("color")
                    json.value(run.color)
                    if let diverged = run.divergedAtIteration {
                        json.key("divergedAtIteration")
                        json.value(diverged)
                    }
                    json.key("history")
                    json.value(run.history)
                    json.key("label")
                    json.value(run.label)
                    json.key("settings")
                    Self.write(run.settings, to: json)
                    json.endObject()
                }
                json.endArray()
            }
            json.key("settings")
            Self.write(m.settings, to: json)
            json.key("tool")
            json.value(m.tool)
            json.key("version")
            json.value(m.version)
            json.endObject()
            json.newline()
        }
        json.flush()
        if let failure = json.failure {
            throw OutputError.cannotWrite(
                path: output.manifestPath, reason: String(cString: strerror(failure)))
        }
        return file
    }

    /// Data limits as `RunManifest.DataLimits` encodes them (keys sorted): the run's and each
    /// panel's.
    private static func write(_ limits: RunManifest.DataLimits, to json: StreamingJSONWriter) {
        json.beginObject()
        json.key("x")
        json.value(limits.x)
        json.key("y")
        json.value(limits.y)
        json.endObject()
    }

    /// A pixel rectangle as `RunManifest.PixelRect` encodes it (keys sorted): the run's plot
    /// area and each panel's.
    private static func write(_ rect: RunManifest.PixelRect, to json: StreamingJSONWriter) {
        json.beginObject()
        for (name, value) in [("height", rect.height), ("width", rect.width), ("x", rect.x), ("y", rect.y)] {
            json.key(name)
            json.value(value)
        }
        json.endObject()
    }

    private static func write(_ settings: RenderSettings, to json: StreamingJSONWriter) {
        json.beginObject()
        if let batchSize = settings.training.batchSize {
            json.key("batchSize")
            json.value(batchSize)
        }
        if let columns = settings.data.columns {
            json.key("columns")
            json.value(columns)
        }
        if let commandLine = settings.commandLine {
            json.key("commandLine")
            json.value(commandLine)
        }
        if let dataFile = settings.dataFile {
            json.key("dataFile")
            json.value(dataFile)
        } else {
            json.key("dataset")
            json.value(settings.data.dataset.rawValue)
        }
        json.key("fps")
        json.value(settings.fps)
        json.key("height")
        json.value(settings.height)
        if let initSeed = settings.model.initSeed {
            json.key("initSeed")
            json.value(initSeed)
        }
        json.key("initialParameters")
        json.value(settings.initialParameters)
        json.key("iterations")
        json.value(settings.iterations)
        json.key("language")
        json.value(settings.language.rawValue)
        json.key("learningRate")
        json.value(settings.learningRate)
        json.key("model")
        json.value(settings.model.model.description)
        json.key("optimizer")
        Self.write(settings.training.optimizer, to: json)
        if settings.image.panels != PanelKind.defaultList {
            json.key("panels")
            json.beginArray()
            for panel in settings.image.panels { json.value(panel.rawValue) }
            json.endArray()
        }
        json.key("points")
        json.value(settings.points)
        json.key("residuals")
        json.value(settings.residuals)
        json.key("scale")
        json.value(settings.scale)
        json.key("seed")
        json.value(settings.seed)
        if let shuffleSeed = settings.training.shuffleSeed {
            json.key("shuffleSeed")
            json.value(shuffleSeed)
        }
        json.key("standardize")
        json.value(settings.data.standardize)
        json.key("width")
        json.value(settings.width)
        json.endObject()
    }

    /// The frame selection as ``FrameSelection`` encodes it (keys sorted).
    static func write(_ selection: FrameSelection, to json: StreamingJSONWriter) {
        json.beginObject()
        if case .every(let step) = selection.spacing {
            json.key("every")
            json.value(step)
        }
        if case .logarithmic = selection.spacing {
            json.key("logFramesPerDecade")
            json.value(FrameSelection.logFramesPerDecade)
            json.key("logLinearPrefix")
            json.value(FrameSelection.logLinearPrefix)
        }
        if let cap = selection.maximumFrames {
            json.key("maxFrames")
            json.value(cap)
        }
        json.key("spacing")
        json.value(selection.spacing.name)
        json.endObject()
    }

    /// The optimizer as `OptimizerConfiguration` encodes it (keys sorted).
    private static func write(_ optimizer: OptimizerConfiguration, to json: StreamingJSONWriter) {
        json.beginObject()
        var fields: [(String, Double)] = []
        switch optimizer.kind {
        case .gd: break
        case .momentum, .nesterov: fields = [("momentum", optimizer.momentum)]
        case .rmsprop: fields = [("epsilon", optimizer.epsilon), ("rho", optimizer.rho)]
        case .adam:
            fields = [("beta1", optimizer.beta1), ("beta2", optimizer.beta2), ("epsilon", optimizer.epsilon)]
        }
        fields.append(("learningRate", optimizer.learningRate))
        for (name, value) in fields.sorted(by: { $0.0 < $1.0 }) where name < "kind" {
            json.key(name)
            json.value(value)
        }
        json.key("kind")
        json.value(optimizer.kind.rawValue)
        for (name, value) in fields.sorted(by: { $0.0 < $1.0 }) where name > "kind" {
            json.key(name)
            json.value(value)
        }
        json.endObject()
    }
}
