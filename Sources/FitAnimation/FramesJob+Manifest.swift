import FitOutput
import FitTrainer
import Foundation

/// `manifest.json`: building it and streaming it to disk.
extension FramesJob {
    /// The manifest describing this run.
    public func manifest(complete: Bool, files: [String]) -> RunManifest {
        manifest(complete: complete, files: files, includeFrames: true)
    }

    func manifest(complete: Bool, files: [String], includeFrames: Bool) -> RunManifest {
        let naming = FrameNaming(lastIndex: scene.frameCount - 1)
        let settings = scene.settings
        let area = scene.baseFigure.plotArea()
        let s = settings.scale
        let frames =
            !includeFrames
            ? []
            : (0..<scene.frameCount).map { index -> RunManifest.Frame in
                let step = scene.history[scene.runs[0].row(forFrame: index)]
                return RunManifest.Frame(
                    file: naming.name(index), iteration: step.iteration, parameters: step.parameters,
                    loss: step.loss)
            }
        var manifest = RunManifest(
            version: RenderFitVersion.current, complete: complete, settings: settings,
            image: .init(
                width: Int((Double(settings.width * settings.image.panels.count) * s).rounded(.up)),
                height: Int((Double(settings.height) * s).rounded(.up))),
            plotArea: .init(x: area.x * s, y: area.y * s, width: area.width * s, height: area.height * s),
            dataLimits: .init(
                x: [scene.xLimits.lower, scene.xLimits.upper], y: [scene.yLimits.lower, scene.yLimits.upper]),
            fps: settings.fps, divergedAtIteration: scene.history.divergence?.iteration,
            frames: complete ? frames : [], files: files)
        manifest.panels = scene.panelGeometry()
        return manifest
    }

    /// Streams `manifest.json`: the same document as encoding ``manifest(complete:files:)``
    /// with JSONEncoder (sorted keys, pretty printed), written frame by frame so that a run of
    /// 10,000 frames needs no more memory than a run of 100.
    func writeManifest(complete: Bool, files: [String]) throws {
        guard let output else { return }
        let m = manifest(complete: complete, files: [], includeFrames: false)
        let naming = FrameNaming(lastIndex: scene.frameCount - 1)
        let history = scene.history
        let file = try OutputFile(path: output.manifestPath)
        let json = StreamingJSONWriter(fd: file.fileDescriptor)
        do {
            json.beginObject()
            json.key("complete")
            json.value(m.complete)
            json.key("dataLimits")
            json.beginObject()
            json.key("x")
            json.value(m.dataLimits.x)
            json.key("y")
            json.value(m.dataLimits.y)
            json.endObject()
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
            json.key("frames")
            json.beginArray()
            if complete {
                for index in 0..<scene.frameCount {
                    let step = history[scene.runs[0].row(forFrame: index)]
                    json.beginObject()
                    json.key("file")
                    json.value(naming.name(index))
                    json.key("iteration")
                    json.value(step.iteration)
                    json.key("loss")
                    json.value(step.loss)
                    json.key("parameters")
                    json.value(step.parameters)
                    json.endObject()
                }
            }
            json.endArray()
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
                json.beginObject()
                json.key("x")
                json.value(panel.dataLimits.x)
                json.key("y")
                json.value(panel.dataLimits.y)
                json.endObject()
                json.key("name")
                json.value(panel.name)
                json.key("plotArea")
                json.beginObject()
                for (name, value) in [
                    ("height", panel.plotArea.height), ("width", panel.plotArea.width), ("x", panel.plotArea.x),
                    ("y", panel.plotArea.y),
                ] {
                    json.key(name)
                    json.value(value)
                }
                json.endObject()
                json.key("xScale")
                json.value(panel.xScale)
                json.key("yScale")
                json.value(panel.yScale)
                json.endObject()
            }
            json.endArray()
            json.key("plotArea")
            json.beginObject()
            for (name, value) in [
                ("height", m.plotArea.height), ("width", m.plotArea.width), ("x", m.plotArea.x),
                ("y", m.plotArea.y),
            ] {
                json.key(name)
                json.value(value)
            }
            json.endObject()
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
        try file.commit()
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

    /// The optimizer as `OptimizerConfiguration` encodes it (keys sorted).
    private static func write(_ optimizer: OptimizerConfiguration, to json: StreamingJSONWriter) {
        json.beginObject()
        var fields: [(String, Double)] = []
        switch optimizer.kind {
        case .gd: break
        case .momentum, .nesterov: fields = [("momentum", optimizer.momentum)]
        case .rmsprop: fields = [("epsilon", optimizer.epsilon), ("rho", optimizer.rho)]
        case .adam: fields = [("beta1", optimizer.beta1), ("beta2", optimizer.beta2), ("epsilon", optimizer.epsilon)]
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
