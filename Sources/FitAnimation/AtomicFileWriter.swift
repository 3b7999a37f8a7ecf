import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files under a temporary name in the destination's folder and renames them into
/// place, so that an interrupted run never leaves a half-written file under a real name.
///
/// Temporary names look like `.frame_0003.png.<pid>.render-fit-tmp`: hidden, and
/// recognisable, so that a later run can remove leftovers of a run that was killed.
/// Temporaries currently being written are registered, so that a SIGINT/SIGTERM handler
/// (see ``InterruptCleanup``) can remove them before the process exits.
public enum AtomicFileWriter {
    /// The suffix every temporary file carries.
    public static let temporarySuffix = ".render-fit-tmp"

    /// Writes `bytes` to `path` atomically (temporary file + rename).
    public static func write(_ bytes: UnsafeRawBufferPointer, toPath path: String) throws(OutputError) {
        try throughTemporaryFile(path) { fd in writeAll(fd, bytes) }
    }

    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], toPath path: String) throws(OutputError) {
        let result: Result<Void, OutputError> = bytes.withUnsafeBytes { buffer in
            Result { () throws(OutputError) in try write(buffer, toPath: path) }
        }
        try result.get()
    }

    /// Writes a string as UTF-8 to `path` atomically.
    public static func write(_ text: String, toPath path: String) throws(OutputError) {
        try write(Array(text.utf8), toPath: path)
    }

    /// Writes `value` as a manifest-style JSON document (sorted keys, pretty printed, a final
    /// newline) to `path` atomically.
    static func writeJSON(_ value: some Encodable, toPath path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try write(Array(try encoder.encode(value)) + [10], toPath: path)
    }

    /// Writes `path` atomically from `body`, which streams into the open file through a
    /// ``StreamingJSONWriter`` (so large documents are never held whole in memory).
    static func streamJSON(toPath path: String, _ body: (StreamingJSONWriter) -> Void) throws(OutputError) {
        try throughTemporaryFile(path) { fd in
            let writer = StreamingJSONWriter(fd: fd)
            body(writer)
            writer.flush()
            return writer.failure
        }
    }

    /// The one sequence behind every write: register the temporary name for interrupt
    /// clean-up, create it, let `fill` write into it (returning an `errno` on failure),
    /// close, and rename it onto `path`; on any failure the temporary file is removed.
    private static func throughTemporaryFile(_ path: String, fill: (Int32) -> Int32?) throws(OutputError) {
        let temporary = temporaryPath(for: path)
        guard InterruptCleanup.shared.register(temporary) else {
            throw .cannotWrite(path: path, reason: "interrupted")
        }
        defer { InterruptCleanup.shared.unregister(temporary) }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        var failure = fill(fd)
        if close(fd) != 0, failure == nil { failure = errno }
        if failure == nil, rename(temporary, path) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw .cannotWrite(path: path, reason: String(cString: strerror(failure)))
        }
    }

    /// The temporary name used for `path` by this process.
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        return folder + "/." + url.lastPathComponent + ".\(getpid())" + temporarySuffix
    }
}
