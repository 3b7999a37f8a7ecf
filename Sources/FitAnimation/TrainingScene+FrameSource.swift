import FitPNG
import FitPlot

/// A training run is a frame source: one frame per recorded state, on the settings' canvas.
extension TrainingScene: FrameSource {
    /// The settings' width and height.
    public var canvasSize: Size { Size(width: Double(settings.width), height: Double(settings.height)) }

    /// The settings' scale.
    public var scale: Double { settings.scale }

    /// The figure without dynamic marks.
    public func staticFigure() -> Figure { baseFigure }

    /// The tool, the frame's title and state, and the settings, so that a frame says how to
    /// reproduce it: `Software`, `Title`, `Description` (the command line, when the settings
    /// have one), `Iteration` (the state's own, whichever frames were chosen), `Parameters`, `Loss`.
    public func metadata(forFrame index: Int) -> [PNGTextChunk] {
        let step = history[iteration(forFrame: index)]
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
