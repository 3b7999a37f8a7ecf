import Testing

@testable import FitPNG

/// Bad input gives a typed error with a clear message, never a crash or a huge allocation.
struct CorruptInputTests {
    static func validPNG() throws -> [UInt8] {
        try PNGEncoder().encode(TestSupport.pattern(width: 37, height: 23, opaque: false))
    }

    @Test func emptyInput() {
        #expect(throws: PNGError.empty) { try PNGDecoder().decode([]) }
    }

    @Test func notAPNG() {
        #expect(throws: PNGError.notPNG) { try PNGDecoder().decode(Array("GIF89a, not a PNG at all".utf8)) }
        #expect(throws: PNGError.notPNG) { try PNGDecoder().decode([0x89, 0x50, 0x4E, 0x48]) }
    }

    @Test func cutAtEveryInterestingLength() throws {
        let png = try Self.validPNG()
        // Inside the signature, inside IHDR, just after IHDR, inside the IDAT data, before IEND.
        for length in [1, 7, 8, 12, 20, 33, 40, png.count / 2, png.count - 12, png.count - 1] {
            let error = #expect(throws: PNGError.self, "cut at \(length)") {
                try PNGDecoder().decode(Array(png.prefix(length)))
            }
            #expect(
                error == .truncated(atByte: length),
                "cut at \(length): \(error.map { "\($0)" } ?? "no error")")
        }
    }

    @Test func wrongCRCNamesTheChunk() throws {
        let png = try Self.validPNG()
        var badIHDR = png
        badIHDR[29] ^= 0xFF  // IHDR's CRC occupies bytes 29...32
        #expect(throws: PNGError.crcMismatch(chunk: "IHDR")) { try PNGDecoder().decode(badIHDR) }
        var badIDAT = png
        badIDAT[png.count - 13] ^= 0x01  // the last byte of the IDAT CRC, just before IEND
        #expect(throws: PNGError.crcMismatch(chunk: "IDAT")) { try PNGDecoder().decode(badIDAT) }
        #expect(throws: PNGError.crcMismatch(chunk: "IDAT")) { try PNGChunk.parse(badIDAT) }
    }

    @Test func corruptCompressedDataIsALibpngError() throws {
        var png = try Self.validPNG()
        // Overwrite the IDAT payload (from byte 41, after signature, IHDR and IDAT's header) with
        // garbage and fix the CRC, so that zlib itself meets the bad data.
        let chunks = try PNGChunk.parse(png)
        var idat = try #require(chunks.first { $0.type == "IDAT" })
        for i in 2..<min(idat.data.count, 40) { idat.data[i] = UInt8(i * 91 & 0xFF) }
        png = PNGChunk.signature + chunks.flatMap { $0.type == "IDAT" ? idat.serialized : $0.serialized }
        let error = #expect(throws: PNGError.self) { try PNGDecoder().decode(png) }
        guard case .libpng(let message)? = error else {
            Issue.record("expected a libpng error, got \(String(describing: error))")
            return
        }
        #expect(!message.isEmpty)
    }

    @Test func hugeHeaderIsRefusedBeforeAllocating() throws {
        // A valid IHDR claiming 100000×100000 (10^10 pixels, 40 GB as RGBA) and nothing else.
        var ihdr: [UInt8] = []
        ihdr.appendBigEndian(UInt32(100_000))
        ihdr.appendBigEndian(UInt32(100_000))
        ihdr += [8, 6, 0, 0, 0]
        let header = PNGChunk.signature + PNGChunk(type: "IHDR", data: ihdr).serialized
        let idat = PNGChunk(type: "IDAT", data: [0x78, 0x9C, 0x03, 0x00]).serialized
        let png = header + idat + PNGChunk(type: "IEND", data: []).serialized
        let error = #expect(throws: PNGError.self) { try PNGDecoder().decode(png) }
        #expect(error == .tooLarge(width: 100_000, height: 100_000, limit: 100_000_000))
        #expect(error.map { "\($0)" }?.contains("100000×100000") == true)
        // The limit is the caller's: a small image over a tiny limit is refused too.
        let small = try PNGEncoder().encode(TestSupport.pattern(width: 10, height: 10, opaque: true))
        #expect(throws: PNGError.tooLarge(width: 10, height: 10, limit: 99)) {
            try PNGDecoder(maxPixels: 99).decode(small)
        }
        #expect(try PNGDecoder(maxPixels: 100).decode(small).width == 10)
    }

    @Test func errorMessagesSayWhatHappened() {
        #expect(PNGError.truncated(atByte: 41).description.contains("41"))
        #expect(PNGError.crcMismatch(chunk: "IDAT").description.contains("CRC mismatch in chunk IDAT"))
        #expect(PNGError.notPNG.description.contains("not a PNG"))
    }
}
