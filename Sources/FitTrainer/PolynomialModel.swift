/// The polynomial ŷ = a1·x^D + … + a_D·x + a_(D+1), parameters in the order of the design
/// matrix's columns (``DesignMatrix``); degree 1 is the article's line a1·x + a2.
public struct PolynomialModel: Model, Hashable {
    /// The largest degree, ``DesignMatrix/maximumDegree``.
    public static let maximumDegree = DesignMatrix.maximumDegree
    /// The article's first guess for the line, a = (−1, 1).
    public static let lineInitialParameters: [Double] = [-1, 1]

    /// D ≥ 1.
    public let degree: Int

    /// The polynomial of `degree` (clamped to 1…``maximumDegree``).
    public init(degree: Int) {
        self.degree = min(max(degree, 1), Self.maximumDegree)
    }

    /// `line` for degree 1, else `poly:D`.
    public var kind: ModelKind { degree == 1 ? .line : .polynomial(degree: degree) }
    /// D + 1.
    public var parameterCount: Int { degree + 1 }
    /// `a1 … a(D+1)`.
    public var parameterNames: [String] { (1...parameterCount).map { "a\($0)" } }
    /// Always: ŷ is linear in the coefficients.
    public var isLinearInParameters: Bool { true }

    /// The model's value at `x` (Horner's scheme); `parameters` must not be empty.
    public static func value(at x: Double, parameters: [Double]) -> Double {
        var result = 0.0
        for parameter in parameters {
            result = result * x + parameter
        }
        return result
    }

    /// Horner's scheme.
    public func predict(_ x: Double, parameters: [Double]) -> Double {
        Self.value(at: x, parameters: parameters)
    }

    /// `y = 2.97x + 2.51`, `y = 0.50x³ − 1.20x² + 0.30x + 2.00`: every coefficient, zeros
    /// included, so the formula keeps its shape from frame to frame.
    public func formula(_ parameters: [Double], format: (Double) -> String) -> String {
        guard parameters.count == parameterCount, parameters.allSatisfy(\.isFinite) else { return "y = ?" }
        var text = "y = "
        for (index, coefficient) in parameters.enumerated() {
            let power = degree - index
            if index == 0 {
                text += format(coefficient)
            } else {
                text += (coefficient < 0 ? " − " : " + ") + format(abs(coefficient))
            }
            if power >= 1 { text += "x" }
            if power >= 2 { text += Superscript.digits(power) }
        }
        return text
    }

    /// The article's (−1, 1) for the line; zeros for higher degrees.
    public func initialParameters(seed: UInt64) -> [Double] {
        degree == 1 ? Self.lineInitialParameters : [Double](repeating: 0, count: parameterCount)
    }

    /// Expands γ·p(α·x + β) + δ by the binomial theorem into coefficients of x.
    public func reparameterized(
        _ parameters: [Double], input: (scale: Double, offset: Double),
        output: (scale: Double, offset: Double)
    ) -> [Double] {
        // byPower[k] is the coefficient of x^k.
        var byPower = [Double](repeating: 0, count: parameterCount)
        for (index, coefficient) in parameters.enumerated() {
            let power = degree - index
            var binomial = 1.0
            for k in 0...power {
                // C(power, k)·α^k·β^(power−k)
                let term = binomial * pow(input.scale, k) * pow(input.offset, power - k)
                byPower[k] += output.scale * coefficient * term
                binomial = binomial * Double(power - k) / Double(k + 1)
            }
        }
        byPower[0] += output.offset
        return Array(byPower.reversed())
    }

    private func pow(_ base: Double, _ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= base }
        return result
    }

    /// The line uses ``LossKernels/linear(x:y:slope:intercept:)`` (the article's default run
    /// keeps its bits); higher degrees a direct pass.
    public func squaredResidualSums(
        x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>,
        indices: UnsafeBufferPointer<Int>?, parameters: UnsafeBufferPointer<Double>,
        gradient: UnsafeMutableBufferPointer<Double>, workspace: ModelWorkspace
    ) -> Double {
        if degree == 1 {
            let sums =
                indices.map {
                    LossKernels.linear(
                        x: x, y: y, indices: $0, slope: parameters[0], intercept: parameters[1])
                }
                ?? LossKernels.linear(x: x, y: y, slope: parameters[0], intercept: parameters[1])
            gradient[0] = sums.residualTimesX
            gradient[1] = sums.residual
            return sums.squaredResidual
        }
        return LossKernels.polynomial(
            x: x, y: y, indices: indices, degree: degree, parameters: parameters, gradient: gradient,
            powers: workspace.storage)
    }

    /// Room for the powers x^D … x of one point.
    public func makeWorkspace(pointCount: Int) -> ModelWorkspace {
        ModelWorkspace(count: degree)
    }
}

/// Superscript digits for exponents written in formulas (x², 10⁻³).
public enum Superscript {
    /// `n` in superscript digits, with a superscript minus when negative.
    public static func digits(_ n: Int) -> String {
        let glyphs: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(String(n.magnitude).compactMap { $0.wholeNumberValue.map { glyphs[$0] } })
        return (n < 0 ? "⁻" : "") + body
    }

    /// `n` in subscript digits (Σ₈).
    public static func subscriptDigits(_ n: Int) -> String {
        let glyphs: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
        return String(String(n.magnitude).compactMap { $0.wholeNumberValue.map { glyphs[$0] } })
    }
}
