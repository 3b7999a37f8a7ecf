import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that readers never see half of one: the bytes go to a temporary file in
/// the same directory, which is then renamed over the destination (rename(2) is atomic within
/// a file system). If anything fails, the temporary file is removed and the destination is
/// untouched.
public enum AtomicFileWriter {
    /// Writes `data` to `url` atomically.
    public static func write(_ data: Data, to url: URL) throws(FileWriteError) {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)"
                + ".\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary, options: [.withoutOverwriting])
        } catch {
            throw .cannotWrite(path: url.path, reason: error.localizedDescription)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(path: url.path, reason: reason)
        }
    }

    /// Writes `text` as UTF-8 to `url` atomically.
    public static func write(_ text: String, to url: URL) throws(FileWriteError) {
        try write(Data(text.utf8), to: url)
    }
}

/// Why an output file could not be written.
public enum FileWriteError: Error, Equatable, CustomStringConvertible {
    /// Creating, writing or renaming the file at `path` failed; `reason` is the system's message.
    case cannotWrite(path: String, reason: String)

    /// A message that names the file and the reason.
    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            return "cannot write '\(path)': \(reason)"
        }
    }
}
