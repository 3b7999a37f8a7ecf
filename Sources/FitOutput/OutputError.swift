import FitMessages

/// Problems with an output folder or the files written into it.
public enum OutputError: Error, CustomStringConvertible, Equatable, Sendable {
    /// An output folder's path names an existing file, not a folder.
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
    /// A name the tool would write or remove is a directory, FIFO or other non-file: never the
    /// tool's own, so nothing is written.
    case notAFile(path: String, kind: FileKind)
    /// A file with the manifest's name exists but cannot be read as one.
    case unreadableManifest(path: String, reason: String)
    /// An ownership list larger than the limit, refused before it is read.
    case manifestTooLarge(path: String, bytes: Int, limit: Int)
    /// Another process holds the folder's lock.
    case folderLocked(folder: String, pid: Int32?)
    /// The folder's lock could not be taken.
    case cannotLock(folder: String, reason: String)
    /// A file name too long for the file system once the temporary suffix is added.
    case nameTooLong(path: String, limit: Int)

    /// A message that names the path, the reason and what to do; paths and names are shown as
    /// `MessageText` shows user text, so that a hostile name keeps the message on one line.
    public var description: String {
        let quotedPath = { (text: String) in MessageText.quoted(text, limit: MessageText.pathLimit) }
        switch self {
        case .outIsAFile(let path):
            return "'\(quotedPath(path))' is an existing file; give a folder (it is created if needed)"
        case .cannotCreateFolder(let path, let reason):
            return "cannot create folder '\(quotedPath(path))': \(reason)"
        case .cannotWrite(let path, let reason):
            return "cannot write '\(quotedPath(path))': \(reason)"
        case .cannotRemove(let path, let reason):
            return "cannot remove stale file '\(quotedPath(path))': \(reason)"
        case .foreignFiles(let folder, let names, let manifest):
            let shown = names.prefix(5).map(quotedPath).joined(separator: ", ")
            let more = names.count > 5 ? " and \(names.count - 5) more" : ""
            return
                "'\(quotedPath(folder))' already holds \(shown)\(more), not written by render-fit (\(manifest) does not list them);"
                + " move them away or choose another folder; nothing was written"
        case .notAFile(let path, let kind):
            return
                "'\(quotedPath(path))' is \(kind.article), not a file render-fit wrote; move it away or choose another folder;"
                + " nothing was written"
        case .unreadableManifest(let path, let reason):
            return "'\(quotedPath(path))' exists but is not a render-fit manifest (\(reason));"
                + " move it away or choose another folder; nothing was written"
        case .manifestTooLarge(let path, let bytes, let limit):
            return
                "'\(quotedPath(path))' is \(bytes) bytes, more than the \(limit) bytes a render-fit manifest may have;"
                + " move it away or choose another folder; nothing was written"
        case .folderLocked(let folder, let pid):
            let who = pid.map { "another render-fit run (process \($0))" } ?? "another render-fit run"
            return
                "'\(quotedPath(folder))' is being written by \(who); wait for it to finish or choose another folder;"
                + " nothing was written"
        case .cannotLock(let folder, let reason):
            return "cannot lock '\(quotedPath(folder))' for writing: \(reason); nothing was written"
        case .nameTooLong(let path, let limit):
            return
                "'\(quotedPath(path))': the file name is too long (with its temporary suffix it would exceed \(limit) bytes);"
                + " choose a shorter name; nothing was written"
        }
    }
}
