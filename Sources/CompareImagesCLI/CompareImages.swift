import ArgumentParser
import FitMessages
import Foundation
import ImageComparison

#if canImport(Glibc)
    import Glibc

    /// glibc's `mallopt`, which the Glibc module does not export (malloc.h is not in it).
    @_silgen_name("mallopt")
    func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

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

            --ssim-min fails an image whose mean SSIM (Wang et al. 2004 on BT.601 luma, Gaussian \
            window σ 1.5: scikit-image's structural_similarity) is below it. --ignore X,Y,W,H \
            (repeatable) and --mask FILE.png (pixels whose alpha is not 0) leave pixels out of \
            every metric; they are hatched in diff images and in the report.

            --report DIR writes DIR/index.html, a self-contained page (no network) with every \
            image side by side, a wipe slider, a blink toggle and the worst tile zoomed; --junit \
            FILE writes JUnit XML (one test case per image); --github-annotations prints one \
            ::error line per failed image for GitHub Actions.

            Byte-identical files pass without being decoded. Decoding stops after an image's last row and reads at most 1 GiB of a file; images over 100 million pixels are refused.

            Exit status: 0 within tolerance, 1 not, 2 bad input.

            Examples:
              compare-images expected.png actual.png
              compare-images expected.png actual.png --rms-tolerance 1 --max-mismatched-pixels 20
              compare-images expected.png actual.png --diff diff.png --diff-style matplotlib
              compare-images expected.png actual.png --ssim-min 0.99 --ignore 0,0,200,40
              compare-images references/ frames/ --report report/ --junit junit.xml --github-annotations
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

    @Option(
        help:
            "Smallest acceptable mean SSIM, -1…1 (SSIM is measured only when given, or for --diff-style ssim)."
    )
    var ssimMin: Double?

    @Option(
        name: .customLong("ignore"),
        help: ArgumentHelp("Ignore the rectangle X,Y,W,H in every metric (repeatable).", valueName: "x,y,w,h")
    )
    var ignore: [String] = []

    @Option(
        help: ArgumentHelp(
            "Ignore every pixel where this PNG's alpha is not 0 (same size as the images).",
            valueName: "mask.png"))
    var mask: String?

    @Option(
        help: ArgumentHelp(
            "Write an HTML report into this folder (new, empty, or an earlier report).", valueName: "dir"))
    var report: String?

    @Option(help: ArgumentHelp("Write JUnit XML here.", valueName: "file"))
    var junit: String?

    @Flag(help: "Print a GitHub Actions ::error line for each failed image.")
    var githubAnnotations = false

    @Option(help: "Write a diff image here (a folder when comparing folders).")
    var diff: String?

    @Option(
        help:
            "Style of the diff image: pixelmatch (red/yellow over grey), matplotlib (|difference| × 10) or ssim (the SSIM map)."
    )
    var diffStyle: DiffStyle = .pixelmatch

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    var tolerance: Tolerance {
        Tolerance(
            rms: rmsTolerance, maxMismatchedPixels: maxMismatchedPixels, threshold: threshold,
            maxTileDifference: maxTileDifference, includeAntiAliased: includeAntiAliased, minSSIM: ssimMin)
    }

    /// The rectangles of `--ignore`, parsed.
    var ignoredRectangles: [ComparisonMask.Rectangle] {
        ignore.compactMap { ComparisonMask.Rectangle(parsing: $0) }
    }

    /// The comparator for this command's options.
    var comparator: ImageComparator {
        ImageComparator(tolerance: tolerance, measuresSSIM: diffStyle == .ssim)
    }

    func validate() throws {
        do {
            try tolerance.validate()
        } catch {
            throw ValidationError(error.description)
        }
        for text in ignore where ComparisonMask.Rectangle(parsing: text) == nil {
            throw ValidationError(
                "invalid --ignore '\(MessageText.quoted(text))': give X,Y,W,H as integers, X and Y at least 0, W and H at least 1"
            )
        }
        for (name, path) in [("--report", report), ("--junit", junit), ("--mask", mask)]
        where path?.isEmpty == true {
            throw ValidationError("\(name) needs a path")
        }
    }

    func run() throws {
        let expectedKind = try ImageFiles.kind(of: expected)
        let actualKind = try ImageFiles.kind(of: actual)
        let outputs = try RunOutputs(command: self)
        switch (expectedKind, actualKind) {
        case (.file, .file):
            try SingleComparison(command: self, outputs: outputs).run()
        case (.folder, .folder):
            try FolderComparison(command: self, outputs: outputs).run()
        default:
            throw CompareImagesError.mixedKinds(expected: expected, actual: actual)
        }
    }

    /// Runs the command with this tool's exit statuses: ArgumentParser would use 64 for usage
    /// errors, but every kind of bad input here exits with 2.
    static func main() {
        #if canImport(Glibc)
            // Keep freed image buffers in the heap for the next pair instead of returning them
            // to the kernel: a folder of frames otherwise pays fresh zeroed pages for every
            // image (about a tenth of the run). Memory stays bounded by the two pairs in flight.
            _ = glibcMallopt(-3, 512 << 20)  // M_MMAP_THRESHOLD (malloc.h)
            _ = glibcMallopt(-1, 1 << 30)  // M_TRIM_THRESHOLD
        #endif
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
            // One line whatever a path holds: line breaks, escape sequences and bidirectional
            // controls are escaped as every quoted value is.
            let line = MessageText.escaped(message)
            FileHandle.standardError.write(Data("compare-images: \(line)\n".utf8))
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
