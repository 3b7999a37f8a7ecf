import FitTrainer
import Foundation

/// The text `render-fit` prints about a training run: the falling loss, the final
/// parameters, the least-squares optimum and gd's stability bound (for models linear in their
/// parameters), and the warnings that say what to change.
struct TrainingReport {
    let history: TrainingHistory
    let data: DataSet
    let model: any Model
    /// What the optimizer saw: `data`, or standardized.
    let trainingData: DataSet
    /// The least-squares fit on the training data (line, poly), if unique.
    let optimum: (parameters: [Double], loss: Double)?
    /// 2/λmax of the MSE's Hessian on the training data (line, poly).
    let stableLearningRate: Double?

    init(history: TrainingHistory, data: DataSet) {
        self.history = history
        self.data = data
        self.model = history.model.makeModel()
        self.trainingData = (try? history.standardization?.apply(to: data)) ?? data
        if model.isLinearInParameters {
            let degree = model.parameterCount - 1
            if let best = try? LeastSquares.solve(data: trainingData, degree: degree),
                let loss = try? MeanSquaredError(data: trainingData, degree: degree).loss(at: best)
            {
                optimum = (best, loss)
            } else {
                optimum = nil
            }
            stableLearningRate = try? HessianSpectrum.largestStableLearningRate(
                data: trainingData, degree: degree)
        } else {
            optimum = nil
            stableLearningRate = nil
        }
    }

    /// The loss every 10 iterations, as the article prints it, plus the last row:
    /// `iteration  10  loss 1.378646` (in the data's units).
    func progressLines() -> [String] {
        let last = history.count - 1
        let width = String(last).count
        let interval = Self.progressInterval(lastIteration: last)
        return history.indices.filter { $0 % interval == 0 || $0 == last }.map { iteration in
            let label = String(repeating: " ", count: width - String(iteration).count) + String(iteration)
            return "iteration \(label)  loss \(Self.format(dataUnitsLoss(history.losses[iteration])))"
        }
    }

    /// Every 10 iterations, as the article prints; a longer run (a 100,000-iteration
    /// `--frames log` run, say) every 100, 1,000, … so that the report stays about 100 lines
    /// instead of flooding the terminal.
    static func progressInterval(lastIteration: Int) -> Int {
        var interval = 10
        while lastIteration / interval > 100 { interval *= 10 }
        return interval
    }

    private func dataUnitsLoss(_ loss: Double) -> Double {
        history.standardization?.lossInDataUnits(loss) ?? loss
    }

    private func dataUnits(_ parameters: [Double]) -> [Double] {
        history.standardization?.parametersInDataUnits(parameters, model: model) ?? parameters
    }

    /// `final parameters: a1 = 3.001909601870941, a2 = 2.454464214733909` (shortest round-trip
    /// decimals, the same text as in history.csv; in the data's units with --standardize).
    func finalParametersLine() -> String {
        let label = history.didDiverge ? "parameters when training stopped: " : "final parameters: "
        return label + parameterList(dataUnits(history.finalParameters))
    }

    /// The closed-form optimum for comparison, or nil when it is not unique or the model has none.
    func leastSquaresLine() -> String? {
        guard let optimum else { return nil }
        return "least-squares optimum: " + parameterList(dataUnits(optimum.parameters)) + ", loss "
            + Self.format(dataUnitsLoss(optimum.loss))
    }

    /// `largest stable learning rate for gd: 0.98477 (2/λmax of the MSE's Hessian)`.
    func stableLearningRateLine() -> String? {
        guard let bound = stableLearningRate else { return nil }
        let scope = history.standardization == nil ? "" : " on the standardized data"
        return
            "largest stable learning rate for gd\(scope): \(Self.significant(bound)) (2/λmax of the MSE's Hessian)"
    }

    /// A rate to try: about 1/λmax (half the bound), the fastest step that never overshoots,
    /// rounded down to two significant digits.
    private func suggestedRate(_ bound: Double) -> String {
        let half = bound / 2
        let magnitude = pow(10, floor(log10(half)) - 1)
        return Self.significant((half / magnitude).rounded(.down) * magnitude)
    }

    func divergenceWarning(_ divergence: Divergence) -> String {
        let what: String
        switch divergence.reason {
        case .lossAboveLimit:
            what = "the loss exceeded \(String(format: "%g", Trainer.divergenceLossLimit))"
        case .lossGrowth:
            what =
                "the loss grew to more than \(String(format: "%g", Trainer.divergenceGrowthFactor)) times its starting value"
        case .nonFinite:
            what = "the values stopped being finite numbers"
        }
        var advice = "learning rate \(history.learningRate) is too large for this data"
        if let bound = stableLearningRate, history.optimizer.kind == .gd {
            advice +=
                "; gd is stable below \(Self.significant(bound)) (2/λmax), try --learning-rate \(suggestedRate(bound))"
            if history.standardization == nil { advice += ", or --standardize" }
        } else {
            advice += ", try a smaller --learning-rate"
        }
        return "render-fit: warning: training diverged at iteration \(divergence.iteration) (\(what)); "
            + advice
    }

    /// Training that ended more than 1 % above the least-squares loss (line, poly), and how to
    /// get closer.
    ///
    /// Points that lie on the model's curve have an optimum of about 0 (rounding leaves 1e-32 or
    /// so): a percentage of it means nothing, and a loss a billionth of the starting one is as
    /// close as training gets. Both are measured against the loss before training.
    func aboveOptimumWarning() -> String? {
        guard let optimum, let last = history.losses.last, last.isFinite else { return nil }
        let negligible = (history.losses.first.map(abs) ?? 0) * 1e-9
        guard last > optimum.loss * 1.01 + negligible + 1e-300 else { return nil }
        let lossText = "\(Self.format(dataUnitsLoss(last))) vs \(Self.format(dataUnitsLoss(optimum.loss)))"
        let stopped =
            optimum.loss > negligible
            ? "training stopped \(String(format: "%.0f %%", (last / optimum.loss - 1) * 100)) above the least-squares optimum (loss \(lossText))"
            : "training stopped above the least-squares optimum, which is 0: the points lie on the model's curve (loss \(lossText))"
        var fixes = ["more --iterations"]
        if let bound = stableLearningRate, history.optimizer.kind == .gd, history.learningRate < bound / 2 {
            fixes.append(
                "a larger --learning-rate below \(Self.significant(bound)) (such as \(suggestedRate(bound)))")
        }
        if history.standardization == nil { fixes.append("--standardize") }
        return "render-fit: warning: \(stopped); try " + fixes.joined(separator: ", ")
    }

    private func parameterList(_ parameters: [Double]) -> String {
        zip(model.parameterNames, parameters).map { "\($0) = \(ShortestDecimal.format($1))" }
            .joined(separator: ", ")
    }

    /// Five significant digits, plain.
    static func significant(_ value: Double) -> String {
        String(format: "%.5g", value)
    }

    /// Six decimals like the article's printout, switching to exponent form for huge losses.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return ShortestDecimal.format(value) }
        return String(format: abs(value) < 1e6 ? "%.6f" : "%.6e", value)
    }
}
