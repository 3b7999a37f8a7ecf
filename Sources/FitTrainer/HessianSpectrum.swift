/// The curvature of the MSE of a model linear in its parameters: its Hessian (2/n)·XᵀX is
/// constant, and gradient descent on it converges exactly when lr < 2/λmax (monotonically
/// when lr < 1/λmax). For the tutorial's data λ ≈ 0.59 and 2.03, so lr must stay below 0.985.
public enum HessianSpectrum {
    /// The eigenvalues of (2/n)·XᵀX for a polynomial of `degree` on `data`, ascending, by
    /// cyclic Jacobi rotations (exact to rounding for these small symmetric matrices).
    public static func eigenvalues(data: DataSet, degree: Int) throws(ModelError) -> [Double] {
        let design = try DesignMatrix(x: data.x, degree: degree)
        let p = design.columnCount
        var a = [Double](repeating: 0, count: p * p)
        for row in 0..<design.rowCount {
            for i in 0..<p {
                let xi = design[row, i]
                for j in i..<p { a[i * p + j] += xi * design[row, j] }
            }
        }
        let scale = 2 / Double(design.rowCount)
        for i in 0..<p {
            for j in i..<p {
                a[i * p + j] *= scale
                a[j * p + i] = a[i * p + j]
            }
        }
        for _ in 0..<100 {
            var off = 0.0
            var diagonal = 0.0
            for i in 0..<p {
                diagonal += a[i * p + i] * a[i * p + i]
                for j in 0..<p where j != i { off += a[i * p + j] * a[i * p + j] }
            }
            if off <= 1e-30 * diagonal || off == 0 { break }
            for i in 0..<(p - 1) {
                for j in (i + 1)..<p where a[i * p + j] != 0 {
                    let theta = (a[j * p + j] - a[i * p + i]) / (2 * a[i * p + j])
                    let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot()
                    let s = t * c
                    for k in 0..<p {
                        let aki = a[k * p + i]
                        let akj = a[k * p + j]
                        a[k * p + i] = c * aki - s * akj
                        a[k * p + j] = s * aki + c * akj
                    }
                    for k in 0..<p {
                        let aik = a[i * p + k]
                        let ajk = a[j * p + k]
                        a[i * p + k] = c * aik - s * ajk
                        a[j * p + k] = s * aik + c * ajk
                    }
                }
            }
        }
        return (0..<p).map { a[$0 * p + $0] }.sorted()
    }

    /// 2/λmax: gradient descent on the MSE diverges above this learning rate.
    public static func largestStableLearningRate(data: DataSet, degree: Int) throws(ModelError) -> Double {
        let largest = try eigenvalues(data: data, degree: degree).last ?? 0
        return largest > 0 ? 2 / largest : .infinity
    }
}

extension HessianSpectrum {
    /// How gradient descent with a fixed learning rate moves on the MSE of a model linear in
    /// its parameters: each step multiplies the error along an eigenvector of curvature λ by
    /// 1 − lr·λ, so the steepest direction (λmax) decides.
    public enum Regime: String, Sendable, CaseIterable {
        /// lr·λmax < 1: every factor is in (0, 1), the loss falls at every step.
        case monotone
        /// 1 ≤ lr·λmax ≤ 2: the steepest factor is in [−1, 0], the parameters flip side at each
        /// step along it and still converge (at exactly 2 they neither grow nor shrink there).
        case oscillating
        /// lr·λmax > 2: the steepest factor is below −1, the error grows at every step.
        case diverging
    }

    /// The regime of `learningRate` for a largest curvature `largestEigenvalue` (λmax).
    public static func regime(learningRate: Double, largestEigenvalue: Double) -> Regime {
        let product = learningRate * largestEigenvalue
        if product < 1 { return .monotone }
        if product <= 2 { return .oscillating }
        return .diverging
    }
}
