import FitAnimation
import FitOutput
import FitTrainer
import Foundation

/// The outputs of a run — frames folder, figures folder, animation file, history file —
/// planned and checked together before anything is written, then written with every folder
/// they go into locked for the whole run.
///
/// Places are compared resolved (``ResolvedPath``): `--history LINK/manifest.json`, where LINK
/// points at `--out`, is the manifest itself and is refused like the direct path.
struct OutputPlan {
    let settings: RenderFitSettings
    let scene: TrainingScene
    let frames: FramesJob?
    let figures: FiguresJob?
    let animation: AnimationTarget?

    /// `shardOwned`: for a merge, the frames that shard manifests in --out claim (render-fit's
    /// own, so the merge may keep or replace them).
    init(settings: RenderFitSettings, scene: TrainingScene, shardOwned: Set<String> = []) {
        self.settings = settings
        self.scene = scene
        let r = settings.rendering
        animation = r.animation
        let output = settings.outputDirectoryArgument.map { OutputDirectory(path: $0) }
        if output != nil || animation != nil {
            var job = FramesJob(
                scene: scene, output: output, animation: animation, jobs: r.jobs, quiet: settings.quiet,
                timing: r.timing)
            job.shard = settings.shard
            job.shardOwnedFrames = shardOwned
            frames = job
        } else {
            frames = nil
        }
        if let folder = r.figuresDirectory {
            let trueLine: (slope: Double, intercept: Double)?
            if case .generated(let set) = settings.dataSource, set.kind == .line {
                trueLine = (TutorialDataSet.defaultSlope, TutorialDataSet.defaultIntercept)
            } else {
                trueLine = nil
            }
            figures = FiguresJob(
                figures: ArticleFigures(scene: scene, trueLine: trueLine), folder: folder,
                format: FigureFormat(rawValue: r.figureFormat) ?? .png)
        } else {
            figures = nil
        }
    }

    /// Every check that needs no writing: the folders' places, names that clash, ownership,
    /// existing files, name lengths, ffmpeg.
    func check() throws {
        try checkPlaces()
        do {
            _ = try frames?.check()
            _ = try figures?.check()
        } catch {
            throw OutputError(error.description)
        }
        try checkHistoryExport()
        try checkAnimation()
        if let animation, case .ffmpeg = animation.kind, FFmpegEncoder.locate() == nil {
            throw OutputError(FFmpegEncoder.installHint)
        }
    }

    /// Names in --out that belong to the frames run itself.
    static func isReserved(_ name: String) -> Bool {
        FrameNaming.isFrameName(name) || name == FramesJob.historyName || RunComparison.isHistoryName(name)
            || name == OutputDirectory.manifestName
            || name == OutputDirectory.figuresManifestName || name == FolderLock.fileName
    }

    /// The names the figures run writes in its folder, its manifest and lock included.
    private var figureNames: Set<String> {
        guard let figures else { return [] }
        return Set(figures.plannedFiles + [OutputDirectory.figuresManifestName, FolderLock.fileName])
    }

    /// Folders that are files (or lie inside one), and names too long for the file system.
    private func checkPlaces() throws {
        var folders: [(String, String)] = []
        if let out = frames?.output { folders.append(("--out", out.path)) }
        if let figures { folders.append(("--figures", figures.output.path)) }
        for (option, folder) in folders {
            let nearest = ResolvedPath.nearestExisting(folder)
            guard nearest.isDirectory else {
                let what =
                    nearest.path == folder ? "names an existing file" : "is inside the file '\(nearest.path)'"
                throw UsageError(
                    "\(option) '\(folder)' \(what); give a directory path (it is created if needed)")
            }
            for component in folder.split(separator: "/")
            where component.utf8.count > ResolvedPath.maximumNameLength {
                throw UsageError(
                    "\(option) '\(folder)': the name '\(component.prefix(40))…' is longer than the \(ResolvedPath.maximumNameLength) bytes a file system allows"
                )
            }
        }
        var files: [(String, String)] = []
        if let animation { files.append(("--animation", animation.path)) }
        if let export = settings.historyExport { files.append(("--history", export.url.path)) }
        for (option, path) in files where !OutputFile.fitsFileSystem(path) {
            throw UsageError(
                "\(option) '\(path)': the name is too long once render-fit's temporary suffix (\(TemporaryName.addedLength) bytes) is added;"
                    + " file names may have \(ResolvedPath.maximumNameLength) bytes; choose a shorter name")
        }
        if let animation, let export = settings.historyExport,
            ResolvedPath.resolve(animation.path) == ResolvedPath.resolve(export.url.path)
        {
            throw UsageError(
                "--animation and --history name the same file '\(animation.path)'; choose two names")
        }
    }

    private func checkAnimation() throws {
        guard let animation else { return }
        let name = ResolvedPath.name(of: animation.path)
        let inOutput = frames?.output.map { FramesJob.isInside(animation.path, $0) } ?? false
        let inFigures = figures.map { FramesJob.isInside(animation.path, $0.output) } ?? false
        if inOutput, Self.isReserved(name) {
            throw UsageError(
                "--animation '\(animation.path)' would replace render-fit's own \(name) in --out; choose another name"
            )
        }
        if inFigures, figureNames.contains(name) {
            throw UsageError(
                "--animation '\(animation.path)' would replace the figure \(name) of --figures; choose another name"
            )
        }
        if !inOutput {
            if name == FolderLock.fileName {
                throw UsageError(
                    "--animation '\(animation.path)' is render-fit's lock file name; choose another name")
            }
            try checkParentExists(of: animation.path, option: "--animation")
            try checkReplaceable(animation.path, option: "--animation")
        }
    }

    /// `--history FILE` never replaces a manifest, a figure or a frame, and replaces an
    /// existing file only with --force (its own copy in --out, `history.csv`, is the same bytes
    /// and is allowed).
    private func checkHistoryExport() throws {
        guard let export = settings.historyExport else { return }
        let path = export.url.path
        let name = ResolvedPath.name(of: path)
        let inOutput = frames?.output.map { FramesJob.isInside(path, $0) } ?? false
        let inFigures = figures.map { FramesJob.isInside(path, $0.output) } ?? false
        if (inOutput && Self.isReserved(name) && name != FramesJob.historyName)
            || (inFigures
                && (figureNames.contains(name) || Self.isReserved(name) && name != FramesJob.historyName))
            || name == FolderLock.fileName
        {
            throw UsageError(
                "--history '\(path)' would replace render-fit's own \(name); choose another name")
        }
        if let animation, inOutput || inFigures,
            ResolvedPath.resolve(animation.path) == ResolvedPath.resolve(path)
        {
            throw UsageError("--animation and --history name the same file '\(path)'; choose two names")
        }
        if inOutput && name == FramesJob.historyName { return }
        try checkReplaceable(path, option: "--history")
    }

    /// An existing file (a dangling symbolic link included) is replaced only with --force, and
    /// never when it is a directory, FIFO or device.
    private func checkReplaceable(_ path: String, option: String) throws {
        let kind = FileKind(atPath: path)
        switch kind {
        case .missing: return
        case .regular, .symbolicLink:
            if !settings.rendering.force {
                throw OutputError(
                    "\(option) '\(path)' already exists\(kind == .symbolicLink ? " (a symbolic link)" : ""); pass --force to replace it, or choose another name; nothing was written"
                )
            }
        case .directory, .other:
            throw UsageError("\(option) '\(path)' is \(kind.article); give the path of a file")
        }
    }

    private func checkParentExists(of path: String, option: String) throws {
        let parent = ResolvedPath.parent(of: path)
        guard FileKind.isDirectory(parent) else {
            throw UsageError(
                "\(option) '\(path)': the directory '\(parent)' does not exist; create it first")
        }
    }

    /// Every folder the run writes into.
    private var folders: [String] {
        var folders = frames?.folders ?? []
        if let figures { folders.append(figures.output.path) }
        if let export = settings.historyExport { folders.append(ResolvedPath.parent(of: export.url.path)) }
        return folders
    }

    /// Locks every folder, checks again under the locks (another run may have written in
    /// between), then writes everything; returns the summary lines.
    func write() throws -> [String] {
        var lines: [String] = []
        do {
            InterruptCleanup.shared.install()
            try frames?.output?.create()
            try figures?.output.create()
            let locks = try FolderLock.acquireAll(folders, mode: settings.shard == nil ? .exclusive : .shared)
            defer { withExtendedLifetime(locks) {} }
            try check()
            if let export = settings.historyExport {
                OutputDirectory.removeLeftoverTemporaries(
                    inFolder: ResolvedPath.parent(of: export.url.path),
                    of: [ResolvedPath.name(of: export.url.path)])
            }
            if let frames, let shard = frames.shard, let output = frames.output {
                let summary = try frames.run()
                let range = shard.shard.frames(of: scene.frameCount)
                lines.append(
                    "wrote frames \(range.lowerBound)…\(range.upperBound - 1) (\(summary.frames) of \(scene.frameCount)) and \(shard.shard.manifestName) to \(output.path) (\(Self.timing(frames: summary.frames, seconds: summary.seconds)))"
                )
            } else if let frames {
                let summary = try frames.run()
                let rate = summary.seconds > 0 ? Double(summary.frames) / summary.seconds : 0
                let timing = String(format: "%.2f s, %.0f frames/s", summary.seconds, rate)
                if let output = frames.output {
                    let histories = frames.historyFiles.map(\.name)
                    let historyText =
                        histories.count == 1
                        ? histories[0] : "\(histories[0]) … \(histories[histories.count - 1])"
                    lines.append(
                        "wrote \(summary.frames) frame\(summary.frames == 1 ? "" : "s"), \(historyText) and manifest.json to \(output.path) (\(timing))"
                    )
                    if summary.removedStale > 0 {
                        lines.append(
                            "removed \(summary.removedStale) frames of an earlier run that this one does not produce"
                        )
                    }
                }
                if let animation {
                    lines.append(
                        "wrote \(animation.path) (\(summary.frames) frames at \(scene.settings.fps) fps)")
                }
            }
            if let figures {
                let written = try figures.run()
                lines.append("wrote \(written.count) figures to \(figures.output.path)")
            }
            try writeHistoryExport()
        } catch let error as FitOutput.OutputError {
            throw OutputError(error.description)
        } catch let error as AnimationError {
            throw OutputError(error.description)
        } catch let error as OutputError {
            throw error
        } catch let error as UsageError {
            throw error
        } catch {
            throw OutputError("\(error)")
        }
        return lines
    }

    private static func timing(frames: Int, seconds: Double) -> String {
        String(format: "%.2f s, %.0f frames/s", seconds, seconds > 0 ? Double(frames) / seconds : 0)
    }

    /// `render-fit merge`: locks, checks and writes like ``write()``, with the frames taken
    /// from `shards`; returns the summary lines.
    func merge(_ shards: ShardSet) throws -> [String] {
        guard let frames, let output = frames.output else { return [] }
        let summary: FramesJob.MergeSummary
        do {
            InterruptCleanup.shared.install()
            summary = try frames.runMerge(shards)
        } catch let error as ShardError {
            throw OutputError(error.description)
        } catch let error as FitOutput.OutputError {
            throw OutputError(error.description)
        } catch let error as AnimationError {
            throw OutputError(error.description)
        } catch {
            throw OutputError("\(error)")
        }
        var how: [String] = []
        if summary.linked > 0 { how.append("\(summary.linked) hard-linked") }
        if summary.copied > 0 { how.append("\(summary.copied) copied") }
        let kept = summary.frames - summary.linked - summary.copied
        if kept > 0 { how.append("\(kept) already there") }
        let histories = frames.historyFiles.map(\.name)
        let historyText =
            histories.count == 1 ? histories[0] : "\(histories[0]) … \(histories[histories.count - 1])"
        var lines = [
            "merged \(summary.shards) shard\(summary.shards == 1 ? "" : "s"): wrote \(summary.frames) frames (\(how.joined(separator: ", "))), \(historyText) and manifest.json to \(output.path) (\(String(format: "%.2f", summary.seconds)) s)"
        ]
        if summary.removedStale > 0 {
            lines.append(
                "removed \(summary.removedStale) frames of an earlier run that this one does not produce")
        }
        if let animation {
            lines.append("wrote \(animation.path) (\(summary.frames) frames at \(scene.settings.fps) fps)")
        }
        return lines
    }

    private func writeHistoryExport() throws {
        guard let export = settings.historyExport else { return }
        let history = scene.history
        switch export.format {
        case .csv: try OutputFile.write(history.csvText(), toPath: export.url.path)
        case .json: try OutputFile.write(Array(try history.jsonData()), toPath: export.url.path)
        }
    }
}
