import FitOutput

/// Problems making frames, figures or animations.
public enum AnimationError: Error, CustomStringConvertible, Equatable, Sendable {
    /// No `ffmpeg` on PATH for an MP4, WebM or GIF animation; the message says how to install it.
    case ffmpegMissing(String)
    /// ffmpeg could not start, stopped reading frames, exited with an error, or its output could
    /// not be moved into place; the message includes ffmpeg's own stderr where there is one.
    case ffmpegFailed(String)
    /// An `--animation` path whose extension is not .png, .apng, .mp4, .webm or .gif.
    case unsupportedAnimationFormat(path: String)
    /// The scene could not be built (a plot error) or its static layer drawn (a Cairo or font error).
    case rendering(String)
    /// The output folder or a file in it could not be used (see ``OutputError``).
    case output(OutputError)

    /// A message that says what went wrong and what to do.
    public var description: String {
        switch self {
        case .ffmpegMissing(let hint): return hint
        case .ffmpegFailed(let message): return message
        case .unsupportedAnimationFormat(let path):
            return
                "--animation '\(path)': the extension must be .png or .apng (built in), or .mp4, .webm, .gif (with ffmpeg)"
        case .rendering(let message): return message
        case .output(let error): return error.description
        }
    }
}
