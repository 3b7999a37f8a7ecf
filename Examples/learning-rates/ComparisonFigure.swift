import FitAnimation
import FitPlot
import FitTrainer

/// The grid of panels: one column per learning rate, the data and the current line on top,
/// the loss curve on a log axis below. Everything that does not change from frame to frame (axes,
/// titles, the point cloud, each run's whole loss curve in light grey) is static; the current
/// line, the loss curve so far and the texts are dynamic, so an animation draws the static
/// layer once.
struct ComparisonFigure: Sendable {
    let data: DataSet
    let runs: [LearningRateRun]
    let iterations: Int

    static let width = 1500.0
    static let height = 640.0
    static let ghostColor = Color(hex: 0xd0d0d0)
    static let divergedColor = Color(hex: 0xd62728)

    /// Frames 0…iterations: one per iteration of the longest run.
    var frameCount: Int { iterations + 1 }

    func figure(frame: Int) throws -> Figure {
        var figure = try Figure(
            width: Self.width, height: Self.height, rows: 2, columns: runs.count)
        // Tighter than matplotlib's defaults: five columns need the width.
        figure.margins.left = 0.058  // room for the loss axis's "10⁻¹" labels and its y label
        figure.margins.right = 0.99
        figure.margins.top = 0.86
        figure.margins.bottom = 0.09
        figure.margins.horizontalSpacing = 0.3
        figure.margins.verticalSpacing = 0.3
        figure.suptitle = "Gradient descent on the same data with five learning rates"
        figure.texts.append(
            FigureText(
                "iteration \(frame) of \(iterations)", x: 0.99, y: 0.975, sizePoints: 11,
                anchor: TextAnchor(.right, .top), isDynamic: true))
        let text = FrameText(language: .en)
        let margin = Theme.matplotlib.autoscaleMargin
        let xLimits = AxisRange.automatic(
            dataMinimum: data.limits.xMin, dataMaximum: data.limits.xMax, margin: margin)
        let yLimits = AxisRange.automatic(
            dataMinimum: data.limits.yMin, dataMaximum: data.limits.yMax, margin: margin)
        // One loss scale for the whole row, so that the runs compare at a glance (and the row
        // spans decades: its labels are decades, as matplotlib's).
        let losses = runs.flatMap { $0.lossCurve(throughFrame: iterations).y }
        let lossLimits = AxisRange.automatic(
            dataMinimum: losses.min(), dataMaximum: losses.max(), margin: margin, scale: .log10)
        for (column, run) in runs.enumerated() {
            figure[0, column] = try linePanel(
                run, frame: frame, xLimits: xLimits, yLimits: yLimits, text: text)
            var loss = try lossPanel(run, frame: frame, yLimits: lossLimits)
            if column == 0 { loss.yLabel = text.logScaleLossLabel }
            figure[1, column] = loss
        }
        figure[0, 0].yLabel = "y"
        return figure
    }

    private func linePanel(
        _ run: LearningRateRun, frame: Int, xLimits: AxisRange, yLimits: AxisRange, text: FrameText
    ) throws -> Axes {
        var axes = Axes()
        axes.xLimits = xLimits
        axes.yLimits = yLimits
        axes.title = "lr = \(run.learningRate): \(run.regime.rawValue)"
        axes.xLabel = "x"
        try axes.scatter(x: data.x, y: data.y, color: TrainingScene.pointColor, diameterPoints: 4)
        let step = run.step(atFrame: frame)
        let a = step.parameters
        if a.allSatisfy(\.isFinite) {
            axes.line(slope: a[0], intercept: a[1], color: TrainingScene.lineColor, isDynamic: true)
        }
        let stopped = run.history.didDiverge && frame >= run.history.count - 1
        axes.text(
            stopped ? "diverged at iteration \(step.iteration)" : "MSE = " + text.loss(step.loss),
            at: .axes(x: 0.04, y: 0.95), color: stopped ? Self.divergedColor : .black,
            anchor: TextAnchor(.left, .top), isDynamic: true)
        // Why the regime: lr times the steepest curvature of the loss.
        axes.text(
            "lr·λmax = " + String(format: "%.2f", run.rateTimesCurvature), at: .axes(x: 0.96, y: 0.04),
            anchor: TextAnchor(.right, .bottom))
        return axes
    }

    private func lossPanel(_ run: LearningRateRun, frame: Int, yLimits: AxisRange) throws -> Axes {
        var axes = Axes()
        axes.yScale = .log10
        let whole = run.lossCurve(throughFrame: iterations)
        let margin = Theme.matplotlib.autoscaleMargin
        axes.xLimits = AxisRange.automatic(dataMinimum: 0, dataMaximum: Double(iterations), margin: margin)
        axes.yLimits = yLimits
        axes.xLabel = "iteration"
        axes.xTicksAreIntegers = true
        try axes.plot(x: whole.x, y: whole.y, color: Self.ghostColor)
        let sofar = run.lossCurve(throughFrame: frame)
        try axes.plot(x: sofar.x, y: sofar.y, color: TrainingScene.lineColor, isDynamic: true)
        if let x = sofar.x.last, let y = sofar.y.last {
            try axes.scatter(
                x: [x], y: [y], color: TrainingScene.lineColor, diameterPoints: 6, isDynamic: true)
        }
        return axes
    }
}
