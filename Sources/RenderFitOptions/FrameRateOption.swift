import ArgumentParser

/// `--fps n`: frames per second of an animation.
public struct FrameRateOption<Defaults: OptionDefaults>: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Frames per second of the animation, \(FrameRateLimits.allowed) (default \(Defaults.framesPerSecond); the tutorial's 20 ms interval is 50).",
            valueName: "n"),
        transform: { try NumberArgument.integer($0, allowed: FrameRateLimits.allowed) })
    public var fps: Int = Defaults.framesPerSecond

    public init() {}

    public func validate() throws {
        guard FrameRateLimits.range.contains(fps) else {
            throw ValidationError("--fps \(fps) is not allowed; use \(FrameRateLimits.allowed)")
        }
    }
}

/// The frame rates `--fps` allows, whatever the tool's default.
public enum FrameRateLimits {
    public static let range = 1...100
    public static let allowed = "a whole number from \(range.lowerBound) to \(range.upperBound)"
}
