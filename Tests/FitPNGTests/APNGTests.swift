import Foundation
import Testing

@testable import FitPNG

struct APNGTests {
    /// Frames that differ from each other: a moving bar on a pattern.
    static func frames(count: Int, width: Int = 21, height: Int = 13, opaque: Bool = true) throws
        -> [RGBAImage]
    {
        try (0..<count).map { index in
            var image = try TestSupport.pattern(width: width, height: height, opaque: opaque)
            for y in 0..<height {
                let i = (y * width + index % width) * 4
                image.pixels.replaceSubrange(i..<(i + 4), with: [0, 0, 255, 255])
            }
            return image
        }
    }

    /// Collects what a writer hands its sink (the codec opens no file).
    final class Collector {
        var bytes: [UInt8] = []
        var sink: APNGWriter.Sink { { [self] in bytes += $0 } }
    }

    static func writeAnimation(
        _ frames: [RGBAImage], delay: (UInt16, UInt16) = (1, 25), loops: UInt32 = 0,
        options: PNGEncoder.Options = .init()
    ) throws -> (unused: String, bytes: [UInt8], folder: String) {
        let folder = try TestSupport.temporaryFolder()
        // The caller removes the folder it gets back; when writing fails it gets none.
        do {
            let collector = Collector()
            let writer = try APNGWriter(
                width: frames[0].width, height: frames[0].height, frameCount: frames.count,
                delay: delay, loopCount: loops, encoder: options, sink: collector.sink)
            for frame in frames { try writer.append(frame) }
            try writer.finish()
            return ("", collector.bytes, folder)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }

    @Test func framesAndDelaysRoundTrip() throws {
        let frames = try Self.frames(count: 5)
        let (_, bytes, folder) = try Self.writeAnimation(frames, delay: (1, 25), loops: 3)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try TestSupport.contents(of: folder).isEmpty, "the codec writes no file")
        let animation = try APNGReader.animation(of: bytes)
        #expect(animation.frames.map(\.image) == frames)
        #expect(animation.frames.allSatisfy { $0.delayNumerator == 1 && $0.delayDenominator == 25 })
        #expect(animation.frames.first?.delaySeconds == 0.04)
        #expect(animation.loopCount == 3)
    }

    @Test func firstFrameIsWhatAPlainDecoderShows() throws {
        let frames = try Self.frames(count: 3)
        let (_, bytes, folder) = try Self.writeAnimation(frames)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try PNGDecoder().decode(bytes) == frames[0])
    }

    @Test func chunkLayoutFollowsTheSpec() throws {
        let frames = try Self.frames(count: 4)
        let (_, bytes, folder) = try Self.writeAnimation(
            frames, options: .init(text: [.software("render-fit")], dpi: 96))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Parsed here chunk by chunk, independently of APNGReader.
        let chunks = try PNGChunk.parse(bytes)
        let types = chunks.map(\.type)
        #expect(types.first == "IHDR")
        #expect(types[1] == "acTL", "acTL before any image data")
        #expect(types.last == "IEND")
        #expect(types.contains("tEXt") && types.contains("pHYs"), "the encoder's metadata is kept once")
        let actl = try #require(chunks.first { $0.type == "acTL" })
        #expect(actl.data.readBigEndianUInt32(at: 0) == 4, "acTL frame count")
        #expect(actl.data.readBigEndianUInt32(at: 4) == 0, "loops forever by default")
        #expect(types.filter { $0 == "fcTL" }.count == 4)
        // fcTL precedes IDAT (so the default image is frame 1), then fcTL/fdAT for the rest.
        let firstFCTL = try #require(types.firstIndex(of: "fcTL"))
        let firstIDAT = try #require(types.firstIndex(of: "IDAT"))
        #expect(firstFCTL < firstIDAT)
        #expect(
            types[firstIDAT...].prefix { $0 == "IDAT" }.count == types.filter { $0 == "IDAT" }.count,
            "IDAT chunks are consecutive")
        // Sequence numbers over fcTL and fdAT: 0, 1, 2, … strictly increasing without gaps.
        let sequence = chunks.filter { $0.type == "fcTL" || $0.type == "fdAT" }.map {
            $0.data.readBigEndianUInt32(at: 0)
        }
        #expect(sequence == (0..<UInt32(sequence.count)).map { $0 })
        for fctl in chunks.filter({ $0.type == "fcTL" }) {
            #expect(fctl.data.count == 26)
            #expect(fctl.data.readBigEndianUInt32(at: 4) == 21 && fctl.data.readBigEndianUInt32(at: 8) == 13)
            #expect(Array(fctl.data[12..<20]) == [UInt8](repeating: 0, count: 8), "offsets 0, 0")
            #expect(
                Array(fctl.data[20..<26]) == [0, 1, 0, 25, 0, 0], "delay 1/25, dispose NONE, blend SOURCE")
        }
    }

    @Test func framesWithAlphaUseRGBAThroughout() throws {
        // First frame translucent → RGBA; a later opaque frame is written as RGBA too.
        var frames = try Self.frames(count: 3, opaque: false)
        frames[2] = try TestSupport.pattern(width: 21, height: 13, opaque: true)
        let (_, bytes, folder) = try Self.writeAnimation(frames)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try TestSupport.colorType(of: bytes) == 6)
        #expect(try APNGReader.frames(of: bytes).map(\.image) == frames)
    }

    @Test func laterTransparencyAfterAnOpaqueStartIsAnError() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let writer = try APNGWriter(
            width: 21, height: 13, frameCount: 2, delay: (1, 10), sink: Collector().sink)
        try writer.append(Self.frames(count: 1)[0])
        let error = #expect(throws: PNGError.self) {
            try writer.append(Self.frames(count: 1, opaque: false)[0])
        }
        #expect(error.map { "\($0)" }?.contains(".rgba") == true)
        // With colorMode .rgba from the start the same sequence works.
        let frames = [try Self.frames(count: 1)[0], try Self.frames(count: 1, opaque: false)[0]]
        let (_, bytes, folder2) = try Self.writeAnimation(frames, options: .init(colorMode: .rgba))
        defer { try? FileManager.default.removeItem(atPath: folder2) }
        #expect(try APNGReader.frames(of: bytes).map(\.image) == frames)
    }

    @Test func preEncodedFramesAreLiftedWithoutReencoding() throws {
        let frames = try Self.frames(count: 3)
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/pre.png"
        let collector = Collector()
        let writer = try APNGWriter(
            width: 21, height: 13, frameCount: 3, delay: (3, 100), sink: collector.sink)
        var encodedIDAT: [[UInt8]] = []
        for frame in frames {
            let png = try PNGEncoder(options: .init(compressionLevel: 9)).encode(frame)
            encodedIDAT.append(try PNGChunk.parse(png).filter { $0.type == "IDAT" }.flatMap(\.data))
            try writer.appendEncodedPNG(png)
        }
        try writer.finish()
        let bytes = collector.bytes
        _ = path
        let chunks = try PNGChunk.parse(bytes)
        // The compressed data in the file is byte for byte the encoder's (fdAT minus its sequence number).
        let stored =
            [chunks.filter { $0.type == "IDAT" }.flatMap(\.data)]
            + chunks.filter { $0.type == "fdAT" }.map { Array($0.data.dropFirst(4)) }
        #expect(stored == encodedIDAT)
        #expect(try APNGReader.frames(of: bytes).map(\.image) == frames)
    }

    @Test func cairoDataAndForeignPNGsAreConvertedToTheAnimationsColorType() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/mixed.png"
        let opaque = try Self.frames(count: 2)
        let translucent = try Self.frames(count: 1, opaque: false)[0]
        let collector = Collector()
        let writer = try APNGWriter(
            width: 21, height: 13, frameCount: 4, delay: (1, 10), encoder: .init(colorMode: .rgba),
            sink: collector.sink)
        // An RGB PNG as the first frame is re-encoded as RGBA, as the caller asked.
        try writer.appendEncodedPNG(PNGEncoder().encode(opaque[0]))
        try translucent.premultipliedARGB32().withUnsafeBytes { raw in
            try writer.append(premultipliedARGB32: raw, width: 21, height: 13, stride: 21 * 4)
        }
        // A 16-bit grey PNG (built by hand, so not from this encoder) is decoded and re-encoded.
        // Samples are k·257, which scale to exactly k in 8 bits.
        let levels: [[UInt8]] = (0..<13).map { y in (0..<21).map { x in UInt8((x * 13 + y * 7) % 256) } }
        let rows: [[UInt8]] = levels.map { row in row.flatMap { k -> [UInt8] in [k, k] } }
        try writer.appendEncodedPNG(
            TestSupport.handBuiltPNG(width: 21, height: 13, bitDepth: 16, colorType: 0, rows: rows))
        let greyPixels: [UInt8] = levels.joined().flatMap { k -> [UInt8] in [k, k, k, 255] }
        let grey = try RGBAImage(width: 21, height: 13, pixels: greyPixels)
        try opaque[1].premultipliedARGB32().withUnsafeBytes { raw in
            try writer.append(premultipliedARGB32: raw, width: 21, height: 13, stride: 21 * 4)
        }
        // The 13×9 fixture does not fit the 21×13 animation.
        #expect(throws: PNGError.self) { try writer.appendEncodedPNG(TestSupport.fixture("gray16", "png")) }
        try writer.finish()
        _ = path
        let bytes = collector.bytes
        #expect(try TestSupport.colorType(of: bytes) == 6)
        let expectedTranslucent = try translucent.premultipliedARGB32().withUnsafeBytes {
            try RGBAImage(premultipliedARGB32: $0, width: 21, height: 13, stride: 21 * 4)
        }
        #expect(
            try APNGReader.frames(of: bytes).map(\.image) == [
                opaque[0], expectedTranslucent, grey, opaque[1],
            ])
    }

    @Test func translucentCairoFrameInAnOpaqueAnimationIsRefused() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let writer = try APNGWriter(
            width: 21, height: 13, frameCount: 2, delay: (1, 10), sink: Collector().sink)
        try Self.frames(count: 1)[0].premultipliedARGB32().withUnsafeBytes { raw in
            try writer.append(premultipliedARGB32: raw, width: 21, height: 13, stride: 21 * 4)
        }
        let translucent = try Self.frames(count: 1, opaque: false)[0].premultipliedARGB32()
        translucent.withUnsafeBytes { raw in
            _ = #expect(throws: PNGError.self) {
                try writer.append(premultipliedARGB32: raw, width: 21, height: 13, stride: 21 * 4)
            }
        }
    }

    @Test func wrongSizesAndCountsWriteNoEnd() throws {
        let collector = Collector()
        let writer = try APNGWriter(
            width: 21, height: 13, frameCount: 3, delay: (1, 10), sink: collector.sink)
        try writer.append(Self.frames(count: 1)[0])
        #expect(throws: PNGError.self) {
            try writer.append(TestSupport.pattern(width: 20, height: 13, opaque: true))
        }
        // Too few frames at finish: an error, no IEND (the caller discards the partial bytes),
        // and the writer refuses anything more.
        #expect(throws: PNGError.self) { try writer.finish() }
        #expect(
            try PNGChunk.parse(collector.bytes + PNGChunk(type: "IEND", data: []).serialized).last?.type
                == "IEND")
        #expect(!collector.bytes.suffix(12).elementsEqual(PNGChunk(type: "IEND", data: []).serialized))
        #expect(throws: PNGError.self) { try writer.append(Self.frames(count: 1)[0]) }
    }

    @Test func readerRejectsBrokenSequences() throws {
        let (_, bytes, folder) = try Self.writeAnimation(try Self.frames(count: 3))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var chunks = try PNGChunk.parse(bytes)
        let last = try #require(chunks.lastIndex { $0.type == "fdAT" })
        chunks[last].data.replaceSubrange(0..<4, with: [0, 0, 0, 99])
        let broken = PNGChunk.signature + chunks.flatMap(\.serialized)
        #expect(throws: PNGError.self) { try APNGReader.frames(of: broken) }
    }

    /// Output of a tool from /usr/bin, or nil when it is not installed.
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    static let hasFFmpeg =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/ffprobe")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/ffmpeg")

    /// ffmpeg's APNG demuxer and decoder are an independent reader: it must count the frames
    /// and decode each to the pixels that were written.
    @Test(.enabled(if: hasFFmpeg, "needs ffprobe and ffmpeg (Scripts/setup.sh --with-ffmpeg)"))
    func ffmpegReadsTheAnimation() throws {
        let frames = try Self.frames(count: 6)
        let (_, bytes, folder) = try Self.writeAnimation(frames)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/anim.png"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let probe = try Self.run(
            "ffprobe",
            [
                "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,nb_read_frames", "-of", "csv=p=0", path,
            ])
        #expect(probe.status == 0)
        #expect(
            String(decoding: probe.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                == "apng,6")
        let decoded = try Self.run(
            "ffmpeg", ["-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "rgba", "-"])
        #expect(decoded.status == 0)
        #expect([UInt8](decoded.output) == frames.flatMap(\.pixels))
    }
}
