import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a path names, without following a final symbolic link (`lstat`): the question an
/// output layer must ask, since a dangling link "does not exist" for `stat` but is there.
public enum FileKind: Sendable, Equatable {
    /// Nothing at the path.
    case missing
    /// A regular file.
    case regular
    /// A symbolic link (dangling or not).
    case symbolicLink
    /// A directory.
    case directory
    /// A FIFO, socket, device, or anything else.
    case other

    /// The kind of `path`'s last component (symbolic links are not followed).
    public init(atPath path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            self = .missing
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFLNK: self = .symbolicLink
        case S_IFDIR: self = .directory
        default: self = .other
        }
    }

    /// True for a path that holds something (a dangling link included).
    public var exists: Bool { self != .missing }

    /// How a message names it: "a directory", "a FIFO or device"...
    public var article: String {
        switch self {
        case .missing: "nothing"
        case .regular: "a file"
        case .symbolicLink: "a symbolic link"
        case .directory: "a directory"
        case .other: "a FIFO, socket or device"
        }
    }

    /// True when `path` is a directory, following a symbolic link (a `--out` that is a link to
    /// a folder is a folder).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
