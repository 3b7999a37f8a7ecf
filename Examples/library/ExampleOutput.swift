import FitAnimation
import Foundation

/// The folder an example writes into, with render-fit's ownership rules (see
/// `OutputDirectory`): the example writes a file only when it is absent or listed in the
/// manifest of an earlier run of the same example, and it never deletes anything.
///
/// The manifest (`<example>.json`) is written before the files, listing every file the run
/// may write, so a run killed midway still owns its files and a rerun succeeds.
struct ExampleOutput {
    let folder: OutputDirectory
    let example: String

    /// Checks `planned` (plain file names inside `path`) against the folder's manifest, then
    /// creates the folder and records the planned files as this example's. Nothing is
    /// written when a planned file exists and is not ours.
    init(path: String, example: String, planned: [String]) throws {
        self.example = example
        folder = OutputDirectory(path: path, manifestName: example + ".json")
        let owned = try folder.checkOwnership(of: planned)
        try folder.create()
        try writeManifest(files: owned.union(planned).sorted())
    }

    /// The path of `name` inside the folder.
    func path(_ name: String) -> String { folder.filePath(name) }

    private struct Manifest: Encodable {
        var tool = "render-fit"
        var example: String
        var files: [String]
    }

    private func writeManifest(files: [String]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Manifest(example: example, files: files))
        try FitAnimation.AtomicFileWriter.write(Array(data) + [10], toPath: folder.manifestPath)
    }
}
