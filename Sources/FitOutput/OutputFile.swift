import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One output file on its way to its name: created exclusively under a ``TemporaryName`` in
/// the destination's own folder, filled, then published by `rename(2)` in ``commit()``.
///
/// The temporary is opened with `O_CREAT | O_EXCL | O_NOFOLLOW` (mode 0666 less the umask), so
/// a file or symbolic link planted at any name never receives a byte; the rename replaces
/// the destination's directory entry (a link there is replaced, not written through). The
/// name is registered with ``InterruptCleanup`` before it is created, so Ctrl-C removes it.
/// Dropped without ``commit()`` (an error, an interrupt), the temporary is deleted.
public final class OutputFile {
    /// Where ``commit()`` puts the file.
    public let path: String
    /// The hidden name being written.
    public let temporaryPath: String
    private var descriptor: Int32

    /// Creates the temporary for `path`.
    /// - Throws: ``OutputError/nameTooLong(path:limit:)`` when the temporary name would be too
    ///   long, ``OutputError/cannotWrite(path:reason:)`` when it cannot be created.
    public init(path: String) throws(OutputError) {
        self.path = path
        let name = ResolvedPath.name(of: path)
        let folder = ResolvedPath.parent(of: path)
        guard Self.fitsFileSystem(path) else {
            throw .nameTooLong(path: path, limit: ResolvedPath.maximumNameLength)
        }
        var attempt = 0
        while true {
            let candidate = folder + "/" + TemporaryName.make(for: name)
            guard InterruptCleanup.shared.register(candidate) else {
                throw .cannotWrite(path: path, reason: "interrupted")
            }
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if fd >= 0 {
                temporaryPath = candidate
                descriptor = fd
                return
            }
            let failure = errno
            InterruptCleanup.shared.unregister(candidate)
            attempt += 1
            // A clash with an existing name: draw another (someone planted one, or chance).
            guard failure == EEXIST, attempt < 16 else {
                throw .cannotWrite(path: path, reason: String(cString: strerror(failure)))
            }
        }
    }

    /// True when `path`'s name, with the temporary suffix, and the whole temporary path fit
    /// the file system's limits.
    public static func fitsFileSystem(_ path: String) -> Bool {
        ResolvedPath.name(of: path).utf8.count + TemporaryName.addedLength <= ResolvedPath.maximumNameLength
            && path.utf8.count + TemporaryName.addedLength + 1 <= ResolvedPath.maximumPathLength
    }

    deinit { discard() }

    /// The open temporary's file descriptor (for a child process to write into); -1 once
    /// committed or discarded.
    public var fileDescriptor: Int32 { descriptor }

    /// Appends `bytes`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: "the file is already closed") }
        if let failure = writeAll(descriptor, bytes) {
            throw .cannotWrite(path: path, reason: String(cString: strerror(failure)))
        }
    }

    /// Appends `bytes`.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        let result: Result<Void, OutputError> = bytes.withUnsafeBytes { buffer in
            Result { () throws(OutputError) in try write(buffer) }
        }
        try result.get()
    }

    /// Closes the temporary and renames it onto ``path``; on failure the temporary is removed.
    public func commit() throws(OutputError) {
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: "the file is already closed") }
        let fd = descriptor
        descriptor = -1
        defer { InterruptCleanup.shared.unregister(temporaryPath) }
        var failure: Int32?
        if close(fd) != 0 { failure = errno }
        if failure == nil, rename(temporaryPath, path) != 0 { failure = errno }
        if let failure {
            unlink(temporaryPath)
            throw .cannotWrite(path: path, reason: String(cString: strerror(failure)))
        }
    }

    /// Closes and deletes the temporary without touching ``path`` (nothing once committed).
    public func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporaryPath)
        InterruptCleanup.shared.unregister(temporaryPath)
    }

    // MARK: Whole files

    /// Writes `bytes` to `path` (temporary, then rename).
    public static func write(_ bytes: UnsafeRawBufferPointer, toPath path: String) throws(OutputError) {
        let file = try OutputFile(path: path)
        try file.write(bytes)
        try file.commit()
    }

    /// Writes `bytes` to `path` (temporary, then rename).
    public static func write(_ bytes: [UInt8], toPath path: String) throws(OutputError) {
        let file = try OutputFile(path: path)
        try file.write(bytes)
        try file.commit()
    }

    /// Writes `text` as UTF-8 to `path`.
    public static func write(_ text: String, toPath path: String) throws(OutputError) {
        try write(Array(text.utf8), toPath: path)
    }

    /// Writes `value` as a manifest-style JSON document (sorted keys, pretty printed, a final
    /// newline) to `path`.
    public static func writeJSON(_ value: some Encodable, toPath path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try write(Array(try encoder.encode(value)) + [10], toPath: path)
    }
}
