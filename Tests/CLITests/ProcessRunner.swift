import Foundation

/// What a finished child process left behind.
struct ProcessResult: Sendable {
    /// The exit status (or 128 + signal number when it was killed by a signal).
    let status: Int32
    let standardOutput: String
    let standardError: String

    /// Standard output split into lines, without the empty string after a final newline.
    var outputLines: [String] { Self.lines(standardOutput) }
    /// Standard error split into lines.
    var errorLines: [String] { Self.lines(standardError) }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .reversed().drop(while: \.isEmpty).reversed()
    }
}

/// Why a process could not be run.
struct ProcessRunnerError: Error, CustomStringConvertible {
    let description: String
}

/// Runs this package's built executables (`render-fit`, `compare-images`) as child processes,
/// the way a user runs them.
///
/// `swift test` builds every executable the test target depends on into the same directory
/// as the test runner (`.build/debug/render-fit` beside `render-fitPackageTests.xctest`), so
/// the executables are found next to the running test binary.
enum ProcessRunner {
    /// The build products directory: where the test runner itself lives.
    static var productsDirectory: URL {
        #if os(Linux)
            // The runner is an executable; /proc/self/exe resolves symlinks.
            let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            return runner.deletingLastPathComponent()
        #else
            // On macOS the runner is an .xctest bundle inside the products directory.
            if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
                return bundle.bundleURL.deletingLastPathComponent()
            }
            return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        #endif
    }

    /// The built executable `name`, or an error saying where it was looked for.
    static func executable(named name: String) throws -> URL {
        let url = productsDirectory.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw ProcessRunnerError(
                description: "no executable '\(name)' in \(productsDirectory.path); "
                    + "the test target must depend on its target so that swift test builds it")
        }
        return url
    }

    /// Runs the built executable `name` with `arguments` in `directory` and waits for it,
    /// killing it after `timeout` seconds. Output is captured through files, so a chatty
    /// process cannot block on a full pipe.
    static func run(
        _ name: String, _ arguments: [String], in directory: URL? = nil, timeout: TimeInterval = 120
    ) throws -> ProcessResult {
        try run(executable: try executable(named: name), arguments, in: directory, timeout: timeout)
    }

    /// Runs a program of the system (xmllint, python3…) the same way.
    static func runTool(_ path: String, _ arguments: [String], timeout: TimeInterval = 120) throws
        -> ProcessResult
    {
        try run(executable: URL(fileURLWithPath: path), arguments, in: nil, timeout: timeout)
    }

    private static func run(
        executable: URL, _ arguments: [String], in directory: URL?, timeout: TimeInterval
    ) throws -> ProcessResult {
        let name = executable.lastPathComponent
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }

        let capture = FileManager.default.temporaryDirectory
            .appendingPathComponent("process-runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: capture) }
        let outputURL = capture.appendingPathComponent("stdout")
        let errorURL = capture.appendingPathComponent("stderr")
        guard FileManager.default.createFile(atPath: outputURL.path, contents: nil),
            FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        else { throw ProcessRunnerError(description: "cannot create capture files in \(capture.path)") }
        let output = try FileHandle(forWritingTo: outputURL)
        let error = try FileHandle(forWritingTo: errorURL)
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice

        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                process.waitUntilExit()
                throw ProcessRunnerError(
                    description: "\(name) \(arguments) did not finish within \(timeout) s")
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        process.waitUntilExit()
        try output.close()
        try error.close()

        let status =
            process.terminationReason == .uncaughtSignal
            ? 128 + process.terminationStatus : process.terminationStatus
        return ProcessResult(
            status: status,
            standardOutput: try String(contentsOf: outputURL, encoding: .utf8),
            standardError: try String(contentsOf: errorURL, encoding: .utf8))
    }
}
