import FitOutput
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a report could not be written.
public enum ReportWriteError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The folder exists, is not empty and holds no earlier report of this writer.
    case folderNotOurs(String)
    /// The path exists and is not a folder (or is a symbolic link).
    case notAFolder(String)
    /// A file system call failed.
    case io(path: String, operation: String, reason: String)
    /// An image to put in the report could not be encoded or read.
    case image(name: String, reason: String)

    /// A message naming the path and what to do.
    public var description: String {
        switch self {
        case .folderNotOurs(let path):
            return "report folder \(path) exists, is not empty and holds no earlier report; "
                + "give a new or empty folder so that nothing in it is overwritten"
        case .notAFolder(let path):
            return
                "report folder \(path) exists and is not a folder (symbolic links are refused); give a folder"
        case .io(let path, let operation, let reason):
            return "cannot \(operation) \(path): \(reason)"
        case .image(let name, let reason):
            return "cannot put the images of \(name) in the report: \(reason)"
        }
    }
}

/// The only code that writes report files: a folder that is new, empty or marked as an earlier
/// report (by `markerName`), and files written by FitOutput's `OutputFile` (an unpredictable
/// temporary created with `O_EXCL | O_NOFOLLOW`, then renamed into place: a rename replaces a
/// symbolic link, it never writes through it). Nothing outside the folder is touched and
/// nothing is deleted.
final class ReportFolder: @unchecked Sendable {
    /// Marks a folder as written by this report writer; only such a folder is reused.
    static let markerName = ".image-comparison-report"

    let path: String

    /// Checks and creates `path` and its `images` subfolder, and writes the marker. Throws
    /// before writing anything when the folder is not the writer's to use.
    init(path: String) throws(ReportWriteError) {
        self.path = path
        var info = stat()
        if lstat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw .notAFolder(path) }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            if !entries.isEmpty && !entries.contains(Self.markerName) { throw .folderNotOurs(path) }
        } else {
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
                throw .io(path: path, operation: "create the folder", reason: Self.lastError())
            }
        }
        let images = path + "/images"
        if lstat(images, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw .notAFolder(images) }
        } else if mkdir(images, 0o755) != 0 && errno != EEXIST {
            throw .io(path: images, operation: "create the folder", reason: Self.lastError())
        }
        try write(
            Array("image comparison report: this folder may be rewritten by its writer\n".utf8),
            to: Self.markerName)
    }

    /// Writes `bytes` to `relativePath` (a name made by the writer, never by a user) through
    /// render-fit's output layer: an exclusive `O_NOFOLLOW` temporary, renamed into place,
    /// removed on Ctrl-C.
    func write(_ bytes: [UInt8], to relativePath: String) throws(ReportWriteError) {
        let destination = path + "/" + relativePath
        do {
            try OutputFile.write(bytes, toPath: destination)
        } catch {
            throw .io(path: destination, operation: "write", reason: error.description)
        }
    }

    /// Copies the file at `source` (read with a size limit) to `relativePath`.
    func copy(from source: String, to relativePath: String, limit: Int) throws(ReportWriteError) {
        let bytes: [UInt8]
        do {
            bytes = try BoundedFileReader.read(source, limit: limit)
        } catch {
            throw .io(path: source, operation: "read", reason: "\(error)")
        }
        try write(bytes, to: relativePath)
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}

/// Reads a whole file after checking its size, so that a huge or endless file (a FIFO,
/// /dev/zero) is refused instead of filling memory.
public enum BoundedFileReader {
    /// Why a file was not read.
    public enum Failure: Error, CustomStringConvertible, Equatable, Sendable {
        /// `open` failed (no such file, permission…).
        case cannotOpen(reason: String)
        /// A folder, a FIFO, a device…
        case notARegularFile
        /// Larger than the limit.
        case tooLarge(bytes: Int, limit: Int)
        /// `read` failed.
        case readFailed(reason: String)

        /// What went wrong, for a message.
        public var description: String {
            switch self {
            case .cannotOpen(let reason): return reason
            case .notARegularFile: return "not a regular file"
            case .tooLarge(let bytes, let limit):
                return "the file has \(bytes) bytes, more than the limit of \(limit)"
            case .readFailed(let reason): return "read failed: \(reason)"
            }
        }
    }

    /// The bytes of the regular file at `path`, at most `limit` of them.
    public static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(reason: ReportFolder.lastError()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile }
        let size = Int(info.st_size)
        guard size <= limit else { throw .tooLarge(bytes: size, limit: limit) }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        let failure: String? = bytes.withUnsafeMutableBytes { raw in
            while offset < size {
                let got = systemRead(fd, raw.baseAddress! + offset, size - offset)
                if got < 0 {
                    if errno == EINTR { continue }
                    return ReportFolder.lastError()
                }
                if got == 0 { break }  // the file shrank while being read
                offset += got
            }
            return nil
        }
        if let failure { throw .readFailed(reason: failure) }
        return offset == size ? bytes : Array(bytes[0..<offset])
    }
}
