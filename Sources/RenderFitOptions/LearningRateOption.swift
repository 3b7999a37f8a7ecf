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
    public var learningRate: Double = OptimizerConfiguration.defaultLearningRate

    public init() {}

    public func validate() throws {
        guard learningRate.isFinite, learningRate > 0 else {
            throw ValidationError("--learning-rate \(learningRate) is not allowed; use \(Self.allowed)")
        }
    }
}
