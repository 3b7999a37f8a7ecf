import FitOutput
import FitPNG
import Foundation

/// `render-fit merge`: the run's folder assembled from its shards, byte for byte what one run
/// on one machine writes (frames, `history.csv`, `manifest.json`, the animation).
///
/// The job's scene is the run trained again from the shards' arguments (cheap and
/// deterministic); its history must be the shards'. Frames are taken from the shards, never
/// drawn: one already in the output folder (a shared folder) stays; one elsewhere is hard-linked
/// (same file system) or copied (``FilePlacement``), never moved, so the shard folders stay
/// intact. An APNG is stitched from the frames' compressed data without re-encoding
/// (``APNGSink``); ffmpeg gets each frame's decoded pixels.
///
/// Safety: every rule of a frames run holds (ownership, stale frames, leftovers, the
/// incomplete manifest written first); the shard folders are locked too, so no shard can be
/// writing; every frame is read and checked against its shard's record before anything is
/// written. The shard manifests inside the output folder are removed last: `manifest.json`
/// then owns the frames, and the folder holds exactly what one run writes.
extension FramesJob {
    /// Merges `shards` into ``output`` (and the animation); returns what was done.
    public func runMerge(_ shards: ShardSet) throws -> MergeSummary {
        guard let output else {
            throw AnimationError.rendering("merge writes into a folder; give one")
        }
        InterruptCleanup.shared.install()
        let texts = historyTexts
        guard ShardManifest.Digest(of: Self.bytes(of: texts)) == shards.history,
            shards.frameCount == scene.frameCount
        else {
            throw ShardError.otherHistory(
                path: shards.members[0].path, reference: "the run trained again from its arguments")
        }
        let inOutput = shards.members.filter { $0.folder.resolvedPath == output.resolvedPath }
        let shardOwned = shards.ownedFrames(in: output.path)
        _ = try checkMerge(output: output, shardOwned: shardOwned)

        // The shard folders first (they exist): a shard still writing stops the merge before
        // anything is created.
        var locks: [FolderLock] = []
        for folder in shards.members.map(\.folder.path) where !locks.contains(where: { $0.folder == folder })
        {
            let lock: Result<FolderLock, OutputError> = Result { () throws(OutputError) in
                try FolderLock.acquire(folder)
            }
            switch lock {
            case .success(let lock): locks.append(lock)
            case .failure(.folderLocked):
                throw ShardError.beingWritten(
                    folder: folder,
                    reason:
                        "a render-fit run (a shard still running?) is writing into it; wait for it to end; nothing was written"
                )
            case .failure(let error): throw error
            }
        }
        defer { withExtendedLifetime(locks) {} }
        // Under the shard folders' locks: the shards are what was checked and their frames are
        // intact; only then is the output folder created.
        guard try shards.isUnchangedOnDisk() else {
            throw ShardError.beingWritten(
                folder: shards.folders.joined(separator: ", "),
                reason: "a shard changed while the merge started; run the merge again; nothing was written")
        }
        try shards.verifyFrames(jobs: jobs)
        try output.create()
        locks += try FolderLock.acquireAll(folders)
        let previouslyOwned = try checkMerge(output: output, shardOwned: shardOwned)

        let start = DispatchTime.now().uptimeNanoseconds
        let planned = plannedFiles
        let naming = FrameNaming(lastIndex: scene.frameCount - 1)
        if let animation, !Self.isInside(animation.path, output) {
            OutputDirectory.removeLeftoverTemporaries(
                inFolder: ResolvedPath.parent(of: animation.path), of: [ResolvedPath.name(of: animation.path)]
            )
        }
        try beginWriting(
            output, previouslyOwned: previouslyOwned, planned: planned, texts: texts)

        // The frames are placed while the complete manifest is written beside them, unpublished:
        // linking is the kernel's work on one core (one folder's entries are added one at a
        // time), the manifest's text the other core's. Both are there before it is published.
        var summary = MergeSummary(shards: shards.members.count, frames: scene.frameCount)
        let finalFiles = finalFiles(output, previouslyOwned: previouslyOwned, planned: planned)
        let manifest = try OutputFile(path: output.manifestPath)
        let placed = try Self.concurrently(
            { () throws -> (linked: Int, copied: Int) in
                var counts = (linked: 0, copied: 0)
                for member in shards.members where member.folder.resolvedPath != output.resolvedPath {
                    for frame in member.manifest.frames {
                        switch try FilePlacement.place(
                            member.folder.filePath(frame.file), at: output.filePath(frame.file))
                        {
                        case .linked: counts.linked += 1
                        case .copied: counts.copied += 1
                        }
                    }
                }
                return counts
            },
            { [handoff = Handoff(manifest)] () throws in
                _ = try streamManifest(complete: true, files: finalFiles, into: handoff.value)
            })
        (summary.linked, summary.copied) = placed
        if let animation { try writeAnimation(animation, from: output, naming: naming) }

        summary.removedStale = try removeStaleFiles(
            output, previouslyOwned: previouslyOwned, planned: planned)
        try manifest.commit()
        // manifest.json owns the frames now; the shard manifests beside it are spent.
        for member in inOutput where FileKind(atPath: member.path) == .regular {
            if unlink(member.path) != 0, errno != ENOENT {
                throw OutputError.cannotRemove(path: member.path, reason: String(cString: strerror(errno)))
            }
        }
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return summary
    }

    /// Runs `first` on this thread and `second` on another, and returns `first`'s result once
    /// both ended; the first error thrown (`first`'s before `second`'s) is rethrown.
    private static func concurrently<T>(
        _ first: () throws -> T, _ second: @escaping @Sendable () throws -> Void
    )
        throws -> T
    {
        let secondError = Locked<(any Error)?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            do { try second() } catch { secondError.withLock { $0 = error } }
            done.signal()
        }
        let result = Result { try first() }
        done.wait()
        let value = try result.get()
        if let error = secondError.withLock({ $0 }) { throw error }
        return value
    }

    /// A value handed to the one thread of ``concurrently(_:_:)``'s second task: the giver does
    /// not touch it again until that task ended (the semaphore orders the two).
    private final class Handoff<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// The output folder's checks, with the frames that shard manifests in it claim counted as
    /// render-fit's; returns the files its previous `manifest.json` owns.
    private func checkMerge(output: OutputDirectory, shardOwned: Set<String>) throws(OutputError) -> Set<
        String
    > {
        let planned = plannedFiles
        let owned = try output.checkOwnership(of: planned, alsoOwned: shardOwned)
        try output.checkRemovable(staleFrames(previouslyOwned: owned, planned: planned))
        return owned
    }

    /// Writes the animation from the frames now in `output`, in order.
    private func writeAnimation(
        _ animation: AnimationTarget, from output: OutputDirectory, naming: FrameNaming
    )
        throws
    {
        let size = scene.pixelSize
        let sink = try animation.makeSink(
            width: size.width, height: size.height, frameCount: frameCount, timing: timing)
        do {
            for index in 0..<scene.frameCount {
                let path = output.filePath(naming.name(index))
                let png: [UInt8]
                do {
                    png = try BoundedFile.read(atPath: path, limit: ShardSet.maximumFrameBytes)
                } catch {
                    throw OutputError.cannotWrite(
                        path: animation.path, reason: "cannot read '\(path)': \(error.reason)")
                }
                var pixels: [UInt8]?
                if sink.needsPixels {
                    // Cairo's ARGB32 words, as the renderer hands them to ffmpeg (frames are opaque).
                    let words = try PNGDecoder().decode(png).premultipliedARGB32()
                    pixels = words.withUnsafeBytes { Array($0) }
                }
                try sink.consume(RenderedFrame(index: index, png: png, pixels: pixels))
            }
            try sink.finish()
        } catch {
            sink.cancel()
            throw error
        }
    }

    /// What a merge did.
    public struct MergeSummary: Sendable, Equatable {
        /// Shards merged.
        public var shards: Int
        /// Frames in the run.
        public var frames: Int
        /// Frames hard-linked from another folder.
        public var linked = 0
        /// Frames copied from another file system.
        public var copied = 0
        /// Frames of an earlier run removed.
        public var removedStale = 0
        /// Wall time of the writing, in seconds.
        public var seconds = 0.0
    }
}
