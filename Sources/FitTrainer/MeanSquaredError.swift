/// The loss of the article: MSE(θ) = mean((ŷ(x; θ) − y)²) over the points (or a batch of
/// them), and its gradient (2/m)·Σ rᵢ·∂ŷ(xᵢ)/∂θ, for any ``Model``. For the line that is
/// (2/n)·Xᵀ(X·a − y), what the article's `loss.backward()` computed.
///
/// ``evaluate(at:gradient:)`` computes both in one pass over the data and writes the gradient
/// into a caller-owned buffer, so training allocates nothing per iteration.
public struct MeanSquaredError: Objective {
    /// The model whose predictions are compared with the targets.
    public let model: any Model
    /// The inputs.
    public let inputs: [Double]
    /// The targets.
    public let targets: [Double]

    /// The MSE of `model` on `data`.
    public init(data: DataSet, model: any Model) {
        self.model = model
        self.inputs = data.x
        self.targets = data.y
    }

    /// The MSE of a polynomial of `degree` (1: the line) on `data`.
    public init(data: DataSet, degree: Int = 1) throws(ModelError) {
        guard (1...DesignMatrix.maximumDegree).contains(degree) else { throw .unsupportedDegree(degree) }
        self.init(data: data, model: PolynomialModel(degree: degree))
    }

    /// The model's parameter count.
    public var parameterCount: Int { model.parameterCount }
    /// The number of points.
    public var pointCount: Int { targets.count }

    /// The model's scratch memory for this many points.
    public func makeWorkspace() -> ModelWorkspace {
        model.makeWorkspace(pointCount: targets.count)
    }

    /// The loss at `parameters`.
    public func loss(at parameters: [Double]) throws(ModelError) -> Double {
        var gradient = [Double](repeating: 0, count: parameterCount)
        return try evaluate(at: parameters, gradient: &gradient)
    }

    /// The gradient at `parameters`.
    public func gradient(at parameters: [Double]) throws(ModelError) -> [Double] {
        var gradient = [Double](repeating: 0, count: parameterCount)
        _ = try evaluate(at: parameters, gradient: &gradient)
        return gradient
    }

    /// Returns the loss at `parameters` over all points and stores the gradient into
    /// `gradient` (resized only if its count differs from ``parameterCount``).
    public func evaluate(at parameters: [Double], gradient: inout [Double]) throws(ModelError) -> Double {
        guard parameters.count == parameterCount else {
            throw .parameterCountMismatch(expected: parameterCount, found: parameters.count)
        }
        if gradient.count != parameterCount {
            gradient = [Double](repeating: 0, count: parameterCount)
        }
        let workspace = makeWorkspace()
        return parameters.withUnsafeBufferPointer { p in
            gradient.withUnsafeMutableBufferPointer { g in
                evaluate(parameters: p, batch: nil, gradient: g, workspace: workspace)
            }
        }
    }

    /// The loss over `batch` (all points when nil) and its gradient, with no allocation.
    public func evaluate(
        parameters: UnsafeBufferPointer<Double>, batch: UnsafeBufferPointer<Int>?,
        gradient: UnsafeMutableBufferPointer<Double>, workspace: ModelWorkspace
    ) -> Double {
        let squared = inputs.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { y in
                model.squaredResidualSums(
                    x: x, y: y, indices: batch, parameters: parameters, gradient: gradient,
                    workspace: workspace)
            }
        }
        let scale = 1 / Double(batch?.count ?? targets.count)
        for index in 0..<parameterCount { gradient[index] = 2 * scale * gradient[index] }
        return scale * squared
    }
}
