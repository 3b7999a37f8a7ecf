import ArgumentParser
import FitTrainer

/// How the model is trained: the optimizer, its hyperparameters, the batch schedule.
public struct TrainingOptions: ParsableArguments {
    public static let allowedUnitInterval = "a number in [0, 1), such as 0.9"
    public static let allowedEpsilons = "a finite number above 0, such as 1e-8"
    public static let allowedBatchSizes = "a whole number from 1 to the number of points"

    @OptionGroup public var iterationsOption: IterationsOption

    @Option(
        name: .customLong("optimizer"),
        help: ArgumentHelp(
            "The update rule, as torch.optim defines it: gd, momentum (SGD with momentum), nesterov, rmsprop or adam (default gd).",
            valueName: "name"),
        transform: { try EnumArgument.parse($0, as: OptimizerConfiguration.Kind.self) })
    public var optimizerOption: OptimizerConfiguration.Kind?

    @OptionGroup public var learningRateOption: LearningRateOption

    /// The update rule (gd unless given). Optional underneath so that `--compare optimizer=…`
    /// can tell a given --optimizer from the default.
    public var optimizer: OptimizerConfiguration.Kind { optimizerOption ?? .gd }

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Momentum μ of momentum and nesterov, \(allowedUnitInterval) (default \(OptimizerConfiguration.defaultMomentum)).",
            valueName: "μ"),
        transform: { try NumberArgument.double($0, allowed: allowedUnitInterval) })
    public var momentum: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "RMSprop's smoothing constant α, \(allowedUnitInterval) (default \(OptimizerConfiguration.defaultRho)).",
            valueName: "α"),
        transform: { try NumberArgument.double($0, allowed: allowedUnitInterval) })
    public var rho: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Adam's β₁, \(allowedUnitInterval) (default \(OptimizerConfiguration.defaultBeta1)).",
            valueName: "β₁"),
        transform: { try NumberArgument.double($0, allowed: allowedUnitInterval) })
    public var beta1: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Adam's β₂, \(allowedUnitInterval) (default \(OptimizerConfiguration.defaultBeta2)).",
            valueName: "β₂"),
        transform: { try NumberArgument.double($0, allowed: allowedUnitInterval) })
    public var beta2: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "ε of rmsprop and adam, \(allowedEpsilons) (default 1e-08).", valueName: "ε"),
        transform: { try NumberArgument.double($0, allowed: allowedEpsilons) })
    public var epsilon: Double?

    @Option(
        name: .customLong("batch-size"), parsing: .unconditional,
        help: ArgumentHelp(
            "Points per update, \(allowedBatchSizes) (default: all, full batch). Below that, every epoch shuffles the points and takes batches in order, the last one possibly smaller.",
            valueName: "B"),
        transform: { try NumberArgument.integer($0, allowed: allowedBatchSizes) })
    public var batchSize: Int?

    @Option(
        name: .customLong("shuffle-seed"), parsing: .unconditional,
        help: ArgumentHelp(
            "Seed of the mini-batch shuffles (Fisher–Yates on xoshiro256**), \(DataOptions.allowedSeeds) (default 0).",
            valueName: "s"),
        transform: { try NumberArgument.seed($0, allowed: DataOptions.allowedSeeds) })
    public var shuffleSeed: UInt64?

    public init() {}

    /// `--iterations`.
    public var iterations: Int { iterationsOption.iterations }
    /// `--learning-rate`.
    public var learningRate: Double { learningRateOption.learningRate }

    /// The optimizer with the values given (defaults elsewhere).
    public var configuration: OptimizerConfiguration {
        OptimizerConfiguration(
            kind: optimizer, learningRate: learningRate,
            momentum: momentum ?? OptimizerConfiguration.defaultMomentum,
            rho: rho ?? OptimizerConfiguration.defaultRho,
            beta1: beta1 ?? OptimizerConfiguration.defaultBeta1,
            beta2: beta2 ?? OptimizerConfiguration.defaultBeta2,
            epsilon: epsilon ?? OptimizerConfiguration.defaultEpsilon)
    }

    public func validate() throws {
        // --iterations and --learning-rate are checked by their own groups, before this.
        for (flag, value) in [("momentum", momentum), ("rho", rho), ("beta1", beta1), ("beta2", beta2)] {
            guard let value else { continue }
            guard value.isFinite, value >= 0, value < 1 else {
                throw ValidationError("--\(flag) \(value) is not allowed; use \(Self.allowedUnitInterval)")
            }
        }
        if let epsilon, !(epsilon.isFinite && epsilon > 0) {
            throw ValidationError("--epsilon \(epsilon) is not allowed; use \(Self.allowedEpsilons)")
        }
        if let batchSize, batchSize < 1 {
            throw ValidationError("--batch-size \(batchSize) is not allowed; use \(Self.allowedBatchSizes)")
        }
    }

    /// Checks that need `--compare` (see `RenderFit.validate()`): a hyperparameter none of the
    /// `optimizers` run uses, a shuffle seed without mini-batches.
    public func validate(optimizers: [OptimizerConfiguration.Kind], miniBatches: Bool) throws {
        // A hyperparameter that no rule run uses is a mistake worth naming.
        let uses: [(String, Bool, [OptimizerConfiguration.Kind])] = [
            ("momentum", momentum != nil, [.momentum, .nesterov]), ("rho", rho != nil, [.rmsprop]),
            ("beta1", beta1 != nil, [.adam]), ("beta2", beta2 != nil, [.adam]),
            ("epsilon", epsilon != nil, [.rmsprop, .adam]),
        ]
        for (flag, given, kinds) in uses where given && !kinds.contains(where: optimizers.contains) {
            throw ValidationError(
                "--\(flag) is not used by --optimizer \(optimizers.map(\.rawValue).joined(separator: ", ")); it applies to "
                    + kinds.map(\.rawValue).joined(separator: " and "))
        }
        if shuffleSeed != nil, !miniBatches {
            throw ValidationError("--shuffle-seed needs --batch-size; full-batch training does not shuffle")
        }
    }
}
