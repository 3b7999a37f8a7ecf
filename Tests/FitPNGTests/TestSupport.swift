import Foundation
import Testing

@testable import FitPNG

/// Helpers shared by the PNG tests.
enum TestSupport {
    /// Bytes of a file in the Fixtures folder (see Fixtures/make_fixtures.py).
    static func fixture(_ name: String, _ ext: String) throws -> [UInt8] {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures"),
            "missing fixture \(name).\(ext)")
        return [UInt8](try Data(contentsOf: url))
    }

    /// A deterministic image whose every channel varies; alpha is 255 when `opaque`.
    static func pattern(width: Int, height: Int, opaque: Bool) throws -> RGBAImage {
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 4
                pixels[i] = UInt8((x * 37 + y * 11) & 0xFF)
                pixels[i + 1] = UInt8((x * 5 + y * 83 + 7) & 0xFF)
                pixels[i + 2] = UInt8((x * y * 3 + 200) & 0xFF)
                pixels[i + 3] = opaque ? 255 : UInt8((x * 29 + y * 61) & 0xFF)
            }
        }
        return try RGBAImage(width: width, height: height, pixels: pixels)
    }

    /// A fresh empty folder under the system's temporary directory. The caller removes it in a
    /// `defer` right after the call (also when the test fails), so that a run leaves nothing in
    /// the temporary directory.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "fitpng-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Names in a folder, sorted.
    static func contents(of folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    /// The IHDR colour type byte of an encoded PNG (2 = RGB, 6 = RGBA).
    static func colorType(of png: [UInt8]) throws -> UInt8 {
        let chunks = try PNGChunk.parse(png)
        let ihdr = try #require(chunks.first { $0.type == "IHDR" })
        return ihdr.data[9]
    }
}

extension TestSupport {
    /// A PNG assembled byte by byte: `rows` are the packed sample bytes of each row (filter type
    /// 0 is prepended), compressed as zlib "stored" blocks (no deflate), so nothing of libpng or
    /// zlib is involved in making it.
    static func handBuiltPNG(width: Int, height: Int, bitDepth: UInt8, colorType: UInt8, rows: [[UInt8]])
        -> [UInt8]
    {
        let raw: [UInt8] = rows.flatMap { row -> [UInt8] in [0] + row }
        var zlib: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65_535, raw.count - offset)
            let last: UInt8 = offset + count == raw.count ? 1 : 0
            let length = UInt16(count)
            zlib += [
                last, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8),
            ]
            zlib += raw[offset..<(offset + count)]
            offset += count
        } while offset < raw.count
        // Adler-32 of the uncompressed data (RFC 1950).
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in raw {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        zlib.appendBigEndian(b << 16 | a)
        var ihdr: [UInt8] = []
        ihdr.appendBigEndian(UInt32(width))
        ihdr.appendBigEndian(UInt32(height))
        ihdr += [bitDepth, colorType, 0, 0, 0]
        return PNGChunk.signature + PNGChunk(type: "IHDR", data: ihdr).serialized
            + PNGChunk(type: "IDAT", data: zlib).serialized + PNGChunk(type: "IEND", data: []).serialized
    }
}
