import FitAnimation
import FitTrainer
import Foundation

/// The outputs of a run — frames folder, figures folder, animation file — checked together
/// before anything is written, then written.
struct OutputPlan {
    let settings: RenderFitSettings
    let scene: TrainingScene
    let frames: FramesJob?
    let figures: FiguresJob?
    let animation: AnimationTarget?

    init(settings: RenderFitSettings, scene: TrainingScene) {
        self.settings = settings
        self.scene = scene
        let r = settings.rendering
        animation = r.animation
        let output = settings.outputDirectoryArgument.map { OutputDirectory(path: $0) }
        if output != nil || animation != nil {
            frames = FramesJob(
                scene: scene, output: output, animation: animation, jobs: r.jobs, quiet: settings.quiet)
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

    /// Every check that needs no writing: folder ownership, the animation's place, ffmpeg.
    func check() throws {
        do {
            _ = try frames?.check()
            _ = try figures?.check()
        } catch {
            throw OutputError(error.description)
        }
        try checkHistoryExport()
        guard let animation else { return }
        let inOutput = frames?.output.map { FramesJob.isInside(animation.path, $0) } ?? false
        let name = URL(fileURLWithPath: animation.path).lastPathComponent
        if inOutput, Self.isReserved(name) {
            throw UsageError(
                "--animation '\(animation.path)' would replace render-fit's own \(name) in --out; choose another name"
            )
        }
        if !inOutput {
            try checkParentExists(of: animation.path, option: "--animation")
            if FileManager.default.fileExists(atPath: animation.path) && !settings.rendering.force {
                throw OutputError(
                    "--animation '\(animation.path)' already exists; pass --force to replace it, or choose another name; nothing was written"
                )
            }
        }
        if case .ffmpeg = animation.kind, FFmpegEncoder.locate() == nil {
            throw OutputError(FFmpegEncoder.installHint)
        }
    }

    /// Names in --out that belong to the frames run itself.
    static func isReserved(_ name: String) -> Bool {
        FrameNaming.isFrameName(name) || name == FramesJob.historyName || name == OutputDirectory.manifestName
            || name == OutputDirectory.figuresManifestName
    }

    /// `--history FILE` never replaces a manifest, and replaces an existing file only with
    /// --force (its own copy in --out, `history.csv`, is the same bytes and is allowed).
    private func checkHistoryExport() throws {
        guard let export = settings.historyExport else { return }
        let path = export.url.path
        let name = export.url.lastPathComponent
        let inOutput = frames?.output.map { FramesJob.isInside(path, $0) } ?? false
        let inFigures = figures.map { FramesJob.isInside(path, $0.output) } ?? false
        if (inOutput || inFigures) && Self.isReserved(name) && name != FramesJob.historyName {
            throw UsageError(
                "--history '\(path)' would replace render-fit's own \(name); choose another name")
        }
        if inOutput && name == FramesJob.historyName { return }
        if FileManager.default.fileExists(atPath: path) && !settings.rendering.force {
            throw OutputError(
                "--history '\(path)' already exists; pass --force to replace it, or choose another name; nothing was written"
            )
        }
    }

    private func checkParentExists(of path: String, option: String) throws {
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw UsageError(
                "\(option) '\(path)': the directory '\(parent.path)' does not exist; create it first")
        }
    }

    /// Writes everything; returns the summary lines.
    func write() throws -> [String] {
        var lines: [String] = []
        do {
            if let frames {
                let summary = try frames.run()
                let rate = summary.seconds > 0 ? Double(summary.frames) / summary.seconds : 0
                let timing = String(format: "%.2f s, %.0f frames/s", summary.seconds, rate)
                if let output = frames.output {
                    lines.append(
                        "wrote \(summary.frames) frame\(summary.frames == 1 ? "" : "s"), history.csv and manifest.json to \(output.path) (\(timing))"
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
        } catch let error as FitAnimation.OutputError {
            throw OutputError(error.description)
        } catch let error as AnimationError {
            throw OutputError(error.description)
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError("\(error)")
        }
        return lines
    }
}
