import FitPlot
import FitTrainer

/// The figure of a training run, split into what every frame shares (axes, ticks, labels,
/// the point cloud: drawn once) and what changes (the model's current curve, its formula, the
/// title with the loss, the residuals). Nothing here assumes a line: the model draws itself. Axis limits come from the data alone, never from the line,
/// so they stay fixed for the whole run.
public struct TrainingScene: Sendable {
    /// The point cloud.
    public let data: DataSet
    /// The training run, one frame per recorded state.
    public let history: TrainingHistory
    /// Size, language and options of the frames.
    public let settings: RenderSettings
    /// The frames' words and number format, in `settings.language`.
    public let text: FrameText
    /// The figure without dynamic marks.
    public private(set) var baseFigure: Figure
    /// The x range of every frame, from the data with a margin.
    public let xLimits: AxisRange
    /// The y range of every frame, from the data with a margin.
    public let yLimits: AxisRange
    /// The axes' names.
    public let axisLabels: (x: String, y: String)
    /// The model the history trained; frames draw its curve and write its formula.
    public let model: any Model
    /// The iteration each frame shows (every state by default; see ``FrameSelection``).
    public let framePlan: FramePlan

    /// matplotlib's orange (C1), for the points.
    public static let pointColor = Color(hex: 0xff7f0e)
    /// matplotlib's blue (C0), for the fitted line.
    public static let lineColor = Color(hex: 0x1f77b4)
    /// Translucent red, for the residuals.
    public static let residualColor = Color(hex: 0xd62728, alpha: 0.6)

    /// The scene of `history` on `data`; throws when `settings` cannot make a figure.
    /// `axisLabels` name the axes (a CSV header's column names, say); `frames` chooses the
    /// states drawn (all by default).
    public init(
        data: DataSet, history: TrainingHistory, settings: RenderSettings,
        axisLabels: (x: String, y: String) = ("x", "y"), frames: FrameSelection = .all
    ) throws(AnimationError) {
        self.data = data
        self.framePlan = FramePlan(
            selection: frames, runs: [.init(label: nil, settings: settings, lastIteration: history.count - 1)]
        )
        self.history = history
        self.settings = settings
        self.text = FrameText(language: settings.language)
        self.axisLabels = axisLabels
        self.model = history.model.makeModel()
        let margin = Theme.matplotlib.autoscaleMargin
        xLimits = AxisRange.automatic(
            dataMinimum: data.limits.xMin, dataMaximum: data.limits.xMax, margin: margin)
        yLimits = AxisRange.automatic(
            dataMinimum: data.limits.yMin, dataMaximum: data.limits.yMax, margin: margin)
        do {
            var theme = Theme.matplotlib
            theme.numberFormatting = text.numbers
            var figure = try Figure(
                width: Double(settings.width), height: Double(settings.height), theme: theme)
            try figure.validate(scale: settings.scale)
            figure.margins = .matplotlib(fitting: figure.size, dpi: figure.dpi)
            baseFigure = figure
        } catch {
            throw .rendering(error.description)
        }
        // The panel reads only the data, limits, labels and words set above.
        try FitPanel(scene: self).addStaticMarks(to: &baseFigure.mainAxes)
    }

    /// The panel the frames are made of.
    public var fitPanel: FitPanel { FitPanel(scene: self) }

    /// Number of frames: one per selected state (by default every one, iteration 0 … last).
    public var frameCount: Int { framePlan.frameCount }

    /// The history row (iteration) that frame `index` shows.
    public func iteration(forFrame index: Int) -> Int { framePlan.state(ofRun: 0, forFrame: index) }

    /// The parameters after `iteration` updates in the data's own units (trained parameters
    /// are brought back from standardized units when the run standardized).
    public func parametersInDataUnits(at iteration: Int) -> [Double] {
        let parameters = history.parameters(at: iteration)
        guard let standardization = history.standardization else { return parameters }
        return standardization.parametersInDataUnits(parameters, model: model)
    }

    /// The loss after `iteration` updates in the data's own units.
    public func lossInDataUnits(at iteration: Int) -> Double {
        let loss = history.losses[iteration]
        return history.standardization?.lossInDataUnits(loss) ?? loss
    }

    /// The title of frame `index`.
    public func title(forFrame index: Int) -> String { title(atIteration: iteration(forFrame: index)) }

    /// The title of the state after `iteration` updates.
    public func title(atIteration iteration: Int) -> String {
        let loss = lossInDataUnits(at: iteration)
        if let divergence = history.divergence, iteration == history.count - 1 {
            return text.divergedTitle(iteration: divergence.iteration, loss: loss)
        }
        return text.frameTitle(iteration: iteration, loss: loss)
    }

    /// Adds the model's curve for `parameters` (data units): a straight line is drawn as one
    /// exact segment (``InfiniteLineMark``), any other curve sampled once per device pixel
    /// column (``SampledFunctionMark``). Non-finite parameters draw nothing.
    public func addCurve(
        _ parameters: [Double], to axes: inout Axes, color: Color = TrainingScene.lineColor,
        widthPoints: Double = 1.5, dashPoints: [Double] = [], label: String? = nil, isDynamic: Bool = false
    ) {
        if let line = model.straightLine(parameters) {
            axes.line(
                slope: line.slope, intercept: line.intercept, color: color, widthPoints: widthPoints,
                dashPoints: dashPoints, label: label, isDynamic: isDynamic)
            return
        }
        guard parameters.allSatisfy(\.isFinite) else { return }
        let model = self.model
        axes.function(
            color: color, widthPoints: widthPoints, dashPoints: dashPoints,
            devicePixelsPerUnit: settings.scale,
            label: label, isDynamic: isDynamic
        ) { model.predict($0, parameters: parameters) }
    }

    /// The whole figure of frame `index`: the base plus its panel's dynamic marks.
    public func figure(forFrame index: Int) -> Figure {
        var figure = baseFigure
        fitPanel.addDynamicMarks(forFrame: index, to: &figure.mainAxes)
        return figure
    }
}
