import FitPNG
import FitPlot

/// Anything the frame pipeline can animate: a number of frames of one canvas, a static figure
/// drawn once, each frame's figure whose dynamic marks are drawn over it, and each frame's PNG
/// metadata. The pipeline (``FrameRenderer``, the sinks, ``FramePipeline``) knows frames, not
/// tutorials: a ``TrainingScene`` is one source, the learning-rates example's grid of runs
/// another.
///
/// The contract that keeps frames byte-identical for any number of threads: frame k depends
/// only on k, and the static marks of ``figure(forFrame:)`` are those of ``staticFigure()``
/// (the renderer draws the static layer once and only the dynamic layer of each frame; see
/// `Figure.draw(on:layers:)`). Sources are shared by every worker thread, hence `Sendable`.
public protocol FrameSource: Sendable {
    /// Number of frames (at least 1).
    var frameCount: Int { get }
    /// The canvas of every frame, in layout units (pixels at scale 1).
    var canvasSize: Size { get }
    /// Device pixels per layout unit (2 for HiDPI).
    var scale: Double { get }
    /// What every frame shares: axes, ticks, labels, data drawn once. Only its static layer
    /// is drawn.
    func staticFigure() throws -> Figure
    /// Frame `index` (0 ..< ``frameCount``): only its dynamic layer is drawn, over the static one.
    func figure(forFrame index: Int) throws -> Figure
    /// The text chunks of frame `index`'s PNG, after the encoder's own (the source knows what a
    /// frame shows: its tool, title, state).
    func metadata(forFrame index: Int) -> [PNGTextChunk]
    /// How frames are compressed; see ``FrameEncoding`` (default: ``FrameEncoding/standard``).
    var frameEncoding: FrameEncoding { get }
}

extension FrameSource {
    /// Frames are encoded over the compressed static layer with ``FrameRenderer/defaultEncoderOptions``.
    public var frameEncoding: FrameEncoding { .standard }

    /// The pixel size of the frames: the canvas times the scale, rounded up (as the canvas does).
    public var pixelSize: (width: Int, height: Int) {
        (Int((canvasSize.width * scale).rounded(.up)), Int((canvasSize.height * scale).rounded(.up)))
    }
}

/// How a source's frames are compressed. The colour mode is always RGB (frames are opaque).
public enum FrameEncoding: Sendable, Equatable {
    /// Over the static layer, kept compressed in bands of rows (`PNGFrameBackground`): each
    /// frame copies the bands it leaves unchanged and compresses the others with these options
    /// (row filter none). The fastest, and the frames of `render-fit`.
    case overStaticLayer(PNGEncoder.Options)
    /// Each frame compressed whole with these options (any row filter, any level): slower,
    /// for a source whose bytes were fixed before band reuse existed.
    case whole(PNGEncoder.Options)

    /// ``overStaticLayer(_:)`` with ``FrameRenderer/defaultEncoderOptions``.
    public static let standard = FrameEncoding.overStaticLayer(FrameRenderer.defaultEncoderOptions)

    /// The options, whichever the mode.
    public var options: PNGEncoder.Options {
        switch self {
        case .overStaticLayer(let options), .whole(let options): options
        }
    }
}
