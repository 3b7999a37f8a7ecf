/// Feeds frames' raw pixels to ffmpeg (``FFmpegEncoder``), in order, for an MP4, WebM or GIF.
public final class FFmpegSink: FrameSink, @unchecked Sendable {
    // @unchecked: the encoder is not thread-safe; calls come one at a time (needsOrder).
    private let encoder: FFmpegEncoder
    private let width: Int

    /// Starts ffmpeg writing `container` to `path` (see ``FFmpegEncoder/init(path:container:width:height:timing:)``).
    public convenience init(
        path: String, container: FFmpegEncoder.Container, width: Int, height: Int, fps: Int
    )
        throws(AnimationError)
    {
        try self.init(
            path: path, container: container, width: width, height: height, timing: FrameTiming(fps: fps))
    }

    /// Starts ffmpeg writing `container` to `path` at `timing`'s rate, with its pause and hold
    /// (ffmpeg repeats the first and last frames; see ``FrameTiming/videoPadFrames``).
    public init(
        path: String, container: FFmpegEncoder.Container, width: Int, height: Int, timing: FrameTiming
    )
        throws(AnimationError)
    {
        encoder = try FFmpegEncoder(
            path: path, container: container, width: width, height: height, timing: timing)
        self.width = width
    }

    /// True: a video's frames come in order.
    public var needsOrder: Bool { true }
    /// True: ffmpeg reads raw pixels.
    public var needsPixels: Bool { true }

    /// Sends the frame's pixels.
    public func consume(_ frame: RenderedFrame) throws {
        guard let pixels = frame.pixels else {
            throw AnimationError.rendering("frame \(frame.index) came without the pixels ffmpeg needs")
        }
        try pixels.withUnsafeBytes { buffer in try encoder.append(pixels: buffer, stride: width * 4) }
    }

    /// Waits for ffmpeg and renames its output into place.
    public func finish() throws { try encoder.finish() }

    /// Stops ffmpeg and removes its partial output.
    public func cancel() { encoder.cancel() }
}
