import Foundation
import Testing

@testable import FitPNG

/// Every colour type and bit depth decodes to the RGBA that the PNG spec prescribes.
/// The fixtures and their expected pixels come from Fixtures/make_fixtures.py, which builds the
/// PNG bytes with python's zlib/struct and computes the expected RGBA from its synthetic pattern
/// (no libpng involved). As a cross-check, ffmpeg's independent PNG decoder gave the same bytes
/// for every 1–8-bit fixture and differed by at most 1 on the 16-bit ones, where it truncates
/// (v >> 8) instead of rounding v·255/65535 as this decoder documents.
struct DecodeFixturesTests {
    static let fixtures = [
        "gray1", "gray2", "gray4", "gray8", "gray16", "gray8_trns",
        "grayalpha8", "grayalpha16",
        "palette1", "palette2", "palette4", "palette8",
        "palette1_trns", "palette2_trns", "palette4_trns", "palette8_trns",
        "rgb8", "rgb16", "rgb8_trns", "rgba8", "rgba16",
        "gray1_adam7", "palette4_trns_adam7", "rgba8_adam7", "rgb16_adam7",
    ]

    @Test(arguments: fixtures)
    func decodesToExpectedRGBA(_ name: String) throws {
        let png = try TestSupport.fixture(name, "png")
        let expected = try TestSupport.fixture(name, "rgba")
        let image = try PNGDecoder().decode(png)
        #expect(image.width == 13)
        #expect(image.height == 9)
        #expect(image.pixels.count == expected.count)
        let firstDifference = zip(image.pixels, expected).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(
            firstDifference == nil,
            "first differing byte \(firstDifference.map { "\($0.offset): got \($0.element.0), expected \($0.element.1)" } ?? "")"
        )
    }

    /// Decoding a file streams it and stops after the last row (interlaced images included);
    /// the pixels are the same as decoding the bytes held in memory.
    @Test(arguments: fixtures)
    func decodingAFileGivesTheSamePixels(_ name: String) throws {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "png", subdirectory: "Fixtures"))
        #expect(
            try PNGDecoder().decodeFile(atPath: url.path)
                == PNGDecoder().decode(TestSupport.fixture(name, "png")))
    }

    @Test func transparentKeysBecomeAlphaZero() throws {
        // The fixture script paints (10, 20, 30) at x = 3, y = 2 and declares it the tRNS key.
        let image = try PNGDecoder().decode(TestSupport.fixture("rgb8_trns", "png"))
        #expect(image[3, 2] == (10, 20, 30, 0))
    }
}
