import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A built executable started in the background, for tests that act while it runs: a second
/// run against its folders, a signal in the middle of its writing.
final class RunningProcess {
    let process = Process()
    private let capture: URL

    /// Starts `name` with `arguments` (output captured in files, stdin empty).
    init(_ name: String, _ arguments: [String]) throws {
        process.executableURL = try ProcessRunner.executable(named: name)
        process.arguments = arguments
        capture = FileManager.default.temporaryDirectory.appendingPathComponent(
            "running-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: capture.path + "/stderr", contents: nil)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: capture.appendingPathComponent("stderr"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: capture)
    }

    var pid: Int32 { process.processIdentifier }

    /// Waits until `condition` holds (checked every 5 ms), at most `timeout` seconds; false
    /// when the process ended or the time ran out first.
    func wait(timeout: TimeInterval = 60, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            if !process.isRunning { return condition() }
            usleep(5_000)
        }
        return false
    }

    /// Sends `signal` and waits for the end; returns the status as a shell shows it.
    @discardableResult
    func stop(with signal: Int32) -> Int32 {
        kill(process.processIdentifier, signal)
        return finish()
    }

    /// Waits for the end; the status as a shell shows it (128 + signal when killed).
    func finish() -> Int32 {
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
            ? 128 + process.terminationStatus : process.terminationStatus
    }

    var standardError: String {
        (try? String(contentsOfFile: capture.path + "/stderr", encoding: .utf8)) ?? ""
    }
}

/// Everything below `folder`, hidden names included, relative and sorted.
func entries(_ folder: String) -> [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? []
}

/// The hidden names in `folder` other than render-fit's lock file.
func hiddenLeftovers(_ folder: String) -> [String] {
    entries(folder).filter { $0.hasPrefix(".") && $0 != ".render-fit.lock" }
}
