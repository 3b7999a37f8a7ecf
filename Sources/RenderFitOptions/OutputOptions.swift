import ArgumentParser
import FitAnimation

/// What is written, and how the run behaves while writing it.
public struct OutputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Output directory, created if needed: one PNG per state (frame_0000.png …), history.csv and manifest.json.",
            valueName: "dir"))
    public var out: String?

    @Option(
        help: ArgumentHelp(
            "Also write the article's figures (points, initial-guess, squared-errors, result, loss, loss-log) into this directory.",
            valueName: "dir"))
    public var figures: String?

    @Option(
        help: ArgumentHelp(
            "File format of --figures: png, svg or pdf (default png).", valueName: "png|svg|pdf"),
        transform: { try EnumArgument.parse($0, as: FigureFormat.self) })
    public var format: FigureFormat = .png

    @Option(
        help: ArgumentHelp(
            "Also write an animation of all frames: .png or .apng (animated PNG, built in), or .mp4, .webm, .gif (needs ffmpeg).",
            valueName: "file"))
    public var animation: String?

    @Option(
        help: ArgumentHelp(
            "Write the history to this file, as CSV (.csv) or JSON (.json); alone (without --out, --figures, --animation) it trains and writes only this file.",
            valueName: "file"))
    public var history: String?

    @OptionGroup public var jobsOption: JobsOption

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
    public var shard: FrameShard?

    @Flag(
        help:
            "Allow --animation and --history to replace an existing file (files in --out follow its manifest)."
    )
    public var force = false

    @Flag(help: "Print nothing on standard output and no progress bar; warnings still go to standard error.")
    public var quiet = false

    public init() {}

    /// `--jobs`, or the number of cores.
    public var jobs: Int { jobsOption.count }

    public func validate() throws {
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
