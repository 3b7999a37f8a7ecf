/// The mean squared error of a model linear in its parameters as a quadratic form:
/// MSE(θ) = θᵀAθ − 2bᵀθ + c with A = XᵀX/n, b = Xᵀy/n, c = yᵀy/n, X the design matrix
/// (columns x^d … x, 1, as ``DesignMatrix``). Built in one pass over the points (O(n·p²)), it
/// evaluates the loss anywhere in O(p²) whatever the number of points: a loss landscape of a
/// million points costs what one of a hundred does once A, b and c are known.
public struct QuadraticLoss: Sendable, Equatable {
    /// Number of parameters p.
    public let parameterCount: Int
    /// XᵀX/n, p × p, row-major.
    public let gram: [Double]
    /// Xᵀy/n, p values.
    public let moment: [Double]
    /// yᵀy/n.
    public let meanSquare: Double

    /// The quadratic form of a polynomial of `degree` (1: the line) fitted to (x, y).
    /// - Throws: ``ModelError/unsupportedDegree(_:)`` outside 1…``DesignMatrix/maximumDegree``.
    public init(x: [Double], y: [Double], degree: Int) throws(ModelError) {
        guard (1...DesignMatrix.maximumDegree).contains(degree) else { throw .unsupportedDegree(degree) }
        let p = degree + 1
        let n = min(x.count, y.count)
        var gram = [Double](repeating: 0, count: p * p)
        var moment = [Double](repeating: 0, count: p)
        var meanSquare = 0.0
        if degree == 1 {
            // The line: five running sums in one tight pass (a million points in about a millisecond).
            var (sx, sxx, sy, sxy, syy) = (0.0, 0.0, 0.0, 0.0, 0.0)
            x.withUnsafeBufferPointer { xs in
                y.withUnsafeBufferPointer { ys in
                    for i in 0..<n {
                        let (xi, yi) = (xs[i], ys[i])
                        sx += xi
                        sxx += xi * xi
                        sy += yi
                        sxy += xi * yi
                        syy += yi * yi
                    }
                }
            }
            gram = [sxx, sx, sx, Double(n)]
            moment = [sxy, sy]
            meanSquare = syy
        } else {
            var features = [Double](repeating: 0, count: p)
            for i in 0..<n {
                // Features x^d … x¹, 1 (the order of the parameters, as Horner's scheme reads them).
                var power = 1.0
                for k in stride(from: p - 1, through: 0, by: -1) {
                    features[k] = power
                    power *= x[i]
                }
                let yi = y[i]
                for r in 0..<p {
                    let fr = features[r]
                    moment[r] += fr * yi
                    for c in r..<p { gram[r * p + c] += fr * features[c] }
                }
                meanSquare += yi * yi
            }
        }
        let scale = n > 0 ? 1 / Double(n) : 0
        for r in 0..<p {
            moment[r] *= scale
            for c in r..<p {
                gram[r * p + c] *= scale
                gram[c * p + r] = gram[r * p + c]
            }
        }
        self.parameterCount = p
        self.gram = gram
        self.moment = moment
        self.meanSquare = meanSquare * scale
    }

    /// The MSE at `parameters` (p values), never below 0 (rounding can take a perfect fit's
    /// form a few ulps under it).
    public func loss(_ parameters: [Double]) -> Double {
        let p = parameterCount
        var quadratic = 0.0
        var linear = 0.0
        for r in 0..<p {
            var row = 0.0
            for c in 0..<p { row += gram[r * p + c] * parameters[c] }
            quadratic += parameters[r] * row
            linear += moment[r] * parameters[r]
        }
        return max(0, quadratic - 2 * linear + meanSquare)
    }

    /// The loss on the plane θ = origin + u·d₁ + v·d₂ as the coefficients of
    /// L(u, v) = l₀ + g₁u + g₂v + h₁₁u² + 2h₁₂uv + h₂₂v², so that each point of a grid costs
    /// a handful of operations.
    public func restricted(origin: [Double], directions: ([Double], [Double])) -> PlaneQuadratic {
        let p = parameterCount
        func apply(_ v: [Double]) -> [Double] {
            (0..<p).map { r in (0..<p).reduce(0) { $0 + gram[r * p + $1] * v[$1] } }
        }
        func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        let aOrigin = apply(origin)
        let gradient = zip(aOrigin, moment).map { 2 * ($0 - $1) }
        let a1 = apply(directions.0)
        let a2 = apply(directions.1)
        return PlaneQuadratic(
            constant: loss(origin), g1: dot(gradient, directions.0), g2: dot(gradient, directions.1),
            h11: dot(directions.0, a1), h12: dot(directions.0, a2), h22: dot(directions.1, a2))
    }
}

/// A quadratic in two variables: l₀ + g₁u + g₂v + h₁₁u² + 2h₁₂uv + h₂₂v² (see
/// ``QuadraticLoss/restricted(origin:directions:)``).
public struct PlaneQuadratic: Sendable, Equatable {
    /// The value at (0, 0).
    public var constant: Double
    /// ∂/∂u at (0, 0).
    public var g1: Double
    /// ∂/∂v at (0, 0).
    public var g2: Double
    /// Half of ∂²/∂u².
    public var h11: Double
    /// Half of ∂²/∂u∂v.
    public var h12: Double
    /// Half of ∂²/∂v².
    public var h22: Double

    /// The (u, v) where the quadratic is lowest, when it has one (a positive definite form).
    public var minimum: (u: Double, v: Double)? {
        // ∇ = (g₁ + 2h₁₁u + 2h₁₂v, g₂ + 2h₁₂u + 2h₂₂v) = 0.
        let determinant = h11 * h22 - h12 * h12
        guard h11 > 0, determinant > 0, determinant.isFinite else { return nil }
        let u = (-g1 * h22 + g2 * h12) / (2 * determinant)
        let v = (-g2 * h11 + g1 * h12) / (2 * determinant)
        guard u.isFinite, v.isFinite else { return nil }
        return (u, v)
    }

    /// The value at (u, v), never below 0.
    public func value(u: Double, v: Double) -> Double {
        max(0, constant + g1 * u + g2 * v + h11 * u * u + 2 * h12 * u * v + h22 * v * v)
    }
}
