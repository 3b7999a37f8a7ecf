import ArgumentParser
import FitTrainer

/// `--iterations n`: the number of updates.
public struct IterationsOption: ParsableArguments {
    public static let maximum = 1_000_000
    public static let allowed = "a whole number from 1 to \(maximum)"

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Number of updates, \(allowed) (default \(Trainer.defaultIterations)).", valueName: "n"),
        transform: { try NumberArgument.integer($0, allowed: allowed) })
    public var iterations: Int = Trainer.defaultIterations

    public init() {}

    public func validate() throws {
        guard (1...Self.maximum).contains(iterations) else {
            throw ValidationError("--iterations \(iterations) is not allowed; use \(Self.allowed)")
        }
    }
}
