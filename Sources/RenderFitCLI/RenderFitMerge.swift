import ArgumentParser
import FitAnimation
import FitOutput
import Foundation
import RenderFitOptions

/// `render-fit merge`: the shards of one run (`render-fit … --shard I/N`) assembled into the
/// run's folder, byte for byte what one run on one machine writes.
///
/// The shards' manifests give the run's arguments; the merge parses them again, trains the
/// run again (cheap and deterministic) and checks that its history is the shards'. Then
/// ``OutputPlan/merge(_:)`` writes.
struct RenderFitMerge: ParsableCommand {
    /// The word after `render-fit` that selects this command.
    static let name = "merge"

    static let configuration = CommandConfiguration(
        commandName: "render-fit merge",
        abstract:
            "Assemble the shards of one run (--shard I/N) into its folder: frames, history.csv, manifest.json, animation.",
        discussion: """
            Reads every shard-I-of-N.json in the shard folders (default: --out itself, where \
            shards that shared a folder wrote) and checks that they come from this version of \
            render-fit, have the same settings and history, and together cover every frame \
            exactly once; that no shard folder is being written; and that every frame file is \
            the one its shard recorded (size and CRC-32). Frames in another folder are \
            hard-linked into --out (copied across file systems); the shard folders are left \
            as they are. manifest.json and history.csv are written, and the shard manifests \
            inside --out are removed (manifest.json owns the frames from then on). The result \
            is byte-identical to one run without --shard. Problems with the shards exit with \
            status 73 and write nothing.

            Examples:
              render-fit merge --out frames/                         (shards wrote into frames/)
              render-fit merge --out frames/ part-1/ part-2/ part-3/ --animation frames/fit.png
            """)

    @Option(
        help: ArgumentHelp(
            "The run's folder, created if needed (the shards' own when they shared it).", valueName: "dir"))
    var out: String

    @Argument(help: ArgumentHelp("Folders the shards wrote into (default: --out).", valueName: "shard-dir"))
    var shardFolders: [String] = []

    @Option(
        help: ArgumentHelp(
            "Also write the animation: .png or .apng (stitched from the frames' compressed data, no re-encoding), or .mp4, .webm, .gif (needs ffmpeg).",
            valueName: "file"))
    var animation: String?

    @Option(
        name: .customLong("pause-start"), parsing: .unconditional,
        help: ArgumentHelp(
            "Extra seconds --animation shows its first frame, \(FrameOptions.allowedSeconds) (default 0).",
            valueName: "s"),
        transform: { try NumberArgument.double($0, allowed: FrameOptions.allowedSeconds) })
    var pauseStart: Double?

    @Option(
        name: .customLong("hold-last"), parsing: .unconditional,
        help: ArgumentHelp(
            "Extra seconds --animation shows its last frame before it loops, \(FrameOptions.allowedSeconds) (default 0).",
            valueName: "s"),
        transform: { try NumberArgument.double($0, allowed: FrameOptions.allowedSeconds) })
    var holdLast: Double?

    @Flag(help: "Allow --animation to replace an existing file (files in --out follow its manifest).")
    var force = false

    @Flag(help: "Print nothing on standard output.")
    var quiet = false

    func validate() throws {
        for folder in [out] + shardFolders where folder.isEmpty {
            throw ValidationError("an empty folder name is not allowed; give a directory path")
        }
        // The animation's timing is the merge's to choose, like the animation itself.
        for (flag, value) in [("pause-start", pauseStart), ("hold-last", holdLast)] {
            guard let value else { continue }
            guard animation != nil else {
                throw ValidationError("--\(flag) times the animation; give --animation FILE")
            }
            guard value.isFinite, value >= 0, value <= FrameTiming.maximumExtraSeconds else {
                throw ValidationError("--\(flag) \(value) is not allowed; use \(FrameOptions.allowedSeconds)")
            }
        }
    }

    func run() throws {
        let folders = shardFolders.isEmpty ? [out] : shardFolders
        let shards: ShardSet
        do {
            shards = try ShardSet.load(folders: folders)
        } catch {
            throw OutputError(error.description)
        }
        // The recorded arguments describe the run, never where it is written: a shard manifest
        // is a file anyone could have edited, and the merge writes only what its own options say.
        let outputOptions: Set<String> = [
            "--out", "--figures", "--format", "--animation", "--history", "--shard", "--force", "--jobs",
            "--quiet",
            "--pause-start", "--hold-last",
        ]
        if let option = shards.arguments.first(where: {
            outputOptions.contains(String($0.prefix { $0 != "=" }))
        }) {
            throw OutputError(
                "shard '\(shards.members[0].path)' records the output option \(option.prefix { $0 != "=" }), which a shard never writes; rerun the shards; nothing was written"
            )
        }
        // The merge trains the run again, so it reads the shards' input files itself (the path
        // options a shard records, ShardArguments.paths): on another machine they must be at the
        // same paths. Said here, naming the shard, rather than as a usage error about an option
        // that this command line does not have.
        for (index, option) in shards.arguments.enumerated().dropLast()
        where ShardArguments.paths.contains(option) {
            let path = shards.arguments[index + 1]
            if FileKind.isDirectory(path) || !FileManager.default.isReadableFile(atPath: path) {
                throw OutputError(
                    "shard '\(shards.members[0].path)' was trained on \(option) '\(path)', which cannot be read on this machine; the merge trains the run again from that file, so make it readable at that path; nothing was written"
                )
            }
        }
        // The run's own arguments, with this merge's outputs.
        var arguments = shards.arguments + ["--out", out, "--quiet"]
        if let animation { arguments += ["--animation", animation] }
        if let pauseStart { arguments += ["--pause-start", "\(pauseStart)"] }
        if let holdLast { arguments += ["--hold-last", "\(holdLast)"] }
        if force { arguments.append("--force") }
        let command: RenderFit
        do {
            command = try RenderFit.parse(arguments)
        } catch {
            throw OutputError(
                "shard '\(shards.members[0].path)' records arguments this render-fit does not accept (\(RenderFit.oneLine(RenderFit.message(for: error)))); rerun the shards; nothing was written"
            )
        }
        var settings = try RenderFitSettings(command: command, arguments: arguments)
        settings.quiet = quiet
        try RenderFitRun(settings: settings).merge(shards)
    }
}
