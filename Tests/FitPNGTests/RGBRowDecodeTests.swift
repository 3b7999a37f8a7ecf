import FitPNG
import Foundation
import Testing

/// 8-bit RGB files are decoded through their own row path (RGB rows widened to RGBA four
/// pixels at a time, the rest one by one); every width must give back the exact pixels.
@Suite("RGB rows")
struct RGBRowDecodeTests {
    @Test("opaque images of every width from 1 to 13 round-trip exactly", arguments: 1...13)
    func roundTrip(width: Int) throws {
        let height = 3
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        for i in 0..<(width * height) {
            pixels[i * 4] = UInt8(truncatingIfNeeded: i * 37 + 1)
            pixels[i * 4 + 1] = UInt8(truncatingIfNeeded: i * 91 + 7)
            pixels[i * 4 + 2] = UInt8(truncatingIfNeeded: i * 13 + 200)
        }
        let image = try RGBAImage(width: width, height: height, pixels: pixels)
        let bytes = try PNGEncoder().encode(image)
        // The encoder stores an opaque image as colour type 2 (RGB): the path under test.
        #expect(bytes[25] == 2)
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/rgb-rows-\(width).png"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        for checks in [true, false] {
            #expect(try PNGDecoder(checksAdler32: checks).decode(bytes) == image)
            // The streaming file path too.
            #expect(try PNGDecoder(checksAdler32: checks).decodeFile(atPath: path) == image)
        }
    }
}
