import FitPlot
import FitTrainer

/// The figure of a training run, split into what every frame shares (axes, ticks, labels,
/// the point cloud: drawn once) and what changes (the current line, its equation, the title
/// with the loss, the residuals). Axis limits come from the data alone, never from the line,
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

    /// matplotlib's orange (C1), for the points.
    public static let pointColor = Color(hex: 0xff7f0e)
    /// matplotlib's blue (C0), for the fitted line.
    public static let lineColor = Color(hex: 0x1f77b4)
    /// Translucent red, for the residuals.
    public static let residualColor = Color(hex: 0xd62728, alpha: 0.6)

    /// The scene of `history` on `data`; throws when `settings` cannot make a figure.
    /// `axisLabels` name the axes (a CSV header's column names, say).
    public init(
        data: DataSet, history: TrainingHistory, settings: RenderSettings,
        axisLabels: (x: String, y: String) = ("x", "y")
    ) throws(AnimationError) {
        self.data = data
        self.history = history
        self.settings = settings
        self.text = FrameText(language: settings.language)
        self.axisLabels = axisLabels
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

    /// Number of frames: one per recorded state (iteration 0 … last).
    public var frameCount: Int { history.count }

    /// The title of frame `index`.
    public func title(forFrame index: Int) -> String {
        let step = history[index]
        if let divergence = history.divergence, index == history.count - 1 {
            return text.divergedTitle(iteration: divergence.iteration, loss: step.loss)
        }
        return text.frameTitle(iteration: step.iteration, loss: step.loss)
    }

    /// The whole figure of frame `index`: the base plus its panel's dynamic marks.
    public func figure(forFrame index: Int) -> Figure {
        var figure = baseFigure
        fitPanel.addDynamicMarks(forFrame: index, to: &figure.mainAxes)
        return figure
    }
}
