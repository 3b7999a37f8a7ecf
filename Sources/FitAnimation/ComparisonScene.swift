import FitPNG
import FitPlot

/// Several training runs on the same data in one animation (`--compare`): one colour per run
/// (matplotlib's tab10, in the order given), a legend, and at each frame every run's state at
/// the frame's iteration (a run that stopped early, having diverged, stays on its last state).
///
/// Each run is a ``TrainingScene`` (its history, model and settings); this scene lays them
/// out together and is the ``FrameSource``. The frames' iterations come from one
/// ``FramePlan`` over all runs.
public struct ComparisonScene: Sendable {
    /// The runs, in the order given; they share data, canvas and language.
    public let runs: [TrainingScene]
    /// The runs' names, settings and the iteration of each frame.
    public let framePlan: FramePlan
    /// The figure without dynamic marks.
    public private(set) var baseFigure: Figure

    /// matplotlib's tab10: run k is drawn in the k-th colour.
    public static let runColors: [Color] = Theme.matplotlib.colorCycle
    /// The points are context here, not a run: a light grey that no tab10 colour is.
    public static let pointColor = Color(hex: 0xa8a8a8)

    /// The scene of `runs` (2 … 10 of them, on the same data and canvas), compared in
    /// `comparison`'s setting, showing the iterations `frames` chooses.
    /// - Throws: ``AnimationError/rendering(_:)`` when the runs cannot be shown together.
    public init(runs: [TrainingScene], comparison: RunComparison, frames: FrameSelection = .all)
        throws(AnimationError)
    {
        guard (1...Self.runColors.count).contains(runs.count), runs.count == comparison.values.count else {
            throw .rendering(
                "a comparison shows 1 to \(Self.runColors.count) runs, one per value (\(runs.count) runs, \(comparison.values.count) values)"
            )
        }
        let first = runs[0]
        for run in runs.dropFirst()
        where run.data.x != first.data.x || run.data.y != first.data.y
            || run.settings.image != first.settings.image
        {
            throw .rendering("the runs of a comparison must share their data and image settings")
        }
        self.runs = runs
        framePlan = FramePlan(
            selection: frames,
            runs: runs.enumerated().map { index, run in
                FramePlan.Run(
                    label: comparison.label(ofRun: index), settings: run.settings,
                    lastIteration: run.history.count - 1)
            },
            comparison: comparison)
        baseFigure = first.staticFigure()
        baseFigure.mainAxes = Axes(colorCycle: baseFigure.theme.colorCycle)
        try ComparisonFitPanel(runs: runs, plan: framePlan).addStaticMarks(to: &baseFigure.mainAxes)
    }

    /// The fit panel: every run's curve over the points.
    public var fitPanel: ComparisonFitPanel { ComparisonFitPanel(runs: runs, plan: framePlan) }

    /// The colour of run `index` (0-based).
    public static func color(ofRun index: Int) -> Color { runColors[index % runColors.count] }

    /// "Iteration 12" / "Itération 12": the runs' losses are in their own curves and panels.
    public func title(forFrame index: Int) -> String {
        let iteration = framePlan.iteration(forFrame: index)
        return runs[0].settings.language == .fr ? "Itération \(iteration)" : "Iteration \(iteration)"
    }

    /// The whole figure of frame `index`: the base plus every run's dynamic marks.
    public func figure(forFrame index: Int) -> Figure {
        var figure = baseFigure
        fitPanel.addDynamicMarks(forFrame: index, to: &figure.mainAxes)
        return figure
    }
}

/// The runs are a frame source: one frame per planned iteration.
extension ComparisonScene: FrameSource {
    /// Number of frames.
    public var frameCount: Int { framePlan.frameCount }
    /// The runs' canvas.
    public var canvasSize: Size { runs[0].canvasSize }
    /// The runs' scale.
    public var scale: Double { runs[0].scale }
    /// The figure without dynamic marks.
    public func staticFigure() -> Figure { baseFigure }

    /// `Software`, `Title`, `Iteration` (the frame's), and per run k (1-based) `Run k`: its
    /// name, the iteration it shows (its last when it stopped before), its parameters and loss.
    public func metadata(forFrame index: Int) -> [PNGTextChunk] {
        var chunks: [PNGTextChunk] = [
            .software("render-fit \(RenderFitVersion.current)"),
            .title(title(forFrame: index)),
            PNGTextChunk(keyword: "Iteration", value: String(framePlan.iteration(forFrame: index))),
        ]
        for (r, run) in runs.enumerated() {
            let step = run.history[framePlan.state(ofRun: r, forFrame: index)]
            let parameters = step.parameters.map { "\($0)" }.joined(separator: ",")
            chunks.append(
                PNGTextChunk(
                    keyword: "Run \(r + 1)",
                    value:
                        "\(framePlan.runs[r].label ?? ""); iteration \(step.iteration); parameters \(parameters); loss \(step.loss)"
                ))
        }
        return chunks
    }
}

/// The fit panel of a comparison: the points in grey, a legend naming each run in its colour
/// (static), and each run's current curve (dynamic).
public struct ComparisonFitPanel: FramePanel {
    /// The runs.
    public let runs: [TrainingScene]
    /// Names and frame iterations.
    public let plan: FramePlan

    /// The panel of `runs` under `plan`.
    public init(runs: [TrainingScene], plan: FramePlan) {
        self.runs = runs
        self.plan = plan
    }

    /// The data's limits, labels, the points, and one legend key per run (a line without
    /// points: the legend is drawn once, in the static layer).
    public func addStaticMarks(to axes: inout Axes) throws(AnimationError) {
        let first = runs[0]
        axes.xLimits = first.xLimits
        axes.yLimits = first.yLimits
        axes.xLabel = first.axisLabels.x
        axes.yLabel = first.axisLabels.y
        axes.titleIsDynamic = true
        axes.legendLocation = .best
        do {
            try axes.scatter(
                x: first.data.x, y: first.data.y, color: ComparisonScene.pointColor, diameterPoints: 5,
                label: first.text.dataLabel)
            for (index, run) in runs.enumerated() {
                var label = plan.runs[index].label ?? ""
                if let divergence = run.history.divergence {
                    label +=
                        first.settings.language == .fr
                        ? " (diverge à \(divergence.iteration))" : " (diverged at \(divergence.iteration))"
                }
                try axes.plot(
                    x: [], y: [], color: ComparisonScene.color(ofRun: index), widthPoints: 2, label: label)
            }
        } catch {
            throw .rendering(error.description)
        }
    }

    /// The title and every run's curve at frame `index`, in run order (the last on top).
    public func addDynamicMarks(forFrame index: Int, to axes: inout Axes) {
        axes.title =
            runs[0].settings.language == .fr
            ? "Itération \(plan.iteration(forFrame: index))" : "Iteration \(plan.iteration(forFrame: index))"
        for (r, run) in runs.enumerated() {
            let parameters = run.parametersInDataUnits(at: plan.state(ofRun: r, forFrame: index))
            run.addCurve(
                parameters, to: &axes, color: ComparisonScene.color(ofRun: r), widthPoints: 2, isDynamic: true
            )
        }
    }
}
