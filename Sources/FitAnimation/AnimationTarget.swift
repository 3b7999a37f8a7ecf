/// Where `--animation` goes and how it is made, chosen from the file's extension.
public struct AnimationTarget: Sendable, Equatable {
    /// How the animation is written.
    public enum Kind: Sendable, Equatable {
        /// Built in: an animated PNG (`.png`, `.apng`).
        case apng
        /// Raw frames piped into ffmpeg.
        case ffmpeg(FFmpegEncoder.Container)
    }

    /// The animation file's path, as given.
    public let path: String
    /// Built-in APNG or an ffmpeg container, from the extension.
    public let kind: Kind

    /// Throws `unsupportedAnimationFormat` for any other extension.
    public init(path: String) throws(AnimationError) {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard path.contains("."), !path.hasSuffix("/") else { throw .unsupportedAnimationFormat(path: path) }
        switch ext {
        case "png", "apng": kind = .apng
        case "mp4": kind = .ffmpeg(.mp4)
        case "webm": kind = .ffmpeg(.webm)
        case "gif": kind = .ffmpeg(.gif)
        default: throw .unsupportedAnimationFormat(path: path)
        }
        self.path = path
    }

    /// A note for the user when the format cannot show the requested rate exactly.
    public func rateNote(fps: Int) -> String? {
        if kind == .ffmpeg(.gif), FFmpegEncoder.gifFrameRate(for: fps) != fps {
            return "note: GIF frame delays are whole hundredths of a second and browsers slow down delays "
                + "below 2/100 s, so the GIF plays at \(FFmpegEncoder.gifFrameRate(for: fps)) fps instead of \(fps)"
        }
        return nil
    }
}

extension AnimationTarget {
    /// The sink that writes this animation: an ``APNGSink`` or an ``FFmpegSink``.
    public func makeSink(width: Int, height: Int, frameCount: Int, fps: Int) throws -> any FrameSink {
        try makeSink(width: width, height: height, frameCount: frameCount, timing: FrameTiming(fps: fps))
    }

    /// The sink that writes this animation played as `timing` says (rate, pause, hold).
    public func makeSink(width: Int, height: Int, frameCount: Int, timing: FrameTiming) throws
        -> any FrameSink
    {
        switch kind {
        case .apng:
            return try APNGSink(
                path: path, width: width, height: height, frameCount: frameCount, timing: timing)
        case .ffmpeg(let container):
            return try FFmpegSink(
                path: path, container: container, width: width, height: height, timing: timing)
        }
    }
}
