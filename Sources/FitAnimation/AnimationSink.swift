import FitPNG

/// The open animation file of a run: an APNG writer fed the frames' PNG bytes, or ffmpeg fed
/// their raw pixels. Calls come one at a time, in frame order (the renderer's delivery lock
/// serialises them), which is why the wrapped, non-thread-safe writers may be shared.
final class AnimationSink: @unchecked Sendable {
    private let apng: APNGWriter?
    private let ffmpeg: FFmpegEncoder?
    private let width: Int

    var needsPixels: Bool { ffmpeg != nil }

    init(target: AnimationTarget, width: Int, height: Int, frameCount: Int, fps: Int) throws {
        self.width = width
        switch target.kind {
        case .apng:
            apng = try APNGWriter(
                path: target.path, width: width, height: height, frameCount: frameCount,
                delay: (1, UInt16(fps)), loopCount: 0, encoder: PNGEncoder.Options(colorMode: .rgb))
            ffmpeg = nil
            if let apng { InterruptCleanup.shared.register(apng.temporaryPath) }
        case .ffmpeg(let container):
            apng = nil
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
        defer { if let apng { InterruptCleanup.shared.unregister(apng.temporaryPath) } }
        try apng?.finish()
        try ffmpeg?.finish()
    }

    func cancel() {
        ffmpeg?.cancel()
        // An APNGWriter dropped without finish() deletes its temporary file.
    }
}
