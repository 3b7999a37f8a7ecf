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
    public let baseFigure: Figure
    /// The x range of every frame, from the data with a margin.
    public let xLimits: AxisRange
    /// The y range of every frame, from the data with a margin.
    public let yLimits: AxisRange

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
            var axes = figure.mainAxes
            axes.xLimits = xLimits
            axes.yLimits = yLimits
            axes.xLabel = axisLabels.x
            axes.yLabel = axisLabels.y
            // The title is dynamic; an empty placeholder keeps its space in the layout.
            axes.titleIsDynamic = true
            try axes.scatter(x: data.x, y: data.y, color: Self.pointColor, label: text.dataLabel)
            figure.mainAxes = axes
            baseFigure = figure
        } catch {
            throw .rendering(error.description)
        }
    }

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

    /// The whole figure of frame `index`: the base plus its dynamic marks.
    public func figure(forFrame index: Int) -> Figure {
        var figure = baseFigure
        var axes = figure.mainAxes
        let parameters = history.parameters(at: index)
        let slope = parameters.count > 1 ? parameters[0] : 0
        let intercept = parameters.last ?? 0
        axes.title = title(forFrame: index)
        if settings.residuals, slope.isFinite, intercept.isFinite {
            var segments: [DataSegment] = []
            segments.reserveCapacity(data.count)
            for i in 0..<data.count {
                let x = data.x[i]
                segments.append(
                    DataSegment(
                        start: DataPoint(x: x, y: data.y[i]), end: DataPoint(x: x, y: slope * x + intercept)))
            }
            axes.segments(segments, color: Self.residualColor, widthPoints: 0.8, isDynamic: true)
        }
        axes.line(slope: slope, intercept: intercept, color: Self.lineColor, isDynamic: true)
        axes.text(
            text.equation(slope: slope, intercept: intercept), at: .axes(x: 0.03, y: 0.95),
            color: Self.lineColor, anchor: TextAnchor(.left, .top), isDynamic: true)
        figure.mainAxes = axes
        return figure
    }
}
