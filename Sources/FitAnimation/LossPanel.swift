import FitPlot

/// The loss panel: each run's whole loss curve drawn faint once (static), the part up to the
/// current iteration drawn strong and the current point marked (dynamic). A log y axis when the
/// losses span more than two decades; with mini-batches the batch loss faint behind. The x axis
/// counts iterations, with whole-number ticks.
public struct LossPanel: FramePanel {
    /// The runs shown.
    public let scene: TrainingScene

    /// The panel of `scene` (which computed its ``LossView``).
    public init(scene: TrainingScene) {
        self.scene = scene
    }

    private var view: LossView { scene.lossView ?? LossView(runs: scene.runs) }

    /// Limits, scales, labels, and the whole curves.
    public func addStaticMarks(to axes: inout Axes) throws(AnimationError) {
        let view = self.view
        let text = scene.text
        axes.xLimits = view.xLimits
        axes.yLimits = view.yLimits
        axes.yScale = view.yScale
        axes.xTicksAreIntegers = true
        axes.xLabel = text.iterationLabel
        axes.yLabel = view.yScale == .log10 ? text.logScaleLossLabel : text.lossLabel
        axes.title = text.lossPanelTitle
        do {
            for (run, curve) in zip(scene.runs, view.curves) {
                if !curve.batchLoss.isEmpty {
                    try axes.plot(
                        x: curve.batchLoss.map(\.x), y: curve.batchLoss.map(\.y),
                        color: run.color.withAlpha(0.2),
                        widthPoints: 0.8, label: scene.runs.count == 1 ? text.batchLossLabel : nil)
                }
                try axes.plot(
                    x: curve.loss.map(\.x), y: curve.loss.map(\.y), color: run.color.withAlpha(0.35),
                    widthPoints: 1)
            }
        } catch {
            throw .rendering(error.description)
        }
        // Compared runs are named by the fit panel's legend, or by this one without a fit panel;
        // a single run's legend only tells the mini-batch loss apart.
        if scene.runs.count == 1 && view.curves.contains(where: { !$0.batchLoss.isEmpty }) {
            axes.legendLocation = .upperRight
        }
        try scene.addRunLegend(to: &axes, in: .loss)
    }

    /// The curve up to frame `index`'s iteration, strong, and the current point.
    public func addDynamicMarks(forFrame index: Int, to axes: inout Axes) {
        let view = self.view
        for (run, curve) in zip(scene.runs, view.curves).reversed() {
            let row = run.row(atIteration: scene.iteration(forFrame: index))
            let current = DataPoint(x: Double(row), y: run.lossInDataUnits(at: row))
            let prefix = LossView.prefix(curve.loss, through: row, current: current)
            try? axes.plot(
                x: prefix.map(\.x), y: prefix.map(\.y), color: run.color, widthPoints: 2, isDynamic: true)
            // Above the curve (a scatter's own z-order is below lines).
            if let marker = try? ScatterMark(
                x: [current.x], y: [current.y], color: run.color, diameterPoints: 7, edgeColor: .white,
                edgeWidthPoints: 1, isDynamic: true, zOrder: ZOrder.lines + 0.5)
            {
                axes.add(marker)
            }
        }
    }
}
