import ArgumentParser
import FitTrainer

/// How the model is trained: the optimizer, its hyperparameters, the batch schedule.
struct TrainingOptions: ParsableArguments {
    static let maximumIterations = 1_000_000
    static let allowedIterations = "a whole number from 1 to \(maximumIterations)"
    static let allowedLearningRates = "a finite number above 0, such as 0.1"
    static let allowedUnitInterval = "a number in [0, 1), such as 0.9"
    static let allowedEpsilons = "a finite number above 0, such as 1e-8"
    static let allowedBatchSizes = "a whole number from 1 to the number of points"

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Number of updates, \(allowedIterations) (default \(Trainer.defaultIterations)).", valueName: "n"),
        transform: { try NumberArgument.integer($0, allowed: allowedIterations) })
    var iterations: Int = Trainer.defaultIterations

    @Option(
        name: .customLong("optimizer"),
        help: ArgumentHelp(
            "The update rule, as torch.optim defines it: gd, momentum (SGD with momentum), nesterov, rmsprop or adam (default gd).",
            valueName: "name"),
        transform: { try EnumArgument.parse($0, as: OptimizerConfiguration.Kind.self) })
    var optimizerOption: OptimizerConfiguration.Kind?

    @Option(
        name: .customLong("learning-rate"), parsing: .unconditional,
        help: ArgumentHelp(
            "Step size, \(allowedLearningRates) (default \(OptimizerConfiguration.defaultLearningRate)); with gd on a line or polynomial the summary prints the largest stable one.",
            valueName: "lr"),
        transform: { try NumberArgument.double($0, allowed: allowedLearningRates) })
    var learningRateOption: Double?

    /// The update rule (gd unless given). Optional underneath so that `--compare optimizer=…`
    /// can tell a given --optimizer from the default.
    var optimizer: OptimizerConfiguration.Kind { optimizerOption ?? .gd }
    /// The step size (the default unless given).
    var learningRate: Double { learningRateOption ?? OptimizerConfiguration.defaultLearningRate }

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Momentum μ of momentum and nesterov, \(allowedUnitInterval) (default \(OptimizerConfiguration.defaultMomentum)).",
            valueName: "μ"),
        transform: { try NumberArgument.double($0, allowed: allowedUnitInterval) })
    var momentum: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "RMSprop's smoothing constant α, \(allowedUnitInterval) (default \(OptimizerConfiguration.defaultRho)).",
            valueName: "α"),
        transform: { try NumberArgument.double($0, allowed: allowedUnitInterval) })
    var rho: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Adam's β₁, \(allowedUnitInterval) (default \(OptimizerConfiguration.defaultBeta1)).",
            valueName: "β₁"),
        transform: { try NumberArgument.double($0, allowed: allowedUnitInterval) })
    var beta1: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Adam's β₂, \(allowedUnitInterval) (default \(OptimizerConfiguration.defaultBeta2)).",
            valueName: "β₂"),
        transform: { try NumberArgument.double($0, allowed: allowedUnitInterval) })
    var beta2: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "ε of rmsprop and adam, \(allowedEpsilons) (default 1e-08).", valueName: "ε"),
        transform: { try NumberArgument.double($0, allowed: allowedEpsilons) })
    var epsilon: Double?

    @Option(
        name: .customLong("batch-size"), parsing: .unconditional,
        help: ArgumentHelp(
            "Points per update, \(allowedBatchSizes) (default: all, full batch). Below that, every epoch shuffles the points and takes batches in order, the last one possibly smaller.",
            valueName: "B"),
        transform: { try NumberArgument.integer($0, allowed: allowedBatchSizes) })
    var batchSize: Int?

    @Option(
        name: .customLong("shuffle-seed"), parsing: .unconditional,
        help: ArgumentHelp(
            "Seed of the mini-batch shuffles (Fisher–Yates on xoshiro256**), \(DataOptions.allowedSeeds) (default 0).",
            valueName: "s"),
        transform: { try NumberArgument.seed($0, allowed: DataOptions.allowedSeeds) })
    var shuffleSeed: UInt64?

    /// The optimizer with the values given (defaults elsewhere).
    var configuration: OptimizerConfiguration {
        OptimizerConfiguration(
            kind: optimizer, learningRate: learningRate,
            momentum: momentum ?? OptimizerConfiguration.defaultMomentum,
            rho: rho ?? OptimizerConfiguration.defaultRho,
            beta1: beta1 ?? OptimizerConfiguration.defaultBeta1,
            beta2: beta2 ?? OptimizerConfiguration.defaultBeta2,
            epsilon: epsilon ?? OptimizerConfiguration.defaultEpsilon)
    }

    /// Why `rate` is not a learning rate, or nil when it is one.
    static func learningRateProblem(_ rate: Double) -> String? {
        rate.isFinite && rate > 0
            ? nil : "--learning-rate \(rate) is not allowed; use \(allowedLearningRates)"
    }

    func validate() throws {
        guard (1...Self.maximumIterations).contains(iterations) else {
            throw ValidationError("--iterations \(iterations) is not allowed; use \(Self.allowedIterations)")
        }
        if let rate = learningRateOption, let message = Self.learningRateProblem(rate) {
            throw ValidationError(message)
        }
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
    func validate(optimizers: [OptimizerConfiguration.Kind], miniBatches: Bool) throws {
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
