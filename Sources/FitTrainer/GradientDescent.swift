/// Plain batch gradient descent, a ← a − lr·∇MSE(a), as in the article.
///
/// It records every state in a ``TrainingHistory``. If a state is non-finite, or its loss
/// exceeds ``divergenceLossLimit`` or ``divergenceGrowthFactor`` times the starting loss,
/// training stops there and the history says so: a learning rate that is too large is a
/// lesson to show, not an error.
public struct GradientDescent: Sendable, Equatable {
    /// The tutorial's learning rate.
    public static let defaultLearningRate = 0.1
    /// The tutorial's number of updates.
    public static let defaultIterations = 100
    /// The article's first guess, a = (−1, 1).
    public static let defaultInitialParameters: [Double] = [-1, 1]
    /// A loss above 10¹² counts as divergence (the tutorial's starts near 7).
    public static let divergenceLossLimit = 1e12
    /// A loss a million times its starting value also counts as divergence.
    public static let divergenceGrowthFactor = 1e6

    /// lr, positive and finite.
    public var learningRate: Double
    /// The number of updates N ≥ 0; the history has N + 1 rows unless training diverges.
    public var iterations: Int
    /// The parameters at iteration 0, one per design-matrix column.
    public var initialParameters: [Double]

    /// A descent of `iterations` updates of size `learningRate` from `initialParameters`.
    public init(
        learningRate: Double = GradientDescent.defaultLearningRate,
        iterations: Int = GradientDescent.defaultIterations,
        initialParameters: [Double] = GradientDescent.defaultInitialParameters
    ) {
        self.learningRate = learningRate
        self.iterations = iterations
        self.initialParameters = initialParameters
    }

    /// Fits a polynomial of `degree` (1: a line) to `data`.
    public func train(on data: DataSet, degree: Int = 1) throws(TrainingError) -> TrainingHistory {
        let objective: MeanSquaredError
        do {
            objective = try MeanSquaredError(data: data, degree: degree)
        } catch {
            throw .model(error)
        }
        return try train(objective)
    }

    /// Minimises `objective` from ``initialParameters``.
    public func train(_ objective: MeanSquaredError) throws(TrainingError) -> TrainingHistory {
        guard learningRate.isFinite, learningRate > 0 else {
            throw .invalidLearningRate(learningRate)
        }
        guard iterations >= 0 else { throw .negativeIterations(iterations) }
        guard initialParameters.count == objective.parameterCount else {
            throw .model(
                .parameterCountMismatch(
                    expected: objective.parameterCount, found: initialParameters.count))
        }
        guard initialParameters.allSatisfy(\.isFinite) else {
            throw .nonFiniteInitialParameters(initialParameters)
        }

        let count = objective.parameterCount
        // Reserve for the expected rows, bounded so that a huge request cannot reserve
        // gigabytes up front (the arrays still grow if needed).
        let expectedRows = min(iterations, 1 << 22) + 1
        var losses: [Double] = []
        var parameterRows: [Double] = []
        var gradientRows: [Double] = []
        losses.reserveCapacity(expectedRows)
        parameterRows.reserveCapacity(expectedRows * count)
        gradientRows.reserveCapacity(expectedRows * count)

        var parameters = initialParameters
        var gradient = [Double](repeating: 0, count: count)
        var divergence: Divergence?
        for iteration in 0...iterations {
            let loss: Double
            do {
                loss = try objective.evaluate(at: parameters, gradient: &gradient)
            } catch {
                throw .model(error)
            }
            losses.append(loss)
            parameterRows.append(contentsOf: parameters)
            gradientRows.append(contentsOf: gradient)
            let startingLoss = losses[0]
            if let reason = Self.divergenceReason(
                loss: loss, startingLoss: startingLoss, parameters: parameters, gradient: gradient)
            {
                divergence = Divergence(iteration: iteration, reason: reason)
                break
            }
            guard iteration < iterations else { break }
            for index in 0..<count {
                parameters[index] -= learningRate * gradient[index]
            }
        }
        return TrainingHistory(
            parameterCount: count, learningRate: learningRate, requestedIterations: iterations,
            divergence: divergence, losses: losses, parameters: parameterRows,
            gradients: gradientRows)
    }

    private static func divergenceReason(
        loss: Double, startingLoss: Double, parameters: [Double], gradient: [Double]
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

/// Why training could not start. (Divergence during training is not an error.)
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// A learning rate that is not a finite number above 0.
    case invalidLearningRate(Double)
    /// A negative iteration count.
    case negativeIterations(Int)
    /// Initial parameters with a NaN or infinite value.
    case nonFiniteInitialParameters([Double])
    /// The model could not be built (see ``ModelError``).
    case model(ModelError)

    /// A message that names the bad value and what is allowed.
    public var description: String {
        switch self {
        case .invalidLearningRate(let rate):
            return "learning rate \(rate) is not allowed; it must be a finite number above 0"
        case .negativeIterations(let count):
            return "\(count) iterations is not allowed; it must be 0 or more"
        case .nonFiniteInitialParameters(let parameters):
            return "initial parameters \(parameters) must all be finite numbers"
        case .model(let error):
            return error.description
        }
    }
}
