import Foundation

/// A file written under a temporary name in the destination's folder and renamed onto the
/// destination by `commit()`. Dropped without a commit (an error, an interrupted run), it
/// closes and deletes the temporary file, so the destination never holds a partial file.
final class AtomicFileOutput {
    let path: String
    let temporaryPath: String
    private var file: UnsafeMutablePointer<FILE>?

    init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        // Random suffix: two writers of the same destination never share a temporary file.
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        temporaryPath = folder + "/." + url.lastPathComponent + "." + suffix + ".tmp"
        guard let file = fopen(temporaryPath, "wb") else {
            throw PNGError.io(
                path: temporaryPath, operation: "create temporary file for",
                reason: String(cString: strerror(errno)))
        }
        self.file = file
    }

    /// Appends bytes at the end of the temporary file.
    func write(_ bytes: [UInt8]) throws {
        guard let file else {
            throw PNGError.io(path: path, operation: "write", reason: "the file is already closed")
        }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == bytes.count else {
            throw PNGError.io(
                path: temporaryPath, operation: "write", reason: String(cString: strerror(errno)))
        }
    }

    /// Flushes, closes and renames the temporary file onto `path`.
    func commit() throws {
        guard let file else {
            throw PNGError.io(path: path, operation: "commit", reason: "the file is already closed")
        }
        self.file = nil
        let flushed = fflush(file) == 0
        let reason = flushed ? "" : String(cString: strerror(errno))
        guard fclose(file) == 0, flushed else {
            unlink(temporaryPath)
            throw PNGError.io(
                path: temporaryPath, operation: "close",
                reason: flushed ? String(cString: strerror(errno)) : reason)
        }
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw PNGError.io(path: path, operation: "rename temporary file onto", reason: reason)
        }
    }

    /// Closes and deletes the temporary file without touching `path`.
    func discard() {
        if let file {
            fclose(file)
            self.file = nil
            unlink(temporaryPath)
        }
    }

    deinit {
        discard()
    }
}
