/// Problems making frames, figures or animations.
public enum AnimationError: Error, CustomStringConvertible, Equatable, Sendable {
    case ffmpegMissing(String)
    case ffmpegFailed(String)
    case unsupportedAnimationFormat(path: String)
    case rendering(String)
    case output(OutputError)

    public var description: String {
        switch self {
        case .ffmpegMissing(let hint): return hint
        case .ffmpegFailed(let message): return message
        case .unsupportedAnimationFormat(let path):
            return "--animation '\(path)': the extension must be .png or .apng (built in), or .mp4, .webm, .gif (with ffmpeg)"
        case .rendering(let message): return message
        case .output(let error): return error.description
        }
    }
}
