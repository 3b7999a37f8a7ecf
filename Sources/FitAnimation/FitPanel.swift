import FitPlot
import FitTrainer

/// The fit panel of a training run: the point cloud on axes fixed by the data (static), and at
/// each frame the model's current curve, its formula, the title with the loss, and the
/// residuals when asked for (dynamic). With several runs, one curve per run in its colour and a
/// legend instead of the formula. A curve that leaves the view gets a marker at the edge (an
/// arrow and its value), so that no frame loses it.
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
        // Residuals go under the points: the points become a static overlay over them.
        if scene.settings.residuals { axes.dynamicUnderlayZOrder = ZOrder.scatter }
        do {
            // Compared runs take tab10's colours, orange included: their points go grey.
            try axes.scatter(
                x: scene.data.x, y: scene.data.y,
                color: scene.runs.count > 1 ? TrainingScene.comparedPointColor : TrainingScene.pointColor,
                label: scene.text.dataLabel
            )
        } catch {
            throw .rendering(error.description)
        }
        try scene.addRunLegend(to: &axes, in: .fit)
    }

    /// The residuals' z-order: above the grid, under the points (``ZOrder/scatter``).
    static let residualZOrder = (ZOrder.grid + ZOrder.scatter) / 2

    /// The title, the residuals (under the points and the curve), the model's curve and its formula of frame `index`.
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
            axes.segments(
                segments, color: TrainingScene.residualColor, widthPoints: 0.8, isDynamic: true,
                zOrder: Self.residualZOrder)
        }
        guard scene.runs.count == 1 else {
            for run in scene.runs.reversed() {
                let runParameters = run.parametersInDataUnits(
                    at: run.row(atIteration: scene.iteration(forFrame: index)))
                scene.addCurve(runParameters, of: run.model, to: &axes, color: run.color, isDynamic: true)
                addOffViewMarker(runParameters, of: run.model, color: run.color, to: &axes)
            }
            return
        }
        scene.addCurve(parameters, to: &axes, isDynamic: true)
        let marker = addOffViewMarker(parameters, of: model, color: TrainingScene.lineColor, to: &axes)
        // The formula keeps its corner unless this frame's off-view marker is there.
        let corner = scene.formulaCorners.first { !Self.corner($0, holds: marker) } ?? scene.formulaCorner
        let place = Self.formulaPlacement(corner)
        axes.text(
            scene.text.formula(of: model, parameters: parameters), at: .axes(x: place.x, y: place.y),
            color: TrainingScene.lineColor, anchor: place.anchor, isDynamic: true)
    }
}

// MARK: - The formula's corner and the off-view marker

extension FitPanel {
    /// Where the formula's anchor sits in axes coordinates in `corner` (upper left is the
    /// tutorial's place, 3 % and 5 % in from the spines).
    static func formulaPlacement(_ corner: LegendLocation) -> (x: Double, y: Double, anchor: TextAnchor) {
        switch corner {
        case .upperRight: (0.97, 0.95, TextAnchor(.right, .top))
        case .lowerLeft: (0.03, 0.05, TextAnchor(.left, .bottom))
        case .lowerRight: (0.97, 0.05, TextAnchor(.right, .bottom))
        case .upperLeft, .best: (0.03, 0.95, TextAnchor(.left, .top))
        }
    }

    /// The corners from the one whose formula box covers the fewest points to the one that
    /// covers the most: matplotlib's legend "best" rule (ties in its order: upper right, upper
    /// left, lower left, lower right), the next ones for frames whose off-view marker takes the first. The box is as
    /// wide as the longest formula of the run (sampled at up to 64 frames) at 0.6 em a
    /// character, one line high: an upper bound of the drawn text, so that "no point under
    /// it" holds for the real text too.
    static func formulaCorners(scene: TrainingScene, plotArea: Rect) -> [LegendLocation] {
        let history = scene.history
        let samples = Set((0...64).map { $0 * (history.count - 1) / 64 })
        let longest =
            samples.map {
                scene.text.formula(of: scene.model, parameters: scene.parametersInDataUnits(at: $0)).count
            }.max() ?? 1
        let points = PointScale(dpi: 100)
        let em = points.layout(Theme.matplotlib.fontSizePoints)
        let size = Size(width: 0.6 * em * Double(longest), height: 1.2 * em)
        let inset = Size(width: 0.03 * plotArea.width, height: 0.05 * plotArea.height)
        let transform = AxesTransform(x: scene.xLimits, y: scene.yLimits, plotArea: plotArea)
        var avoid: [Point] = []
        avoid.reserveCapacity(scene.data.count)
        for i in 0..<scene.data.count {
            avoid.append(transform.point(x: scene.data.x[i], y: scene.data.y[i]))
        }
        var corners: [LegendLocation] = []
        var left = LegendLocation.corners
        while !left.isEmpty {
            let best = CornerPlacement.best(
                size: size, in: plotArea, inset: inset, avoiding: avoid, candidates: left)
            corners.append(best)
            left.removeAll { $0 == best }
        }
        return corners
    }

    /// Whether an off-view marker (top or bottom edge, left or right half) sits in `corner`.
    static func corner(_ corner: LegendLocation, holds marker: (above: Bool, left: Bool)?) -> Bool {
        guard let marker else { return false }
        let upper = corner == .upperLeft || corner == .upperRight
        let left = corner == .upperLeft || corner == .lowerLeft
        return upper == marker.above && left == marker.left
    }

    /// When no part of the curve of `parameters` lies in the view, an arrow at the top or
    /// bottom edge where the curve comes closest, pointing where it went, with its value there.
    /// Returns where the marker went (nil when the curve is in view).
    @discardableResult
    func addOffViewMarker(
        _ parameters: [Double], of model: any Model, color: Color, to axes: inout Axes
    ) -> (above: Bool, left: Bool)? {
        let x = scene.xLimits
        let y = scene.yLimits
        let samples = 96
        var closest: (x: Double, y: Double, distance: Double)?
        for k in 0...samples {
            let sx = x.lower + Double(k) / Double(samples) * x.span
            let sy = model.predict(sx, parameters: parameters)
            guard sy.isFinite else { continue }
            if sy >= y.lower && sy <= y.upper { return nil }  // visible
            let distance = sy > y.upper ? sy - y.upper : y.lower - sy
            if closest == nil || distance < closest!.distance { closest = (sx, sy, distance) }
        }
        guard let closest else { return nil }
        let above = closest.y > y.upper
        let ax = min(max(closest.x, x.lower + 0.04 * x.span), x.upper - 0.04 * x.span)
        let edge = above ? y.upper - 0.015 * y.span : y.lower + 0.015 * y.span
        let tail = above ? y.upper - 0.13 * y.span : y.lower + 0.13 * y.span
        axes.arrows(
            [DataSegment(start: DataPoint(x: ax, y: tail), end: DataPoint(x: ax, y: edge))], color: color,
            widthPoints: 1.5, headLengthPoints: 8, headWidthPoints: 7, isDynamic: true)
        // The value beside the arrow's shaft, on the side with more room, clear of its head
        // (half the head is about 1.5 % of a 640-pixel panel's span).
        let onRight = (ax - x.lower) / x.span < 0.5
        axes.text(
            scene.text.offViewValue(closest.y, at: closest.x),
            at: .data(DataPoint(x: ax + (onRight ? 0.03 : -0.03) * x.span, y: (tail + edge) / 2)),
            color: color,
            anchor: TextAnchor(onRight ? .left : .right, .center), isDynamic: true)
        return (above, onRight)
    }
}
