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
