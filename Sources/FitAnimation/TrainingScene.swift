import FitPlot
import FitTrainer

/// The figure of one or several training runs on the same points, split into what every
/// frame shares (axes, ticks, labels, the point cloud, the whole loss curve, the loss surface:
/// drawn once) and what changes (each run's current curve, its formula, the title with the
/// loss, the residuals, the current point and step). Nothing here assumes a line: the model
/// draws itself. Axis limits come from the data and the whole histories, never from the
/// current state, so they stay fixed for the whole run.
///
/// The frame is laid out from ``PanelKind``s side by side (`settings.image.panels`), each in a
/// cell of `settings.width × settings.height`. Several runs (``RunView``s, one colour each)
/// share every panel: one curve per run in the fit panel, one loss curve per run, one path per
/// run on a shared landscape. One run is today's frame.
public struct TrainingScene: Sendable {
    /// The point cloud.
    public let data: DataSet
    /// The runs shown, in legend order; the first is ``history``'s.
    public let runs: [RunView]
    /// The first (or only) run.
    public var history: TrainingHistory { runs[0].history }
    /// Size, language and options of the frames.
    public let settings: RenderSettings
    /// The frames' words and number format, in `settings.language`.
    public let text: FrameText
    /// The fit panel alone without dynamic marks: the base of the article's figures (and the
    /// frame's static figure when the frame shows only the fit panel).
    public private(set) var baseFigure: Figure
    /// The frame without dynamic marks: every panel of `settings.image.panels` side by side.
    public private(set) var frameFigure: Figure
    /// The x range of every frame, from the data with a margin.
    public let xLimits: AxisRange
    /// The y range of every frame, from the data with a margin.
    public let yLimits: AxisRange
    /// The axes' names.
    public let axisLabels: (x: String, y: String)
    /// The model the first run trained; frames draw its curve and write its formula.
    public let model: any Model
    /// The fit panel's corner for the formula: the one whose box covers the fewest points
    /// (matplotlib's legend "best" rule), chosen once so that it never jumps.
    public var formulaCorner: LegendLocation { formulaCorners[0] }
    /// Every corner, best first: a frame whose off-view marker takes the best corner writes
    /// its formula in the next.
    public private(set) var formulaCorners: [LegendLocation] = LegendLocation.corners
    /// The loss panel's axes and curves, when the frame has one.
    public private(set) var lossView: LossView?
    /// The landscape panel's surface, plane and paths, when the frame has one.
    public private(set) var landscape: LossLandscape?
    /// The runs' names and settings, and the iteration each frame shows (every state by
    /// default; see ``FrameSelection``).
    public let framePlan: FramePlan

    /// matplotlib's orange (C1), for the points.
    public static let pointColor = Color(hex: 0xff7f0e)
    /// matplotlib's blue (C0), for the fitted line.
    public static let lineColor = Color(hex: 0x1f77b4)
    /// Grey, for the points when several runs are compared (the runs take tab10's colours).
    public static let comparedPointColor = Color(hex: 0x7f7f7f, alpha: 0.8)
    /// Translucent red, for the residuals.
    public static let residualColor = Color(hex: 0xd62728, alpha: 0.6)

    /// The scene of `history` on `data`; throws when `settings` cannot make a figure.
    /// `axisLabels` name the axes (a CSV header's column names, say); `frames` chooses the
    /// states drawn (all by default).
    public init(
        data: DataSet, history: TrainingHistory, settings: RenderSettings,
        axisLabels: (x: String, y: String) = ("x", "y"), frames: FrameSelection = .all
    ) throws(AnimationError) {
        try self.init(
            data: data, runs: [RunView(history: history)], settings: settings, axisLabels: axisLabels,
            frames: frames)
    }

    /// The scene of several `runs` on the same `data` (at least one): each run in its own
    /// colour in every panel, with a legend of their labels when there are two or more.
    /// `frames` chooses the iterations drawn; `comparison` names the setting the runs differ in
    /// and `runSettings` each run's settings (both recorded in ``framePlan``; each run has
    /// `settings` when nil).
    /// - Throws: ``AnimationError/rendering(_:)`` when there is no run, `settings` cannot make a
    ///   figure, or the landscape cannot show these runs (runs of different models).
    public init(
        data: DataSet, runs: [RunView], settings: RenderSettings,
        axisLabels: (x: String, y: String) = ("x", "y"),
        frames: FrameSelection = .all, comparison: RunComparison? = nil, runSettings: [RenderSettings]? = nil
    ) throws(AnimationError) {
        guard let first = runs.first else { throw .rendering("a training scene needs at least one run") }
        guard runSettings == nil || runSettings?.count == runs.count else {
            throw .rendering("\(runs.count) runs need \(runs.count) settings, not \(runSettings?.count ?? 0)")
        }
        framePlan = FramePlan(
            selection: frames,
            runs: runs.enumerated().map { index, run in
                FramePlan.Run(
                    label: run.label, settings: runSettings?[index] ?? settings,
                    lastIteration: run.history.count - 1)
            },
            comparison: comparison)
        self.data = data
        self.runs = runs
        self.settings = settings
        self.text = FrameText(language: settings.language)
        self.axisLabels = axisLabels
        self.model = first.model
        let margin = Theme.matplotlib.autoscaleMargin
        xLimits = AxisRange.automatic(
            dataMinimum: data.limits.xMin, dataMaximum: data.limits.xMax, margin: margin)
        yLimits = AxisRange.automatic(
            dataMinimum: data.limits.yMin, dataMaximum: data.limits.yMax, margin: margin)
        let panels = settings.image.panels
        do {
            var theme = Theme.matplotlib
            theme.numberFormatting = text.numbers
            var figure = try Figure(
                width: Double(settings.width), height: Double(settings.height), theme: theme)
            try figure.validate(scale: settings.scale)
            figure.margins = .matplotlib(fitting: figure.size, dpi: figure.dpi)
            baseFigure = figure
            if panels == [.fit] {
                frameFigure = figure
            } else {
                var frame = try Figure(
                    width: Double(settings.width * panels.count), height: Double(settings.height),
                    columns: panels.count, theme: theme)
                try frame.validate(scale: settings.scale)
                frame.margins = figure.margins
                frame.splitsColumnsEvenly = true
                frameFigure = frame
            }
        } catch {
            throw .rendering(error.description)
        }
        // The panels read only the data, runs, limits, labels and words set above.
        formulaCorners = FitPanel.formulaCorners(scene: self, plotArea: baseFigure.plotArea())
        try FitPanel(scene: self).addStaticMarks(to: &baseFigure.mainAxes)
        if panels.contains(.loss) { lossView = LossView(runs: runs) }
        if panels.contains(.landscape) {
            let area = frameFigure.plotArea(column: panels.firstIndex(of: .landscape) ?? 0)
            landscape = try LossLandscape(
                data: data, runs: runs, plotArea: area, scale: settings.scale, text: text)
        }
        if panels == [.fit] {
            frameFigure = baseFigure
        } else {
            for (column, kind) in panels.enumerated() {
                try panel(kind).addStaticMarks(to: &frameFigure.axes[column])
            }
        }
    }

    /// The panel of `kind` (a view of this scene: it adds that panel's marks).
    /// The panel that names compared runs in a legend: the fit panel when the frame has one,
    /// else the first panel, so that a `--panels loss` or `--panels landscape` comparison
    /// still says which colour is which run. Nil for a single run.
    public var runLegendPanel: PanelKind? {
        guard runs.count > 1 else { return nil }
        let panels = settings.image.panels
        return panels.contains(.fit) ? .fit : panels.first
    }

    /// Adds a legend key per compared run to `axes` (keys only, no data: the legend is static,
    /// the curves dynamic) when `kind` is the ``runLegendPanel``.
    func addRunLegend(to axes: inout Axes, in kind: PanelKind) throws(AnimationError) {
        guard runLegendPanel == kind else { return }
        do {
            for run in runs { try axes.plot(x: [], y: [], color: run.color, label: run.label ?? "") }
        } catch {
            throw .rendering(error.description)
        }
        axes.legendLocation = .best
    }

    public func panel(_ kind: PanelKind) -> any FramePanel {
        switch kind {
        case .fit: FitPanel(scene: self)
        case .loss: LossPanel(scene: self)
        case .landscape: LandscapePanel(scene: self)
        }
    }

    /// The panel the frames are made of.
    public var fitPanel: FitPanel { FitPanel(scene: self) }

    /// Number of frames: one per selected iteration (by default every state, 0 … the last of
    /// the longest run).
    public var frameCount: Int { framePlan.frameCount }

    /// The iteration frame `index` shows.
    public func iteration(forFrame index: Int) -> Int { framePlan.iteration(forFrame: index) }

    /// The parameters of the first run after `iteration` updates (its last state when it
    /// stopped before), in the data's own units (trained parameters are brought back from
    /// standardized units when the run standardized).
    public func parametersInDataUnits(at iteration: Int) -> [Double] {
        runs[0].parametersInDataUnits(at: runs[0].row(atIteration: iteration))
    }

    /// The loss of the first run after `iteration` updates, in the data's own units.
    public func lossInDataUnits(at iteration: Int) -> Double {
        runs[0].lossInDataUnits(at: runs[0].row(atIteration: iteration))
    }

    /// The title of frame `index`.
    public func title(forFrame index: Int) -> String { title(atIteration: iteration(forFrame: index)) }

    /// The title of the state after `iteration` updates: the iteration and the loss of the one
    /// run, or the iteration alone when several runs are compared (the legend and loss panel
    /// tell theirs).
    public func title(atIteration iteration: Int) -> String {
        guard runs.count == 1 else { return text.iterationTitle(iteration) }
        let row = runs[0].row(atIteration: iteration)
        let loss = lossInDataUnits(at: row)
        if let divergence = history.divergence, row == history.count - 1 {
            return text.divergedTitle(iteration: divergence.iteration, loss: loss)
        }
        return text.frameTitle(iteration: history[row].iteration, loss: loss)
    }

    /// Adds the model's curve for `parameters` (data units): a straight line is drawn as one
    /// exact segment (``InfiniteLineMark``), any other curve sampled once per device pixel
    /// column (``SampledFunctionMark``). Non-finite parameters draw nothing.
    public func addCurve(
        _ parameters: [Double], to axes: inout Axes, color: Color = TrainingScene.lineColor,
        widthPoints: Double = 1.5, dashPoints: [Double] = [], label: String? = nil, isDynamic: Bool = false
    ) {
        addCurve(
            parameters, of: model, to: &axes, color: color, widthPoints: widthPoints, dashPoints: dashPoints,
            label: label, isDynamic: isDynamic)
    }

    /// ``addCurve(_:to:color:widthPoints:dashPoints:label:isDynamic:)`` for any run's `model`.
    public func addCurve(
        _ parameters: [Double], of model: any Model, to axes: inout Axes, color: Color,
        widthPoints: Double = 1.5, dashPoints: [Double] = [], label: String? = nil, isDynamic: Bool = false
    ) {
        if let line = model.straightLine(parameters) {
            axes.line(
                slope: line.slope, intercept: line.intercept, color: color, widthPoints: widthPoints,
                dashPoints: dashPoints, label: label, isDynamic: isDynamic)
            return
        }
        guard parameters.allSatisfy(\.isFinite) else { return }
        axes.function(
            color: color, widthPoints: widthPoints, dashPoints: dashPoints,
            devicePixelsPerUnit: settings.scale,
            label: label, isDynamic: isDynamic
        ) { model.predict($0, parameters: parameters) }
    }

    /// The whole figure of frame `index`: the static frame plus each panel's dynamic marks.
    public func figure(forFrame index: Int) -> Figure {
        var figure = frameFigure
        for (column, kind) in settings.image.panels.enumerated() {
            panel(kind).addDynamicMarks(forFrame: index, to: &figure.axes[column])
        }
        return figure
    }
}
