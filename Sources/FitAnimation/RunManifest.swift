/// `manifest.json`: what a render-fit run wrote into its folder and everything needed to
/// reproduce it. A later run into the same folder reads `files` to know which files are its
/// own (it deletes or overwrites nothing else).
public struct RunManifest: Codable, Equatable, Sendable {
    /// A size in whole pixels.
    public struct PixelSize: Codable, Equatable, Sendable {
        /// Width in pixels.
        public var width: Int
        /// Height in pixels.
        public var height: Int
        /// Creates a pixel size.
        public init(width: Int, height: Int) {
            self.width = width
            self.height = height
        }
    }
    /// A rectangle in pixels, origin top-left.
    public struct PixelRect: Codable, Equatable, Sendable {
        /// Left edge, in pixels.
        public var x: Double
        /// Top edge, in pixels.
        public var y: Double
        /// Width in pixels.
        public var width: Double
        /// Height in pixels.
        public var height: Double
        /// Creates a pixel rectangle.
        public init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }
    }
    /// The axes limits in data units, each as `[lower, upper]`.
    public struct DataLimits: Codable, Equatable, Sendable {
        /// `[lower, upper]` of the x axis.
        public var x: [Double]
        /// `[lower, upper]` of the y axis.
        public var y: [Double]
        /// Creates data limits.
        public init(x: [Double], y: [Double]) {
            self.x = x
            self.y = y
        }
    }
    /// One written frame and the training state it shows.
    public struct Frame: Codable, Equatable, Sendable {
        /// The frame's file name inside the folder.
        public var file: String
        /// The iteration shown.
        public var iteration: Int
        /// The model's parameters at that iteration (a1, a2 for the line); nil in a comparison.
        public var parameters: [Double]?
        /// The loss (MSE) at that iteration; nil in a comparison.
        public var loss: Double?
        /// In a comparison, each run's state, in run order; nil for a lone run.
        public var runs: [RunState]?
        /// Creates a frame entry of a lone run.
        public init(file: String, iteration: Int, parameters: [Double], loss: Double) {
            self.file = file
            self.iteration = iteration
            self.parameters = parameters
            self.loss = loss
        }
        /// Creates a frame entry of a comparison.
        public init(file: String, iteration: Int, runs: [RunState]) {
            self.file = file
            self.iteration = iteration
            self.runs = runs
        }
    }
    /// One run's state in a comparison's frame.
    public struct RunState: Codable, Equatable, Sendable {
        /// The run's row shown: the frame's iteration, or the run's last when it stopped before.
        public var iteration: Int
        /// The parameters at that row.
        public var parameters: [Double]
        /// The loss at that row.
        public var loss: Double
        /// Creates a run state.
        public init(iteration: Int, parameters: [Double], loss: Double) {
            self.iteration = iteration
            self.parameters = parameters
            self.loss = loss
        }
    }
    /// One run of a comparison.
    public struct Run: Codable, Equatable, Sendable {
        /// The run's name in the legend.
        public var label: String
        /// Its colour, `#rrggbb` (matplotlib's tab10, in run order).
        public var color: String
        /// Its history file inside the folder (`history-1.csv`, …).
        public var history: String
        /// The iteration at which it diverged, if it did.
        public var divergedAtIteration: Int?
        /// Every setting of the run (the run equals `render-fit` with these settings alone).
        public var settings: RenderSettings
        /// Creates a run entry.
        public init(
            label: String, color: String, history: String, divergedAtIteration: Int?, settings: RenderSettings
        ) {
            self.label = label
            self.color = color
            self.history = history
            self.divergedAtIteration = divergedAtIteration
            self.settings = settings
        }
    }

    /// One panel of the frames: where its plot area is and what data it shows, so that a frame
    /// can be checked against the numbers (a data point (x, y) is drawn at
    /// `plotArea.x + f(x)·plotArea.width`, `plotArea.y + (1 − f(y))·plotArea.height`, f the
    /// fraction of the limits on the axis' scale).
    public struct Panel: Codable, Equatable, Sendable {
        /// `fit`, `loss` or `landscape`.
        public var name: String
        /// The plot area inside the spines, in device pixels, origin top-left.
        public var plotArea: PixelRect
        /// The axes' limits in data units.
        public var dataLimits: DataLimits
        /// `linear` or `log10`, per axis.
        public var xScale: String
        /// See ``xScale``.
        public var yScale: String

        /// A panel's geometry.
        public init(name: String, plotArea: PixelRect, dataLimits: DataLimits, xScale: String, yScale: String)
        {
            self.name = name
            self.plotArea = plotArea
            self.dataLimits = dataLimits
            self.xScale = xScale
            self.yScale = yScale
        }
    }

    /// The tool that wrote the folder.
    public var tool: String = "render-fit"
    /// The tool's version (``RenderFitVersion/current``).
    public var version: String
    /// False while the run is writing: the manifest is written first, listing every file the
    /// run may create, so that a run killed midway still owns its files.
    public var complete: Bool
    /// Every setting that determines the output (in a comparison, the first run's; ``runs``
    /// has each run's).
    public var settings: RenderSettings
    /// The setting a comparison varies (`--compare`); nil for a lone run.
    public var compare: RunComparison?
    /// Each run of a comparison, in the order given; nil for a lone run.
    public var runs: [Run]?
    /// The frames' size in pixels (the settings' size times the scale, rounded up).
    public var image: PixelSize
    /// The plot area inside the spines, in frame pixels: where data coordinates map to.
    public var plotArea: PixelRect
    /// The axes limits the frames show.
    public var dataLimits: DataLimits
    /// Frames per second of the animation.
    public var fps: Int
    /// The iteration at which training diverged, if it did.
    public var divergedAtIteration: Int?
    /// Which iterations became frames (``frames`` lists each one's iteration).
    public var frameSelection: FrameSelection
    /// Extra seconds the animation shows its first frame (`--pause-start`).
    public var pauseStart: Double
    /// Extra seconds the animation shows its last frame before looping (`--hold-last`).
    public var holdLast: Double
    /// Every frame written, in order; empty while the run is incomplete.
    public var frames: [Frame]
    /// Each panel of the frames, left to right (absent from manifests written before panels).
    public var panels: [Panel]?
    /// Every file (name inside the folder) this run wrote or may have written.
    public var files: [String]

    /// Creates a manifest from all its fields.
    public init(
        version: String, complete: Bool, settings: RenderSettings, image: PixelSize,
        plotArea: PixelRect, dataLimits: DataLimits, fps: Int, divergedAtIteration: Int?,
        frameSelection: FrameSelection = .all, pauseStart: Double = 0, holdLast: Double = 0,
        compare: RunComparison? = nil, runs: [Run]? = nil, frames: [Frame], files: [String]
    ) {
        self.compare = compare
        self.runs = runs
        self.version = version
        self.complete = complete
        self.settings = settings
        self.image = image
        self.plotArea = plotArea
        self.dataLimits = dataLimits
        self.fps = fps
        self.divergedAtIteration = divergedAtIteration
        self.frameSelection = frameSelection
        self.pauseStart = pauseStart
        self.holdLast = holdLast
        self.frames = frames
        self.files = files
    }
}
