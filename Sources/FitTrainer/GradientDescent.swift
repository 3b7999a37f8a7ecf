/// Plain batch gradient descent on a line or polynomial, a ← a − lr·∇MSE(a), as in the
/// article: a shorthand for a ``Trainer`` with the `gd` optimizer.
public struct GradientDescent: Sendable, Equatable {
    /// The tutorial's learning rate.
    public static let defaultLearningRate = OptimizerConfiguration.defaultLearningRate
    /// The tutorial's number of updates.
    public static let defaultIterations = Trainer.defaultIterations
    /// The article's first guess, a = (−1, 1).
    public static let defaultInitialParameters: [Double] = PolynomialModel.lineInitialParameters
    /// See ``Trainer/divergenceLossLimit``.
    public static let divergenceLossLimit = Trainer.divergenceLossLimit
    /// See ``Trainer/divergenceGrowthFactor``.
    public static let divergenceGrowthFactor = Trainer.divergenceGrowthFactor

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

    /// The trainer this shorthand stands for, fitting a polynomial of `degree` (1: a line).
    public func trainer(degree: Int = 1) -> Trainer {
        Trainer(
            model: degree == 1 ? .line : .polynomial(degree: degree), optimizer: .gd(learningRate: learningRate),
            iterations: iterations, initialParameters: initialParameters)
    }

    /// Fits a polynomial of `degree` (1: a line) to `data`.
    public func train(on data: DataSet, degree: Int = 1) throws(TrainingError) -> TrainingHistory {
        guard (1...DesignMatrix.maximumDegree).contains(degree) else { throw .model(.unsupportedDegree(degree)) }
        do {
            return try trainer(degree: degree).train(on: data)
        } catch .wrongInitialParameterCount(_, let expected, let found) {
            throw .model(.parameterCountMismatch(expected: expected, found: found))
        }
    }
}

/// Why training could not start. (Divergence during training is not an error.)
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// A learning rate that is not a finite number above 0.
    case invalidLearningRate(Double)
    /// An optimizer hyperparameter outside its range.
    case invalidHyperparameter(name: String, value: Double, allowed: String)
    /// A negative iteration count.
    case negativeIterations(Int)
    /// A batch size outside 1…n.
    case invalidBatchSize(Int, pointCount: Int)
    /// Initial parameters with a NaN or infinite value.
    case nonFiniteInitialParameters([Double])
    /// Initial parameters whose count is not the model's.
    case wrongInitialParameterCount(model: ModelKind, expected: Int, found: Int)
    /// Standardizing needs x values that are not all equal.
    case cannotStandardize
    /// The model could not be built (see ``ModelError``).
    case model(ModelError)

    /// A message that names the bad value and what is allowed.
    public var description: String {
        switch self {
        case .invalidLearningRate(let rate):
            return "learning rate \(rate) is not allowed; it must be a finite number above 0"
        case .invalidHyperparameter(let name, let value, let allowed):
            return "\(name) \(value) is not allowed; use \(allowed)"
        case .negativeIterations(let count):
            return "\(count) iterations is not allowed; it must be 0 or more"
        case .invalidBatchSize(let size, let points):
            return "batch size \(size) is not allowed; use a whole number from 1 to \(points), the number of points"
        case .nonFiniteInitialParameters(let parameters):
            return "initial parameters \(parameters) must all be finite numbers"
        case .wrongInitialParameterCount(let model, let expected, let found):
            return "\(found) initial parameter\(found == 1 ? "" : "s") given; the model \(model) needs exactly \(expected)"
        case .cannotStandardize:
            return "cannot standardize: every x is equal, so there is no spread to divide by"
        case .model(let error):
            return error.description
        }
    }
}
