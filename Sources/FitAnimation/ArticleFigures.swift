import FitPlot
import FitTrainer

/// The article's figures, in its order: the point cloud, the first guess with its MSE, the
/// squared errors (the cost function made visible), the result with the true line dashed,
/// and the loss curve (linear and log-scale variants).
public struct ArticleFigures: Sendable {
    /// The figures, in the article's order; the raw value is the file name stem.
    public enum Name: String, Sendable, CaseIterable {
        /// The point cloud; the first guess with its MSE; the squared errors as squares; the
        /// fitted line with the true line; the loss curve.
        case points
        case initialGuess = "initial-guess"
        case squaredErrors = "squared-errors"
        case result, loss
        /// The loss curve on a log scale.
        case lossLog = "loss-log"
    }

    /// The run the figures show (data, history, size, language).
    public let scene: TrainingScene
    /// The line the data was generated from; nil for user data (the least-squares line is
    /// drawn instead).
    public let trueLine: (slope: Double, intercept: Double)?

    /// How many squares the squared-errors figure draws.
    static let squareCount = 8

    /// The figures of `scene`; `trueLine` is the line the data was generated from, if known.
    public init(scene: TrainingScene, trueLine: (slope: Double, intercept: Double)?) {
        self.scene = scene
        self.trueLine = trueLine
    }

    private var text: FrameText { scene.text }
    private var initial: [Double] { scene.parametersInDataUnits(at: 0) }

    /// A figure's title, as written on it.
    public func title(_ name: Name) -> String {
        let fr = scene.settings.language == .fr
        switch name {
        case .points: return fr ? "Le nuage de points" : "The point cloud"
        case .initialGuess:
            let a = "a = " + text.tuple(initial.map { text.numbers.formatTrimmed($0, maximumDecimals: 4) })
            return (fr ? "Premier essai" : "First guess") + text.colon + a
        case .squaredErrors: return fr ? "Les erreurs au carré" : "The squared errors"
        case .result:
            // A diverged run has no result to show: say what happened instead.
            if let divergence = scene.history.divergence {
                return fr
                    ? "Divergence à l’itération \(divergence.iteration)"
                    : "Diverged at iteration \(divergence.iteration)"
            }
            return fr ? "Après l’entraînement" : "After training"
        case .loss: return fr ? "La perte au fil des itérations" : "The loss over the iterations"
        case .lossLog: return fr ? "La perte, échelle logarithmique" : "The loss, log scale"
        }
    }

    /// The figure `name`, ready to draw or export (see ``FigureExporter``).
    public func figure(_ name: Name) throws -> Figure {
        switch name {
        case .points: return try scatterFigure(name)
        case .initialGuess: return try initialGuess()
        case .squaredErrors: return try squaredErrors()
        case .result: return try result()
        case .loss: return try lossCurve(log: false)
        case .lossLog: return try lossCurve(log: true)
        }
    }

    private func scatterFigure(_ name: Name) throws -> Figure {
        var figure = scene.baseFigure
        figure.mainAxes.title = title(name)
        figure.mainAxes.titleIsDynamic = false
        return figure
    }

    private func initialGuess() throws -> Figure {
        var figure = try scatterFigure(.initialGuess)
        let a = initial
        let predictions = scene.data.x.map { scene.model.predict($0, parameters: a) }
        try figure.mainAxes.scatter(
            x: scene.data.x, y: predictions, color: TrainingScene.lineColor, label: text.predictionsLabel)
        figure.mainAxes.text(
            text.mseLabel + " = " + text.loss(scene.lossInDataUnits(at: 0)), at: .axes(x: 0.03, y: 0.95),
            anchor: TextAnchor(.left, .top))
        figure.mainAxes.legendLocation = .lowerRight
        return figure
    }

    private func squaredErrors() throws -> Figure {
        var figure = try scatterFigure(.squaredErrors)
        let a = initial
        let area = figure.plotArea()
        // Squares must look square on screen: convert a y-extent to the x-extent of the same
        // number of pixels.
        let xPerY = (scene.xLimits.span / area.width) / (scene.yLimits.span / area.height)
        var squares: [DataSegment] = []
        var residuals: [DataSegment] = []
        // Every residual as a segment; the squares of a few of them, evenly spread along x,
        // so that the picture stays readable (all of them overlap into a blur).
        let byX = (0..<scene.data.count).sorted { scene.data.x[$0] < scene.data.x[$1] }
        let squareEvery = max(1, byX.count / Self.squareCount)
        for (rank, i) in byX.enumerated() {
            let x = scene.data.x[i]
            let y = scene.data.y[i]
            let yHat = scene.model.predict(x, parameters: a)
            residuals.append(DataSegment(start: DataPoint(x: x, y: y), end: DataPoint(x: x, y: yHat)))
            guard rank % squareEvery == squareEvery / 2 else { continue }
            // The square hangs on the side of the residual towards the cloud's centre.
            let width = abs(y - yHat) * xPerY * (x < 0 ? 1 : -1)
            squares.append(DataSegment(start: DataPoint(x: x, y: y), end: DataPoint(x: x + width, y: yHat)))
        }
        figure.mainAxes.rectangles(
            squares, fill: Color(hex: 0xd62728, alpha: 0.12),
            edge: LineAppearance(color: Color(hex: 0xd62728, alpha: 0.6), widthPoints: 0.6),
            label: text.language == .fr ? "carrés des erreurs" : "squared errors")
        figure.mainAxes.segments(
            residuals, color: Color(hex: 0xd62728), widthPoints: 0.8, label: text.residualsLabel)
        scene.addCurve(a, to: &figure.mainAxes, label: text.formula(of: scene.model, parameters: a))
        figure.mainAxes.text(
            text.mseLabel + " = " + text.loss(scene.lossInDataUnits(at: 0)), at: .axes(x: 0.97, y: 0.04),
            anchor: TextAnchor(.right, .bottom))
        figure.mainAxes.legendLocation = .upperLeft
        return figure
    }

    private func result() throws -> Figure {
        var figure = try scatterFigure(.result)
        let last = scene.history.lastFiniteIteration ?? 0
        let a = scene.parametersInDataUnits(at: last)
        let isLine = scene.model.straightLine(a) != nil
        scene.addCurve(
            a, to: &figure.mainAxes,
            label: (isLine ? text.fitLabel : text.fitCurveLabel) + text.colon
                + text.formula(of: scene.model, parameters: a))
        let dash: [Double] = [4, 3]
        if let trueLine {
            figure.mainAxes.line(
                slope: trueLine.slope, intercept: trueLine.intercept, color: .black, widthPoints: 1.2,
                dashPoints: dash,
                label: text.trueLineLabel + text.colon
                    + text.equation(slope: trueLine.slope, intercept: trueLine.intercept))
        } else if scene.model.isLinearInParameters {
            // The least-squares fit of the same model, the optimum training aims for.
            let ls = try LeastSquares.solve(data: scene.data, degree: scene.model.parameterCount - 1)
            scene.addCurve(
                ls, to: &figure.mainAxes, color: .black, widthPoints: 1.2, dashPoints: dash,
                label: (text.language == .fr ? "moindres carrés" : "least squares") + text.colon
                    + text.formula(of: scene.model, parameters: ls))
        }
        figure.mainAxes.legendLocation = .lowerRight
        return figure
    }

    private func lossCurve(log: Bool) throws -> Figure {
        var theme = Theme.matplotlib
        theme.numberFormatting = text.numbers
        var figure = try Figure(
            width: Double(scene.settings.width), height: Double(scene.settings.height), theme: theme)
        figure.margins = .matplotlib(fitting: figure.size, dpi: figure.dpi)
        var axes = figure.mainAxes
        axes.title = title(log ? .lossLog : .loss)
        axes.xLabel = text.iterationLabel
        // Iterations are whole numbers: a 2-iteration run gets ticks 0, 1, 2, not 0.25, 0.5, ….
        axes.xTicksAreIntegers = true
        axes.yLabel = log ? text.logScaleLossLabel : text.lossLabel
        // The log variant plots the losses themselves on a logarithmic axis (matplotlib's
        // `ax.set_yscale('log')`): decade ticks 10⁻¹, 10⁰, 10¹ with minor ticks between.
        if log { axes.yScale = .log10 }
        let history = scene.history
        var xs: [Double] = []
        var ys: [Double] = []
        // A zero loss has no place on a log axis: left out here rather than counted as skipped.
        for index in history.indices {
            let loss = scene.lossInDataUnits(at: index)
            guard loss.isFinite, !log || loss > 0 else { continue }
            xs.append(Double(index))
            ys.append(loss)
        }
        try axes.plot(x: xs, y: ys, color: TrainingScene.lineColor)
        figure.mainAxes = axes
        return figure
    }
}
