import ArgumentParser
import Foundation

/// `--jobs n`: frames rendered in parallel (the bytes do not depend on it).
public struct JobsOption: ParsableArguments {
    public static let range = 1...64
    public static let allowed = "a whole number from \(range.lowerBound) to \(range.upperBound)"
    /// The number of cores, within ``range``.
    public static let defaultJobs = max(
        1, min(range.upperBound, ProcessInfo.processInfo.activeProcessorCount))

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Frames rendered in parallel, \(allowed) (default: the number of cores). The bytes do not depend on it.",
            valueName: "n"),
        transform: { try NumberArgument.integer($0, allowed: allowed) })
    public var jobs: Int?

    public init() {}

    /// The value given, or ``defaultJobs``.
    public var count: Int { jobs ?? Self.defaultJobs }

    public func validate() throws {
        if let jobs, !Self.range.contains(jobs) {
            throw ValidationError("--jobs \(jobs) is not allowed; use \(Self.allowed)")
        }
    }
}
