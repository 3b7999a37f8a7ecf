/// How long each frame of an animation stays on screen: `fps` frames a second, the first one
/// longer by ``pauseStart`` seconds and the last one by ``holdLast`` (so that a viewer sees
/// where a run starts and where it ends before the loop restarts). Any sink that plays frames
/// in time honours it: ``APNGSink`` through each frame's delay (no frame is repeated),
/// ``FFmpegSink`` by having ffmpeg repeat the first and last frames (a video has one rate).
public struct FrameTiming: Sendable, Equatable {
    /// Frames per second, 1 … 100.
    public var fps: Int
    /// Extra seconds on the first frame, 0 … ``maximumExtraSeconds``.
    public var pauseStart: Double
    /// Extra seconds on the last frame, 0 … ``maximumExtraSeconds``.
    public var holdLast: Double

    /// The longest pause or hold: one minute (an APNG delay of 61 s in milliseconds still fits
    /// the format's 16-bit numerator).
    public static let maximumExtraSeconds = 60.0

    /// `fps` frames a second, with the pauses given (none by default).
    public init(fps: Int, pauseStart: Double = 0, holdLast: Double = 0) {
        self.fps = fps
        self.pauseStart = pauseStart
        self.holdLast = holdLast
    }

    /// Throws ``AnimationError/rendering(_:)`` unless the rate is 1 … 100 and each pause is
    /// finite and 0 … ``maximumExtraSeconds``.
    public func validate() throws(AnimationError) {
        guard (1...100).contains(fps) else {
            throw .rendering("an animation's rate must be 1 to 100 frames a second, not \(fps)")
        }
        for (name, seconds) in [("pause at the start", pauseStart), ("hold at the end", holdLast)]
        where !(seconds.isFinite && seconds >= 0 && seconds <= Self.maximumExtraSeconds) {
            throw .rendering(
                "the \(name) must be 0 to \(Int(Self.maximumExtraSeconds)) seconds, not \(seconds)")
        }
    }

    /// Seconds that frame `index` of `count` stays on screen.
    public func seconds(forFrame index: Int, of count: Int) -> Double {
        var seconds = 1 / Double(fps)
        if index == 0 { seconds += pauseStart }
        if index == count - 1 { seconds += holdLast }
        return seconds
    }

    /// Frame `index`'s APNG delay as `numerator / denominator` seconds: 1/fps for a frame
    /// without pause; for the first and last frames the exact fraction of 1/fps plus the pause
    /// (counted in milliseconds) when it fits 16 bits, else that sum rounded to the millisecond
    /// (to the hundredth for a lone frame with both pauses).
    public func apngDelay(forFrame index: Int, of count: Int) -> (numerator: UInt16, denominator: UInt16) {
        let extra =
            (index == 0 ? Self.milliseconds(pauseStart) : 0)
            + (index == count - 1 ? Self.milliseconds(holdLast) : 0)
        let rate = UInt16(clamping: fps)
        guard extra > 0 else { return (1, rate) }
        // 1/fps + extra/1000 = (1000 + extra·fps) / (1000·fps), reduced.
        let numerator = 1000 + extra * fps
        let denominator = 1000 * fps
        let divisor = Self.gcd(numerator, denominator)
        if numerator / divisor <= Int(UInt16.max), denominator / divisor <= Int(UInt16.max) {
            return (UInt16(numerator / divisor), UInt16(denominator / divisor))
        }
        let milliseconds = (numerator * 2 + fps) / (fps * 2)
        if milliseconds <= Int(UInt16.max) { return (UInt16(milliseconds), 1000) }
        // A lone frame with both pauses (up to 121 s): hundredths of a second.
        return (UInt16(clamping: (milliseconds + 5) / 10), 100)
    }

    /// How many copies of the first and last frames a video adds: each pause times the rate,
    /// rounded to whole frames (a video shows every frame for 1/fps).
    public var videoPadFrames: (start: Int, end: Int) {
        (Int((pauseStart * Double(fps)).rounded()), Int((holdLast * Double(fps)).rounded()))
    }

    /// The pause in whole milliseconds (pauses are validated to be 0 … 60 s).
    static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return Int((min(seconds, maximumExtraSeconds) * 1000).rounded())
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return max(a, 1)
    }
}
