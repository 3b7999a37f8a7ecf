import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading a whole file that render-fit wrote earlier (a shard manifest, a frame), with its
/// size checked before a byte is read and never more than the limit read, whatever the file
/// grows to meanwhile. Symbolic links are not followed; FIFOs and devices are refused.
public enum BoundedFile {
    /// Why a file could not be read.
    public enum Failure: Error, Sendable, Equatable {
        /// Nothing at the path.
        case missing
        /// A symbolic link, directory, FIFO or device.
        case notAFile(FileKind)
        /// Larger than the limit.
        case tooLarge(bytes: Int, limit: Int)
        /// The system's message.
        case unreadable(String)

        /// A phrase for a message: "it is a directory", "it is 300 bytes, above the limit of …".
        public var reason: String {
            switch self {
            case .missing: "it does not exist"
            case .notAFile(let kind): "it is \(kind.article)"
            case .tooLarge(let bytes, let limit): "it is \(bytes) bytes, more than the \(limit) allowed"
            case .unreadable(let message): message
            }
        }
    }

    /// The bytes of the regular file at `path`, at most `limit` of them.
    public static func read(atPath path: String, limit: Int) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            let failure = errno
            let kind = FileKind(atPath: path)
            if kind == .missing { throw .missing }
            if kind != .regular { throw .notAFile(kind) }
            throw .unreadable(String(cString: strerror(failure)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw .notAFile(FileKind(atPath: path))
        }
        let size = Int(info.st_size)
        guard size <= limit else { throw .tooLarge(bytes: size, limit: limit) }
        var bytes = [UInt8](repeating: 0, count: size)
        let filled: Int
        switch bytes.withUnsafeMutableBytes({ readUpTo(fd, $0) }) {
        case .success(let count): filled = count
        case .failure(let failure): throw .unreadable(failure.reason)
        }
        if filled < size { bytes.removeLast(size - filled) }
        return bytes
    }
}
