import FitPNG
import Foundation

/// Why an SVG could not be rasterised.
public enum SVGRasterizerError: Error, CustomStringConvertible, Equatable, Sendable {
    /// No rasteriser was found on PATH.
    case notFound
    /// The rasteriser named by the environment is not an executable file.
    case notExecutable(String)
    /// The rasteriser failed (its exit status and first lines of error output).
    case failed(status: Int32, message: String)
    /// The rasteriser ran longer than the limit.
    case timedOut(seconds: Double)
    /// A private temporary folder could not be made.
    case temporaryFolder(String)

    /// A message that says what to do.
    public var description: String {
        switch self {
        case .notFound:
            return "cannot rasterise SVG: rsvg-convert was not found on PATH; install it (Debian: "
                + "apt-get install librsvg2-bin; Homebrew: brew install librsvg) or set "
                + "\(SVGRasterizer.environmentVariable) to its path"
        case .notExecutable(let path):
            return "\(SVGRasterizer.environmentVariable)=\(path) is not an executable file; name "
                + "rsvg-convert's path, or unset it to search PATH"
        case .failed(let status, let message):
            return "rsvg-convert exited with status \(status): \(message)"
        case .timedOut(let seconds):
            return "rsvg-convert did not finish within \(Int(seconds)) s"
        case .temporaryFolder(let reason):
            return "cannot create a temporary folder for the SVG rasteriser: \(reason)"
        }
    }
}

/// Rasterises SVG documents with librsvg's `rsvg-convert`, as matplotlib's image comparison
/// converts SVG with Inkscape: cairo has an SVG writer but no reader, and comparing SVG as text
/// would fail on every harmless change of cairo's output (ids, number formatting). Reference
/// and actual are rasterised by the same program, so the comparison is exact on one machine.
public struct SVGRasterizer: Sendable {
    /// Names the rasteriser's path, overriding the search of PATH.
    public static let environmentVariable = "RENDER_FIT_SVG_RASTERIZER"
    /// How long one rasterisation may take.
    public static let timeoutSeconds = 60.0

    /// The `rsvg-convert` executable.
    public let executable: String

    /// The rasteriser named by ``environmentVariable``, or `rsvg-convert` found on PATH.
    public init() throws(SVGRasterizerError) {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment[Self.environmentVariable], !chosen.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: chosen) else { throw .notExecutable(chosen) }
            executable = chosen
            return
        }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        guard
            let found = folders.map({ String($0) + "/rsvg-convert" }).first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else { throw .notFound }
        executable = found
    }

    /// The document's pixels, `pixelsPerPoint` device pixels per SVG point (the figure
    /// strategies write one layout unit per point, so this is their scale).
    public func image(of document: SVGDocument, pixelsPerPoint: Double = 1) throws -> RGBAImage {
        let folder = try PrivateTemporaryFolder()
        let input = folder.path + "/in.svg"
        let output = folder.path + "/out.png"
        let errors = folder.path + "/err.txt"
        try Data(document.bytes).write(to: URL(fileURLWithPath: input))
        guard FileManager.default.createFile(atPath: errors, contents: nil) else {
            throw SVGRasterizerError.temporaryFolder("cannot create \(errors)")
        }
        let dpi = 72 * pixelsPerPoint
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--dpi-x", "\(dpi)", "--dpi-y", "\(dpi)", "--format", "png", "--output", output, input,
        ]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if done.wait(timeout: .now() + Self.timeoutSeconds) == .timedOut {
            // SIGKILL: a rasteriser stuck on a pathological document may ignore SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            done.wait()
            throw SVGRasterizerError.timedOut(seconds: Self.timeoutSeconds)
        }
        guard process.terminationStatus == 0 else {
            let text = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            throw SVGRasterizerError.failed(
                status: process.terminationStatus,
                message: text.split(separator: "\n").prefix(3).joined(separator: " / "))
        }
        return try PNGDecoder().decodeFile(atPath: output)
    }
}
