import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Paths compared as the file system sees them: absolute, with every symbolic link of the
/// part that exists resolved by `realpath(3)` and `.`/`..` of the rest applied. Two spellings
/// of one place (`LINK/manifest.json` where LINK points at the output folder) compare equal.
public enum ResolvedPath {
    /// The longest NAME the file system allows (`NAME_MAX`).
    public static let maximumNameLength = 255
    /// The longest path the system accepts (`PATH_MAX` less the final NUL).
    public static let maximumPathLength = 4095

    /// `path` resolved: absolute, symbolic links of its existing part resolved.
    public static func resolve(_ path: String) -> String {
        var absolute = path
        if !absolute.hasPrefix("/") {
            absolute = FileManager.default.currentDirectoryPath + "/" + absolute
        }
        let components = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        // The longest prefix that exists, resolved; then the rest, applied lexically.
        for count in stride(from: components.count, through: 0, by: -1) {
            let prefix = "/" + components[0..<count].joined(separator: "/")
            guard let real = realPath(prefix) else { continue }
            var parts = real.split(separator: "/").map(String.init)
            for part in components[count...] {
                switch part {
                case ".": continue
                case "..": if !parts.isEmpty { parts.removeLast() }
                default: parts.append(part)
                }
            }
            return "/" + parts.joined(separator: "/")
        }
        return absolute
    }

    /// The resolved folder of the file at `path`.
    public static func folder(of path: String) -> String {
        resolve(parent(of: path))
    }

    /// The folder part of `path` as spelled ("." when there is none).
    public static func parent(of path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        guard let slash = p.lastIndex(of: "/") else { return "." }
        return slash == p.startIndex ? "/" : String(p[..<slash])
    }

    /// The last component of `path`.
    public static func name(of path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        guard let slash = p.lastIndex(of: "/") else { return p }
        return String(p[p.index(after: slash)...])
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The nearest ancestor of `path` (itself included) that exists, as spelled, and its kind
    /// (following links): where a folder that does not exist yet will be created.
    public static func nearestExisting(_ path: String) -> (path: String, isDirectory: Bool) {
        var candidate = path.isEmpty ? "." : path
        while true {
            if FileKind(atPath: candidate).exists {
                return (candidate, FileKind.isDirectory(candidate))
            }
            let up = parent(of: candidate)
            if up == candidate { return (candidate, true) }
            candidate = up
        }
    }
}
