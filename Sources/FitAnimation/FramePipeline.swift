import FitOutput

/// One rendering run of a ``FrameSource`` into sinks: the parallel in-order renderer, the
/// frame-buffer budget, the progress bar, and clean-up on failure or interrupt. Every program
/// that animates goes through here (`render-fit` via ``FramesJob``, the examples), so each
/// gets the same bytes for any `jobs`, the same progress and the same guarantees.
///
/// On success every sink is finished in order; if rendering or a sink fails, every sink not
/// yet finished is cancelled (partial animations are removed) and the error is rethrown. An
/// interrupt (SIGINT, SIGTERM) removes the temporaries being written (`InterruptCleanup`).
public struct FramePipeline: Sendable {
    /// The renderer, with the source's static layer drawn.
    public let renderer: FrameRenderer
    /// Frames rendered in parallel (clamped to 1 ... ``FrameRenderer/maximumJobs``, and to the
    /// frame-buffer budget); the bytes do not depend on it.
    public var jobs: Int
    /// Silences the progress bar.
    public var quiet: Bool
    /// The program named in notes ("render-fit: note: …").
    public var toolName: String

    /// Draws `source`'s static layer.
    /// - Throws: ``AnimationError/rendering(_:)`` (see ``FrameRenderer/init(source:)``).
    public init(source: any FrameSource, jobs: Int, quiet: Bool, toolName: String = "render-fit")
        throws(AnimationError)
    {
        renderer = try FrameRenderer(source: source)
        self.jobs = jobs
        self.quiet = quiet
        self.toolName = toolName
    }

    /// The source's frame count.
    public var frameCount: Int { renderer.source.frameCount }
    /// The frames' pixel size.
    public var pixelSize: (width: Int, height: Int) { renderer.pixelSize }

    /// Renders every frame of `frames` (default: all; a shard renders a range) into `sinks`
    /// and finishes them; returns the rendering's wall time in seconds. On failure cancels the
    /// sinks not finished and rethrows.
    @discardableResult
    public func run(into sinks: [any FrameSink], frames: Range<Int>? = nil) throws -> Double {
        InterruptCleanup.shared.install()
        let size = renderer.pixelSize
        let workers = FrameRenderer.workerCount(
            jobs: jobs, width: size.width, height: size.height,
            needsPixels: sinks.contains(where: \.needsPixels))
        if workers < jobs {
            StandardError.writeLine(
                "\(toolName): note: frames of \(size.width)×\(size.height) pixels take \(FrameRenderer.describe(bytes: size.width * size.height * 4)) each;"
                    + " rendering with \(workers) of the \(jobs) jobs asked for, to stay within the \(FrameRenderer.describe(bytes: FrameRenderer.frameMemoryBudget)) frame-buffer budget"
            )
        }
        let progress = ProgressReporter(total: frames?.count ?? frameCount, quiet: quiet)
        var finished = 0
        do {
            try renderer.run(jobs: workers, sinks: sinks, frames: frames, progress: progress)
            for sink in sinks {
                try sink.finish()
                finished += 1
            }
        } catch {
            InterruptCleanup.shared.waitIfTerminating()
            for sink in sinks.dropFirst(finished) { sink.cancel() }
            progress.finish()
            throw error
        }
        progress.finish()
        return progress.elapsedSeconds
    }
}
