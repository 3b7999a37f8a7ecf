import Foundation

/// The folder a run writes into, and the rules that keep a user's files safe in it:
/// a run overwrites or deletes only files that a previous render-fit manifest lists, and
/// refuses to start (before writing anything) when a file it would write is foreign.
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

    /// Checks the folder without changing anything: `--out` must not be a file, and a
    /// manifest, if present, must be ours.
    public func validate() throws(OutputError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw .outIsAFile(path: path)
        }
        _ = try previousManifestFiles()
    }

    /// The files the previous run's manifest lists (empty when there is no manifest).
    public func previousManifestFiles() throws(OutputError) -> Set<String> {
        guard FileManager.default.fileExists(atPath: manifestPath) else { return [] }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: manifestPath))
        } catch {
            throw .unreadableManifest(path: manifestPath, reason: error.localizedDescription)
        }
        struct Ownership: Decodable {
            var tool: String
            var files: [String]
        }
        guard let owned = try? JSONDecoder().decode(Ownership.self, from: data), owned.tool == "render-fit"
        else {
            throw .unreadableManifest(path: manifestPath, reason: "no render-fit file list in it")
        }
        // A manifest may only claim plain names inside this folder.
        return Set(owned.files.filter { !$0.contains("/") && $0 != ".." && $0 != "." })
    }

    /// Refuses when any planned file exists and is not listed in the previous manifest.
    /// Returns the previous manifest's files.
    @discardableResult
    public func checkOwnership(of planned: [String]) throws(OutputError) -> Set<String> {
        try validate()
        let owned = try previousManifestFiles()
        let fm = FileManager.default
        let foreign = planned.filter { name in
            name != manifestName && !owned.contains(name) && fm.fileExists(atPath: filePath(name))
        }
        if !foreign.isEmpty {
            throw .foreignFiles(folder: path, names: foreign.sorted(), manifest: manifestName)
        }
        return owned
    }

    /// Creates the folder (and parents) if needed.
    public func create() throws(OutputError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateFolder(path: path, reason: error.localizedDescription)
        }
    }

    /// Removes temporaries left by a run that was killed (SIGKILL cannot be caught): our own
    /// `.<name>.<pid>.render-fit-tmp` files, and `.<name>.<suffix>.tmp` files (the animated PNG
    /// writer's) where `<name>` is a file this tool owns or is about to write.
    public func removeLeftoverTemporaries(owned: Set<String> = []) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where name.hasPrefix(".") {
            let ours = name.hasSuffix(AtomicFileWriter.temporarySuffix)
            let writers = name.hasSuffix(".tmp") && owned.contains { name.hasPrefix("." + $0 + ".") }
            if ours || writers { try? FileManager.default.removeItem(atPath: filePath(name)) }
        }
    }

    /// Deletes files the previous manifest listed and this run did not produce.
    public func removeStale(previouslyOwned: Set<String>, produced: Set<String>) throws(OutputError) {
        for name in previouslyOwned.subtracting(produced).sorted() where name != manifestName {
            let p = filePath(name)
            guard FileManager.default.fileExists(atPath: p) else { continue }
            do {
                try FileManager.default.removeItem(atPath: p)
            } catch {
                throw .cannotRemove(path: p, reason: error.localizedDescription)
            }
        }
    }
}
