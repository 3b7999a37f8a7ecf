import FitOutput
import FitPNG
import Foundation

/// Streams frames into an animated PNG: the frames' compressed data is lifted into the
/// animation without re-encoding (`APNGWriter.appendEncodedPNG(_:)`; the first frame's text
/// chunks go into the file's header). The file is an `OutputFile`: an exclusive temporary,
/// renamed into place by ``finish()``, removed by ``cancel()`` or an interrupt.
public final class APNGSink: FrameSink, @unchecked Sendable {
    // @unchecked: the writer is not thread-safe; calls come one at a time (needsOrder).
    private let writer: APNGWriter
    private let file: OutputFile
    private let timing: FrameTiming

    /// Creates the temporary for `path` and announces `frameCount` frames of `width × height`
    /// shown `fps` times a second, looping forever.
    public convenience init(path: String, width: Int, height: Int, frameCount: Int, fps: Int) throws {
        try self.init(
            path: path, width: width, height: height, frameCount: frameCount, timing: FrameTiming(fps: fps))
    }

    /// Creates the temporary for `path` and announces `frameCount` frames of `width × height`
    /// timed by `timing`, looping forever: the first and last frames' delays carry the pause
    /// and the hold (``FrameTiming/apngDelay(forFrame:of:)``), no frame is repeated.
    public init(path: String, width: Int, height: Int, frameCount: Int, timing: FrameTiming) throws {
        try timing.validate()
        let file = try OutputFile(path: path)
        self.file = file
        self.timing = timing
        writer = try APNGWriter(
            width: width, height: height, frameCount: frameCount, delay: (1, UInt16(clamping: timing.fps)),
            loopCount: 0, encoder: PNGEncoder.Options(colorMode: .rgb),
            sink: { bytes in try file.write(bytes) })
    }

    /// True: an animation's frames come in order.
    public var needsOrder: Bool { true }
    /// False: the PNG is enough.
    public var needsPixels: Bool { false }

    /// Appends the frame.
    public func consume(_ frame: RenderedFrame) throws {
        try writer.appendEncodedPNG(
            frame.png, delay: timing.apngDelay(forFrame: frame.index, of: writer.frameCount))
    }

    /// Writes the end of the file and renames it into place.
    public func finish() throws {
        try writer.finish()
        try file.commit()
    }

    /// Removes the partial file.
    public func cancel() { file.discard() }
}
