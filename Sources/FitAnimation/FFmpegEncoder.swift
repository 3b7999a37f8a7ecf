import FitOutput
import Foundation

/// Pipes raw frames into ffmpeg to make an MP4 (H.264, yuv420p, even dimensions), a WebM
/// (VP9) or a GIF (with a palette pass). The frames arrive as Cairo's premultiplied ARGB32
/// rows, which for the opaque frames render-fit draws are exactly ffmpeg's `bgra` on a
/// little-endian machine (`argb` on a big-endian one): no conversion is needed.
/// Output goes to an exclusive temporary (``OutputFile``) that render-fit creates and hands to
/// ffmpeg as its standard output (ffmpeg writes `/dev/stdout`, which it can seek, so MP4's
/// `+faststart` works): ffmpeg never opens a path of its own, so a planted link is never
/// followed. ``finish()`` renames the temporary into place; ``cancel()`` removes it.
public final class FFmpegEncoder {
    /// The output format, named by its file extension.
    public enum Container: String, Sendable, CaseIterable {
        /// H.264 MP4, VP9 WebM, or GIF.
        case mp4, webm, gif
    }

    private let process = Process()
    private let input = Pipe()
    private let errors = Pipe()
    private let output: OutputFile
    private let width: Int
    private let height: Int
    private var finished = false

    /// The first `ffmpeg` on PATH, or nil.
    public static func locate() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = String(dir) + "/ffmpeg"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The message to show when ffmpeg is missing.
    public static let installHint =
        "ffmpeg is not installed; MP4, WebM and GIF animations need it. Install it with "
        + "`Scripts/setup.sh --with-ffmpeg` (or `apt-get install ffmpeg`, `brew install ffmpeg`), "
        + "or write an animated PNG instead: --animation FILE.png"

    /// GIF frame delays are whole hundredths of a second, and browsers slow down delays
    /// below 2/100 s: the rate actually used for a GIF.
    public static func gifFrameRate(for fps: Int) -> Int { min(fps, 50) }

    /// Starts ffmpeg writing `container` to a temporary name beside `path`, reading
    /// `width × height` frames at `fps` frames per second from a pipe.
    public convenience init(path: String, container: Container, width: Int, height: Int, fps: Int)
        throws(AnimationError)
    {
        try self.init(
            path: path, container: container, width: width, height: height, timing: FrameTiming(fps: fps))
    }

    /// Starts ffmpeg writing `container` to a temporary name beside `path`, reading
    /// `width × height` frames from a pipe, played as `timing` says. The pause and the hold
    /// are whole frames that ffmpeg's `tpad` filter repeats (``FrameTiming/videoPadFrames``):
    /// nothing more is piped, and the frame counts are computed here, not by ffmpeg's rounding.
    /// - Throws: ``AnimationError/ffmpegMissing(_:)`` when no ffmpeg is on PATH,
    ///   ``AnimationError/ffmpegFailed(_:)`` when it cannot be started or its output file
    ///   cannot be created.
    public init(path: String, container: Container, width: Int, height: Int, timing: FrameTiming)
        throws(AnimationError)
    {
        try timing.validate()
        let fps = timing.fps
        guard let ffmpeg = Self.locate() else { throw .ffmpegMissing(Self.installHint) }
        do {
            output = try OutputFile(path: path)
        } catch {
            throw .ffmpegFailed(error.description)
        }
        self.width = width
        self.height = height
        #if _endian(little)
            let pixelFormat = "bgra"
        #else
            let pixelFormat = "argb"
        #endif
        var arguments = [
            "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", pixelFormat,
            "-s", "\(width)x\(height)", "-framerate", "\(fps)", "-i", "-",
        ]
        // The pause and hold, as repeated first and last frames (no filter when there are none,
        // so a run without them gives the same command as before).
        let pad = timing.videoPadFrames
        let hold =
            pad.start == 0 && pad.end == 0
            ? nil : "tpad=start=\(pad.start):stop=\(pad.end):start_mode=clone:stop_mode=clone"
        switch container {
        case .mp4:
            arguments += [
                "-vf", ["pad=ceil(iw/2)*2:ceil(ih/2)*2", hold].compactMap { $0 }.joined(separator: ","),
                "-c:v", "libx264", "-pix_fmt", "yuv420p",
                "-crf", "18", "-movflags", "+faststart", "-f", "mp4",
            ]
        case .webm:
            if let hold { arguments += ["-vf", hold] }
            arguments += [
                "-c:v", "libvpx-vp9", "-pix_fmt", "yuv420p", "-b:v", "0", "-crf", "32", "-f", "webm",
            ]
        case .gif:
            arguments += [
                "-filter_complex",
                (hold.map { $0 + "," } ?? "")
                    + "split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]paletteuse=dither=none",
                "-r", "\(Self.gifFrameRate(for: fps))", "-loop", "0", "-f", "gif",
            ]
        }
        arguments.append("/dev/stdout")
        // A write to a pipe whose reader died must fail with EPIPE, not kill the process.
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = URL(fileURLWithPath: ffmpeg)
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = FileHandle(fileDescriptor: output.fileDescriptor, closeOnDealloc: false)
        process.standardError = errors
        do {
            try process.run()
        } catch {
            output.discard()
            throw .ffmpegFailed("could not start \(ffmpeg): \(error.localizedDescription)")
        }
    }

    deinit {
        if !finished { cancel() }
    }

    /// Sends one frame: `height` rows of `stride` bytes, `width × 4` of which are pixels.
    public func append(pixels: UnsafeRawBufferPointer, stride: Int) throws(AnimationError) {
        let rowBytes = width * 4
        var frame = Data(capacity: rowBytes * height)
        guard let base = pixels.baseAddress, pixels.count >= stride * (height - 1) + rowBytes else {
            throw .rendering("frame buffer too small for \(width)×\(height)")
        }
        for y in 0..<height {
            frame.append(base.advanced(by: y * stride).assumingMemoryBound(to: UInt8.self), count: rowBytes)
        }
        do {
            try input.fileHandleForWriting.write(contentsOf: frame)
        } catch {
            throw .ffmpegFailed("ffmpeg stopped reading frames: \(stderrText())")
        }
    }

    /// Closes the input, waits for ffmpeg and renames the output into place.
    public func finish() throws(AnimationError) {
        finished = true
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            output.discard()
            throw .ffmpegFailed("ffmpeg exited with status \(process.terminationStatus): \(stderrText())")
        }
        do {
            try output.commit()
        } catch {
            throw .ffmpegFailed("cannot move the animation into place: \(error)")
        }
    }

    /// Stops ffmpeg and removes its partial output.
    public func cancel() {
        finished = true
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        output.discard()
    }

    private func stderrText() -> String {
        let data = ((try? errors.fileHandleForReading.readToEnd()) ?? nil) ?? Data()
        let text = String(decoding: data, as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "(no message)" : String(text.suffix(500))
    }
}
