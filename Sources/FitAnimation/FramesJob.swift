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
}
