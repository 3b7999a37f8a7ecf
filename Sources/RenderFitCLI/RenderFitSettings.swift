import FitAnimation
import FitOutput
import FitTrainer
import Foundation

/// Everything `render-fit` will do, checked: built from the parsed options by
/// ``init(command:)``, which throws a one-line ``UsageError`` for the first bad value.
///
/// The checks here are the cheap ones (values, paths, file kinds). Reading the --data file
/// happens in ``RenderFitRun`` but still before anything is created or written.
struct RenderFitSettings: Sendable {
    /// A cap that keeps the recorded history (three doubles per parameter per row) small.
    static let maximumIterations = 1_000_000
    static let pointRange = 2...10_000_000

    // What each numeric option allows, in the words of the help and of the error messages.
    static let allowedIterations = "a whole number from 1 to \(maximumIterations)"
    static let allowedLearningRates = "a finite number above 0, such as 0.1"
    static let allowedPoints = "a whole number from \(pointRange.lowerBound) to \(pointRange.upperBound)"
    static let allowedSeeds = "a whole number from 0 to \(UInt64.max)"
    static let sizeRange = 16...16_384
    static let allowedSizes = "a whole number from \(sizeRange.lowerBound) to \(sizeRange.upperBound)"
    static let scaleRange = 0.25...8.0
    static let allowedScales = "a number from 0.25 to 8"
    static let jobRange = 1...64
    static let allowedJobs = "a whole number from \(jobRange.lowerBound) to \(jobRange.upperBound)"
    static let defaultJobs = max(1, min(jobRange.upperBound, ProcessInfo.processInfo.activeProcessorCount))
    static let fpsRange = 1...100
    static let allowedFPS = "a whole number from \(fpsRange.lowerBound) to \(fpsRange.upperBound)"
    /// Longest side of an image in device pixels (Cairo's and the PNG decoder's comfort zone).
    static let maximumPixelsPerSide = 16_384.0

    enum DataSource: Sendable, Equatable {
        case generated(TutorialDataSet)
        case csvFile(URL)
    }

    enum HistoryFormat: String, Sendable {
        case csv, json
    }

    /// Where the frames, history.csv and manifest.json go; nil when only figures or an
    /// animation were asked for.
    var outputDirectory: URL?
    /// The directory as the user spelled it, for messages.
    var outputDirectoryArgument: String?
    var training: GradientDescent
    var dataSource: DataSource
    var historyExport: (url: URL, format: HistoryFormat)?
    var quiet: Bool
    var rendering: RenderingOptions

    /// Everything about drawing: sizes, language, parallelism, figures, animation.
    struct RenderingOptions: Sendable {
        var width: Int
        var height: Int
        var scale: Double
        var language: String
        var residuals: Bool
        var jobs: Int
        var figuresDirectory: String?
        var figureFormat: String
        var animation: AnimationTarget?
        var fps: Int
        var force: Bool
    }

    init(command: RenderFit) throws(UsageError) {
        if let out = command.out {
            outputDirectory = try Self.outputDirectory(out)
            outputDirectoryArgument = out
        } else {
            outputDirectory = nil
            outputDirectoryArgument = nil
        }
        training = GradientDescent(
            learningRate: try Self.learningRate(command.learningRate),
            iterations: try Self.iterations(command.iterations),
            initialParameters: try Self.initialParameters(command.initialParameters))
        dataSource = try Self.dataSource(data: command.data, points: command.points, seed: command.seed)
        historyExport = try Self.historyExport(command.history, outputDirectory: outputDirectory)
        quiet = command.quiet
        rendering = try Self.rendering(command)
        guard command.out != nil || command.figures != nil || command.animation != nil else {
            throw UsageError(
                "nothing to write: give --out DIR (frames, history.csv, manifest.json), --figures DIR or --animation FILE"
            )
        }
    }

    private static func rendering(_ command: RenderFit) throws(UsageError) -> RenderingOptions {
        for (name, value) in [("width", command.width), ("height", command.height)] {
            guard sizeRange.contains(value) else {
                throw UsageError("--\(name) \(value) is not allowed; use \(allowedSizes)")
            }
        }
        guard command.scale.isFinite, scaleRange.contains(command.scale) else {
            throw UsageError("--scale \(command.scale) is not allowed; use \(allowedScales)")
        }
        let longest = Double(max(command.width, command.height)) * command.scale
        guard longest <= maximumPixelsPerSide else {
            throw UsageError(
                "--width \(command.width) --height \(command.height) at --scale \(command.scale) gives \(Int(longest.rounded(.up))) pixels on a side; "
                    + "the most allowed is \(Int(maximumPixelsPerSide))")
        }
        guard ["en", "fr"].contains(command.lang) else {
            throw UsageError("--lang '\(command.lang)' is not allowed; use en or fr")
        }
        let jobs = command.jobs ?? defaultJobs
        guard jobRange.contains(jobs) else {
            throw UsageError("--jobs \(jobs) is not allowed; use \(allowedJobs)")
        }
        guard fpsRange.contains(command.fps) else {
            throw UsageError("--fps \(command.fps) is not allowed; use \(allowedFPS)")
        }
        guard ["png", "svg", "pdf"].contains(command.format) else {
            throw UsageError("--format '\(command.format)' is not allowed; use png, svg or pdf")
        }
        if let figures = command.figures {
            try checkDirectoryArgument(figures, option: "--figures")
        }
        var animationTarget: AnimationTarget?
        if let animation = command.animation {
            animationTarget = try checkAnimationPath(animation)
        }
        return RenderingOptions(
            width: command.width, height: command.height, scale: command.scale, language: command.lang,
            residuals: command.residuals, jobs: jobs, figuresDirectory: command.figures,
            figureFormat: command.format, animation: animationTarget, fps: command.fps, force: command.force
        )
    }

    private static func checkDirectoryArgument(_ path: String, option: String) throws(UsageError) {
        guard !path.isEmpty else {
            throw UsageError("\(option) '' is not allowed; give a directory path, such as figures/")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw UsageError(
                "\(option) '\(path)' names an existing file; give a directory path (it is created if needed)")
        }
    }

    /// The animation's kind comes from its extension, as `AnimationTarget` decides it.
    private static func checkAnimationPath(_ path: String) throws(UsageError) -> AnimationTarget {
        let target: AnimationTarget
        do {
            target = try AnimationTarget(path: path)
        } catch {
            throw UsageError(error.description)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw UsageError("--animation '\(path)' is a directory; give a file path")
        }
        return target
    }

    private static func iterations(_ value: Int) throws(UsageError) -> Int {
        guard (1...maximumIterations).contains(value) else {
            throw UsageError(
                "--iterations \(value) is not allowed; use \(allowedIterations)")
        }
        return value
    }

    private static func learningRate(_ value: Double) throws(UsageError) -> Double {
        guard value.isFinite, value > 0 else {
            throw UsageError(
                "--learning-rate \(value) is not allowed; use \(allowedLearningRates)")
        }
        return value
    }

    private static func initialParameters(_ text: String) throws(UsageError) -> [Double] {
        let cells = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let values = cells.compactMap(Double.init)
        guard cells.count == 2, values.count == 2, values.allSatisfy(\.isFinite) else {
            throw UsageError(
                "--init '\(text)' is not allowed; give two finite numbers a1,a2 separated by a comma, such as -1,1"
            )
        }
        return values
    }

    private static func dataSource(data: String?, points: Int?, seed: UInt64?) throws(UsageError)
        -> DataSource
    {
        guard let data else {
            let count = points ?? TutorialDataSet.defaultCount
            guard pointRange.contains(count) else {
                throw UsageError(
                    "--points \(count) is not allowed; use \(allowedPoints)")
            }
            return .generated(TutorialDataSet(count: count, seed: seed ?? TutorialDataSet.defaultSeed))
        }
        if points != nil || seed != nil {
            throw UsageError(
                "--\(points != nil ? "points" : "seed") cannot be combined with --data '\(data)'; "
                    + "they describe generated points")
        }
        guard !data.isEmpty else {
            throw UsageError("--data '' is not allowed; give the path of a CSV file of x,y points")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: data, isDirectory: &isDirectory) else {
            throw UsageError("--data '\(data)': no such file; give the path of a CSV file of x,y points")
        }
        guard !isDirectory.boolValue else {
            throw UsageError("--data '\(data)' is a directory; give the path of a CSV file of x,y points")
        }
        return .csvFile(URL(fileURLWithPath: data))
    }

    private static func outputDirectory(_ path: String) throws(UsageError) -> URL {
        guard !path.isEmpty else {
            throw UsageError("--out '' is not allowed; give a directory path, such as frames/")
        }
        let url = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        // The directory itself, or its nearest existing ancestor, must be a directory.
        var candidate = url
        while true {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    let what =
                        candidate == url ? "names an existing file" : "is inside the file '\(candidate.path)'"
                    throw UsageError(
                        "--out '\(path)' \(what); give a directory path (it is created if needed)")
                }
                return url
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { return url }
            candidate = parent
        }
    }

    private static func historyExport(_ path: String?, outputDirectory: URL?) throws(UsageError)
        -> (url: URL, format: HistoryFormat)?
    {
        guard let path else { return nil }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        guard let format = HistoryFormat(rawValue: url.pathExtension.lowercased()) else {
            throw UsageError("--history '\(path)' is not allowed; the file name must end in .csv or .json")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue
        {
            throw UsageError("--history '\(path)' is a directory; give a file path ending in .csv or .json")
        }
        // Its directory must exist, unless it is the output directory, which the run creates.
        let parent = url.deletingLastPathComponent()
        let parentExists = FileManager.default.fileExists(atPath: parent.path, isDirectory: &isDirectory)
        guard (parentExists && isDirectory.boolValue) || parent.path == outputDirectory?.path else {
            throw UsageError(
                "--history '\(path)': the directory '\(parent.path)' does not exist; create it first")
        }
        return (url, format)
    }
}
