/// Problems with the output folder or the files written into it.
public enum OutputError: Error, CustomStringConvertible, Equatable, Sendable {
    /// `--out` names an existing file, not a folder.
    case outIsAFile(path: String)
    /// The output folder could not be created; `reason` is the system's message.
    case cannotCreateFolder(path: String, reason: String)
    /// A file could not be written or renamed into place.
    case cannotWrite(path: String, reason: String)
    /// A stale file of an earlier run could not be removed.
    case cannotRemove(path: String, reason: String)
    /// The folder holds files the tool would write but its manifest does not list: they are not
    /// its own, so nothing is written.
    case foreignFiles(folder: String, names: [String], manifest: String)
    /// A file with the manifest's name exists but cannot be read as one.
    case unreadableManifest(path: String, reason: String)

    /// A message that names the path, the reason and what to do.
    public var description: String {
        switch self {
        case .outIsAFile(let path):
            return "--out '\(path)' is an existing file; give a folder (it is created if needed)"
        case .cannotCreateFolder(let path, let reason):
            return "cannot create folder '\(path)': \(reason)"
        case .cannotWrite(let path, let reason):
            return "cannot write '\(path)': \(reason)"
        case .cannotRemove(let path, let reason):
            return "cannot remove stale file '\(path)': \(reason)"
        case .foreignFiles(let folder, let names, let manifest):
            let shown = names.prefix(5).joined(separator: ", ")
            let more = names.count > 5 ? " and \(names.count - 5) more" : ""
            return
                "'\(folder)' already holds \(shown)\(more), not written by render-fit (\(manifest) does not list them);"
                + " move them away or choose another --out folder; nothing was written"
        case .unreadableManifest(let path, let reason):
            return "'\(path)' exists but is not a render-fit manifest (\(reason));"
                + " move it away or choose another --out folder; nothing was written"
        }
    }
}
