import FitMessages
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Puts a copy of an existing file at a new name without touching the original: a hard link
/// when both are on one file system (no bytes copied), a byte copy otherwise. Either way the
/// new name appears by `rename(2)` of an exclusive temporary (``TemporaryName``), so a file or
/// symbolic link already at the destination is replaced, never written through, and an
/// interrupt leaves no half file.
///
/// The source is opened with `O_NOFOLLOW` and must be a regular file: a symbolic link planted
/// where a frame should be is refused, not followed.
public enum FilePlacement {
    /// How the file got there.
    public enum Method: Sendable, Equatable {
        /// A hard link to the source (same file system).
        case linked
        /// A copy of the source's bytes (another file system, or links not allowed).
        case copied
    }

    /// Places `source` at `destination`; returns how.
    /// - Throws: ``OutputError/notAFile(path:kind:)`` when the source is not a regular file,
    ///   ``OutputError/cannotWrite(path:reason:)`` when it cannot be read or placed.
    @discardableResult
    public static func place(_ source: String, at destination: String) throws(OutputError) -> Method {
        let kind = FileKind(atPath: source)
        guard kind == .regular else { throw .notAFile(path: source, kind: kind) }
        guard OutputFile.fitsFileSystem(destination) else {
            throw .nameTooLong(path: destination, limit: ResolvedPath.maximumNameLength)
        }
        // link(2) creates the name atomically, complete, and fails rather than replace anything
        // already there: in a fresh folder (the usual merge) this one call is all it takes.
        if link(source, destination) == 0 { return .linked }
        switch errno {
        case EEXIST:
            // Already the same file (a rerun of a merge): rename(2) between two links of one
            // file does nothing and would leave the temporary behind, so there is nothing to do.
            var sourceInfo = stat()
            var destinationInfo = stat()
            if lstat(destination, &destinationInfo) == 0, lstat(source, &sourceInfo) == 0,
                sourceInfo.st_dev == destinationInfo.st_dev, sourceInfo.st_ino == destinationInfo.st_ino
            {
                return .linked
            }
        case EXDEV, EPERM, EMLINK, ENOTSUP, EOPNOTSUPP:
            try copy(source, to: destination)
            return .copied
        default: break  // the path below reports it
        }
        // Something else is there: replaced by the rename of a linked temporary.
        let folder = ResolvedPath.parent(of: destination)
        let name = ResolvedPath.name(of: destination)
        for _ in 0..<16 {
            let temporary = folder + "/" + TemporaryName.make(for: name)
            guard InterruptCleanup.shared.register(temporary) else {
                throw .cannotWrite(path: destination, reason: "interrupted")
            }
            // link(2) does not follow a final symbolic link on Linux; the kind check above
            // refused one anyway.
            if link(source, temporary) == 0 {
                defer { InterruptCleanup.shared.unregister(temporary) }
                let renamed = rename(temporary, destination) == 0
                let failure = errno
                // Gone after a real rename; still there if the destination became a link to the
                // same file meanwhile (rename then does nothing).
                unlink(temporary)
                if !renamed {
                    throw .cannotWrite(path: destination, reason: String(cString: strerror(failure)))
                }
                return .linked
            }
            let failure = errno
            InterruptCleanup.shared.unregister(temporary)
            switch failure {
            case EEXIST: continue  // a clash with a planted name: draw another
            case EXDEV, EPERM, EMLINK, ENOTSUP, EOPNOTSUPP:
                try copy(source, to: destination)
                return .copied
            default:
                throw .cannotWrite(path: destination, reason: String(cString: strerror(failure)))
            }
        }
        throw .cannotWrite(path: destination, reason: "no free temporary name")
    }

    /// Copies `source`'s bytes through an ``OutputFile``, 1 MiB at a time.
    static func copy(_ source: String, to destination: String) throws(OutputError) {
        let fd = open(source, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            throw .cannotWrite(
                path: destination,
                reason:
                    "cannot read '\(MessageText.quoted(source, limit: MessageText.pathLimit))': \(String(cString: strerror(errno)))"
            )
        }
        defer { close(fd) }
        let file = try OutputFile(path: destination)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotWrite(
                    path: destination,
                    reason:
                        "cannot read '\(MessageText.quoted(source, limit: MessageText.pathLimit))': \(String(cString: strerror(errno)))"
                )
            }
            if n == 0 { break }
            let result: Result<Void, OutputError> = buffer.withUnsafeBytes { all in
                Result { () throws(OutputError) in
                    try file.write(UnsafeRawBufferPointer(rebasing: all[0..<n]))
                }
            }
            try result.get()
        }
        try file.commit()
    }
}
