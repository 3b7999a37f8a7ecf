import Foundation

/// A folder that a tool writes a known set of files into, with render-fit's ownership rules
/// (see ``OutputDirectory``): a file is written only when it is absent or listed in the
/// manifest of an earlier run of the same tool, and nothing is ever deleted.
///
/// The manifest (`manifestName`, e.g. `article.json`) is written before the files, listing
/// every file the run may write, so a run killed midway still owns its files and a rerun
/// succeeds. Used by the examples and by any program that writes figures into a folder.
public struct OwnedFolder: Sendable {
    /// The folder written into.
    public let folder: OutputDirectory
    /// Who writes here (recorded in the manifest), e.g. "article".
    public let owner: String

    /// Checks `planned` (plain file names inside `path`) against the folder's manifest, then
    /// creates the folder and records the planned files as the owner's. Nothing is written
    /// when a planned file exists and is not the owner's.
    public init(path: String, owner: String, planned: [String], manifestName: String? = nil) throws {
        self.owner = owner
        folder = OutputDirectory(path: path, manifestName: manifestName ?? owner + ".json")
        let owned = try folder.checkOwnership(of: planned)
        try folder.create()
        try Self.writeManifest(owner: owner, files: owned.union(planned).sorted(), to: folder.manifestPath)
    }

    /// The path of `name` inside the folder.
    public func path(_ name: String) -> String { folder.filePath(name) }

    private struct Manifest: Encodable {
        var tool = "render-fit"
        var owner: String
        var files: [String]
    }

    private static func writeManifest(owner: String, files: [String], to path: String) throws {
        try AtomicFileWriter.writeJSON(Manifest(owner: owner, files: files), toPath: path)
    }
}
