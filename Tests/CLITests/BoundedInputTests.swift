import FitPNG
import Foundation
import Testing

/// Inputs far larger than what they describe, run as a process: a huge ownership list, PNGs
/// with data after the image, frames too large for the job count asked; and text that XML
/// forbids reaching an SVG (issue 11, items 9 and 10).
@Suite("bounded inputs")
struct BoundedInputTests {
    @Test("9. an ownership list above the limit is refused before it is read")
    func hugeManifestIsRefusedUnread() throws {
        let dir = try TemporaryDirectory("bounded-manifest")
        defer { dir.remove() }
        let out = dir.path("frames")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        // A sparse 3 GB file: no disk used, but reading it would take 3 GB of memory.
        let manifest = out + "/manifest.json"
        #expect(FileManager.default.createFile(atPath: manifest, contents: Data("{\"tool\":".utf8)))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: manifest))
        try handle.truncate(atOffset: 3_000_000_000)
        try handle.close()
        let run = try ProcessRunner.run("render-fit", ["--out", out, "--iterations", "5", "--quiet"])
        #expect(run.status == 73)
        #expect(run.standardError.contains("3000000000 bytes, more than the 268435456 bytes"))
        #expect(try dir.contents() == ["frames", "frames/manifest.json"])
    }

    /// A 1×1 RGBA PNG whose zlib stream (stored blocks) goes on for `extraBytes` after the
    /// image's 5 bytes, in IDAT chunks of 64 KiB, cut in its middle (no IEND).
    static func pngWithExtraImageData(extraBytes: Int) -> [UInt8] {
        var ihdr: [UInt8] = [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]
        ihdr = Array(ihdr)
        let row: [UInt8] = [0, 10, 20, 30, 255]  // filter none, one pixel
        var raw = row + [UInt8](repeating: 0, count: extraBytes)
        var zlib: [UInt8] = [0x78, 0x01]
        var offset = 0
        while offset < raw.count {
            let length = min(65_535, raw.count - offset)
            let final: UInt8 = offset + length == raw.count ? 1 : 0
            zlib += [
                final, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF),
                UInt8((~length >> 8) & 0xFF),
            ]
            zlib += raw[offset..<offset + length]
            offset += length
        }
        raw = []
        var bytes = PNGChunk.signature + PNGChunk(type: "IHDR", data: ihdr).serialized
        var start = 0
        while start < zlib.count {
            let end = min(start + 65_536, zlib.count)
            bytes += PNGChunk(type: "IDAT", data: Array(zlib[start..<end])).serialized
            start = end
        }
        return Array(bytes.prefix(bytes.count / 2))  // cut in the middle of the extra data
    }

    @Test("9. compare-images stops at the last row: extra image data and trailing junk are not read")
    func compareImagesReadsOnlyWhatTheImageNeeds() throws {
        let dir = try TemporaryDirectory("bounded-compare")
        defer { dir.remove() }
        let image = try RGBAImage(width: 1, height: 1, pixels: [10, 20, 30, 255])
        let reference = dir.path("reference.png")
        try Data(try PNGEncoder().encode(image)).write(to: URL(fileURLWithPath: reference))
        // 64 MB of image data after the only row, then the file is cut.
        let extra = dir.path("extra.png")
        try Data(Self.pngWithExtraImageData(extraBytes: 64 << 20)).write(to: URL(fileURLWithPath: extra))
        let run = try ProcessRunner.run("compare-images", [reference, extra])
        #expect(run.status == 0, "\(run.standardError)")
        // A valid PNG followed by 2 GB of junk (sparse): compared under a 1 GB memory limit.
        let junk = dir.path("junk.png")
        try Data(try PNGEncoder().encode(image)).write(to: URL(fileURLWithPath: junk))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: junk))
        try handle.truncate(atOffset: 2_000_000_000)
        try handle.close()
        let binary = try ProcessRunner.executable(named: "compare-images").path
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = [
            "-c", "ulimit -v 1000000 && exec \"$0\" \"$1\" \"$2\" >/dev/null", binary, reference, junk,
        ]
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
    }

    @Test("9. frame buffers have a memory budget: large frames get fewer workers, and a note says so once")
    func largeFramesGetFewerWorkers() throws {
        let dir = try TemporaryDirectory("bounded-jobs")
        defer { dir.remove() }
        // 8192 × 8192 frames take 256 MiB each: 8 fit the 2 GiB budget, not 16.
        let run = try ProcessRunner.run(
            "render-fit",
            [
                "--out", dir.path("frames"), "--width", "8192", "--height", "8192", "--jobs", "16",
                "--iterations", "1", "--quiet",
            ],
            timeout: 600)
        #expect(run.status == 0, "\(run.standardError)")
        let notes = run.errorLines.filter { $0.contains("frame-buffer budget") }
        #expect(notes.count == 1)
        #expect(notes.first?.contains("rendering with 8 of the 16 jobs") == true)
        #expect(FileManager.default.fileExists(atPath: dir.path("frames/frame_0001.png")))
    }

    @Test("10. a CSV header with control characters still gives well-formed SVG figures")
    func controlCharactersNeverReachAnSVG() throws {
        let dir = try TemporaryDirectory("xml-controls")
        defer { dir.remove() }
        let csv = dir.path("points.csv")
        let header = "time\u{1}\u{8}s,dist\u{B}ance\u{1F}\n"
        try Data((header + "0,1\n1,3\n2,5\n3,7.5\n").utf8).write(to: URL(fileURLWithPath: csv))
        let figures = dir.path("figures")
        let run = try ProcessRunner.run(
            "render-fit",
            ["--data", csv, "--figures", figures, "--format", "svg", "--iterations", "20", "--quiet"])
        #expect(run.status == 0, "\(run.standardError)")
        let svgs = entries(figures).filter { $0.hasSuffix(".svg") }
        #expect(svgs.count == 6)
        for svg in svgs {
            let lint = Process()
            lint.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
            lint.arguments = ["--noout", figures + "/" + svg]
            lint.standardError = FileHandle.nullDevice
            try lint.run()
            lint.waitUntilExit()
            #expect(lint.terminationStatus == 0, "\(svg) is not well-formed XML")
        }
        let points = try String(contentsOfFile: figures + "/points.svg", encoding: .utf8)
        #expect(points.contains("time\u{FFFD}\u{FFFD}s"))
    }
}
