import FitAnimation
import FitPNG
import FitPlot

/// The grid animates through the shared frame pipeline: parallel rendering with the same bytes
/// for any `--jobs`, progress, clean-up on Ctrl-C, and the APNG or ffmpeg sinks.
extension ComparisonFigure: FrameSource {
    var canvasSize: Size { Size(width: Self.width, height: Self.height) }
    var scale: Double { 1 }

    /// The grid at iteration 0: its static layer (axes, titles, the clouds, the whole loss
    /// curves in grey) is the same at every frame.
    func staticFigure() throws -> Figure { try figure(frame: 0) }

    func figure(forFrame index: Int) throws -> Figure { try figure(frame: index) }

    /// None: the animation's bytes are those this example wrote before it used the pipeline.
    func metadata(forFrame index: Int) -> [PNGTextChunk] { [] }

    /// Each frame compressed whole at zlib level 9: a quarter smaller than level 3 (8 MB
    /// instead of 10.5 for 101 frames of 1500 × 640), for a few seconds more; the bytes are
    /// those this example wrote before it used the pipeline.
    var frameEncoding: FrameEncoding { .whole(PNGEncoder.Options(compressionLevel: 9)) }
}
