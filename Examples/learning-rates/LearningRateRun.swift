import FitTrainer
import Foundation

/// One training run of the comparison: its learning rate, its regime, and its history.
struct LearningRateRun: Sendable {
    let learningRate: Double
    /// lr·λmax, λmax the largest eigenvalue of the MSE's Hessian (the steepest curvature).
    let rateTimesCurvature: Double
    let history: TrainingHistory

    /// Monotone, oscillating or diverging, from lr·λmax (see `HessianSpectrum.regime`).
    var regime: HessianSpectrum.Regime {
        HessianSpectrum.regime(
            learningRate: learningRate, largestEigenvalue: rateTimesCurvature / learningRate)
    }

    /// The five rates of the comparison. For the tutorial data the Hessian of the MSE has
    /// eigenvalues λ of about 0.59 and 2.03 (`HessianSpectrum.eigenvalues`), and a step
    /// multiplies the error along each eigenvector by 1 − lr·λ: along the steep one 0.98 and
    /// 0.80 (monotone: crawls, steady), −0.02 (oscillating, barely: lr·λmax = 1.02), −1.03 and
    /// −1.13 (diverging: flips side at each step and grows, slowly then fast).
    static let rates: [Double] = [0.01, 0.1, 0.5, 1.0, 1.05]

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
