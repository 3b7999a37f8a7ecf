import ArgumentParser
import FitAnimation
import FitOutput
import FitTrainer
import Foundation
import RenderFitOptions

/// `render-fit`: fit a model to a point cloud by gradient descent (or momentum, RMSprop,
/// Adam), print the falling loss as the article does, and draw every step.
///
/// Shape: the options live in five groups (data, model, training, image, output), each
/// checking its own values in `validate()`; ``validate()`` here checks what spans groups;
/// ``run()`` builds the ``RenderFitSettings`` once (the checks that need the file system) and
/// hands them to ``RenderFitRun``.
@main
struct RenderFit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-fit",
        abstract: "Fit a model to a point cloud by gradient descent and draw every step.",
        discussion: """
            Without --data, a point cloud is generated: --points points with x uniform in \
            [-1, 1) from a xoshiro256** generator seeded with --seed; the article's (--dataset \
            line) has y = 3x + 2 + noise, noise uniform in [0, 1). The loss is printed every 10 \
            iterations. At least one of --out, --figures, --animation and --history is needed; \
            --history alone trains and writes only the history. A rerun into the same --out \
            replaces the files its manifest.json lists and never touches others. Usage errors \
            exit with status 64 and write nothing; output errors exit with 73.

            Examples:
              render-fit --out frames/
              render-fit --out frames/ --animation frames/fit.png --fps 50
              render-fit --out frames-fr/ --lang fr --residuals --scale 2
              render-fit --figures figures/ --format svg
              render-fit --out lr/ --learning-rate 1.05   (diverges: a lesson, exit 0)
              render-fit --out mine/ --data points.csv --standardize
              render-fit --out f/ --dataset sine --model mlp:8 --optimizer adam --learning-rate 0.05 --iterations 2000
              render-fit --history run.csv --model poly:3 --dataset quadratic --batch-size 16
              render-fit --out frames/ --shard 2/8   (part 2 of 8; then: render-fit merge --out frames/)

            Subcommand:
              render-fit merge --out DIR [SHARD_DIR …]   assemble the shards of a run; see 'render-fit merge --help'
            """,
        version: RenderFitVersion.current)

    @OptionGroup(title: "Data") var data: DataOptions
    @OptionGroup(title: "Model") var model: ModelOptions
    @OptionGroup(title: "Training") var training: TrainingOptions
    @OptionGroup(title: "Image") var image: ImageOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    /// Checks between groups (each group checks its own values).
    func validate() throws {
        if let batchSize = training.batchSize, data.data == nil {
            let points = data.points ?? TutorialDataSet.defaultCount
            guard batchSize <= points else {
                throw ValidationError(
                    "--batch-size \(batchSize) is not allowed; use a whole number from 1 to \(points), the number of points"
                )
            }
        }
    }

    func run() throws {
        try RenderFitRun(
            settings: RenderFitSettings(command: self, arguments: Array(CommandLine.arguments.dropFirst()))
        ).perform()
    }

    /// Like `ParsableCommand.main()`, but every failure is exactly one line on standard error
    /// (argument-parser would add usage lines): status 64 for usage errors, 73 when output
    /// cannot be written.
    static func main() {
        if let message = ArgumentEncoding.firstInvalid() { fail(message, status: 64) }
        do {
            // `merge` is dispatched here rather than declared as a subcommand: argument-parser
            // would also parse (and validate) this command's options, whose --out and
            // --animation would take the merge's own.
            let arguments = Array(CommandLine.arguments.dropFirst())
            if arguments.first == RenderFitMerge.name {
                var merge = try RenderFitMerge.parseAsRoot(Array(arguments.dropFirst()))
                try merge.run()
                return
            }
            if arguments == ["help", RenderFitMerge.name] {
                print(RenderFitMerge.helpMessage())
                return
            }
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
                let isMerge = CommandLine.arguments.dropFirst().first == RenderFitMerge.name
                print(isMerge ? RenderFitMerge.fullMessage(for: error) : fullMessage(for: error))
                Self.exit()
            }
            if error is ExitCode { Self.exit(withError: error) }
            let isMerge = CommandLine.arguments.dropFirst().first == RenderFitMerge.name
            fail(isMerge ? RenderFitMerge.message(for: error) : message(for: error), status: code.rawValue)
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
