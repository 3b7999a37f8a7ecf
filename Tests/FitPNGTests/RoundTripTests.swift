import Foundation
import Testing

@testable import FitPNG

struct RoundTripTests {
    @Test(arguments: [(1, 1), (3, 7), (7, 3), (64, 33)], [true, false])
    func encodeDecodeIsExact(size: (Int, Int), opaque: Bool) throws {
        let image = try TestSupport.pattern(width: size.0, height: size.1, opaque: opaque)
        let png = try PNGEncoder().encode(image)
        #expect(try TestSupport.colorType(of: png) == (opaque ? 2 : 6), "RGB when opaque, RGBA otherwise")
        #expect(try PNGDecoder().decode(png) == image)
    }

    @Test(arguments: PNGRowFilter.allCases)
    func everyFilterAndStrategyRoundTrips(filter: PNGRowFilter) throws {
        let image = try TestSupport.pattern(width: 31, height: 17, opaque: false)
        for strategy in PNGCompressionStrategy.allCases {
            for level in [0, 1, 6, 9] {
                let options = PNGEncoder.Options(compressionLevel: level, filter: filter, strategy: strategy)
                #expect(
                    try PNGDecoder().decode(PNGEncoder(options: options).encode(image)) == image,
                    "level \(level), \(filter), \(strategy)")
            }
        }
    }

    @Test func colorModeForcesTheColorType() throws {
        let opaque = try TestSupport.pattern(width: 5, height: 4, opaque: true)
        let rgba = try PNGEncoder(options: .init(colorMode: .rgba)).encode(opaque)
        #expect(try TestSupport.colorType(of: rgba) == 6)
        #expect(try PNGDecoder().decode(rgba) == opaque)
        let translucent = try TestSupport.pattern(width: 5, height: 4, opaque: false)
        let rgb = try PNGEncoder(options: .init(colorMode: .rgb)).encode(translucent)
        #expect(try TestSupport.colorType(of: rgb) == 2)
        var dropped = translucent
        for i in stride(from: 3, to: dropped.pixels.count, by: 4) { dropped.pixels[i] = 255 }
        #expect(try PNGDecoder().decode(rgb) == dropped, "RGB keeps the colour and drops alpha")
    }

    @Test func encodingIsDeterministic() throws {
        let image = try TestSupport.pattern(width: 40, height: 30, opaque: false)
        let options = PNGEncoder.Options(text: [.software("render-fit")], dpi: 100)
        #expect(try PNGEncoder(options: options).encode(image) == PNGEncoder(options: options).encode(image))
    }

    @Test func fileErrorsNameThePath() throws {
        let image = try TestSupport.pattern(width: 2, height: 2, opaque: true)
        let missing = "/nonexistent-folder-\(UUID().uuidString)/out.png"
        _ = image
        let readError = #expect(throws: PNGError.self) { try PNGDecoder().decodeFile(atPath: missing) }
        #expect(readError.map { "\($0)" }?.contains(missing) == true)
    }

    @Test func invalidOptionsAreRefused() throws {
        let image = try TestSupport.pattern(width: 2, height: 2, opaque: true)
        #expect(throws: PNGError.self) { try PNGEncoder(options: .init(compressionLevel: 10)).encode(image) }
        #expect(throws: PNGError.self) { try PNGEncoder(options: .init(dpi: -3)).encode(image) }
        #expect(throws: PNGError.self) {
            try PNGEncoder(options: .init(text: [.init(keyword: "", value: "x")])).encode(image)
        }
        #expect(throws: PNGError.self) {
            try PNGEncoder(options: .init(text: [.init(keyword: " lead", value: "x")])).encode(image)
        }
        #expect(throws: PNGError.self) {
            try PNGEncoder(
                options: .init(text: [.init(keyword: String(repeating: "k", count: 80), value: "x")])
            ).encode(image)
        }
    }
}
