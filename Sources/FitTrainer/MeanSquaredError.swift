/// The loss of the article: MSE(a) = mean((X·a − y)²), and its gradient (2/n)·Xᵀ(X·a − y).
///
/// ``evaluate(at:gradient:)`` computes both in one pass over the data and writes the gradient
/// into a caller-owned buffer, so gradient descent allocates nothing per iteration.
public struct MeanSquaredError: Sendable {
    /// X.
    public let design: DesignMatrix
    /// y.
    public let targets: [Double]

    /// Creates the loss of `design` against `targets`.
    /// - Throws: ``ModelError/sizeMismatch(rows:targets:)`` when the lengths differ,
    ///   ``ModelError/empty`` when there are no targets.
    public init(design: DesignMatrix, targets: [Double]) throws(ModelError) {
        guard design.rowCount == targets.count else {
            throw .sizeMismatch(rows: design.rowCount, targets: targets.count)
        }
        guard !targets.isEmpty else { throw .empty }
        self.design = design
        self.targets = targets
    }

    /// The MSE of a polynomial of `degree` on `data`.
    public init(data: DataSet, degree: Int = 1) throws(ModelError) {
        try self.init(design: DesignMatrix(x: data.x, degree: degree), targets: data.y)
    }

    /// Number of parameters, X's column count.
    public var parameterCount: Int { design.columnCount }

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

    /// Returns the loss at `parameters` and stores the gradient there into `gradient`.
    ///
    /// `gradient` is resized only if its count differs from ``parameterCount``; pass the same
    /// buffer every time and no memory is allocated.
    public func evaluate(at parameters: [Double], gradient: inout [Double]) throws(ModelError) -> Double {
        guard parameters.count == parameterCount else {
            throw .parameterCountMismatch(expected: parameterCount, found: parameters.count)
        }
        if gradient.count != parameterCount {
            gradient = [Double](repeating: 0, count: parameterCount)
        }
        let scale = 1 / Double(targets.count)
        if design.degree == 1 {
            let sums = LossKernels.linear(
                x: design.powers, y: targets, slope: parameters[0], intercept: parameters[1])
            gradient[0] = 2 * scale * sums.residualTimesX
            gradient[1] = 2 * scale * sums.residual
            return scale * sums.squaredResidual
        }
        let squared = LossKernels.polynomial(
            powers: design.powers, degree: design.degree, y: targets,
            parameters: parameters, gradient: &gradient)
        for index in gradient.indices { gradient[index] *= 2 * scale }
        return scale * squared
    }
}
