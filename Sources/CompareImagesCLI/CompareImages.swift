import ArgumentParser
import Foundation
import ImageComparison

/// `compare-images`: compares two PNG images, or two folders of them, with matplotlib's RMS,
/// pixelmatch's mismatched-pixel count and a worst-tile metric.
///
/// Exit status: 0 within tolerance, 1 not (or missing/extra files in folder mode), 2 bad input
/// (missing file, not a PNG, different sizes, bad option value). Every bad-input path prints one
/// line on standard error.
@main
struct CompareImages: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare-images",
        abstract: "Compare two PNG images (or two folders of PNG images) and report how they differ.",
        discussion: """
            Defaults are exact: --rms-tolerance 0 and --max-mismatched-pixels 0 pass only images \
            whose pixels are identical. RMS is matplotlib's compare_images metric (0–255 scale); \
            mismatched pixels are pixelmatch 7.2.0's count (anti-aliased pixels not counted); the \
            worst tile is the 32×32 tile with the largest mean absolute difference.

            With two folders every *.png present in either is compared by name; a file missing from \
            ACTUAL or extra in ACTUAL fails the run, and --diff names a folder that receives a diff \
            image for each file that fails.

            Exit status: 0 within tolerance, 1 not, 2 bad input.

            Examples:
              compare-images expected.png actual.png
              compare-images expected.png actual.png --rms-tolerance 1 --max-mismatched-pixels 20
              compare-images expected.png actual.png --diff diff.png --diff-style matplotlib
              compare-images references/ frames/ --json --diff diffs/
            """
    )

    @Argument(help: "The reference PNG, or a folder of them.")
    var expected: String

    @Argument(help: "The PNG to check, or a folder of them.")
    var actual: String

    @Option(help: "Largest acceptable RMS difference (0–255 scale).")
    var rmsTolerance: Double = 0

    @Option(help: "Largest acceptable number of mismatched pixels.")
    var maxMismatchedPixels: Int = 0

    @Option(help: "pixelmatch colour threshold, 0…1; smaller is stricter.")
    var threshold: Double = 0.1

    @Option(help: "Largest acceptable mean absolute difference in any 32×32 tile (not checked unless given).")
    var maxTileDifference: Double?

    @Flag(help: "Count anti-aliased pixels as mismatched too.")
    var includeAntiAliased = false

    @Option(help: "Write a diff image here (a folder when comparing folders).")
    var diff: String?

    @Option(
        help: "Style of the diff image: pixelmatch (red/yellow over grey) or matplotlib (|difference| × 10).")
    var diffStyle: DiffStyle = .pixelmatch

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    var tolerance: Tolerance {
        Tolerance(
            rms: rmsTolerance, maxMismatchedPixels: maxMismatchedPixels, threshold: threshold,
            maxTileDifference: maxTileDifference, includeAntiAliased: includeAntiAliased)
    }

    func validate() throws {
        do {
            try tolerance.validate()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let expectedKind = try ImageFiles.kind(of: expected)
        let actualKind = try ImageFiles.kind(of: actual)
        switch (expectedKind, actualKind) {
        case (.file, .file):
            try SingleComparison(command: self).run()
        case (.folder, .folder):
            try FolderComparison(command: self).run()
        default:
            throw CompareImagesError.mixedKinds(expected: expected, actual: actual)
        }
    }

    /// Runs the command with this tool's exit statuses: ArgumentParser would use 64 for usage
    /// errors, but every kind of bad input here exits with 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let status as ExitCode {
            Foundation.exit(status.rawValue)
        } catch {
            if exitCode(for: error) == .success {  // --help and friends
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = (error as? CompareImagesError)?.description ?? Self.message(for: error)
            FileHandle.standardError.write(Data("compare-images: \(message)\n".utf8))
            Foundation.exit(ExitStatus.badInput.rawValue)
        }
    }
}

/// The exit statuses of `compare-images`.
enum ExitStatus: Int32 {
    case pass = 0
    case fail = 1
    case badInput = 2

    var exitCode: ExitCode { ExitCode(rawValue) }
}

extension DiffStyle: ExpressibleByArgument {}

/// Prints `value` as JSON with sorted keys (stable output for scripts and diffs).
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    print(String(decoding: data, as: UTF8.self))
}
