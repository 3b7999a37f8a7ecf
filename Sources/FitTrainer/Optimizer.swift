/// One update rule with its own state: given the gradient g of the current parameters θ,
/// ``step(_:gradient:)`` moves θ in place. State buffers are allocated once, at creation.
public protocol Optimizer: Sendable {
    /// The rule and its hyperparameters.
    var configuration: OptimizerConfiguration { get }
    /// One update of `parameters` along `gradient` (same count); allocates nothing.
    mutating func step(_ parameters: UnsafeMutableBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>)
}

/// The article's update, `gd`:
///
/// θₜ = θₜ₋₁ − lr·gₜ
public struct PlainGradientDescent: Optimizer {
    /// lr.
    public let learningRate: Double

    /// Plain descent with step `learningRate`.
    public init(learningRate: Double) {
        self.learningRate = learningRate
    }

    public var configuration: OptimizerConfiguration { .gd(learningRate: learningRate) }

    public mutating func step(
        _ parameters: UnsafeMutableBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>
    ) {
        for index in parameters.indices {
            parameters[index] -= learningRate * gradient[index]
        }
    }
}

/// `torch.optim.SGD` with momentum μ, dampening 0 and no weight decay (`momentum`), or with
/// `nesterov=True` (`nesterov`):
///
/// b₁ = g₁, bₜ = μ·bₜ₋₁ + gₜ;
/// plain momentum: θₜ = θₜ₋₁ − lr·bₜ;
/// Nesterov: θₜ = θₜ₋₁ − lr·(gₜ + μ·bₜ).
public struct MomentumDescent: Optimizer, @unchecked Sendable {
    /// lr.
    public let learningRate: Double
    /// μ in [0, 1).
    public let momentum: Double
    /// Whether the step looks ahead (gₜ + μ·bₜ).
    public let nesterov: Bool
    /// The momentum buffer b (zero before the first step, where b₁ = μ·0 + g₁ = g₁ exactly).
    private var buffer: [Double]

    /// Momentum descent for `parameterCount` parameters.
    public init(learningRate: Double, momentum: Double, nesterov: Bool, parameterCount: Int) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
        self.buffer = [Double](repeating: 0, count: parameterCount)
    }

    public var configuration: OptimizerConfiguration {
        OptimizerConfiguration(kind: nesterov ? .nesterov : .momentum, learningRate: learningRate, momentum: momentum)
    }

    public mutating func step(
        _ parameters: UnsafeMutableBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>
    ) {
        let (lr, mu, nesterov) = (learningRate, momentum, self.nesterov)
        buffer.withUnsafeMutableBufferPointer { b in
            for index in parameters.indices {
                let g = gradient[index]
                b[index] = mu * b[index] + g
                let direction = nesterov ? g + mu * b[index] : b[index]
                parameters[index] -= lr * direction
            }
        }
    }
}

/// `torch.optim.RMSprop`, not centred, without momentum or weight decay:
///
/// vₜ = α·vₜ₋₁ + (1 − α)·gₜ², v₀ = 0;
/// θₜ = θₜ₋₁ − lr·gₜ / (√vₜ + ε)
public struct RMSprop: Optimizer, @unchecked Sendable {
    /// lr.
    public let learningRate: Double
    /// α in [0, 1) (`--rho`).
    public let alpha: Double
    /// ε > 0.
    public let epsilon: Double
    /// The running average of squared gradients v.
    private var squareAverage: [Double]

    /// RMSprop for `parameterCount` parameters.
    public init(learningRate: Double, alpha: Double, epsilon: Double, parameterCount: Int) {
        self.learningRate = learningRate
        self.alpha = alpha
        self.epsilon = epsilon
        self.squareAverage = [Double](repeating: 0, count: parameterCount)
    }

    public var configuration: OptimizerConfiguration {
        OptimizerConfiguration(kind: .rmsprop, learningRate: learningRate, rho: alpha, epsilon: epsilon)
    }

    public mutating func step(
        _ parameters: UnsafeMutableBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>
    ) {
        let (lr, alpha, epsilon) = (learningRate, self.alpha, self.epsilon)
        squareAverage.withUnsafeMutableBufferPointer { v in
            for index in parameters.indices {
                let g = gradient[index]
                v[index] = alpha * v[index] + (1 - alpha) * (g * g)
                parameters[index] -= lr * (g / (v[index].squareRoot() + epsilon))
            }
        }
    }
}

/// `torch.optim.Adam`, bias-corrected, without AMSGrad or weight decay:
///
/// mₜ = β₁·mₜ₋₁ + (1 − β₁)·gₜ, vₜ = β₂·vₜ₋₁ + (1 − β₂)·gₜ², m₀ = v₀ = 0;
/// m̂ₜ = mₜ / (1 − β₁ᵗ), v̂ₜ = vₜ / (1 − β₂ᵗ);
/// θₜ = θₜ₋₁ − lr·m̂ₜ / (√v̂ₜ + ε)
///
/// Evaluated as PyTorch does: θ − (lr / (1 − β₁ᵗ))·mₜ / (√vₜ / √(1 − β₂ᵗ) + ε), with β₁ᵗ and
/// β₂ᵗ kept as running products.
public struct Adam: Optimizer, @unchecked Sendable {
    /// lr.
    public let learningRate: Double
    /// β₁ in [0, 1).
    public let beta1: Double
    /// β₂ in [0, 1).
    public let beta2: Double
    /// ε > 0.
    public let epsilon: Double
    private var firstMoment: [Double]
    private var secondMoment: [Double]
    /// β₁ᵗ and β₂ᵗ after t steps.
    private var beta1Power = 1.0
    private var beta2Power = 1.0

    /// Adam for `parameterCount` parameters.
    public init(learningRate: Double, beta1: Double, beta2: Double, epsilon: Double, parameterCount: Int) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.firstMoment = [Double](repeating: 0, count: parameterCount)
        self.secondMoment = [Double](repeating: 0, count: parameterCount)
    }

    public var configuration: OptimizerConfiguration {
        OptimizerConfiguration(kind: .adam, learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon)
    }

    public mutating func step(
        _ parameters: UnsafeMutableBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>
    ) {
        beta1Power *= beta1
        beta2Power *= beta2
        let stepSize = learningRate / (1 - beta1Power)
        let correction2 = (1 - beta2Power).squareRoot()
        let (beta1, beta2, epsilon) = (self.beta1, self.beta2, self.epsilon)
        firstMoment.withUnsafeMutableBufferPointer { m in
            secondMoment.withUnsafeMutableBufferPointer { v in
                for index in parameters.indices {
                    let g = gradient[index]
                    m[index] = beta1 * m[index] + (1 - beta1) * g
                    v[index] = beta2 * v[index] + (1 - beta2) * (g * g)
                    let denominator = v[index].squareRoot() / correction2 + epsilon
                    parameters[index] -= stepSize * (m[index] / denominator)
                }
            }
        }
    }
}
