import Foundation
import Testing
@testable import FitPNG

/// Helpers shared by the PNG tests.
enum TestSupport {
    /// Bytes of a file in the Fixtures folder (see Fixtures/make_fixtures.py).
    static func fixture(_ name: String, _ ext: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures"),
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

    /// A fresh empty folder under the system's temporary directory.
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
