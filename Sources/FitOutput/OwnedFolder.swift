/// A folder that a tool writes a known set of files into, with render-fit's ownership rules
/// (see ``OutputDirectory``): a file is written only when it is absent or listed in the
/// manifest of an earlier run of the same tool, and nothing is ever deleted. The folder is
/// locked (``FolderLock``) for as long as the value (or a copy) lives.
///
/// The manifest (`manifestName`, e.g. `article.json`) is written before the files, listing
/// every file the run may write, so a run killed midway still owns its files and a rerun
/// succeeds. Used by the examples and by any program that writes figures into a folder.
public struct OwnedFolder: Sendable {
    /// The folder written into.
    public let folder: OutputDirectory
    /// Who writes here (recorded in the manifest), e.g. "article".
    public let owner: String
    private let lock: FolderLock

    /// Checks `planned` (plain file names inside `path`) against the folder's manifest, then
    /// creates and locks the folder, removes leftover temporaries of the planned files, and
    /// records them as the owner's. Nothing is written when a planned file exists and is not
    /// the owner's.
    public init(path: String, owner: String, planned: [String], manifestName: String? = nil) throws {
        self.owner = owner
        folder = OutputDirectory(path: path, manifestName: manifestName ?? owner + ".json")
        _ = try folder.checkOwnership(of: planned)
        try folder.create()
        lock = try FolderLock.acquire(folder.path)
        // Checked again under the lock: another process may have written meanwhile.
        let owned = try folder.checkOwnership(of: planned)
        folder.removeLeftoverTemporaries(of: owned.union(planned).union([folder.manifestName]))
        try OutputFile.writeJSON(
            Manifest(owner: owner, files: owned.union(planned).sorted()), toPath: folder.manifestPath)
    }

    /// The path of `name` inside the folder.
    public func path(_ name: String) -> String { folder.filePath(name) }

    private struct Manifest: Encodable {
        var tool = "render-fit"
        var owner: String
        var files: [String]
    }
}
