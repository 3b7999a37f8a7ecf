import FitOutput
import Foundation

/// `render-fit --shard I/N`: one part of a run's frames, written with a shard manifest
/// instead of the run's `manifest.json`, `history.csv` and animation (``FramesJob/runMerge(_:)``
/// writes those once every part is there).
extension FramesJob {
    /// What makes a frames job a shard.
    public struct ShardPlan: Sendable {
        /// Which part.
        public var shard: FrameShard
        /// The run's arguments without `--shard`, `--out`, `--jobs`, `--quiet`, `--force`, input
        /// paths absolute (see ``ShardManifest/arguments``).
        public var arguments: [String]

        /// A plan for `shard` of the run that `arguments` describe.
        public init(shard: FrameShard, arguments: [String]) {
            self.shard = shard
            self.arguments = arguments
        }
    }

    /// The frames this shard renders.
    public var shardFrames: Range<Int>? {
        shard.map { $0.shard.frames(of: scene.frameCount) }
    }

    /// The history's bytes as `history.csv` holds them (a comparison's `history-1.csv`,
    /// `history-2.csv`, … one after the other): what shards and merge compare.
    public var historyBytes: [UInt8] { Self.bytes(of: historyTexts) }

    /// ``historyTexts`` one after the other, as bytes.
    static func bytes(of texts: [String]) -> [UInt8] { texts.flatMap { Array($0.utf8) } }

    /// Files that the shard manifests in `folder` claim (any split, any run): render-fit's own,
    /// so a shard or a merge may replace them. A list that cannot be read claims nothing.
    static func shardOwnedFiles(in folder: OutputDirectory) -> Set<String> {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            return []
        }
        var owned: Set<String> = []
        for entry in entries where FrameShard(manifestName: entry) != nil {
            if let files = try? OwnershipList.read(atPath: folder.filePath(entry)) {
                owned.formUnion(files.filter(FrameNaming.isFrameName))
            }
        }
        return owned
    }

    /// Checks a shard's folder: its frames may replace only files that render-fit's lists there
    /// claim, and its manifest's name holds nothing but an earlier shard manifest.
    func checkShard(_ plan: ShardPlan, output: OutputDirectory) throws(OutputError) {
        let naming = FrameNaming(lastIndex: scene.frameCount - 1)
        let planned = plan.shard.frames(of: scene.frameCount).map(naming.name)
        try output.checkOwnership(of: planned, alsoOwned: Self.shardOwnedFiles(in: output))
        let manifestPath = output.filePath(plan.shard.manifestName)
        switch FileKind(atPath: manifestPath) {
        case .missing: break
        case .regular:
            // Must be an ownership list of render-fit's (throws otherwise): then it is a shard
            // manifest of an earlier run, which this one replaces.
            _ = try OwnershipList.read(atPath: manifestPath)
        case let kind: throw .notAFile(path: manifestPath, kind: kind)
        }
    }

    /// Renders the shard's frames into `output` and writes its manifest.
    func runShard(_ plan: ShardPlan) throws -> Summary {
        guard let output else {
            throw AnimationError.rendering("a shard writes frames into a folder; give one")
        }
        InterruptCleanup.shared.install()
        try checkShard(plan, output: output)
        try output.create()
        // Shared: the other shards of the run may write into this folder at the same time.
        let lock = try FolderLock.acquire(output.path, mode: .shared)
        defer { withExtendedLifetime(lock) {} }
        try checkShard(plan, output: output)

        let frameCount = scene.frameCount
        let naming = FrameNaming(lastIndex: frameCount - 1)
        let range = plan.shard.frames(of: frameCount)
        let planned = range.map(naming.name)
        let manifestName = plan.shard.manifestName
        output.removeLeftoverTemporaries(of: Set(planned).union([manifestName]))
        var manifest = ShardManifest(
            version: RenderFitVersion.current, complete: false, shard: plan.shard, arguments: plan.arguments,
            settings: scene.settings, frameCount: frameCount, firstFrame: range.lowerBound,
            endFrame: range.upperBound, history: ShardManifest.Digest(of: historyBytes), frames: [],
            files: planned)
        // Written first: a shard killed midway still owns the frames it wrote.
        try OutputFile.write(try manifest.encoded(), toPath: output.filePath(manifestName))

        let pipeline = try FramePipeline(source: scene, jobs: jobs, quiet: quiet)
        let recorder = ShardRecordSink(naming: naming)
        let seconds = try pipeline.run(
            into: [FrameFolderSink(folder: output, naming: naming), recorder], frames: range)
        manifest.complete = true
        manifest.frames = recorder.frames
        try OutputFile.write(try manifest.encoded(), toPath: output.filePath(manifestName))
        return Summary(frames: range.count, seconds: seconds, removedStale: 0)
    }
}
