import Testing

@testable import FitPNG

struct PremultipliedARGB32Tests {
    @Test func opaquePixelsRoundTripExactly() throws {
        let image = try TestSupport.pattern(width: 19, height: 11, opaque: true)
        let argb = image.premultipliedARGB32()
        #expect(argb.count == 19 * 11)
        #expect(argb[0] == 0xFF00_07C8, "pixel (0,0) is (0, 7, 200, 255): alpha high, then R, G, B")
        let back = try argb.withUnsafeBytes {
            try RGBAImage(premultipliedARGB32: $0, width: 19, height: 11, stride: 19 * 4)
        }
        #expect(back == image)
    }

    @Test func partlyTransparentPixelsFollowCairosRounding() throws {
        // Hand-computed with Cairo's formulas: premultiply c·a/255 rounded, un-premultiply
        // (c·255 + a/2) / a. (255, 128, 0, 128) → (128, 64, 0) premultiplied → (255, 128, 0).
        // (10, 200, 99, 3) → round(10·3/255) = 0, round(200·3/255) = 2, round(99·3/255) = 1,
        // back: (0·255+1)/3 = 0, (2·255+1)/3 = 170, (1·255+1)/3 = 85. Alpha 0 → all zero.
        let image = try RGBAImage(
            width: 3, height: 1, pixels: [255, 128, 0, 128, 10, 200, 99, 3, 50, 60, 70, 0])
        let argb = image.premultipliedARGB32()
        #expect(argb == [0x8080_4000, 0x0300_0201, 0x0000_0000])
        let back = try argb.withUnsafeBytes {
            try RGBAImage(premultipliedARGB32: $0, width: 3, height: 1, stride: 12)
        }
        #expect(back.pixels == [255, 128, 0, 128, 0, 170, 85, 3, 0, 0, 0, 0])
    }

    @Test func strideSkipsRowPadding() throws {
        // Two rows of two pixels with 8 bytes of padding a row, filled with junk that must be ignored.
        let rows: [UInt32] = [
            0xFFFF_0000, 0xFF00_FF00, 0xDEAD_BEEF, 0xDEAD_BEEF,
            0xFF00_00FF, 0x8040_2010, 0xDEAD_BEEF, 0xDEAD_BEEF,
        ]
        let image = try rows.withUnsafeBytes {
            try RGBAImage(premultipliedARGB32: $0, width: 2, height: 2, stride: 16)
        }
        // 0x80402010: a = 128, r = (64·255+64)/128 = 128, g = (32·255+64)/128 = 64, b = (16·255+64)/128 = 32.
        #expect(image.pixels == [255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 128, 64, 32, 128])
    }

    @Test func encoderFastPathMatchesTheConversion() throws {
        for opaque in [true, false] {
            let source = try TestSupport.pattern(width: 23, height: 9, opaque: opaque)
            let argb = source.premultipliedARGB32()
            try argb.withUnsafeBytes { raw in
                let png = try PNGEncoder().encode(
                    premultipliedARGB32: raw, width: 23, height: 9, stride: 23 * 4)
                #expect(try TestSupport.colorType(of: png) == (opaque ? 2 : 6))
                let expected = try RGBAImage(premultipliedARGB32: raw, width: 23, height: 9, stride: 23 * 4)
                #expect(try PNGDecoder().decode(png) == expected)
                if opaque { #expect(expected == source) }
            }
        }
    }

    @Test func badGeometryIsRefused() {
        let data = [UInt32](repeating: 0, count: 4)
        data.withUnsafeBytes { raw in
            #expect(throws: PNGError.self) {
                try RGBAImage(premultipliedARGB32: raw, width: 2, height: 2, stride: 4)
            }
            #expect(throws: PNGError.self) {
                try RGBAImage(premultipliedARGB32: raw, width: 2, height: 3, stride: 8)
            }
            #expect(throws: PNGError.self) {
                try PNGEncoder().encode(premultipliedARGB32: raw, width: 0, height: 2, stride: 8)
            }
        }
    }
}
