import FitPlot

/// The fit panel of a training run: the point cloud on axes fixed by the data (static), and at
/// each frame the model's current curve, its formula, the title with the loss, and the
/// residuals when asked for (dynamic).
public struct FitPanel: FramePanel {
    /// The run shown.
    public let scene: TrainingScene

    /// The panel of `scene`.
    public init(scene: TrainingScene) {
        self.scene = scene
    }

    /// The data's limits, the axis labels, room for the dynamic title, and the point cloud.
    public func addStaticMarks(to axes: inout Axes) throws(AnimationError) {
        axes.xLimits = scene.xLimits
        axes.yLimits = scene.yLimits
        axes.xLabel = scene.axisLabels.x
        axes.yLabel = scene.axisLabels.y
        // The title is dynamic; an empty placeholder keeps its space in the layout.
        axes.titleIsDynamic = true
        do {
            try axes.scatter(
                x: scene.data.x, y: scene.data.y, color: TrainingScene.pointColor, label: scene.text.dataLabel
            )
        } catch {
            throw .rendering(error.description)
        }
    }

    /// The title, the residuals (under the curve), the model's curve and its formula of frame `index`.
    public func addDynamicMarks(forFrame index: Int, to axes: inout Axes) {
        let data = scene.data
        let model = scene.model
        let iteration = scene.iteration(forFrame: index)
        let parameters = scene.parametersInDataUnits(at: iteration)
        axes.title = scene.title(atIteration: iteration)
        if scene.settings.residuals, parameters.allSatisfy(\.isFinite) {
            var segments: [DataSegment] = []
            segments.reserveCapacity(data.count)
            for i in 0..<data.count {
                let x = data.x[i]
                segments.append(
                    DataSegment(
                        start: DataPoint(x: x, y: data.y[i]),
                        end: DataPoint(x: x, y: model.predict(x, parameters: parameters))))
            }
            axes.segments(segments, color: TrainingScene.residualColor, widthPoints: 0.8, isDynamic: true)
        }
        scene.addCurve(parameters, to: &axes, isDynamic: true)
        axes.text(
            scene.text.formula(of: model, parameters: parameters), at: .axes(x: 0.03, y: 0.95),
            color: TrainingScene.lineColor, anchor: TextAnchor(.left, .top), isDynamic: true)
    }
}
