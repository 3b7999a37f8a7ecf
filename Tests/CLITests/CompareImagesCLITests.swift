import FitPNG
import Foundation
import Testing

/// `compare-images` run as a process: exit statuses, JSON, diff files, folder mode.
@Suite("compare-images")
struct CompareImagesCLITests {
    fileprivate let folder: TemporaryFolder
    let white: RGBAImage
    let dotted: RGBAImage

    init() throws {
        folder = try TemporaryFolder()
        white = try RGBAImage(width: 16, height: 12, fill: (255, 255, 255, 255))
        var pixels = white.pixels
        // A 2×2 red dot at (5, 5): 4 pixels far beyond pixelmatch's threshold, in a flat area.
        for (x, y) in [(5, 5), (6, 5), (5, 6), (6, 6)] {
            let i = (y * 16 + x) * 4
            pixels[i + 1] = 0
            pixels[i + 2] = 0
        }
        dotted = try RGBAImage(width: 16, height: 12, pixels: pixels)
    }

    @Test("identical images exit 0")
    func identical() throws {
        let a = try folder.write(white, "a.png")
        let b = try folder.write(white, "b.png")
        let run = try CompareImagesProcess.run([a, b])
        #expect(run.status == 0)
        #expect(run.stdout.contains("result: pass"))
    }

    @Test("different images exit 1; loosened tolerances make them pass")
    func different() throws {
        let a = try folder.write(white, "a.png")
        let b = try folder.write(dotted, "b.png")
        let strict = try CompareImagesProcess.run([a, b])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("mismatched pixels 4 > 0"))
        // RMS: 4 pixels differ by 255 in G and B: sqrt(4 × 2 × 255² / (192 × 3)) = 30.05.
        let loose = try CompareImagesProcess.run([
            a, b, "--rms-tolerance", "31", "--max-mismatched-pixels", "4",
        ])
        #expect(loose.status == 0)
        let almost = try CompareImagesProcess.run([
            a, b, "--rms-tolerance", "30", "--max-mismatched-pixels", "4",
        ])
        #expect(almost.status == 1)
    }

    @Test("--json prints one object with the documented keys")
    func json() throws {
        let a = try folder.write(white, "a.png")
        let b = try folder.write(dotted, "b.png")
        let run = try CompareImagesProcess.run([a, b, "--json"])
        #expect(run.status == 1)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "width", "height", "rms", "mismatchedPixels", "antiAliasedPixels", "worstTile", "pass",
            ])
        #expect(object["mismatchedPixels"] as? Int == 4)
        #expect(object["width"] as? Int == 16 && object["height"] as? Int == 12)
        #expect(object["pass"] as? Bool == false)
    }

    @Test(
        "bad input exits 2 with one line on stderr",
        arguments: [
            ["missing.png", "a.png"],
            ["a.png", "not-a-png.png"],
            ["a.png", "small.png"],
            ["a.png", "a.png", "--threshold", "2"],
            ["a.png", "a.png", "--rms-tolerance", "abc"],
            ["a.png", "a.png", "--max-mismatched-pixels", "-3"],
            ["a.png", "a.png", "--diff-style", "fancy"],
            ["a.png", "a.png", "--no-such-flag"],
            ["a.png"],
            ["a.png", "."],
        ])
    func badInput(arguments: [String]) throws {
        _ = try folder.write(white, "a.png")
        _ = try folder.write(try RGBAImage(width: 8, height: 8, fill: (0, 0, 0, 255)), "small.png")
        try Data("hello".utf8).write(to: URL(fileURLWithPath: folder.path("not-a-png.png")))
        let run = try CompareImagesProcess.run(arguments, in: folder.root)
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(run.stderr)")
        #expect(lines.first?.hasPrefix("compare-images: ") == true)
    }

    @Test("size mismatch names both sizes")
    func sizeMismatch() throws {
        let a = try folder.write(white, "a.png")
        let b = try folder.write(try RGBAImage(width: 8, height: 8, fill: (0, 0, 0, 255)), "b.png")
        let run = try CompareImagesProcess.run([a, b])
        #expect(run.status == 2)
        #expect(run.stderr.contains("16×12") && run.stderr.contains("8×8"))
    }

    @Test("--diff writes a diff image, and never over an input")
    func diffFile() throws {
        let a = try folder.write(white, "a.png")
        let b = try folder.write(dotted, "b.png")
        let diffPath = folder.path("diff.png")
        let run = try CompareImagesProcess.run([a, b, "--diff", diffPath])
        #expect(run.status == 1)
        let diff = try PNGDecoder().decodeFile(atPath: diffPath)
        #expect(diff.width == 16 && diff.height == 12)
        #expect(diff[5, 5] == (255, 0, 0, 255))  // pixelmatch style by default: red
        let matplotlib = try CompareImagesProcess.run([
            a, b, "--diff", diffPath, "--diff-style", "matplotlib",
        ])
        #expect(matplotlib.status == 1)
        #expect(try PNGDecoder().decodeFile(atPath: diffPath)[5, 5] == (0, 255, 255, 255))

        let before = try Data(contentsOf: URL(fileURLWithPath: b))
        let refused = try CompareImagesProcess.run([a, b, "--diff", b])
        #expect(refused.status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: b)) == before)
    }

    @Test("folders: every PNG by name, missing and extra files fail the run")
    func folders() throws {
        let expected = try folder.subfolder("expected")
        let actual = try folder.subfolder("actual")
        for (name, image) in [("same.png", white), ("changed.png", white), ("gone.png", white)] {
            _ = try folder.write(image, "expected/\(name)")
        }
        for (name, image) in [("same.png", white), ("changed.png", dotted), ("new.png", white)] {
            _ = try folder.write(image, "actual/\(name)")
        }
        try Data("not an image".utf8).write(to: URL(fileURLWithPath: folder.path("actual/notes.txt")))

        let text = try CompareImagesProcess.run([expected, actual, "--diff", folder.path("diffs")])
        #expect(text.status == 1)
        for expectedLine in ["same.png", "changed.png", "gone.png", "new.png", "missing", "extra", "FAIL"] {
            #expect(text.stdout.contains(expectedLine), "table lacks \(expectedLine):\n\(text.stdout)")
        }
        #expect(!text.stdout.contains("notes.txt"))
        #expect(FileManager.default.fileExists(atPath: folder.path("diffs/changed.png")))
        #expect(!FileManager.default.fileExists(atPath: folder.path("diffs/same.png")))

        let json = try CompareImagesProcess.run([expected, actual, "--json"])
        #expect(json.status == 1)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["missing"] as? [String] == ["gone.png"])
        #expect(object["extra"] as? [String] == ["new.png"])
        #expect(object["pass"] as? Bool == false)
        let files = try #require(object["files"] as? [[String: Any]])
        let statuses = Dictionary(
            uniqueKeysWithValues: files.compactMap { file in
                (file["name"] as? String).map { ($0, file["status"] as? String ?? "") }
            })
        #expect(
            statuses == [
                "same.png": "pass", "changed.png": "fail", "gone.png": "missing", "new.png": "extra",
            ])
    }

    @Test("folders: a file that cannot be compared exits 2 after the whole table")
    func folderWithBadFile() throws {
        let expected = try folder.subfolder("e")
        let actual = try folder.subfolder("a")
        _ = try folder.write(white, "e/good.png")
        _ = try folder.write(white, "a/good.png")
        _ = try folder.write(white, "e/broken.png")
        try Data("not a png".utf8).write(to: URL(fileURLWithPath: folder.path("a/broken.png")))
        let run = try CompareImagesProcess.run([expected, actual])
        #expect(run.status == 2)
        #expect(run.stdout.contains("good.png") && run.stdout.contains("broken.png"))
        #expect(run.stdout.contains("1 pass") && run.stdout.contains("1 error"))
    }

    @Test("hostile file names: the table and the error line show them escaped, each row one line")
    func hostileNames() throws {
        let expected = try folder.subfolder("e")
        let actual = try folder.subfolder("a")
        // U+202E would reverse the rest of the row, ESC restyle the terminal, LF split the row.
        let name = "x\u{202E}gnp.\u{1B}[31m\n.png"
        _ = try folder.write(white, "e/\(name)")
        _ = try folder.write(dotted, "a/\(name)")
        let table = try CompareImagesProcess.run([expected, actual])
        #expect(table.status == 1)
        let rows = table.stdout.split(separator: "\n")
        #expect(rows.count == 3, "\(table.stdout)")  // header, the file, the summary
        #expect(rows[1].hasPrefix("x\\u{202E}gnp.\\u{1B}[31m\\u{A}.png  FAIL"), "\(table.stdout)")
        // A missing input named with the same characters: one escaped line on standard error.
        let missing = try CompareImagesProcess.run([
            folder.path("e/\(name)"), folder.path("gone\u{202E}.png"),
        ])
        #expect(missing.status == 2)
        #expect(missing.stderr.split(separator: "\n").count == 1, "\(missing.stderr)")
        #expect(missing.stderr.contains("gone\\u{202E}.png"), "\(missing.stderr)")
        for text in [table.stdout, missing.stderr] {
            #expect(!text.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{1B}" })
        }
    }

    @Test("folders that match exit 0")
    func matchingFolders() throws {
        let expected = try folder.subfolder("e")
        let actual = try folder.subfolder("a")
        for name in ["one.png", "two.png"] {
            _ = try folder.write(white, "e/\(name)")
            _ = try folder.write(white, "a/\(name)")
        }
        let run = try CompareImagesProcess.run([expected, actual])
        #expect(run.status == 0)
        #expect(run.stdout.contains("2 files: 2 pass"))
    }
}

/// Runs the `compare-images` executable built beside the test bundle.
enum CompareImagesProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable: `$COMPARE_IMAGES_BINARY`, or `compare-images` in the folder of the
    /// running test binary (SwiftPM puts products and the test bundle in one folder).
    static func executable() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["COMPARE_IMAGES_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // On macOS the test binary sits inside an .xctest bundle: Contents/MacOS/.
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("compare-images")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw CocoaError(
            .fileNoSuchFile,
            userInfo: [
                NSLocalizedDescriptionKey:
                    "compare-images not found beside \(testBinary.path); build it or set COMPARE_IMAGES_BINARY"
            ])
    }

    static func run(_ arguments: [String], in directory: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a full pipe cannot stall the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A fresh folder under the system temporary folder, removed when the test's value goes away.
final class TemporaryFolder: Sendable {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "compare-images-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ name: String) -> String { root + "/" + name }

    func subfolder(_ name: String) throws -> String {
        try FileManager.default.createDirectory(atPath: path(name), withIntermediateDirectories: true)
        return path(name)
    }

    /// Writes `image` as a PNG named `name`; returns its path.
    func write(_ image: RGBAImage, _ name: String) throws -> String {
        try Data(try PNGEncoder().encode(image)).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }
}
