/// `manifest.json`: what a render-fit run wrote into its folder and everything needed to
/// reproduce it. A later run into the same folder reads `files` to know which files are its
/// own (it deletes or overwrites nothing else).
public struct RunManifest: Codable, Equatable, Sendable {
    public struct PixelSize: Codable, Equatable, Sendable {
        public var width: Int
        public var height: Int
        public init(width: Int, height: Int) {
            self.width = width
            self.height = height
        }
    }
    /// A rectangle in pixels, origin top-left.
    public struct PixelRect: Codable, Equatable, Sendable {
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double
        public init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }
    }
    public struct DataLimits: Codable, Equatable, Sendable {
        public var x: [Double]
        public var y: [Double]
        public init(x: [Double], y: [Double]) {
            self.x = x
            self.y = y
        }
    }
    public struct Frame: Codable, Equatable, Sendable {
        public var file: String
        public var iteration: Int
        public var parameters: [Double]
        public var loss: Double
        public init(file: String, iteration: Int, parameters: [Double], loss: Double) {
            self.file = file
            self.iteration = iteration
            self.parameters = parameters
            self.loss = loss
        }
    }

    public var tool: String = "render-fit"
    public var version: String
    /// False while the run is writing: the manifest is written first, listing every file the
    /// run may create, so that a run killed midway still owns its files.
    public var complete: Bool
    public var settings: RenderSettings
    public var image: PixelSize
    public var plotArea: PixelRect
    public var dataLimits: DataLimits
    public var fps: Int
    /// The iteration at which training diverged, if it did.
    public var divergedAtIteration: Int?
    public var frames: [Frame]
    /// Every file (name inside the folder) this run wrote or may have written.
    public var files: [String]

    public init(
        version: String, complete: Bool, settings: RenderSettings, image: PixelSize,
        plotArea: PixelRect, dataLimits: DataLimits, fps: Int, divergedAtIteration: Int?,
        frames: [Frame], files: [String]
    ) {
        self.version = version
        self.complete = complete
        self.settings = settings
        self.image = image
        self.plotArea = plotArea
        self.dataLimits = dataLimits
        self.fps = fps
        self.divergedAtIteration = divergedAtIteration
        self.frames = frames
        self.files = files
    }
}
