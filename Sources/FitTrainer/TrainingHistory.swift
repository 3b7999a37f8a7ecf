/// One state of training: the parameters after `iteration` updates, the loss on all points
/// there, and the gradient the next update follows.
public struct TrainingStep: Sendable, Equatable, Codable {
    /// 0 for the starting state, then one per update.
    public var iteration: Int
    /// θ at this iteration, in the model's parameter order.
    public var parameters: [Double]
    /// The MSE on all points at `parameters`.
    public var loss: Double
    /// The gradient the next update follows: on all points, or on the next mini-batch.
    public var gradient: [Double]
    /// With mini-batches, the 0-based epoch of the batch the gradient was computed on.
    public var epoch: Int?
    /// With mini-batches, the loss on that batch (``loss`` is always on all points).
    public var batchLoss: Double?

    /// A recorded state.
    public init(
        iteration: Int, parameters: [Double], loss: Double, gradient: [Double], epoch: Int? = nil,
        batchLoss: Double? = nil
    ) {
        self.iteration = iteration
        self.parameters = parameters
        self.loss = loss
        self.gradient = gradient
        self.epoch = epoch
        self.batchLoss = batchLoss
    }
}

/// Where and why training stopped early. Divergence is an outcome to show, not an error.
public struct Divergence: Sendable, Equatable, Codable {
    /// Why training stopped.
    public enum Reason: String, Sendable, Equatable, Codable {
        /// A parameter, the loss or a gradient component became NaN or infinite.
        case nonFinite
        /// The loss exceeded ``Trainer/divergenceLossLimit``.
        case lossAboveLimit
        /// The loss grew past ``Trainer/divergenceGrowthFactor`` times its starting
        /// value: the slow divergence of a learning rate just above the stable range (1.05 on
        /// the tutorial data multiplies the loss by about 1.2 a step and would take ~150 steps
        /// to reach the absolute limit).
        case lossGrowth
    }

    /// The state at which divergence was detected; it is the history's last row.
    public var iteration: Int
    /// Why it stopped.
    public var reason: Reason

    /// A divergence at `iteration` for `reason`.
    public init(iteration: Int, reason: Reason) {
        self.iteration = iteration
        self.reason = reason
    }
}

/// Everything training went through: rows k = 0…N, one per state, and what produced them
/// (the model, the optimizer, the batch schedule).
///
/// A collection of ``TrainingStep``s indexed by iteration (`history[0]` is the initial state).
/// Storage is flat (one array each for parameters, losses and gradients), so a million
/// iterations cost a few allocations, not millions. When training diverged the last row is
/// the state where it was detected, and may hold non-finite values.
public struct TrainingHistory: Sendable, Equatable, RandomAccessCollection {
    /// The model trained.
    public let model: ModelKind
    /// The optimizer and its hyperparameters.
    public let optimizer: OptimizerConfiguration
    /// Points per update; nil for full batch.
    public let batchSize: Int?
    /// The seed of the mini-batch shuffles; nil for full batch.
    public let shuffleSeed: UInt64?
    /// How the data were standardized before training; nil when they were not.
    public let standardization: Standardization?
    /// Parameters per row.
    public let parameterCount: Int
    /// The number of updates asked for; the history has that many + 1 rows unless it diverged.
    public let requestedIterations: Int
    /// Set when training stopped early.
    public let divergence: Divergence?
    /// The loss of every row on all points, in order.
    public let losses: [Double]
    /// With mini-batches, each row's epoch (see ``TrainingStep/epoch``); empty otherwise.
    public let epochs: [Int]
    /// With mini-batches, each row's batch loss; empty otherwise.
    public let batchLosses: [Double]
    private let parameterStorage: [Double]
    private let gradientStorage: [Double]

    /// The learning rate that produced the history.
    public var learningRate: Double { optimizer.learningRate }
    /// True when every update used a mini-batch smaller than the data.
    public var usesMiniBatches: Bool { batchSize != nil }

    /// Builds a history of plain gradient descent on a line (2 parameters) or polynomial from
    /// its rows, e.g. to test a renderer or to reload a saved run.
    public init(
        learningRate: Double, requestedIterations: Int, steps: [TrainingStep],
        divergence: Divergence? = nil
    ) throws(HistoryError) {
        let count = steps.first?.parameters.count ?? 2
        try self.init(
            model: count <= 2 ? .line : .polynomial(degree: count - 1), optimizer: .gd(learningRate: learningRate),
            requestedIterations: requestedIterations, steps: steps, divergence: divergence)
    }

    /// Builds a history from its rows, checking that they are consistent with each other and
    /// with the model.
    public init(
        model: ModelKind, optimizer: OptimizerConfiguration, batchSize: Int? = nil, shuffleSeed: UInt64? = nil,
        standardization: Standardization? = nil, requestedIterations: Int, steps: [TrainingStep],
        divergence: Divergence? = nil
    ) throws(HistoryError) {
        guard let first = steps.first else { throw .noSteps }
        let parameterCount = first.parameters.count
        guard parameterCount == model.makeModel().parameterCount else {
            throw .inconsistentParameterCount(row: 0)
        }
        let miniBatch = batchSize != nil
        for (index, step) in steps.enumerated() {
            guard step.iteration == index else {
                throw .iterationOutOfOrder(row: index, iteration: step.iteration)
            }
            guard step.parameters.count == parameterCount, step.gradient.count == parameterCount
            else { throw .inconsistentParameterCount(row: index) }
            guard (step.epoch != nil) == miniBatch, (step.batchLoss != nil) == miniBatch else {
                throw .batchColumnsMismatch(row: index)
            }
        }
        if let divergence, divergence.iteration != steps.count - 1 {
            throw .divergenceNotLast(iteration: divergence.iteration, lastRow: steps.count - 1)
        }
        self.init(
            model: model, optimizer: optimizer, batchSize: batchSize, shuffleSeed: shuffleSeed,
            standardization: standardization, parameterCount: parameterCount,
            requestedIterations: requestedIterations, divergence: divergence, losses: steps.map(\.loss),
            parameters: steps.flatMap(\.parameters), gradients: steps.flatMap(\.gradient),
            epochs: steps.compactMap(\.epoch), batchLosses: steps.compactMap(\.batchLoss))
    }

    /// The memberwise form used by ``Trainer``; the arrays are already consistent.
    init(
        model: ModelKind, optimizer: OptimizerConfiguration, batchSize: Int?, shuffleSeed: UInt64?,
        standardization: Standardization?, parameterCount: Int, requestedIterations: Int,
        divergence: Divergence?, losses: [Double], parameters: [Double], gradients: [Double],
        epochs: [Int], batchLosses: [Double]
    ) {
        self.model = model
        self.optimizer = optimizer
        self.batchSize = batchSize
        self.shuffleSeed = shuffleSeed
        self.standardization = standardization
        self.parameterCount = parameterCount
        self.requestedIterations = requestedIterations
        self.divergence = divergence
        self.losses = losses
        self.parameterStorage = parameters
        self.gradientStorage = gradients
        self.epochs = epochs
        self.batchLosses = batchLosses
    }

    /// Iteration 0, the initial state.
    public var startIndex: Int { 0 }
    /// One past the last recorded iteration.
    public var endIndex: Int { losses.count }

    /// The state recorded at `iteration` (0…count − 1).
    public subscript(iteration: Int) -> TrainingStep {
        TrainingStep(
            iteration: iteration, parameters: parameters(at: iteration),
            loss: losses[iteration], gradient: gradient(at: iteration),
            epoch: epochs.isEmpty ? nil : epochs[iteration],
            batchLoss: batchLosses.isEmpty ? nil : batchLosses[iteration])
    }

    /// The parameters after `iteration` updates.
    public func parameters(at iteration: Int) -> [Double] {
        Array(parameterStorage[(iteration * parameterCount)..<((iteration + 1) * parameterCount)])
    }

    /// The gradient at the state after `iteration` updates.
    public func gradient(at iteration: Int) -> [Double] {
        Array(gradientStorage[(iteration * parameterCount)..<((iteration + 1) * parameterCount)])
    }

    /// True when training stopped early because it diverged.
    public var didDiverge: Bool { divergence != nil }

    /// The parameters of the last row.
    public var finalParameters: [Double] { parameters(at: count - 1) }

    /// The last row whose parameters, loss and gradient are all finite, if any.
    public var lastFiniteIteration: Int? {
        indices.last { iteration in
            losses[iteration].isFinite
                && parameters(at: iteration).allSatisfy(\.isFinite)
                && gradient(at: iteration).allSatisfy(\.isFinite)
        }
    }
}

/// Why rows do not form a ``TrainingHistory``.
public enum HistoryError: Error, Equatable, CustomStringConvertible {
    /// No rows: a history needs at least iteration 0.
    case noSteps
    /// A row whose iteration is not its position (rows must be 0, 1, 2, …).
    case iterationOutOfOrder(row: Int, iteration: Int)
    /// A row whose parameter or gradient count differs from row 0's.
    case inconsistentParameterCount(row: Int)
    /// A divergence recorded at another iteration than the last row's.
    case divergenceNotLast(iteration: Int, lastRow: Int)
    /// A row with `epoch`/`batchLoss` in a full-batch history, or without them in a mini-batch one.
    case batchColumnsMismatch(row: Int)
    /// Input that is not a training history in JSON; the reason is the decoder's.
    case invalidJSON(String)

    /// A message that names the bad row or value and what is expected.
    public var description: String {
        switch self {
        case .noSteps:
            return "a training history needs at least the initial state (iteration 0)"
        case .iterationOutOfOrder(let row, let iteration):
            return "row \(row) has iteration \(iteration); rows must be iterations 0, 1, 2, … in order"
        case .inconsistentParameterCount(let row):
            return "row \(row) has a different number of parameters or gradient components than row 0 or the model"
        case .divergenceNotLast(let iteration, let lastRow):
            return "divergence is recorded at iteration \(iteration) but the last row is \(lastRow); "
                + "training stops at the diverged state"
        case .batchColumnsMismatch(let row):
            return "row \(row) has epoch and batchLoss only where the history has no batch size, or lacks them where it has one"
        case .invalidJSON(let reason):
            return "not a training history in JSON: \(reason)"
        }
    }
}
