import Testing

@testable import FitPNG

struct MetadataTests {
    @Test func textChunksAreWrittenAsGiven() throws {
        let image = try TestSupport.pattern(width: 4, height: 3, opaque: true)
        let options = PNGEncoder.Options(text: [
            .software("render-fit 0.1"), .title("Gradient descent"), .description("y = a1·x + a2"),
            .init(keyword: "learning rate", value: "0.1"),
        ])
        let chunks = try PNGChunk.parse(PNGEncoder(options: options).encode(image))
        // tEXt: keyword, NUL, Latin-1 text.
        let texts = chunks.filter { $0.type == "tEXt" }.map { String(decoding: $0.data, as: UTF8.self) }
        #expect(texts == ["Software\0render-fit 0.1", "Title\0Gradient descent", "learning rate\u{0}0.1"])
        // iTXt for the non-ASCII value: keyword, NUL, compression flag 0, method 0, empty
        // language tag, NUL, empty translated keyword, NUL, UTF-8 text.
        let itxt = try #require(chunks.first { $0.type == "iTXt" })
        #expect(itxt.data == Array("Description".utf8) + [0, 0, 0, 0, 0] + Array("y = a1·x + a2".utf8))
        // Text precedes the image data, where readers look for it first.
        let firstIDAT = try #require(chunks.firstIndex { $0.type == "IDAT" })
        #expect(chunks.prefix(firstIDAT).filter { $0.type == "tEXt" || $0.type == "iTXt" }.count == 4)
    }

    @Test(arguments: [(72.0, UInt32(2835)), (96.0, UInt32(3780)), (300.0, UInt32(11811))])
    func dpiBecomesPHYs(dpi: Double, pixelsPerMeter: UInt32) throws {
        // Expected values: dpi / 0.0254 rounded (72 dpi = 2835 px/m and 96 dpi = 3780 px/m are
        // the figures image editors write; 300 / 0.0254 = 11811.02).
        let image = try TestSupport.pattern(width: 2, height: 2, opaque: true)
        let chunks = try PNGChunk.parse(PNGEncoder(options: .init(dpi: dpi)).encode(image))
        let phys = try #require(chunks.first { $0.type == "pHYs" })
        #expect(phys.data.count == 9)
        #expect(phys.data.readBigEndianUInt32(at: 0) == pixelsPerMeter)
        #expect(phys.data.readBigEndianUInt32(at: 4) == pixelsPerMeter)
        #expect(phys.data[8] == 1, "unit: metre")
    }

    @Test func noMetadataByDefault() throws {
        let image = try TestSupport.pattern(width: 2, height: 2, opaque: true)
        let types = try PNGChunk.parse(PNGEncoder().encode(image)).map(\.type)
        #expect(
            types == ["IHDR", "IDAT", "IEND"],
            "no time stamp or other chunk that would break byte-for-byte output")
    }

    @Test func crc32MatchesTheStandardCheckValues() {
        // "123456789" → 0xCBF43926 is the published check value of CRC-32/ISO-HDLC (zlib's crc32);
        // 0xAE426082 is the CRC every PNG stores for its empty IEND chunk.
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)
    }
}
