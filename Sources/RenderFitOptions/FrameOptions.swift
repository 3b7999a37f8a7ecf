import ArgumentParser
import FitAnimation

/// Which training states become frames, and how long the animation lingers on the first and
/// last ones.
public struct FrameOptions: ParsableArguments {
    /// `--frames`'s values.
    public enum Spacing: String, CaseIterable, ExpressibleByArgument {
        case all, log
    }

    public static let everyRange = 1...IterationsOption.maximum
    public static let allowedEvery = "a whole number from 1 to \(IterationsOption.maximum)"
    public static let maxFramesRange = 2...(IterationsOption.maximum + 1)
    public static let allowedMaxFrames = "a whole number from 2 to \(IterationsOption.maximum + 1)"
    public static let allowedSeconds =
        "a number of seconds from 0 to \(Int(FrameTiming.maximumExtraSeconds)), such as 1.5"

    @Option(
        help: ArgumentHelp(
            "Which states become frames: all, or log (every state up to \(FrameSelection.logLinearPrefix), then \(FrameSelection.logFramesPerDecade) iterations per decade, and the last) (default all).",
            valueName: "all|log"),
        transform: { try EnumArgument.parse($0, as: Spacing.self) })
    public var frames: Spacing?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "A frame every n iterations (0, n, 2n, …) and the last state, \(allowedEvery); not with --frames.",
            valueName: "n"),
        transform: { try NumberArgument.integer($0, allowed: allowedEvery) })
    public var every: Int?

    @Option(
        name: .customLong("max-frames"), parsing: .unconditional,
        help: ArgumentHelp(
            "At most m frames, \(allowedMaxFrames): picked evenly among the states --frames or --every chose, the first and last kept.",
            valueName: "m"),
        transform: { try NumberArgument.integer($0, allowed: allowedMaxFrames) })
    public var maxFrames: Int?

    @Option(
        name: .customLong("pause-start"), parsing: .unconditional,
        help: ArgumentHelp(
            "Extra seconds the animation shows its first frame, \(allowedSeconds) (default 0).",
            valueName: "s"),
        transform: { try NumberArgument.double($0, allowed: allowedSeconds) })
    public var pauseStart: Double?

    @Option(
        name: .customLong("hold-last"), parsing: .unconditional,
        help: ArgumentHelp(
            "Extra seconds the animation shows its last frame before it loops, \(allowedSeconds) (default 0).",
            valueName: "s"),
        transform: { try NumberArgument.double($0, allowed: allowedSeconds) })
    public var holdLast: Double?

    /// The selection the options describe (every state when none is given).
    public var selection: FrameSelection {
        let spacing: FrameSelection.Spacing =
            if let every { .every(every) } else if frames == .log { .logarithmic } else { .all }
        return FrameSelection(spacing: spacing, maximumFrames: maxFrames)
    }

    /// True when an option chooses frames (they then need frames to choose from).
    public var choosesFrames: Bool { frames != nil || every != nil || maxFrames != nil }

    public init() {}

    public func validate() throws {
        if let every {
            guard Self.everyRange.contains(every) else {
                throw ValidationError("--every \(every) is not allowed; use \(Self.allowedEvery)")
            }
            if let frames {
                throw ValidationError(
                    "--every \(every) cannot be combined with --frames \(frames.rawValue); --every chooses the frames itself"
                )
            }
        }
        if let maxFrames, !Self.maxFramesRange.contains(maxFrames) {
            throw ValidationError("--max-frames \(maxFrames) is not allowed; use \(Self.allowedMaxFrames)")
        }
        for (flag, value) in [("pause-start", pauseStart), ("hold-last", holdLast)] {
            guard let value else { continue }
            guard value.isFinite, value >= 0, value <= FrameTiming.maximumExtraSeconds else {
                throw ValidationError("--\(flag) \(value) is not allowed; use \(Self.allowedSeconds)")
            }
        }
    }
}
