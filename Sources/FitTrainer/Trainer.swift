/// Runs an optimizer on the mean squared error of a model over a schedule (full batch or
/// mini-batches), and records every state in a ``TrainingHistory``.
///
/// Row k holds the parameters after k updates, the loss on all points there (so curves
/// compare across batch sizes) and the gradient the next update follows; with mini-batches
/// also the batch's epoch and loss. If a state is non-finite, or its loss exceeds
/// ``divergenceLossLimit`` or ``divergenceGrowthFactor`` times the starting loss, training
/// stops there and the history says so: a learning rate that is too large is a lesson to
/// show, not an error.
public struct Trainer: Sendable {
    /// The tutorial's number of updates.
    public static let defaultIterations = 100
    /// A loss above 10¹² counts as divergence (the tutorial's starts near 8).
    public static let divergenceLossLimit = 1e12
    /// A loss a million times its starting value also counts as divergence.
    public static let divergenceGrowthFactor = 1e6
    /// The seed of the network's initial weights and of the shuffles when none is given.
    public static let defaultSeed: UInt64 = 0

    /// What to fit.
    public var model: ModelKind
    /// How to step.
    public var optimizer: OptimizerConfiguration
    /// The number of updates N ≥ 0; the history has N + 1 rows unless training diverges.
    public var iterations: Int
    /// θ at iteration 0; nil for the model's own scheme (``Model/initialParameters(seed:)``).
    public var initialParameters: [Double]?
    /// The seed of the model's initial parameters when ``initialParameters`` is nil.
    public var initSeed: UInt64
    /// Points per update; nil, or the number of points, for full batch.
    public var batchSize: Int?
    /// The seed of the mini-batch shuffles.
    public var shuffleSeed: UInt64
    /// Train on standardized x and y (see ``Standardization``).
    public var standardize: Bool

    /// A trainer; by default the article's: the line, gd at 0.1, 100 full-batch updates.
    public init(
        model: ModelKind = .line, optimizer: OptimizerConfiguration = OptimizerConfiguration(),
        iterations: Int = Trainer.defaultIterations, initialParameters: [Double]? = nil,
        initSeed: UInt64 = Trainer.defaultSeed, batchSize: Int? = nil, shuffleSeed: UInt64 = Trainer.defaultSeed,
        standardize: Bool = false
    ) {
        self.model = model
        self.optimizer = optimizer
        self.iterations = iterations
        self.initialParameters = initialParameters
        self.initSeed = initSeed
        self.batchSize = batchSize
        self.shuffleSeed = shuffleSeed
        self.standardize = standardize
    }

    /// The parameters training starts from.
    public func startingParameters() -> [Double] {
        initialParameters ?? model.makeModel().initialParameters(seed: initSeed)
    }

    /// The data the optimizer sees: `data` itself, or standardized.
    public func trainingData(_ data: DataSet) throws(TrainingError) -> (DataSet, Standardization?) {
        guard standardize else { return (data, nil) }
        guard let standardization = Standardization(of: data) else { throw .cannotStandardize }
        do {
            return (try standardization.apply(to: data), standardization)
        } catch {
            throw .cannotStandardize
        }
    }

    /// Trains on `data`.
    public func train(on data: DataSet) throws(TrainingError) -> TrainingHistory {
        try optimizer.validate()
        guard iterations >= 0 else { throw .negativeIterations(iterations) }
        if let batchSize {
            guard batchSize >= 1, batchSize <= data.count else {
                throw .invalidBatchSize(batchSize, pointCount: data.count)
            }
        }
        let model = self.model.makeModel()
        let start = startingParameters()
        guard start.count == model.parameterCount else {
            throw .wrongInitialParameterCount(model: self.model, expected: model.parameterCount, found: start.count)
        }
        guard start.allSatisfy(\.isFinite) else { throw .nonFiniteInitialParameters(start) }
        let (trainingData, standardization) = try trainingData(data)
        let objective = MeanSquaredError(data: trainingData, model: model)
        let miniBatch = batchSize.map { $0 < data.count } ?? false
        return run(
            objective, from: start, optimizer: optimizer.makeOptimizer(parameterCount: model.parameterCount),
            schedule: miniBatch
                ? BatchSchedule(batchSize: batchSize ?? data.count, pointCount: data.count, seed: shuffleSeed) : nil,
            standardization: standardization)
    }

    /// The training loop proper. Buffers are made before the first step; a step allocates
    /// nothing (the history's arrays are reserved for the requested rows).
    func run(
        _ objective: some Objective, from start: [Double], optimizer: any Optimizer, schedule: BatchSchedule?,
        standardization: Standardization?
    ) -> TrainingHistory {
        var optimizer = optimizer
        var schedule = schedule
        let count = objective.parameterCount
        // Reserve for the expected rows, bounded so that a huge request cannot reserve
        // gigabytes up front (the arrays still grow if needed).
        let expectedRows = min(iterations, 1 << 22) + 1
        var losses: [Double] = []
        var parameterRows: [Double] = []
        var gradientRows: [Double] = []
        var epochs: [Int] = []
        var batchLosses: [Double] = []
        losses.reserveCapacity(expectedRows)
        parameterRows.reserveCapacity(expectedRows * count)
        gradientRows.reserveCapacity(expectedRows * count)
        if schedule != nil {
            epochs.reserveCapacity(expectedRows)
            batchLosses.reserveCapacity(expectedRows)
        }
        let workspace = objective.makeWorkspace()
        var parameters = start
        var gradient = [Double](repeating: 0, count: count)
        var fullGradient = [Double](repeating: 0, count: count)
        var divergence: Divergence?
        parameters.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeMutableBufferPointer { g in
                fullGradient.withUnsafeMutableBufferPointer { fullG in
                    for iteration in 0...iterations {
                        let loss: Double
                        if schedule != nil {
                            loss = objective.evaluate(
                                parameters: UnsafeBufferPointer(p), batch: nil, gradient: fullG, workspace: workspace)
                            let batchLoss = schedule!.nextBatch { batch in
                                objective.evaluate(
                                    parameters: UnsafeBufferPointer(p), batch: batch, gradient: g,
                                    workspace: workspace)
                            }
                            epochs.append(schedule!.epoch)
                            batchLosses.append(batchLoss)
                        } else {
                            loss = objective.evaluate(
                                parameters: UnsafeBufferPointer(p), batch: nil, gradient: g, workspace: workspace)
                        }
                        losses.append(loss)
                        parameterRows.append(contentsOf: p)
                        gradientRows.append(contentsOf: g)
                        if let reason = Self.divergenceReason(
                            loss: loss, startingLoss: losses[0], parameters: p, gradient: g)
                        {
                            divergence = Divergence(iteration: iteration, reason: reason)
                            break
                        }
                        guard iteration < iterations else { break }
                        optimizer.step(p, gradient: UnsafeBufferPointer(g))
                    }
                }
            }
        }
        return TrainingHistory(
            model: model, optimizer: optimizer.configuration, batchSize: schedule?.batchSize,
            shuffleSeed: schedule == nil ? nil : shuffleSeed, standardization: standardization,
            parameterCount: count, requestedIterations: iterations, divergence: divergence, losses: losses,
            parameters: parameterRows, gradients: gradientRows, epochs: epochs, batchLosses: batchLosses)
    }

    private static func divergenceReason(
        loss: Double, startingLoss: Double, parameters: UnsafeMutableBufferPointer<Double>,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Divergence.Reason? {
        if !loss.isFinite || !parameters.allSatisfy(\.isFinite) || !gradient.allSatisfy(\.isFinite) {
            return .nonFinite
        }
        if loss > divergenceLossLimit { return .lossAboveLimit }
        // A starting loss of 0 is an exact fit: nothing can grow from it.
        if startingLoss > 0, loss > divergenceGrowthFactor * startingLoss { return .lossGrowth }
        return nil
    }
}
