import FitPlot

/// The landscape panel: the loss over two coordinates as a filled contour (viridis) with contour
/// lines and the least-squares optimum (static), and per frame each run's path so far, its
/// current point and an arrow for the step the optimizer is about to take (dynamic). See
/// ``LossLandscape`` for the coordinates and the surface.
public struct LandscapePanel: FramePanel {
    /// The runs shown.
    public let scene: TrainingScene

    /// The panel of `scene` (which computed its ``LossLandscape``).
    public init(scene: TrainingScene) {
        self.scene = scene
    }

    /// White halos keep the paths readable on dark and light bands alike.
    static let halo = Color.white.withAlpha(0.85)

    /// Limits, labels, the banded surface, its contour lines and the optimum.
    public func addStaticMarks(to axes: inout Axes) throws(AnimationError) {
        guard let landscape = scene.landscape else {
            throw .rendering("the landscape panel was not prepared by its scene")
        }
        axes.xLimits = landscape.xLimits
        axes.yLimits = landscape.yLimits
        axes.xLabel = landscape.labels.x
        axes.yLabel = landscape.labels.y
        axes.title = scene.text.landscapePanelTitle
        axes.add(landscape.surface)
        axes.segments(landscape.contours, color: Color.black.withAlpha(0.3), widthPoints: 0.6)
        if let optimum = landscape.optimum {
            do {
                try axes.scatter(
                    x: [optimum.x], y: [optimum.y], color: .white, shape: .cross, diameterPoints: 9,
                    edgeWidthPoints: 2)
            } catch {
                throw .rendering(error.description)
            }
        }
        try scene.addRunLegend(to: &axes, in: .landscape)
    }

    /// Each run's path up to frame `index`, its current point and its next step.
    public func addDynamicMarks(forFrame index: Int, to axes: inout Axes) {
        guard let landscape = scene.landscape else { return }
        for (number, run) in scene.runs.enumerated().reversed() {
            let row = run.row(atIteration: scene.iteration(forFrame: index))
            let path = landscape.path(ofRun: number, through: row)
            try? axes.plot(
                x: path.map(\.x), y: path.map(\.y), color: Self.halo, widthPoints: 3, isDynamic: true)
            try? axes.plot(
                x: path.map(\.x), y: path.map(\.y), color: run.color, widthPoints: 1.5, isDynamic: true)
            let current = landscape.paths[number][row]
            if row + 1 < landscape.paths[number].count {
                let next = landscape.paths[number][row + 1]
                let step = [DataSegment(start: current, end: next)]
                axes.arrows(
                    step, color: Self.halo, widthPoints: 3.2, headLengthPoints: 9, headWidthPoints: 8,
                    isDynamic: true)
                axes.arrows(
                    step, color: run.color, widthPoints: 1.5, headLengthPoints: 7.5, headWidthPoints: 6,
                    isDynamic: true)
            }
            // Above the path and the arrow (a scatter's own z-order is below lines).
            if let marker = try? ScatterMark(
                x: [current.x], y: [current.y], color: run.color, diameterPoints: 8, edgeColor: .white,
                edgeWidthPoints: 1.2, isDynamic: true, zOrder: ZOrder.lines + 0.5)
            {
                axes.add(marker)
            }
        }
    }
}
