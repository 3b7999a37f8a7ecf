import FitTrainer
import Foundation

/// One training run of the comparison: its learning rate, what it teaches, and its history.
struct LearningRateRun: Sendable {
    let learningRate: Double
    /// One or two words: "too small", "right", …
    let verdict: String
    let history: TrainingHistory

    /// The five rates of the comparison. For the tutorial data the Hessian of the MSE has
    /// eigenvalues λ of about 0.58 and 2.03 (see `hessianEigenvalues(of:)`), and a step
    /// multiplies the error along each eigenvector by 1 − lr·λ: along the steep one 0.98
    /// (crawls), 0.80 (steady), −0.02 (fast), −1.03 (flips side at each step and slowly grows)
    /// and −1.13 (grows fast: diverges).
    static let rates: [(Double, String)] = [
        (0.01, "too small"), (0.1, "right"), (0.5, "fast"), (1.0, "oscillating"), (1.05, "diverging"),
    ]

    /// The state shown at frame `frame`: the run's own iteration, held at its last recorded
    /// state when the run stopped early (a diverged run's history ends where it diverged).
    func step(atFrame frame: Int) -> TrainingStep {
        history[min(frame, history.count - 1)]
    }

    /// The iterations and losses up to `frame` (finite, positive losses only: they go on a log axis).
    func lossCurve(throughFrame frame: Int) -> (x: [Double], y: [Double]) {
        var xs: [Double] = []
        var ys: [Double] = []
        for step in history.prefix(min(frame, history.count - 1) + 1)
        where step.loss.isFinite && step.loss > 0 {
            xs.append(Double(step.iteration))
            ys.append(step.loss)
        }
        return (xs, ys)
    }
}

extension LearningRateRun {
    /// The eigenvalues (smallest, largest) of the MSE's Hessian H = (2/n)·XᵀX for the line
    /// model: the curvatures that decide which learning rates converge (lr < 2/λmax).
    static func hessianEigenvalues(of data: DataSet) -> (Double, Double) {
        let n = Double(data.count)
        let sxx = data.x.reduce(0) { $0 + $1 * $1 }
        let sx = data.x.reduce(0, +)
        // H = (2/n)·[[Σx², Σx], [Σx, n]]; a symmetric 2×2 matrix's eigenvalues are m ± √(m² − det).
        let a = 2 * sxx / n
        let b = 2 * sx / n
        let d = 2.0
        let mean = (a + d) / 2
        let root = ((a - d) * (a - d) / 4 + b * b).squareRoot()
        return (mean - root, mean + root)
    }
}
