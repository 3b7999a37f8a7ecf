import FitPNG
import FitPlot

/// A training run is a frame source: one frame per recorded state, on the settings' canvas.
extension TrainingScene: FrameSource {
    /// The settings' width times the number of panels, and height.
    public var canvasSize: Size { frameFigure.size }

    /// The settings' scale.
    public var scale: Double { settings.scale }

    /// The figure without dynamic marks.
    public func staticFigure() -> Figure { frameFigure }

    /// The tool, the frame's title and state, and the settings, so that a frame says how to
    /// reproduce it: `Software`, `Title`, `Description` (the command line, when the settings
    /// have one), `Iteration` (the state's own, whichever frames were chosen), `Parameters`,
    /// `Loss`; in a comparison, `Iteration` then one `Run k` chunk per run (its name, the
    /// iteration it shows, its parameters and loss) instead of the command line and state.
    public func metadata(forFrame index: Int) -> [PNGTextChunk] {
        if runs.count > 1 { return comparisonMetadata(forFrame: index) }
        let step = history[runs[0].row(atIteration: iteration(forFrame: index))]
        var chunks: [PNGTextChunk] = [
            .software("render-fit \(RenderFitVersion.current)"),
            .title(title(atIteration: step.iteration)),
        ]
        // A library user's own program has no command line to record.
        if let commandLine = settings.commandLine { chunks.append(.description(commandLine)) }
        return chunks + [
            PNGTextChunk(keyword: "Iteration", value: String(step.iteration)),
            PNGTextChunk(
                keyword: "Parameters", value: step.parameters.map { "\($0)" }.joined(separator: ",")),
            PNGTextChunk(keyword: "Loss", value: "\(step.loss)"),
        ]
    }
}

extension TrainingScene {
    private func comparisonMetadata(forFrame index: Int) -> [PNGTextChunk] {
        var chunks: [PNGTextChunk] = [
            .software("render-fit \(RenderFitVersion.current)"),
            .title(title(forFrame: index)),
            PNGTextChunk(keyword: "Iteration", value: String(iteration(forFrame: index))),
        ]
        for (r, run) in runs.enumerated() {
            let step = run.history[framePlan.state(ofRun: r, forFrame: index)]
            let parameters = step.parameters.map { "\($0)" }.joined(separator: ",")
            chunks.append(
                PNGTextChunk(
                    keyword: "Run \(r + 1)",
                    value:
                        "\(run.label ?? ""); iteration \(step.iteration); parameters \(parameters); loss \(step.loss)"
                ))
        }
        return chunks
    }

    /// Each panel's plot area (device pixels, origin top-left), limits and scales, left to
    /// right: the manifest's `panels`.
    public func panelGeometry() -> [RunManifest.Panel] {
        let s = settings.scale
        return settings.image.panels.enumerated().map { column, kind in
            let axes = frameFigure.axes[column]
            let area = frameFigure.plotArea(column: column)
            let (x, y) = axes.resolvedLimits
            return RunManifest.Panel(
                name: kind.rawValue,
                plotArea: .init(x: area.x * s, y: area.y * s, width: area.width * s, height: area.height * s),
                dataLimits: .init(x: [x.lower, x.upper], y: [y.lower, y.upper]),
                xScale: axes.xScale == .log10 ? "log10" : "linear",
                yScale: axes.yScale == .log10 ? "log10" : "linear")
        }
    }
}
