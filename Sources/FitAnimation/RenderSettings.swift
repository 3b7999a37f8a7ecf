/// Every setting that determines a run's output; recorded in `manifest.json` and in each
/// frame's PNG text metadata so that a frame can be reproduced from itself.
/// (`--jobs` is not here: the bytes do not depend on it.)
public struct RenderSettings: Codable, Equatable, Sendable {
    /// The language of the frames' text (and its number format).
    public enum Language: String, Codable, Sendable, CaseIterable {
        /// English or French.
        case en, fr
    }

    /// Gradient descent updates.
    public var iterations: Int
    /// Step size.
    public var learningRate: Double
    /// The starting a = (a1, a2).
    public var initialParameters: [Double]
    /// Number of generated points (ignored when `dataFile` is set).
    public var points: Int
    /// Seed of the generated points.
    public var seed: UInt64
    /// The CSV the data came from, as the user named it; nil for the generated data set.
    public var dataFile: String?
    /// Frame width in layout units (pixels at scale 1).
    public var width: Int
    /// Frame height in layout units.
    public var height: Int
    /// Device pixels per layout unit (2 for HiDPI).
    public var scale: Double
    /// Language of titles, labels and numbers.
    public var language: Language
    /// Draws each point's error to the current line.
    public var residuals: Bool
    /// Frames per second of the animation.
    public var fps: Int

    /// Settings with every value given (render-fit's defaults live in its options).
    public init(
        iterations: Int, learningRate: Double, initialParameters: [Double], points: Int, seed: UInt64,
        dataFile: String?, width: Int, height: Int, scale: Double, language: Language, residuals: Bool,
        fps: Int
    ) {
        self.iterations = iterations
        self.learningRate = learningRate
        self.initialParameters = initialParameters
        self.points = points
        self.seed = seed
        self.dataFile = dataFile
        self.width = width
        self.height = height
        self.scale = scale
        self.language = language
        self.residuals = residuals
        self.fps = fps
    }

    /// The settings as `render-fit` flags, for PNG metadata and messages.
    public var commandLine: String {
        var parts = [
            "--iterations \(iterations)", "--learning-rate \(learningRate)",
            "--init " + initialParameters.map { "\($0)" }.joined(separator: ","),
        ]
        if let dataFile {
            parts.append("--data \(dataFile)")
        } else {
            parts.append("--points \(points)")
            parts.append("--seed \(seed)")
        }
        parts += [
            "--width \(width)", "--height \(height)", "--scale \(scale)", "--lang \(language.rawValue)",
        ]
        if residuals { parts.append("--residuals") }
        parts.append("--fps \(fps)")
        return "render-fit " + parts.joined(separator: " ")
    }
}
