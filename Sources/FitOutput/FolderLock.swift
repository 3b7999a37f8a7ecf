import FitMessages
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One run at a time per folder: an advisory `flock(2)` on the folder's `.render-fit.lock`,
/// held while a run writes there. A second run that needs the folder fails at once with
/// ``OutputError/folderLocked(folder:pid:)``, naming the holder's process id (which the lock
/// file holds). The kernel drops the lock when its process ends, however it ends (SIGKILL
/// included), so a stale lock file never blocks anyone; a clean release removes the file.
///
/// Within one process the lock is shared: ``acquire(_:)`` for a folder this process already
/// holds returns another handle on the same lock (two `open`s of one file would otherwise lock
/// each other out), and the lock is released when the last handle goes.
///
/// Frame shards (`render-fit --shard I/N`) that write into one shared folder take the lock in
/// ``Mode/shared`` mode: they may write together (each its own frames and shard manifest),
/// while a full run or a merge, which take it ``Mode/exclusive``, wait for none of them and
/// fail at once while any is writing. Shared holders leave the file empty (no single process
/// id) and the last one out removes it.
public final class FolderLock: Sendable {
    /// Who else may hold the folder at the same time.
    public enum Mode: Sendable {
        /// Nobody: a full run, a merge.
        case exclusive
        /// Other shared holders only: the shards of one run writing into one folder.
        case shared
    }

    /// The lock file's name inside each folder.
    public static let fileName = ".render-fit.lock"

    /// The folder, as the caller spelled it.
    public let folder: String
    private let held: HeldLock

    private init(folder: String, held: HeldLock) {
        self.folder = folder
        self.held = held
    }

    deinit {
        Self.registry.withLock { locks in
            guard let entry = locks[held.key] else { return }
            if entry.count <= 1 {
                locks[held.key] = nil
                entry.lock.release()
            } else {
                locks[held.key] = (entry.lock, entry.count - 1)
            }
        }
    }

    /// Every lock this process holds, by resolved folder, with its handle count.
    private static let registry = Locked<[String: (lock: HeldLock, count: Int)]>([:])

    /// Locks `folder` (which must exist) for this process.
    /// - Throws: ``OutputError/folderLocked(folder:pid:)`` when another process holds it,
    ///   ``OutputError/notAFile(path:kind:)`` when the lock file's name holds something else,
    ///   ``OutputError/cannotLock(folder:reason:)`` when it cannot be created or locked.
    public static func acquire(_ folder: String, mode: Mode = .exclusive) throws(OutputError) -> FolderLock {
        let key = ResolvedPath.resolve(folder)
        let result: Result<HeldLock, OutputError> = registry.withLock { locks in
            if let entry = locks[key] {
                locks[key] = (entry.lock, entry.count + 1)
                return .success(entry.lock)
            }
            do throws(OutputError) {
                let lock = try HeldLock(folder: folder, key: key, mode: mode)
                locks[key] = (lock, 1)
                return .success(lock)
            } catch {
                return .failure(error)
            }
        }
        return FolderLock(folder: folder, held: try result.get())
    }

    /// Locks every folder of `folders` (duplicates and spellings of one place count once), in
    /// a fixed order.
    public static func acquireAll(_ folders: [String], mode: Mode = .exclusive) throws(OutputError)
        -> [FolderLock]
    {
        var seen: Set<String> = []
        var locks: [FolderLock] = []
        for folder in folders.sorted() where seen.insert(ResolvedPath.resolve(folder)).inserted {
            locks.append(try acquire(folder, mode: mode))
        }
        return locks
    }
}

/// The open, locked lock file of one folder.
private final class HeldLock: Sendable {
    let key: String
    let path: String
    private let fd: Int32
    private let mode: FolderLock.Mode

    init(folder: String, key: String, mode: FolderLock.Mode) throws(OutputError) {
        self.mode = mode
        self.key = key
        path = (folder.hasSuffix("/") ? folder : folder + "/") + FolderLock.fileName
        var attempts = 0
        while true {
            attempts += 1
            let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o666)
            guard fd >= 0 else {
                let failure = errno
                let kind = FileKind(atPath: path)
                if kind != .regular && kind != .missing { throw .notAFile(path: path, kind: kind) }
                throw .cannotLock(folder: folder, reason: String(cString: strerror(failure)))
            }
            var info = stat()
            guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                close(fd)
                throw .notAFile(path: path, kind: FileKind(atPath: path))
            }
            if flock(fd, (mode == .shared ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0 {
                let failure = errno
                let pid = failure == EWOULDBLOCK ? Self.recordedPID(fd) : nil
                close(fd)
                if failure == EWOULDBLOCK { throw .folderLocked(folder: folder, pid: pid) }
                throw .cannotLock(folder: folder, reason: String(cString: strerror(failure)))
            }
            // The holder before us may have removed the file after we opened it: then our lock
            // is on a file nobody else will open, so start again with the file now there.
            var now = stat()
            guard lstat(path, &now) == 0, now.st_ino == info.st_ino, now.st_dev == info.st_dev else {
                close(fd)
                if attempts < 8 { continue }
                throw .cannotLock(folder: folder, reason: "the lock file keeps being replaced")
            }
            guard Self.holdsOnlyAProcessID(fd) else {
                close(fd)
                throw .cannotLock(
                    folder: folder,
                    reason:
                        "'\(MessageText.quoted(path, limit: MessageText.pathLimit))' holds something other than a process id; it is not render-fit's, move it away"
                )
            }
            // An exclusive holder names itself; shared holders are many, so the file stays
            // empty (a process id left by an earlier exclusive holder would mislead).
            _ = ftruncate(fd, 0)
            if mode == .exclusive {
                let text = Array("\(getpid())\n".utf8)
                _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
            }
            self.fd = fd
            InterruptCleanup.shared.registerLock(path)
            return
        }
    }

    /// Removes the lock file (while still holding the lock, so no one else can have it) and
    /// closes it, which releases the lock.
    func release() {
        var mine = stat()
        var there = stat()
        // A shared holder removes the file only when it is the last one: when it can take the
        // lock exclusively. (The conversion is not atomic; if another process slips in, it
        // holds the lock and the file stays, which is harmless.)
        let alone = mode == .exclusive || flock(fd, LOCK_EX | LOCK_NB) == 0
        if alone, fstat(fd, &mine) == 0, lstat(path, &there) == 0, mine.st_ino == there.st_ino,
            mine.st_dev == there.st_dev
        {
            unlink(path)
        }
        InterruptCleanup.shared.unregisterLock(path)
        close(fd)
    }

    private static func contents(_ fd: Int32) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 64, 0) }
        return n < 0 ? nil : Array(buffer.prefix(n))
    }

    /// The process id the holder wrote, if it is there yet.
    static func recordedPID(_ fd: Int32) -> Int32? {
        guard let bytes = contents(fd) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text)
    }

    /// Empty, or digits and a newline: the only contents render-fit ever gives its lock file.
    static func holdsOnlyAProcessID(_ fd: Int32) -> Bool {
        guard let bytes = contents(fd), bytes.count < 64 else { return false }
        if bytes.isEmpty { return true }
        return bytes.last == 10 && bytes.dropLast().allSatisfy { (48...57).contains($0) }
    }
}
