import ArgumentParser
import FitAnimation
import FitOutput
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
        abstract: "Fit a line to a point cloud by gradient descent and draw every step.",
        discussion: """
            Without --data, the article's point cloud is generated: --points points with x \
            uniform in [-1, 1) and y = 3x + 2 + noise, noise uniform in [0, 1), from a \
            xoshiro256** generator seeded with --seed. The loss is printed every 10 iterations. \
            At least one of --out, --figures and --animation is needed. A rerun into the same \
            --out replaces the files its manifest.json lists and never touches others. \
            Usage errors exit with status 64 and write nothing; output errors exit with 73.

            Examples:
              render-fit --out frames/
              render-fit --out frames/ --animation frames/fit.png --fps 50
              render-fit --out frames-fr/ --lang fr --residuals --scale 2
              render-fit --figures figures/ --format svg
              render-fit --out lr/ --learning-rate 1.05   (diverges: a lesson, exit 0)
              render-fit --out mine/ --data points.csv --iterations 300
            """)

    @Option(
        help: ArgumentHelp(
            "Output directory, created if needed: one PNG per state (frame_0000.png …), history.csv and manifest.json.",
            valueName: "dir"))
    var out: String?

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

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Image width in layout pixels, \(RenderFitSettings.allowedSizes) (default 640).", valueName: "px"),
        transform: { try NumberArgument.integer($0, allowed: RenderFitSettings.allowedSizes) })
    var width: Int = 640

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Image height in layout pixels, \(RenderFitSettings.allowedSizes) (default 480).", valueName: "px"
        ),
        transform: { try NumberArgument.integer($0, allowed: RenderFitSettings.allowedSizes) })
    var height: Int = 480

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Pixels per layout pixel for HiDPI, \(RenderFitSettings.allowedScales) (default 1; 2 doubles the pixels, same layout).",
            valueName: "s"),
        transform: { try NumberArgument.double($0, allowed: RenderFitSettings.allowedScales) })
    var scale: Double = 1

    @Option(
        help: ArgumentHelp(
            "Language of titles and labels, en or fr (fr also uses a decimal comma: \"Itération 12 — perte 0,4911\").",
            valueName: "en|fr"))
    var lang: String = "en"

    @Flag(help: "Draw each point's residual (vertical segment to the current line) on the frames.")
    var residuals = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Frames rendered in parallel, \(RenderFitSettings.allowedJobs) (default: the number of cores). The bytes do not depend on it.",
            valueName: "n"),
        transform: { try NumberArgument.integer($0, allowed: RenderFitSettings.allowedJobs) })
    var jobs: Int?

    @Option(
        help: ArgumentHelp(
            "Also write the article's figures (points, initial-guess, squared-errors, result, loss, loss-log) into this directory.",
            valueName: "dir"))
    var figures: String?

    @Option(
        help: ArgumentHelp("File format of --figures: png, svg or pdf.", valueName: "png|svg|pdf"))
    var format: String = "png"

    @Option(
        help: ArgumentHelp(
            "Also write an animation of all frames: .png or .apng (animated PNG, built in), or .mp4, .webm, .gif (needs ffmpeg).",
            valueName: "file"))
    var animation: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Frames per second of the animation, \(RenderFitSettings.allowedFPS) (default 25; the tutorial's 20 ms interval is 50).",
            valueName: "n"),
        transform: { try NumberArgument.integer($0, allowed: RenderFitSettings.allowedFPS) })
    var fps: Int = 25

    @Flag(
        help:
            "Allow --animation and --history to replace an existing file (files in --out follow its manifest)."
    )
    var force = false

    @Flag(help: "Print nothing on standard output and no progress bar; warnings still go to standard error.")
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
        if let message = ArgumentEncoding.firstInvalid() { fail(message, status: 64) }
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
        // A failure caused by Ctrl-C: let the interrupt handler clean up and exit instead.
        InterruptCleanup.shared.waitIfTerminating()
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
