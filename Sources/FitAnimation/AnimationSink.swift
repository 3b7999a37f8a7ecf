import FitOutput
import FitPNG

/// The open animation file of a run: an APNG writer streaming into an ``OutputFile``, or
/// ffmpeg fed the frames' raw pixels. Calls come one at a time, in frame order (the
/// renderer's delivery lock serialises them), which is why the wrapped, non-thread-safe
/// writers may be shared.
final class AnimationSink: @unchecked Sendable {
    private let apng: APNGWriter?
    private let apngFile: OutputFile?
    private let ffmpeg: FFmpegEncoder?
    private let width: Int

    var needsPixels: Bool { ffmpeg != nil }

    init(target: AnimationTarget, width: Int, height: Int, frameCount: Int, fps: Int) throws {
        self.width = width
        switch target.kind {
        case .apng:
            let file = try OutputFile(path: target.path)
            apngFile = file
            apng = try APNGWriter(
                width: width, height: height, frameCount: frameCount,
                delay: (1, UInt16(fps)), loopCount: 0, encoder: PNGEncoder.Options(colorMode: .rgb),
                sink: { bytes in try file.write(bytes) })
            ffmpeg = nil
        case .ffmpeg(let container):
            apng = nil
            apngFile = nil
            ffmpeg = try FFmpegEncoder(
                path: target.path, container: container, width: width, height: height, fps: fps)
        }
    }

    func append(png: [UInt8], pixels: [UInt8]?) throws {
        if let apng { try apng.appendEncodedPNG(png) }
        if let ffmpeg, let pixels {
            try pixels.withUnsafeBytes { buffer in try ffmpeg.append(pixels: buffer, stride: width * 4) }
        }
    }

    func finish() throws {
        if let apng, let apngFile {
            try apng.finish()
            try apngFile.commit()
        }
        try ffmpeg?.finish()
    }

    func cancel() {
        ffmpeg?.cancel()
        apngFile?.discard()
    }
}
