import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The folder a run writes into, and the rules that keep a user's files safe in it:
/// a run overwrites or deletes only regular files (or symbolic links) that a previous
/// render-fit manifest lists, never a directory and never recursively, and refuses to start
/// (before writing anything) when a name it would write or remove holds anything else.
public struct OutputDirectory: Sendable {
    /// The manifest of frames runs.
    public static let manifestName = "manifest.json"
    /// The manifest of `--figures` runs, so that frames and figures can share a folder.
    public static let figuresManifestName = "figures.json"

    /// The folder, as the user spelled it, without a trailing slash.
    public let path: String
    /// The name of the manifest that records this kind of run's files.
    public let manifestName: String

    /// The folder at `path`, whose runs record their files in `manifestName`.
    public init(path: String, manifestName: String = OutputDirectory.manifestName) {
        self.manifestName = manifestName
        // Keep the user's spelling for messages, without a trailing slash.
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        self.path = p
    }

    /// The manifest's path.
    public var manifestPath: String { path + "/" + manifestName }

    /// The path of `name` inside the folder.
    public func filePath(_ name: String) -> String { path + "/" + name }

    /// The folder with its symbolic links resolved (for comparing places).
    public var resolvedPath: String { ResolvedPath.resolve(path) }

    /// Checks the folder without changing anything: it must not be a file, nor lie inside
    /// one, and a manifest, if present, must be ours.
    public func validate() throws(OutputError) {
        let nearest = ResolvedPath.nearestExisting(path)
        if !nearest.isDirectory { throw .outIsAFile(path: nearest.path) }
        _ = try previousManifestFiles()
    }

    /// The files the previous run's manifest lists (empty when there is no manifest).
    public func previousManifestFiles() throws(OutputError) -> Set<String> {
        try OwnershipList.read(atPath: manifestPath) ?? []
    }

    /// Refuses when a planned file exists and is not listed in the previous manifest (a
    /// dangling symbolic link included), or when a planned name or one of `removing` (files of
    /// the previous run this one will delete) holds a directory, a FIFO or any non-file.
    /// Returns the previous manifest's files.
    /// `alsoOwned` adds files that other lists of this tool in the folder claim (the frames of
    /// shard manifests, see `render-fit --shard`).
    @discardableResult
    public func checkOwnership(of planned: [String], removing: Set<String> = [], alsoOwned: Set<String> = [])
        throws(OutputError) -> Set<String>
    {
        try validate()
        let owned = try previousManifestFiles()
        let mayReplace = owned.union(alsoOwned)
        var foreign: [String] = []
        let listing = FolderListing(folder: path, nameCount: planned.count)
        for name in planned where name != manifestName {
            let kind = listing.kind(of: name)
            switch kind {
            case .missing: continue
            case .regular, .symbolicLink: if !mayReplace.contains(name) { foreign.append(name) }
            case .directory, .other: throw .notAFile(path: filePath(name), kind: kind)
            }
        }
        if !foreign.isEmpty {
            throw .foreignFiles(folder: path, names: foreign.sorted(), manifest: manifestName)
        }
        try checkRemovable(removing)
        return owned
    }

    /// Refuses when one of `names` (files of an earlier run this one will delete) holds a
    /// directory, a FIFO or any non-file.
    public func checkRemovable(_ names: Set<String>) throws(OutputError) {
        let listing = FolderListing(folder: path, nameCount: names.count)
        for name in names.sorted() where name != manifestName {
            let kind = listing.kind(of: name)
            if kind == .directory || kind == .other { throw .notAFile(path: filePath(name), kind: kind) }
        }
    }

    /// Which of `names` (plain file names) exist in the folder, a dangling link included.
    public func existing(_ names: Set<String>) -> Set<String> {
        let listing = FolderListing(folder: path, nameCount: names.count)
        return names.filter { listing.kind(of: $0).exists }
    }

    /// Creates the folder (and parents) if needed.
    public func create() throws(OutputError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateFolder(path: path, reason: error.localizedDescription)
        }
    }

    /// Removes temporaries left by a run that was killed (SIGKILL cannot be caught): regular
    /// files whose names have exactly the ``TemporaryName`` shape for one of `names` (files
    /// this tool owns or is about to write). Call it with the folder locked.
    public func removeLeftoverTemporaries(of names: Set<String>) {
        Self.removeLeftoverTemporaries(inFolder: path, of: names)
    }

    /// ``removeLeftoverTemporaries(of:)`` for any folder, e.g. that of an animation file.
    public static func removeLeftoverTemporaries(inFolder folder: String, of names: Set<String>) {
        guard !names.isEmpty, let entries = try? FileManager.default.contentsOfDirectory(atPath: folder)
        else { return }
        for entry in entries where entry.hasPrefix(".") {
            guard let destination = TemporaryName.destination(ofTemporary: entry), names.contains(destination)
            else { continue }
            let p = folder + "/" + entry
            if FileKind(atPath: p) == .regular { unlink(p) }
        }
    }

    /// Deletes files the previous manifest listed and this run did not produce: regular files
    /// and symbolic links only (a link is removed, never followed); anything else stops.
    public func removeStale(previouslyOwned: Set<String>, produced: Set<String>) throws(OutputError) {
        let names = previouslyOwned.subtracting(produced).sorted()
        let listing = FolderListing(folder: path, nameCount: names.count)
        for name in names where name != manifestName {
            let p = filePath(name)
            let kind = listing.kind(of: name)
            switch kind {
            case .missing: continue
            case .regular, .symbolicLink:
                if unlink(p) != 0, errno != ENOENT {
                    throw .cannotRemove(path: p, reason: String(cString: strerror(errno)))
                }
            case .directory, .other: throw .notAFile(path: p, kind: kind)
            }
        }
    }
}
