import ArgumentParser
import FitTrainer

/// `--learning-rate lr`: the step size.
public struct LearningRateOption: ParsableArguments {
    public static let allowed = "a finite number above 0, such as 0.1"

    @Option(
        name: .customLong("learning-rate"), parsing: .unconditional,
        help: ArgumentHelp(
            "Step size, \(allowed) (default \(OptimizerConfiguration.defaultLearningRate)); with gd on a line or polynomial the summary prints the largest stable one.",
            valueName: "lr"),
        transform: { try NumberArgument.double($0, allowed: allowed) })
    public var given: Double?

    /// The step size: the one given, or the default. (Optional underneath so that
    /// `--compare learning-rate=…` can tell a given --learning-rate from the default.)
    public var learningRate: Double { given ?? OptimizerConfiguration.defaultLearningRate }

    public init() {}

    /// Why `rate` is not a learning rate, or nil when it is one.
    public static func problem(_ rate: Double) -> String? {
        rate.isFinite && rate > 0 ? nil : "--learning-rate \(rate) is not allowed; use \(allowed)"
    }

    public func validate() throws {
        if let given, let message = Self.problem(given) { throw ValidationError(message) }
    }
}
