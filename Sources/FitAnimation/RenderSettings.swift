/// Every setting that determines a run's output; recorded in `manifest.json` and in each
/// frame's PNG text metadata so that a frame can be reproduced from itself.
/// (`--jobs` is not here: the bytes do not depend on it.)
public struct RenderSettings: Codable, Equatable, Sendable {
    public enum Language: String, Codable, Sendable, CaseIterable {
        case en, fr
    }

    public var iterations: Int
    public var learningRate: Double
    public var initialParameters: [Double]
    /// Number of generated points (ignored when `dataFile` is set).
    public var points: Int
    public var seed: UInt64
    /// The CSV the data came from, as the user named it; nil for the generated data set.
    public var dataFile: String?
    public var width: Int
    public var height: Int
    public var scale: Double
    public var language: Language
    public var residuals: Bool
    public var fps: Int

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
        if let dataFile { parts.append("--data \(dataFile)") } else {
            parts.append("--points \(points)")
            parts.append("--seed \(seed)")
        }
        parts += ["--width \(width)", "--height \(height)", "--scale \(scale)", "--lang \(language.rawValue)"]
        if residuals { parts.append("--residuals") }
        parts.append("--fps \(fps)")
        return "render-fit " + parts.joined(separator: " ")
    }
}
