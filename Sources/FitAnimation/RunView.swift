import FitPlot
import FitTrainer

/// One training run as the panels show it: its history, the colour its curve, loss and path
/// are drawn in, and its legend label. A ``TrainingScene`` shows one run (today's frames) or
/// several side by side in every panel (a comparison: one colour per run, a legend).
///
/// Runs may have different lengths (one diverged early, say): a frame showing iteration i
/// shows each run at min(i, its last), so a run that stopped stays on its last state.
public struct RunView: Sendable {
    /// The training run.
    public let history: TrainingHistory
    /// The colour of everything drawn for this run.
    public let color: Color
    /// The legend text (such as "lr = 0.1"); nil for a single run, which needs no legend.
    public let label: String?
    /// The model the history trained.
    public let model: any Model

    /// A run drawn in `color`, labelled `label` in legends.
    public init(history: TrainingHistory, color: Color = TrainingScene.lineColor, label: String? = nil) {
        self.history = history
        self.color = color
        self.label = label
        self.model = history.model.makeModel()
    }

    /// matplotlib's `tab10` colour cycle, the colour of run i being `tab10[i % 10]`.
    public static let tab10: [Color] = [
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
    ].map { Color(hex: $0) }

    /// The history row shown at `iteration`: the run's last row once it has stopped. (A frame's
    /// iteration comes from the scene's ``FramePlan``: with `--every` or `--frames log`, frame
    /// k is not iteration k.)
    public func row(atIteration iteration: Int) -> Int { min(max(0, iteration), history.count - 1) }

    /// The parameters of row `row` in the data's own units (trained parameters are brought
    /// back from standardized units when the run standardized).
    public func parametersInDataUnits(at row: Int) -> [Double] {
        let parameters = history.parameters(at: row)
        guard let standardization = history.standardization else { return parameters }
        return standardization.parametersInDataUnits(parameters, model: model)
    }

    /// The loss of row `row` in the data's own units.
    public func lossInDataUnits(at row: Int) -> Double {
        let loss = history.losses[row]
        return history.standardization?.lossInDataUnits(loss) ?? loss
    }

    /// The batch loss of row `row` in the data's own units; nil without mini-batches.
    public func batchLossInDataUnits(at row: Int) -> Double? {
        guard !history.batchLosses.isEmpty else { return nil }
        let loss = history.batchLosses[row]
        return history.standardization?.lossInDataUnits(loss) ?? loss
    }
}
