import ArgumentParser
import FitAnimation
import Foundation

/// What is written, and how the run behaves while writing it.
struct OutputOptions: ParsableArguments {
    static let jobRange = 1...64
    static let allowedJobs = "a whole number from \(jobRange.lowerBound) to \(jobRange.upperBound)"
    static let defaultJobs = max(1, min(jobRange.upperBound, ProcessInfo.processInfo.activeProcessorCount))

    @Option(
        help: ArgumentHelp(
            "Output directory, created if needed: one PNG per state (frame_0000.png …), history.csv and manifest.json.",
            valueName: "dir"))
    var out: String?

    @Option(
        help: ArgumentHelp(
            "Also write the article's figures (points, initial-guess, squared-errors, result, loss, loss-log) into this directory.",
            valueName: "dir"))
    var figures: String?

    @Option(
        help: ArgumentHelp(
            "File format of --figures: png, svg or pdf (default png).", valueName: "png|svg|pdf"),
        transform: { try EnumArgument.parse($0, as: FigureFormat.self) })
    var format: FigureFormat = .png

    @Option(
        help: ArgumentHelp(
            "Also write an animation of all frames: .png or .apng (animated PNG, built in), or .mp4, .webm, .gif (needs ffmpeg).",
            valueName: "file"))
    var animation: String?

    @Option(
        help: ArgumentHelp(
            "Write the history to this file, as CSV (.csv) or JSON (.json); alone (without --out, --figures, --animation) it trains and writes only this file.",
            valueName: "file"))
    var history: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Frames rendered in parallel, \(allowedJobs) (default: the number of cores). The bytes do not depend on it.",
            valueName: "n"),
        transform: { try NumberArgument.integer($0, allowed: allowedJobs) })
    var jobs: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Render only part I of N of the frames (contiguous parts, I from 1) into --out, with a shard manifest shard-I-of-N.json instead of manifest.json and history.csv; `render-fit merge` assembles the parts (see Rendering on many machines).",
            valueName: "I/N"),
        transform: { text in
            guard let shard = FrameShard(parsing: text) else {
                throw ValidationError("use \(FrameShard.allowedText)")
            }
            return shard
        })
    var shard: FrameShard?

    @Flag(
        help:
            "Allow --animation and --history to replace an existing file (files in --out follow its manifest)."
    )
    var force = false

    @Flag(help: "Print nothing on standard output and no progress bar; warnings still go to standard error.")
    var quiet = false

    func validate() throws {
        if let jobs, !Self.jobRange.contains(jobs) {
            throw ValidationError("--jobs \(jobs) is not allowed; use \(Self.allowedJobs)")
        }
        if let shard {
            guard out != nil else {
                throw ValidationError(
                    "--shard \(shard.text) needs --out DIR, the folder its frames and shard manifest go into")
            }
            for (option, given) in [
                ("--animation", animation != nil), ("--history", history != nil),
                ("--figures", figures != nil),
            ]
            where given {
                throw ValidationError(
                    "--shard cannot be combined with \(option): a shard writes only its frames; give \(option) to `render-fit merge` (figures: to a run without --shard)"
                )
            }
        }
        guard out != nil || figures != nil || animation != nil || history != nil else {
            throw ValidationError(
                "nothing to write: give --out DIR (frames, history.csv, manifest.json), --figures DIR, --animation FILE or --history FILE"
            )
        }
    }
}
