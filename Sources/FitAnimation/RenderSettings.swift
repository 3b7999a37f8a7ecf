import FitTrainer

/// Every setting that determines a run's output, one value per concern (data, model,
/// training, image); recorded in `manifest.json` and in each frame's PNG text metadata so that
/// a frame can be reproduced from itself. (`--jobs` is not here: the bytes do not depend on it.)
///
/// How the settings read as a command line is the command-line tool's business: it passes
/// ``commandLine`` in, and the frames carry it as their `Description`.
public struct RenderSettings: Codable, Equatable, Sendable {
    /// The language of the frames' text (and its number format).
    public enum Language: String, Codable, Sendable, CaseIterable {
        /// English or French.
        case en, fr
    }

    /// Where the points come from.
    public struct DataSettings: Codable, Equatable, Sendable {
        /// The generated set (`line`, `quadratic`, `sine`); ignored when `dataFile` is set.
        public var dataset: GeneratedDataSet.Kind
        /// Number of generated points (0 when `dataFile` is set).
        public var points: Int
        /// Seed of the generated points.
        public var seed: UInt64
        /// The CSV the data came from, as the user named it; nil for generated data.
        public var dataFile: String?
        /// The two CSV columns used (`--columns`), as given; nil for the first two.
        public var columns: String?
        /// Whether training ran on standardized x and y.
        public var standardize: Bool

        /// Data settings.
        public init(
            dataset: GeneratedDataSet.Kind = .line, points: Int, seed: UInt64, dataFile: String? = nil,
            columns: String? = nil, standardize: Bool = false
        ) {
            self.dataset = dataset
            self.points = points
            self.seed = seed
            self.dataFile = dataFile
            self.columns = columns
            self.standardize = standardize
        }
    }

    /// What is fitted and from where it starts.
    public struct ModelSettings: Codable, Equatable, Sendable {
        /// `line`, `poly:D`, `mlp:H`.
        public var model: ModelKind
        /// θ at iteration 0.
        public var initialParameters: [Double]
        /// The seed of the model's own initial parameters, when `--init` was not given.
        public var initSeed: UInt64?

        /// Model settings.
        public init(model: ModelKind = .line, initialParameters: [Double], initSeed: UInt64? = nil) {
            self.model = model
            self.initialParameters = initialParameters
            self.initSeed = initSeed
        }
    }

    /// How it is trained.
    public struct TrainingSettings: Codable, Equatable, Sendable {
        /// Updates.
        public var iterations: Int
        /// The optimizer and its hyperparameters.
        public var optimizer: OptimizerConfiguration
        /// Points per update; nil for full batch.
        public var batchSize: Int?
        /// Seed of the mini-batch shuffles; nil for full batch.
        public var shuffleSeed: UInt64?

        /// Training settings.
        public init(
            iterations: Int, optimizer: OptimizerConfiguration, batchSize: Int? = nil, shuffleSeed: UInt64? = nil
        ) {
            self.iterations = iterations
            self.optimizer = optimizer
            self.batchSize = batchSize
            self.shuffleSeed = shuffleSeed
        }
    }

    /// How the frames look.
    public struct ImageSettings: Codable, Equatable, Sendable {
        /// Frame width in layout units (pixels at scale 1).
        public var width: Int
        /// Frame height in layout units.
        public var height: Int
        /// Device pixels per layout unit (2 for HiDPI).
        public var scale: Double
        /// Language of titles, labels and numbers.
        public var language: Language
        /// Draws each point's error to the current curve.
        public var residuals: Bool
        /// Frames per second of the animation.
        public var fps: Int
        /// The panels of each frame, side by side in this order; `width` and `height` are each
        /// panel's, so the frame is `width × panels.count` wide.
        public var panels: [PanelKind]

        /// Image settings.
        public init(
            width: Int, height: Int, scale: Double, language: Language, residuals: Bool, fps: Int,
            panels: [PanelKind] = PanelKind.defaultList
        ) {
            self.panels = panels
            self.width = width
            self.height = height
            self.scale = scale
            self.language = language
            self.residuals = residuals
            self.fps = fps
        }
    }

    /// The data.
    public var data: DataSettings
    /// The model.
    public var model: ModelSettings
    /// The training.
    public var training: TrainingSettings
    /// The image.
    public var image: ImageSettings
    /// The command line that reproduces the run, written into each frame's `Description`;
    /// nil leaves that chunk out (a library user's own program has no such line).
    public var commandLine: String?

    /// Settings from their four parts.
    public init(
        data: DataSettings, model: ModelSettings, training: TrainingSettings, image: ImageSettings,
        commandLine: String? = nil
    ) {
        self.data = data
        self.model = model
        self.training = training
        self.image = image
        self.commandLine = commandLine
    }

    /// Settings of the article's setting: a line trained by plain gradient descent.
    public init(
        iterations: Int, learningRate: Double, initialParameters: [Double], points: Int, seed: UInt64,
        dataFile: String?, width: Int, height: Int, scale: Double, language: Language, residuals: Bool,
        fps: Int, commandLine: String? = nil
    ) {
        self.init(
            data: DataSettings(points: points, seed: seed, dataFile: dataFile),
            model: ModelSettings(initialParameters: initialParameters),
            training: TrainingSettings(iterations: iterations, optimizer: .gd(learningRate: learningRate)),
            image: ImageSettings(
                width: width, height: height, scale: scale, language: language, residuals: residuals, fps: fps),
            commandLine: commandLine)
    }

    // Shorthands for the values the frame pipeline reads most.

    /// Updates asked for.
    public var iterations: Int { training.iterations }
    /// The optimizer's step size.
    public var learningRate: Double { training.optimizer.learningRate }
    /// θ at iteration 0.
    public var initialParameters: [Double] { model.initialParameters }
    /// Generated points.
    public var points: Int { data.points }
    /// Seed of the generated points.
    public var seed: UInt64 { data.seed }
    /// The CSV file, if any.
    public var dataFile: String? { data.dataFile }
    /// Frame width.
    public var width: Int { image.width }
    /// Frame height.
    public var height: Int { image.height }
    /// Device pixels per layout unit.
    public var scale: Double { image.scale }
    /// Language.
    public var language: Language { image.language }
    /// Residuals drawn.
    public var residuals: Bool { image.residuals }
    /// Animation rate.
    public var fps: Int { image.fps }

    private enum CodingKeys: String, CodingKey {
        case batchSize, columns, commandLine, dataFile, dataset, fps, height, initSeed, initialParameters
        case iterations, language, learningRate, model, optimizer, panels, points, residuals, scale, seed
        case shuffleSeed
        case standardize, width
    }

    /// Reads the flat form that `manifest.json` records (see ``encode(to:)``).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let dataFile = try c.decodeIfPresent(String.self, forKey: .dataFile)
        let optimizer =
            try c.decodeIfPresent(OptimizerConfiguration.self, forKey: .optimizer)
            ?? .gd(learningRate: try c.decode(Double.self, forKey: .learningRate))
        self.init(
            data: DataSettings(
                dataset: try c.decodeIfPresent(GeneratedDataSet.Kind.self, forKey: .dataset) ?? .line,
                points: try c.decode(Int.self, forKey: .points), seed: try c.decode(UInt64.self, forKey: .seed),
                dataFile: dataFile, columns: try c.decodeIfPresent(String.self, forKey: .columns),
                standardize: try c.decodeIfPresent(Bool.self, forKey: .standardize) ?? false),
            model: ModelSettings(
                model: try c.decodeIfPresent(ModelKind.self, forKey: .model) ?? .line,
                initialParameters: try c.decode([Double].self, forKey: .initialParameters),
                initSeed: try c.decodeIfPresent(UInt64.self, forKey: .initSeed)),
            training: TrainingSettings(
                iterations: try c.decode(Int.self, forKey: .iterations), optimizer: optimizer,
                batchSize: try c.decodeIfPresent(Int.self, forKey: .batchSize),
                shuffleSeed: try c.decodeIfPresent(UInt64.self, forKey: .shuffleSeed)),
            image: ImageSettings(
                width: try c.decode(Int.self, forKey: .width), height: try c.decode(Int.self, forKey: .height),
                scale: try c.decode(Double.self, forKey: .scale),
                language: try c.decode(Language.self, forKey: .language),
                residuals: try c.decode(Bool.self, forKey: .residuals), fps: try c.decode(Int.self, forKey: .fps),
                panels: try c.decodeIfPresent([PanelKind].self, forKey: .panels) ?? PanelKind.defaultList),
            commandLine: try c.decodeIfPresent(String.self, forKey: .commandLine))
    }

    /// One flat object, the `settings` of `manifest.json`: every value needed to reproduce
    /// the run (the article's keys of earlier versions, plus the model, optimizer and batches).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(training.batchSize, forKey: .batchSize)
        try c.encodeIfPresent(data.columns, forKey: .columns)
        try c.encodeIfPresent(commandLine, forKey: .commandLine)
        if let dataFile = data.dataFile {
            try c.encode(dataFile, forKey: .dataFile)
        } else {
            try c.encode(data.dataset, forKey: .dataset)
        }
        try c.encode(image.fps, forKey: .fps)
        try c.encode(image.height, forKey: .height)
        try c.encodeIfPresent(model.initSeed, forKey: .initSeed)
        try c.encode(model.initialParameters, forKey: .initialParameters)
        try c.encode(training.iterations, forKey: .iterations)
        try c.encode(image.language, forKey: .language)
        try c.encode(training.optimizer.learningRate, forKey: .learningRate)
        try c.encode(model.model, forKey: .model)
        try c.encode(training.optimizer, forKey: .optimizer)
        // Left out for the default, so that earlier manifests and today's read the same.
        if image.panels != PanelKind.defaultList { try c.encode(image.panels, forKey: .panels) }
        try c.encode(data.points, forKey: .points)
        try c.encode(image.residuals, forKey: .residuals)
        try c.encode(image.scale, forKey: .scale)
        try c.encode(data.seed, forKey: .seed)
        try c.encodeIfPresent(training.shuffleSeed, forKey: .shuffleSeed)
        try c.encode(data.standardize, forKey: .standardize)
        try c.encode(image.width, forKey: .width)
    }
}
