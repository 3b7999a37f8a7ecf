import FitPNG
import FitTrainer
import Foundation

/// One frames run: checks the output folder, writes the frames, `history.csv`,
/// `manifest.json` and the animation, and tidies frames of an earlier run that this one
/// does not produce.
///
/// Safety protocol (see ``OutputDirectory``): nothing is written before every check passed;
/// a manifest marked incomplete, listing every file the run may write, is written first, so a
/// run killed midway still owns its files and a rerun succeeds; each file is written under a
/// temporary name and renamed; the complete manifest is written last.
public struct FramesJob: Sendable {
    /// The name of the history file written beside the frames.
    public static let historyName = "history.csv"

    /// The run to draw.
    public var scene: TrainingScene
    /// Nil renders only the animation (no frame files).
    public var output: OutputDirectory?
    /// Where the animation goes, if one is wanted.
    public var animation: AnimationTarget?
    /// Frames rendered in parallel; the bytes do not depend on it.
    public var jobs: Int
    /// Silences the progress bar.
    public var quiet: Bool

    /// A job for `scene`; `output` nil writes only the animation.
    public init(
        scene: TrainingScene, output: OutputDirectory?, animation: AnimationTarget?, jobs: Int, quiet: Bool
    ) {
        self.scene = scene
        self.output = output
        self.animation = animation
        self.jobs = jobs
        self.quiet = quiet
    }

    /// What a run did.
    public struct Summary: Sendable {
        /// Frames rendered.
        public var frames: Int
        /// Wall time of the rendering.
        public var seconds: Double
        /// Frames of an earlier, longer run that were removed.
        public var removedStale: Int
    }

    /// The planned file names inside the output folder.
    public var plannedFiles: [String] {
        let naming = FrameNaming(lastIndex: scene.frameCount - 1)
        var names = (0..<scene.frameCount).map(naming.name)
        names.append(Self.historyName)
        if let animation, let output, Self.isInside(animation.path, output) {
            names.append(URL(fileURLWithPath: animation.path).lastPathComponent)
        }
        return names
    }

    /// True when `path` names a file directly inside `folder`.
    public static func isInside(_ path: String, _ folder: OutputDirectory) -> Bool {
        let file = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        return file == URL(fileURLWithPath: folder.path).standardizedFileURL.path
    }

    /// Checks everything that can be checked without writing. Returns the files the previous
    /// manifest owns.
    public func check() throws(OutputError) -> Set<String> {
        guard let output else { return [] }
        return try output.checkOwnership(of: plannedFiles)
    }

    /// Checks, then writes the frames, the history, the manifest and the animation.
    public func run() throws -> Summary {
        let previouslyOwned = try check()
        let planned = plannedFiles
        let naming = FrameNaming(lastIndex: scene.frameCount - 1)
        InterruptCleanup.shared.install()
        if let output {
            try output.create()
            output.removeLeftoverTemporaries(owned: previouslyOwned.union(planned))
            try writeManifest(complete: false, files: Array(previouslyOwned.union(planned)).sorted())
            try AtomicFileWriter.write(scene.history.csvText(), toPath: output.filePath(Self.historyName))
        }

        let renderer = try FrameRenderer(scene: scene)
        let size = renderer.pixelSize
        let sink = try animation.map {
            try AnimationSink(
                target: $0, width: size.width, height: size.height, frameCount: scene.frameCount,
                fps: scene.settings.fps)
        }
        let progress = ProgressReporter(total: scene.frameCount, quiet: quiet)
        let folder = output
        let onFrame: FrameRenderer.FrameHandler = { index, png in
            if let folder { try AtomicFileWriter.write(png, toPath: folder.filePath(naming.name(index))) }
        }
        var ordered: FrameRenderer.OrderedHandler?
        if let sink {
            ordered = { _, png, pixels in try sink.append(png: png, pixels: pixels) }
        }
        do {
            try renderer.run(
                jobs: jobs, needsPixels: sink?.needsPixels ?? false, onFrame: onFrame, ordered: ordered,
                progress: progress)
            try sink?.finish()
        } catch {
            InterruptCleanup.shared.waitIfTerminating()
            sink?.cancel()
            progress.finish()
            throw error
        }
        progress.finish()

        var removed = 0
        if let output {
            // Frames of an earlier run that this one does not produce go (200 iterations then
            // 50 leaves 51 frames). Other files it wrote (an animation) stay, and stay owned.
            let stale = previouslyOwned.subtracting(planned).filter(FrameNaming.isFrameName)
            removed = stale.filter { FileManager.default.fileExists(atPath: output.filePath($0)) }.count
            try output.removeStale(previouslyOwned: stale, produced: [])
            let keptOwned = previouslyOwned.subtracting(stale).filter {
                FileManager.default.fileExists(atPath: output.filePath($0))
            }
            try writeManifest(complete: true, files: Array(keptOwned.union(planned)).sorted())
        }
        return Summary(frames: scene.frameCount, seconds: progress.elapsedSeconds, removedStale: removed)
    }

    /// The manifest describing this run.
    public func manifest(complete: Bool, files: [String]) -> RunManifest {
        manifest(complete: complete, files: files, includeFrames: true)
    }

    private func manifest(complete: Bool, files: [String], includeFrames: Bool) -> RunManifest {
        let naming = FrameNaming(lastIndex: scene.frameCount - 1)
        let settings = scene.settings
        let area = scene.baseFigure.plotArea()
        let s = settings.scale
        let frames =
            !includeFrames
            ? []
            : (0..<scene.frameCount).map { index -> RunManifest.Frame in
                let step = scene.history[index]
                return RunManifest.Frame(
                    file: naming.name(index), iteration: step.iteration, parameters: step.parameters,
                    loss: step.loss)
            }
        return RunManifest(
            version: RenderFitVersion.current, complete: complete, settings: settings,
            image: .init(
                width: Int((Double(settings.width) * s).rounded(.up)),
                height: Int((Double(settings.height) * s).rounded(.up))),
            plotArea: .init(x: area.x * s, y: area.y * s, width: area.width * s, height: area.height * s),
            dataLimits: .init(
                x: [scene.xLimits.lower, scene.xLimits.upper], y: [scene.yLimits.lower, scene.yLimits.upper]),
            fps: settings.fps, divergedAtIteration: scene.history.divergence?.iteration,
            frames: complete ? frames : [], files: files)
    }

    /// Streams `manifest.json`: the same document as encoding ``manifest(complete:files:)``
    /// with JSONEncoder (sorted keys, pretty printed), written frame by frame so that a run of
    /// 10,000 frames needs no more memory than a run of 100.
    private func writeManifest(complete: Bool, files: [String]) throws {
        guard let output else { return }
        let m = manifest(complete: complete, files: [], includeFrames: false)
        let naming = FrameNaming(lastIndex: scene.frameCount - 1)
        let history = scene.history
        try AtomicFileWriter.streamJSON(toPath: output.manifestPath) { json in
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
                    let step = history[index]
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
    }

    private static func write(_ settings: RenderSettings, to json: StreamingJSONWriter) {
        json.beginObject()
        if let dataFile = settings.dataFile {
            json.key("dataFile")
            json.value(dataFile)
        }
        json.key("fps")
        json.value(settings.fps)
        json.key("height")
        json.value(settings.height)
        json.key("initialParameters")
        json.value(settings.initialParameters)
        json.key("iterations")
        json.value(settings.iterations)
        json.key("language")
        json.value(settings.language.rawValue)
        json.key("learningRate")
        json.value(settings.learningRate)
        json.key("points")
        json.value(settings.points)
        json.key("residuals")
        json.value(settings.residuals)
        json.key("scale")
        json.value(settings.scale)
        json.key("seed")
        json.value(settings.seed)
        json.key("width")
        json.value(settings.width)
        json.endObject()
    }
}
