import FitOutput
import FitPNG
import Foundation

/// Writes the article's figures into a folder (`--figures DIR --format png|svg|pdf`), with
/// the same ownership rules as frames: a `figures.json` manifest lists what was written, and a
/// file of the same name that no manifest lists stops the run before anything is written.
public struct FiguresJob: Sendable {
    /// The figures to write.
    public var figures: ArticleFigures
    /// The folder, whose manifest is `figures.json`.
    public var output: OutputDirectory
    /// The file format of every figure.
    public var format: FigureFormat

    /// A job writing every figure of `figures` into `folder` as `format`.
    public init(figures: ArticleFigures, folder: String, format: FigureFormat) {
        self.figures = figures
        self.output = OutputDirectory(path: folder, manifestName: OutputDirectory.figuresManifestName)
        self.format = format
    }

    /// The file names the job writes, e.g. `points.png`.
    public var plannedFiles: [String] {
        ArticleFigures.Name.allCases.map { $0.rawValue + "." + format.rawValue }
    }

    /// Checks the folder without writing; returns the files its manifest already owns.
    public func check() throws(OutputError) -> Set<String> {
        try output.checkOwnership(of: plannedFiles)
    }

    struct Manifest: Codable {
        var tool = "render-fit"
        var version = RenderFitVersion.current
        var format: String
        var settings: RenderSettings
        var files: [String]
    }

    /// Checks, creates and locks the folder, checks again under the lock, and writes every
    /// figure; returns the paths written.
    @discardableResult
    public func run() throws -> [String] {
        InterruptCleanup.shared.install()
        _ = try check()
        try output.create()
        let lock = try FolderLock.acquire(output.path)
        defer { withExtendedLifetime(lock) {} }
        let owned = try check()
        let planned = plannedFiles
        output.removeLeftoverTemporaries(of: owned.union(planned).union([output.manifestName]))
        // Written before the figures, so a run killed midway still owns them. Files of the same
        // kind of run in another format stay listed: they are still what they were.
        try writeManifest(files: Array(owned.union(planned)).sorted())
        let settings = figures.scene.settings
        let exporter = FigureExporter(
            scale: settings.scale,
            text: [.software("render-fit \(RenderFitVersion.current)")]
                + (settings.commandLine.map { [.description($0)] } ?? []))
        var written: [String] = []
        for name in ArticleFigures.Name.allCases {
            let path = output.filePath(name.rawValue + "." + format.rawValue)
            try exporter.write(figures.figure(name), format: format, toPath: path, title: figures.title(name))
            written.append(path)
        }
        return written
    }

    private func writeManifest(files: [String]) throws {
        let manifest = Manifest(format: format.rawValue, settings: figures.scene.settings, files: files)
        try OutputFile.writeJSON(manifest, toPath: output.manifestPath)
    }
}
