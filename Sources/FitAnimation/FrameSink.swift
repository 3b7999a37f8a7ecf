/// Where rendered frames go: the frames folder (``FrameFolderSink``), an animated PNG
/// (``APNGSink``), ffmpeg (``FFmpegSink``), or a test's collector. ``FramePipeline`` hands
/// every frame to every sink, then calls ``finish()`` on each, or ``cancel()`` on each when
/// rendering failed or another sink did.
///
/// A sink that ``needsOrder`` gets frames in frame order, one call at a time (the renderer's
/// delivery lock serialises them), so it may wrap a writer that is not thread-safe. One that
/// does not is called on the worker that drew the frame, concurrently and in any order: the
/// frames folder writes each file in parallel that way instead of queueing behind the lock.
public protocol FrameSink: AnyObject, Sendable {
    /// True when frames must come in order, one at a time (an animation).
    var needsOrder: Bool { get }
    /// True when the sink wants each frame's raw pixels as well as its PNG (ffmpeg).
    var needsPixels: Bool { get }
    /// Takes one frame.
    func consume(_ frame: RenderedFrame) throws
    /// Called once after the last frame: completes the output (renames it into place).
    func finish() throws
    /// Called instead of ``finish()`` when the run failed: removes partial output.
    func cancel()
}

/// One encoded frame on its way to the sinks.
public struct RenderedFrame: Sendable {
    /// The frame's index, 0-based.
    public let index: Int
    /// The frame as a PNG file, metadata included.
    public let png: [UInt8]
    /// Cairo's ARGB32 rows (`width × 4` bytes each, no padding) when a sink ``FrameSink/needsPixels``.
    public let pixels: [UInt8]?

    /// A frame with its PNG bytes and, when asked for, its pixels.
    public init(index: Int, png: [UInt8], pixels: [UInt8]?) {
        self.index = index
        self.png = png
        self.pixels = pixels
    }
}

extension FrameRenderer {
    /// Renders every frame of `frames` (default: all) with `jobs` threads and hands each one to
    /// every sink (in order to those that ``FrameSink/needsOrder``). Does not call
    /// ``FrameSink/finish()``: see ``FramePipeline``.
    public func run(
        jobs: Int, sinks: [any FrameSink], window: Int = 16, frames: Range<Int>? = nil,
        progress: ProgressReporter? = nil
    ) throws {
        let unordered = sinks.filter { !$0.needsOrder }
        let ordered = sinks.filter(\.needsOrder)
        let needsPixels = ordered.contains(where: \.needsPixels)
        // Pixels are packed only on the ordered path; an unordered sink gets the PNG alone.
        guard unordered.allSatisfy({ !$0.needsPixels }) else {
            throw AnimationError.rendering(
                "a sink that takes frames in any order cannot ask for their pixels")
        }
        let onFrame: FrameHandler = { index, png in
            for sink in unordered { try sink.consume(RenderedFrame(index: index, png: png, pixels: nil)) }
        }
        var inOrder: OrderedHandler?
        if !ordered.isEmpty {
            inOrder = { index, png, pixels in
                let frame = RenderedFrame(index: index, png: png, pixels: pixels)
                for sink in ordered { try sink.consume(frame) }
            }
        }
        try run(
            jobs: jobs, window: window, needsPixels: needsPixels, frames: frames, onFrame: onFrame,
            ordered: inOrder, progress: progress)
    }
}
