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
        guard out != nil || figures != nil || animation != nil || history != nil else {
            throw ValidationError(
                "nothing to write: give --out DIR (frames, history.csv, manifest.json), --figures DIR, --animation FILE or --history FILE"
            )
        }
    }
}
