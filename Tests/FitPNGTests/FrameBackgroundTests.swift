import Testing

@testable import FitPNG

/// Frames encoded over a `PNGFrameBackground` must decode to exactly their own pixels,
/// whichever bands they change, and be refused when they do not fit the background.
struct FrameBackgroundTests {
    /// 640 pixels wide: bands of 32 rows, so 100 rows make 4 bands, the last one of 4 rows.
    static let width = 640
    static let height = 100

    static func background(opaque: Bool) throws -> RGBAImage {
        try TestSupport.pattern(width: width, height: height, opaque: opaque)
    }

    /// `image` with the rows `rows` painted over by a diagonal stroke (values unlike the pattern's).
    static func changed(_ image: RGBAImage, rows: Range<Int>) throws -> RGBAImage {
        var pixels = image.pixels
        for y in rows {
            for x in max(0, y * 6 - 3)..<min(width, y * 6 + 3) {
                let i = (y * width + x) * 4
                pixels[i] = 31
                pixels[i + 1] = UInt8(y % 256)
                pixels[i + 2] = 180
            }
        }
        return try RGBAImage(width: width, height: height, pixels: pixels)
    }

    static func encode(_ frame: RGBAImage, over background: PNGFrameBackground, mode: PNGColorMode) throws
        -> [UInt8]
    {
        let encoder = PNGEncoder(
            options: PNGEncoder.Options(colorMode: mode, deflateTuning: .plotFrames))
        return try frame.premultipliedARGB32().withUnsafeBytes {
            try encoder.encode(premultipliedARGB32: $0, stride: width * 4, over: background)
        }
    }

    static func makeBackground(_ image: RGBAImage, mode: PNGColorMode) throws -> PNGFrameBackground {
        try image.premultipliedARGB32().withUnsafeBytes {
            try PNGFrameBackground(
                premultipliedARGB32: $0, width: width, height: height, stride: width * 4,
                options: PNGEncoder.Options(colorMode: mode, deflateTuning: .frameBackground))
        }
    }

    @Test(arguments: [PNGColorMode.rgb, .rgba])
    func framesDecodeToTheirOwnPixelsWhicheverBandsChange(mode: PNGColorMode) throws {
        let base = try Self.background(opaque: mode == .rgb)
        let background = try Self.makeBackground(base, mode: mode)
        #expect(background.bandRows == (mode == .rgb ? 32 : 24))
        let changes: [Range<Int>] = [0..<0, 0..<5, 40..<41, 97..<100, 0..<100, 30..<34]
        for rows in changes {
            let frame = try Self.changed(base, rows: rows)
            let png = try Self.encode(frame, over: background, mode: mode)
            // Round-tripped through Cairo's premultiplied form, as the encoder sees it.
            let expected = try frame.premultipliedARGB32().withUnsafeBytes {
                try RGBAImage(
                    premultipliedARGB32: $0, width: Self.width, height: Self.height, stride: Self.width * 4)
            }
            #expect(try PNGDecoder().decode(png) == expected, "rows \(rows) changed")
            #expect(try TestSupport.colorType(of: png) == (mode == .rgb ? 2 : 6))
        }
    }

    @Test func anUnchangedFrameIsTheBackgroundsBandsAndTheSameBytesEveryTime() throws {
        let base = try Self.background(opaque: true)
        let background = try Self.makeBackground(base, mode: .rgb)
        let first = try Self.encode(base, over: background, mode: .rgb)
        #expect(try Self.encode(base, over: background, mode: .rgb) == first)
        // Changing one band recompresses only that band: the bytes before it are the same.
        let changed = try Self.encode(try Self.changed(base, rows: 70..<72), over: background, mode: .rgb)
        #expect(changed != first)
        // (The IDAT's length comes first; compare its data.)
        let a = try Self.idatData(first)
        let b = try Self.idatData(changed)
        let commonPrefix = zip(a, b).prefix { $0 == $1 }.count
        #expect(commonPrefix > a.count / 3, "the first two of four bands are copied unchanged")
    }

    /// The data of a PNG's single IDAT chunk.
    static func idatData(_ png: [UInt8]) throws -> [UInt8] {
        try #require(PNGChunk.parse(png).first { $0.type == "IDAT" }).data
    }

    @Test func framesThatDoNotFitTheBackgroundAreRefused() throws {
        let base = try Self.background(opaque: true)
        let background = try Self.makeBackground(base, mode: .rgb)
        #expect(throws: PNGError.self) { try Self.encode(base, over: background, mode: .rgba) }
        let small = try TestSupport.pattern(width: 10, height: 10, opaque: true)
        #expect(throws: PNGError.self) {
            try small.premultipliedARGB32().withUnsafeBytes {
                try PNGEncoder(options: PNGEncoder.Options(colorMode: .rgb))
                    .encode(premultipliedARGB32: $0, stride: 40, over: background)
            }
        }
        #expect(throws: PNGError.self) { try Self.makeBackground(base, mode: .automatic) }
        #expect(throws: PNGError.self) {
            try base.premultipliedARGB32().withUnsafeBytes {
                try PNGEncoder(options: PNGEncoder.Options(filter: .sub, colorMode: .rgb))
                    .encode(premultipliedARGB32: $0, stride: Self.width * 4, over: background)
            }
        }
    }
}
