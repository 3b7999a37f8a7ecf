/// Which optimizer a run uses and its hyperparameters, as a history records it (`Codable`).
///
/// Defaults are PyTorch's (`torch.optim.SGD`, `RMSprop`, `Adam`): momentum 0.9 (PyTorch's
/// SGD has 0, but momentum 0 is `gd`), RMSprop's α = 0.99, β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸.
public struct OptimizerConfiguration: Sendable, Hashable, Codable {
    /// The update rule.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// θ ← θ − lr·g (``PlainGradientDescent``).
        case gd
        /// SGD with momentum (``MomentumDescent``).
        case momentum
        /// SGD with Nesterov momentum (``MomentumDescent`` with `nesterov`).
        case nesterov
        /// RMSprop, not centred (``RMSprop``).
        case rmsprop
        /// Adam, bias-corrected, without AMSGrad (``Adam``).
        case adam
    }

    /// The tutorial's learning rate.
    public static let defaultLearningRate = 0.1
    /// SGD's momentum μ when `momentum` or `nesterov` is chosen.
    public static let defaultMomentum = 0.9
    /// RMSprop's smoothing constant α.
    public static let defaultRho = 0.99
    /// Adam's β₁.
    public static let defaultBeta1 = 0.9
    /// Adam's β₂.
    public static let defaultBeta2 = 0.999
    /// ε added to the denominators of RMSprop and Adam.
    public static let defaultEpsilon = 1e-8

    /// The update rule.
    public var kind: Kind
    /// lr > 0.
    public var learningRate: Double
    /// μ in [0, 1) (momentum, nesterov).
    public var momentum: Double
    /// α in [0, 1) (rmsprop).
    public var rho: Double
    /// β₁ in [0, 1) (adam).
    public var beta1: Double
    /// β₂ in [0, 1) (adam).
    public var beta2: Double
    /// ε > 0 (rmsprop, adam).
    public var epsilon: Double

    /// A configuration; unused hyperparameters are kept but neither used nor recorded.
    public init(
        kind: Kind = .gd, learningRate: Double = OptimizerConfiguration.defaultLearningRate,
        momentum: Double = OptimizerConfiguration.defaultMomentum,
        rho: Double = OptimizerConfiguration.defaultRho, beta1: Double = OptimizerConfiguration.defaultBeta1,
        beta2: Double = OptimizerConfiguration.defaultBeta2,
        epsilon: Double = OptimizerConfiguration.defaultEpsilon
    ) {
        self.kind = kind
        self.learningRate = learningRate
        self.momentum = momentum
        self.rho = rho
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// Plain gradient descent at `learningRate`, the article's optimizer.
    public static func gd(learningRate: Double) -> OptimizerConfiguration {
        OptimizerConfiguration(kind: .gd, learningRate: learningRate)
    }

    /// Throws the first value outside its range: lr finite and > 0, μ, α, β₁, β₂ in [0, 1),
    /// ε finite and > 0. Only the values the rule uses are checked.
    public func validate() throws(TrainingError) {
        guard learningRate.isFinite, learningRate > 0 else { throw .invalidLearningRate(learningRate) }
        func unit(_ name: String, _ value: Double) throws(TrainingError) {
            guard value.isFinite, value >= 0, value < 1 else {
                throw .invalidHyperparameter(name: name, value: value, allowed: "a number in [0, 1)")
            }
        }
        switch kind {
        case .gd: break
        case .momentum, .nesterov: try unit("momentum", momentum)
        case .rmsprop: try unit("rho", rho)
        case .adam:
            try unit("beta1", beta1)
            try unit("beta2", beta2)
        }
        if kind == .rmsprop || kind == .adam {
            guard epsilon.isFinite, epsilon > 0 else {
                throw .invalidHyperparameter(name: "epsilon", value: epsilon, allowed: "a finite number above 0")
            }
        }
    }

    /// A fresh optimizer (zero state) for `parameterCount` parameters.
    public func makeOptimizer(parameterCount: Int) -> any Optimizer {
        switch kind {
        case .gd: return PlainGradientDescent(learningRate: learningRate)
        case .momentum, .nesterov:
            return MomentumDescent(
                learningRate: learningRate, momentum: momentum, nesterov: kind == .nesterov,
                parameterCount: parameterCount)
        case .rmsprop:
            return RMSprop(learningRate: learningRate, alpha: rho, epsilon: epsilon, parameterCount: parameterCount)
        case .adam:
            return Adam(
                learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
                parameterCount: parameterCount)
        }
    }

    /// `adam (lr 0.05, β₁ 0.9, β₂ 0.999, ε 1e-08)`: the rule and the values it uses.
    public var summary: String {
        let lr = "lr " + ShortestDecimal.format(learningRate)
        switch kind {
        case .gd: return "gd (\(lr))"
        case .momentum, .nesterov: return "\(kind.rawValue) (\(lr), momentum \(ShortestDecimal.format(momentum)))"
        case .rmsprop:
            return "rmsprop (\(lr), rho \(ShortestDecimal.format(rho)), epsilon \(ShortestDecimal.format(epsilon)))"
        case .adam:
            return "adam (\(lr), beta1 \(ShortestDecimal.format(beta1)), beta2 \(ShortestDecimal.format(beta2)), "
                + "epsilon \(ShortestDecimal.format(epsilon)))"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case kind, learningRate, momentum, rho, beta1, beta2, epsilon
    }

    /// Decodes what ``encode(to:)`` writes; absent hyperparameters take their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try c.decode(Kind.self, forKey: .kind),
            learningRate: try c.decode(Double.self, forKey: .learningRate),
            momentum: try c.decodeIfPresent(Double.self, forKey: .momentum) ?? Self.defaultMomentum,
            rho: try c.decodeIfPresent(Double.self, forKey: .rho) ?? Self.defaultRho,
            beta1: try c.decodeIfPresent(Double.self, forKey: .beta1) ?? Self.defaultBeta1,
            beta2: try c.decodeIfPresent(Double.self, forKey: .beta2) ?? Self.defaultBeta2,
            epsilon: try c.decodeIfPresent(Double.self, forKey: .epsilon) ?? Self.defaultEpsilon)
    }

    /// The kind, the learning rate, and only the hyperparameters the rule uses.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(learningRate, forKey: .learningRate)
        switch kind {
        case .gd: break
        case .momentum, .nesterov: try c.encode(momentum, forKey: .momentum)
        case .rmsprop:
            try c.encode(rho, forKey: .rho)
            try c.encode(epsilon, forKey: .epsilon)
        case .adam:
            try c.encode(beta1, forKey: .beta1)
            try c.encode(beta2, forKey: .beta2)
            try c.encode(epsilon, forKey: .epsilon)
        }
    }
}
