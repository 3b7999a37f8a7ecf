import FitTrainer
import Foundation

/// The text `render-fit` prints about a training run.
struct TrainingReport {
    let history: TrainingHistory
    let data: DataSet

    /// The loss every 10 iterations, as the article prints it, plus the last row:
    /// `iteration  10  loss 1.378646`.
    func progressLines() -> [String] {
        let last = history.count - 1
        let width = String(last).count
        return history.indices.filter { $0 % 10 == 0 || $0 == last }.map { iteration in
            let label = String(repeating: " ", count: width - String(iteration).count) + String(iteration)
            return "iteration \(label)  loss \(Self.format(history.losses[iteration]))"
        }
    }

    /// `final parameters: a1 = 3.001909601870941, a2 = 2.454464214733909` (shortest round-trip
    /// decimals, the same text as in history.csv).
    func finalParametersLine() -> String {
        let label = history.didDiverge ? "parameters when training stopped: " : "final parameters: "
        return label + Self.parameterList(history.finalParameters)
    }

    /// The closed-form optimum for comparison, or nil when it is not unique (all x equal).
    func leastSquaresLine() -> String? {
        guard let best = try? LeastSquares.solve(data: data, degree: history.parameterCount - 1),
            let loss = try? MeanSquaredError(data: data, degree: history.parameterCount - 1).loss(at: best)
        else { return nil }
        return "least-squares optimum: " + Self.parameterList(best) + ", loss \(Self.format(loss))"
    }

    func divergenceWarning(_ divergence: Divergence) -> String {
        let what: String
        switch divergence.reason {
        case .lossAboveLimit:
            what = "the loss exceeded \(String(format: "%g", GradientDescent.divergenceLossLimit))"
        case .lossGrowth:
            what =
                "the loss grew to more than \(String(format: "%g", GradientDescent.divergenceGrowthFactor)) times its starting value"
        case .nonFinite:
            what = "the values stopped being finite numbers"
        }
        return "render-fit: warning: training diverged at iteration \(divergence.iteration) (\(what)); "
            + "learning rate \(history.learningRate) is too large for this data, try a smaller --learning-rate"
    }

    private static func parameterList(_ parameters: [Double]) -> String {
        parameters.enumerated().map { "a\($0.offset + 1) = \(ShortestDecimal.format($0.element))" }
            .joined(separator: ", ")
    }

    /// Six decimals like the article's printout, switching to exponent form for huge losses.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return ShortestDecimal.format(value) }
        return String(format: abs(value) < 1e6 ? "%.6f" : "%.6e", value)
    }
}
