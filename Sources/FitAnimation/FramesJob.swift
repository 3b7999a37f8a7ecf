import FitOutput
import FitPNG
import FitTrainer
import Foundation

/// One frames run: checks the output folder, writes the frames, `history.csv`,
/// `manifest.json` and the animation, and tidies frames of an earlier run that this one
/// does not produce.
///
/// Safety protocol (see ``OutputDirectory``): the folders written into (`output`, the
/// animation's) are locked for the run (``FolderLock``); nothing is written before every check
/// passed under that lock; a manifest marked incomplete, listing every file the run may
/// write, is written first, so a run killed midway still owns its files and a rerun succeeds;
/// each file is written under an exclusive temporary name and renamed; the complete manifest
/// is written last.
public struct FramesJob: Sendable {
    /// The name of the history file written beside the frames.
    public static let historyName = "history.csv"

    /// The run, or the runs compared (`--compare`: then `--out` holds `history-1.csv`,
    /// `history-2.csv`, … instead of `history.csv`), to draw.
    public var scene: TrainingScene
    /// Nil renders only the animation (no frame files).
    public var output: OutputDirectory?
    /// Where the animation goes, if one is wanted.
    public var animation: AnimationTarget?
    /// Frames rendered in parallel; the bytes do not depend on it.
    public var jobs: Int
    /// Silences the progress bar.
    public var quiet: Bool
    /// How the animation plays: the scene's rate, and a pause on the first frame and a hold on
    /// the last when asked for.
    public var timing: FrameTiming
    /// Set for `--shard I/N`: render only that part of the frames and write a shard manifest
    /// instead of `manifest.json`, `history.csv` and the animation (see `FramesJob+Shard`).
    public var shard: ShardPlan?
    /// Frames that shard manifests in ``output`` claim: render-fit's own for ownership checks
    /// (a merge into the folder the shards shared).
    public var shardOwnedFrames: Set<String> = []

    /// A job for `scene`; `output` nil writes only the animation, played as `timing` says
    /// (default: the scene's rate, no pause or hold).
    public init(
        scene: TrainingScene, output: OutputDirectory?, animation: AnimationTarget?, jobs: Int, quiet: Bool,
        timing: FrameTiming? = nil
    ) {
        self.scene = scene
        self.output = output
        self.animation = animation
        self.jobs = jobs
        self.quiet = quiet
        self.timing = timing ?? FrameTiming(fps: scene.settings.fps)
    }

    /// Number of frames.
    public var frameCount: Int { scene.frameCount }
    /// The frames' plan: iterations, runs.
    public var framePlan: FramePlan { scene.framePlan }
    /// True when several runs are compared.
    public var isComparison: Bool { scene.runs.count > 1 }

    /// The history files written into the output folder, with the history each one holds:
    /// `history.csv`, or one `history-k.csv` per compared run.
    public var historyFiles: [(name: String, history: TrainingHistory)] {
        guard isComparison else { return [(Self.historyName, scene.history)] }
        return scene.runs.enumerated().map { (RunComparison.historyName(ofRun: $0), $1.history) }
    }

    /// The text of each of ``historyFiles``, in the same order.
    public var historyTexts: [String] { historyFiles.map { $0.history.csvText() } }

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
        let naming = FrameNaming(lastIndex: frameCount - 1)
        var names = (0..<frameCount).map(naming.name)
        names += historyFiles.map(\.name)
        if let animation, let output, Self.isInside(animation.path, output) {
            names.append(URL(fileURLWithPath: animation.path).lastPathComponent)
        }
        return names
    }

    /// True when `path` names a file directly inside `folder`, once both are resolved
    /// (symbolic links included: `LINK/x` where LINK points at the folder is inside it).
    public static func isInside(_ path: String, _ folder: OutputDirectory) -> Bool {
        ResolvedPath.folder(of: path) == folder.resolvedPath
    }

    /// Checks everything that can be checked without writing. Returns the files the previous
    /// manifest owns.
    public func check() throws(OutputError) -> Set<String> {
        guard let output else { return [] }
        if let shard {
            try checkShard(shard, output: output)
            return []
        }
        let planned = plannedFiles
        let owned = try output.checkOwnership(of: planned, alsoOwned: shardOwnedFrames)
        try output.checkRemovable(staleFrames(previouslyOwned: owned, planned: planned))
        return owned
    }

    /// Frames and histories of an earlier run that this one does not produce (200 iterations
    /// then 50; a comparison of three runs then of two, or then a lone run).
    func staleFrames(previouslyOwned: Set<String>, planned: [String]) -> Set<String> {
        previouslyOwned.subtracting(planned).filter {
            FrameNaming.isFrameName($0) || $0 == Self.historyName || RunComparison.isHistoryName($0)
        }
    }

    /// The folders the run writes into, each locked for the run.
    public var folders: [String] {
        var folders: [String] = []
        if let output { folders.append(output.path) }
        if let animation { folders.append(ResolvedPath.parent(of: animation.path)) }
        return folders
    }

    /// Checks, locks the folders, checks again under the lock, then writes the frames, the
    /// history, the manifest and the animation.
    public func run() throws -> Summary {
        if let shard { return try runShard(shard) }
        InterruptCleanup.shared.install()
        _ = try check()
        try output?.create()
        let locks = try FolderLock.acquireAll(folders)
        defer { withExtendedLifetime(locks) {} }
        let previouslyOwned = try check()
        let planned = plannedFiles
        let naming = FrameNaming(lastIndex: frameCount - 1)
        if let animation, output.map({ !Self.isInside(animation.path, $0) }) ?? true {
            OutputDirectory.removeLeftoverTemporaries(
                inFolder: ResolvedPath.parent(of: animation.path), of: [ResolvedPath.name(of: animation.path)]
            )
        }
        if let output { try beginWriting(output, previouslyOwned: previouslyOwned, planned: planned) }

        let pipeline = try FramePipeline(source: scene, jobs: jobs, quiet: quiet)
        let size = pipeline.pixelSize
        var sinks: [any FrameSink] = []
        if let output { sinks.append(FrameFolderSink(folder: output, naming: naming)) }
        if let animation {
            sinks.append(
                try animation.makeSink(
                    width: size.width, height: size.height, frameCount: frameCount, timing: timing))
        }
        let seconds = try pipeline.run(into: sinks)

        let removed =
            try output.map { try finishWriting($0, previouslyOwned: previouslyOwned, planned: planned) } ?? 0
        return Summary(frames: frameCount, seconds: seconds, removedStale: removed)
    }

    /// The first writes into the output folder, once every check passed under the lock:
    /// leftovers of a killed run removed, the manifest marked incomplete (listing every file
    /// the run may write), the histories. Shared by a run and a merge.
    /// `texts` are ``historyTexts`` when the caller has them already.
    func beginWriting(
        _ output: OutputDirectory, previouslyOwned: Set<String>, planned: [String], texts: [String]? = nil
    ) throws {
        output.removeLeftoverTemporaries(of: previouslyOwned.union(planned).union([output.manifestName]))
        try writeManifest(complete: false, files: Array(previouslyOwned.union(planned)).sorted())
        for ((name, _), text) in zip(historyFiles, texts ?? historyTexts) {
            try OutputFile.write(text, toPath: output.filePath(name))
        }
    }

    /// The last writes, once the frames are there: frames and histories of an earlier run
    /// that this one does not produce are removed (200 iterations then 50 leaves 51 frames;
    /// other files it wrote, an animation, stay owned), then the complete manifest. Returns
    /// the number of frames removed.
    func finishWriting(_ output: OutputDirectory, previouslyOwned: Set<String>, planned: [String]) throws
        -> Int
    {
        let removed = try removeStaleFiles(output, previouslyOwned: previouslyOwned, planned: planned)
        try writeManifest(
            complete: true, files: finalFiles(output, previouslyOwned: previouslyOwned, planned: planned))
        return removed
    }

    /// Removes the frames and histories of an earlier run that this one does not produce;
    /// returns the number of frames removed.
    func removeStaleFiles(_ output: OutputDirectory, previouslyOwned: Set<String>, planned: [String]) throws
        -> Int
    {
        let stale = staleFrames(previouslyOwned: previouslyOwned, planned: planned)
        let removed = output.existing(stale.filter(FrameNaming.isFrameName)).count
        try output.removeStale(previouslyOwned: stale, produced: [])
        return removed
    }

    /// The files the complete manifest lists: the planned ones, and those of an earlier run
    /// that stay (not stale, still there). Writing the planned files does not change which of
    /// the others are there, so a merge asks before it links.
    func finalFiles(_ output: OutputDirectory, previouslyOwned: Set<String>, planned: [String]) -> [String] {
        let stale = staleFrames(previouslyOwned: previouslyOwned, planned: planned)
        let keptOwned = output.existing(previouslyOwned.subtracting(stale).subtracting(planned))
        return Array(keptOwned.union(planned)).sorted()
    }
}
