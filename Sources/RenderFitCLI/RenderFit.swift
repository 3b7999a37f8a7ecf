import ArgumentParser
import FitAnimation
import FitMessages
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
            iterations (every 100, 1000, … beyond 1000 iterations: about 100 lines). At least one of --out, --figures, --animation and --history is needed; \
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
              render-fit --out long/ --iterations 100000 --frames log --animation long.mp4 --hold-last 2
              render-fit --out race/ --compare optimizer=gd,momentum,adam --animation race.mp4
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
    @OptionGroup(title: "Frames") var frames: FrameOptions
    @OptionGroup(title: "Comparison") var comparison: CompareOptions

    /// Checks between groups (each group checks its own values).
    func validate() throws {
        try validateComparison()
        if let batchSize = training.batchSize, data.data == nil {
            let points = data.points ?? TutorialDataSet.defaultCount
            guard batchSize <= points else {
                throw ValidationError(
                    "--batch-size \(batchSize) is not allowed; use a whole number from 1 to \(points), the number of points"
                )
            }
        }
        let drawsFrames = output.out != nil || output.animation != nil
        if frames.choosesFrames, !drawsFrames {
            let flag = frames.every != nil ? "--every" : frames.frames != nil ? "--frames" : "--max-frames"
            throw ValidationError(
                "\(flag) chooses the frames of --out DIR or --animation FILE; give one of them")
        }
        for (flag, given) in [
            ("--pause-start", frames.pauseStart != nil), ("--hold-last", frames.holdLast != nil),
        ]
        where given && output.animation == nil {
            if output.shard != nil {
                throw ValidationError(
                    "\(flag) times the animation, which `render-fit merge` writes: give it to the merge with --animation FILE"
                )
            }
            throw ValidationError("\(flag) times the animation; give --animation FILE")
        }
    }

    /// `--compare` against the other options: the compared option is not given too, each
    /// value fits the rest (batch sizes the points, models --init), and the outputs hold
    /// several runs. Also the optimizer checks that depend on which rules run.
    private func validateComparison() throws {
        let parsed = try comparison.parsed()
        var optimizers = [training.optimizer]
        var miniBatches = training.batchSize != nil
        if let (compared, values) = parsed {
            let option = "--compare \(compared.key.rawValue)=…"
            let given: Bool =
                switch compared.key {
                case .learningRate: training.learningRateOption.given != nil
                case .optimizer: training.optimizerOption != nil
                case .batchSize: training.batchSize != nil
                case .model: model.modelOption != nil
                }
            if given {
                throw ValidationError(
                    "--\(compared.key.rawValue) cannot be combined with \(option), which sets it for each run; drop one"
                )
            }
            if compared.key == .model, let initial = model.initialParameters {
                throw ValidationError(
                    "--init '\(MessageText.quoted(initial))' cannot be combined with \(option): the models have different parameters; each run starts from its model's default"
                )
            }
            if compared.key == .model, image.panelList.contains(.landscape) {
                throw ValidationError(
                    "\(option) cannot be drawn with --panels \(PanelKind.listText(image.panelList)): a landscape shows the loss over one model's parameters; leave landscape out to compare models"
                )
            }
            if let history = output.history {
                throw ValidationError(
                    "--history '\(MessageText.quoted(history, limit: MessageText.pathLimit))' cannot be combined with --compare; --out DIR holds each run's history-1.csv, history-2.csv, …"
                )
            }
            if let figures = output.figures {
                throw ValidationError(
                    "--figures '\(MessageText.quoted(figures, limit: MessageText.pathLimit))' draws one run's article figures; it cannot be combined with --compare"
                )
            }
            guard output.out != nil || output.animation != nil else {
                throw ValidationError("--compare draws the runs together; give --out DIR or --animation FILE")
            }
            switch values {
            case .optimizers(let kinds): optimizers = kinds
            case .batchSizes(let sizes):
                miniBatches = true
                let points = data.points ?? TutorialDataSet.defaultCount
                if data.data == nil, let size = sizes.first(where: { $0 > points }) {
                    throw ValidationError(
                        "--compare '\(MessageText.quoted(comparison.compare ?? ""))': batch size \(size) is not allowed; use a whole number from 1 to \(points), the number of points"
                    )
                }
            case .learningRates, .models: break
            }
        }
        try training.validate(optimizers: optimizers, miniBatches: miniBatches)
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
            // Our own messages are one line by construction: a line break in one comes from a
            // value (a path), and is shown escaped rather than joined away.
            fail(error.description, status: 64)
        } catch let error as OutputError {
            fail(error.description, status: 73)
        } catch {
            let code = exitCode(for: error)
            let isMerge = CommandLine.arguments.dropFirst().first == RenderFitMerge.name
            if code == .success {
                // --help arrives as an "error" that should print normally.
                print(isMerge ? RenderFitMerge.fullMessage(for: error) : fullMessage(for: error))
                Self.exit()
            }
            if error is ExitCode { Self.exit(withError: error) }
            fail(
                oneLine(isMerge ? RenderFitMerge.message(for: error) : message(for: error)),
                status: code.rawValue)
        }
    }

    private static func fail(_ message: String, status: Int32) -> Never {
        // A failure caused by Ctrl-C: let the interrupt handler clean up and exit instead.
        InterruptCleanup.shared.waitIfTerminating()
        // Whatever a part of the message still holds that could break the line or rewrite the
        // terminal (a path in a system error, a value argument-parser repeats) is escaped as
        // every quoted value is.
        StandardError.writeLine("render-fit: " + MessageText.escaped(message))
        Self.exit(withError: ExitCode(status))
    }

    /// Collapses argument-parser's possibly multi-line message into one line.
    static func oneLine(_ message: String) -> String {
        message.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("Usage:") && !$0.hasPrefix("See '") }
            .joined(separator: " ")
    }
}
