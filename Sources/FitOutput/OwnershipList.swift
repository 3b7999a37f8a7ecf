import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading an ownership list (`manifest.json`, `figures.json`, an example's `article.json`):
/// the JSON document whose `tool` is "render-fit" and whose `files` names what a run wrote.
///
/// Its size is checked before a byte is read: a list above ``maximumBytes`` is refused (the
/// largest manifest render-fit writes, for 1,000,001 frames, is about 220 MB: 215 bytes a frame).
public enum OwnershipList {
    /// The largest ownership list read: 256 MiB.
    public static let maximumBytes = 256 << 20

    /// The file names the list at `path` claims (plain names only), or nil when there is none.
    public static func read(atPath path: String) throws(OutputError) -> Set<String>? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            let failure = errno
            let kind = FileKind(atPath: path)
            if kind == .missing { return nil }
            if kind != .regular {
                throw .unreadableManifest(path: path, reason: "it is \(kind.article)")
            }
            throw .unreadableManifest(path: path, reason: String(cString: strerror(failure)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw .unreadableManifest(path: path, reason: "it is \(FileKind(atPath: path).article)")
        }
        let size = Int(info.st_size)
        guard size <= maximumBytes else {
            throw .manifestTooLarge(path: path, bytes: size, limit: maximumBytes)
        }
        // Read at most the limit, whatever the file grows to meanwhile.
        var data = Data(count: size)
        let filled: Int
        switch data.withUnsafeMutableBytes({ readUpTo(fd, $0) }) {
        case .success(let count): filled = count
        case .failure(let failure): throw .unreadableManifest(path: path, reason: failure.reason)
        }
        data.count = filled
        struct Ownership: Decodable {
            var tool: String
            var files: [String]
        }
        guard let owned = try? JSONDecoder().decode(Ownership.self, from: data), owned.tool == "render-fit"
        else {
            throw .unreadableManifest(path: path, reason: "no render-fit file list in it")
        }
        // A list may only claim plain names inside its own folder.
        return Set(owned.files.filter { !$0.isEmpty && !$0.contains("/") && $0 != ".." && $0 != "." })
    }
}
