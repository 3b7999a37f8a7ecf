import ArgumentParser
import FitTrainer
import Foundation

/// `render-fit`: fit y = a1·x + a2 by gradient descent, print the falling loss as the article
/// does, and write the history (and, with the rendering layers, the frames) into a directory.
///
/// Shape, kept so that flags can be added without rewriting: options are declared here with
/// their defaults; ``validate()`` turns them into a ``RenderFitSettings`` (every check that can
/// be done without doing the work); ``run()`` hands the settings to ``RenderFitRun``. A new flag
/// is an `@Option` here, a field and a check in `RenderFitSettings`, and its use in the run.
@main
struct RenderFit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-fit",
        abstract: "Fit a line to a point cloud by gradient descent and record every step.",
        discussion: """
            Without --data, the article's point cloud is generated: --points points with x \
            uniform in [-1, 1) and y = 3x + 2 + noise, noise uniform in [0, 1), from a \
            xoshiro256** generator seeded with --seed. The loss is printed every 10 iterations. \
            Usage errors exit with status 64 and write nothing.
            """)

    @Option(
        help: ArgumentHelp("Output directory, created if needed; receives history.csv.", valueName: "dir"))
    var out: String

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Number of gradient-descent updates, \(RenderFitSettings.allowedIterations) "
                + "(default \(GradientDescent.defaultIterations)).",
            valueName: "n"),
        transform: { try NumberArgument.integer($0, allowed: RenderFitSettings.allowedIterations) })
    var iterations: Int = GradientDescent.defaultIterations

    @Option(
        name: .customLong("learning-rate"), parsing: .unconditional,
        help: ArgumentHelp(
            "Step size, \(RenderFitSettings.allowedLearningRates) (default \(GradientDescent.defaultLearningRate)); "
                + "above about 1.0 the tutorial diverges.",
            valueName: "lr"),
        transform: { try NumberArgument.double($0, allowed: RenderFitSettings.allowedLearningRates) })
    var learningRate: Double = GradientDescent.defaultLearningRate

    @Option(
        name: .customLong("init"), parsing: .unconditional,
        help: ArgumentHelp("Initial parameters a1,a2 (slope, intercept).", valueName: "a1,a2"))
    var initialParameters: String = "-1,1"

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Points to generate, \(RenderFitSettings.allowedPoints) (default \(TutorialDataSet.defaultCount)); "
                + "not with --data.",
            valueName: "n"),
        transform: { try NumberArgument.integer($0, allowed: RenderFitSettings.allowedPoints) })
    var points: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Seed of the generated points, \(RenderFitSettings.allowedSeeds) (default \(TutorialDataSet.defaultSeed)); "
                + "not with --data.",
            valueName: "s"),
        transform: { try NumberArgument.seed($0, allowed: RenderFitSettings.allowedSeeds) })
    var seed: UInt64?

    @Option(
        help: ArgumentHelp("CSV file of x,y points to fit instead of generated ones.", valueName: "file.csv"))
    var data: String?

    @Option(
        help: ArgumentHelp(
            "Also write the history to this file, as CSV (.csv) or JSON (.json).", valueName: "file"))
    var history: String?

    @Flag(help: "Print nothing on standard output; warnings still go to standard error.")
    var quiet = false

    func validate() throws {
        do {
            _ = try RenderFitSettings(command: self)
        } catch {
            // argument-parser reports ValidationError as a usage error (status 64).
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        try RenderFitRun(settings: RenderFitSettings(command: self)).perform()
    }

    /// Like `ParsableCommand.main()`, but every failure is exactly one line on standard error
    /// (argument-parser would add usage lines): status 64 for usage errors, 73 when output
    /// cannot be written.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as UsageError {
            fail(error.description, status: 64)
        } catch let error as OutputError {
            fail(error.description, status: 73)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help arrives as an "error" that should print normally.
                print(fullMessage(for: error))
                Self.exit()
            }
            if error is ExitCode { Self.exit(withError: error) }
            fail(message(for: error), status: code.rawValue)
        }
    }

    private static func fail(_ message: String, status: Int32) -> Never {
        StandardError.writeLine("render-fit: " + oneLine(message))
        Self.exit(withError: ExitCode(status))
    }

    /// Collapses a possibly multi-line message into one line.
    private static func oneLine(_ message: String) -> String {
        message.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("Usage:") && !$0.hasPrefix("See '") }
            .joined(separator: " ")
    }
}
