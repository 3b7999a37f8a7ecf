import FitPNG
import ImageComparison
import Testing

/// The comparator's one-pass scan must give exactly what the separate metrics give.
@Suite("the fused scan equals the separate metrics")
struct DifferenceScanTests {
    /// A seeded image with noise in a few places, opaque or translucent.
    static func noisy(_ width: Int, _ height: Int, seed: UInt64, translucent: Bool, density: Int) throws
        -> (RGBAImage, RGBAImage)
    {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var a = [UInt8](repeating: 0, count: width * height * 4)
        for i in 0..<(width * height) {
            let v = UInt8(truncatingIfNeeded: (i % width) * 3 + (i / width))
            a[i * 4] = v
            a[i * 4 + 1] = v &+ 40
            a[i * 4 + 2] = 200
            a[i * 4 + 3] = translucent && i % 7 == 0 ? 128 : 255
        }
        var b = a
        for i in 0..<(width * height) where Int(next() % 1000) < density {
            b[i * 4 + Int(next() % 4)] = UInt8(truncatingIfNeeded: next())
        }
        return (
            try RGBAImage(width: width, height: height, pixels: a),
            try RGBAImage(width: width, height: height, pixels: b)
        )
    }

    @Test(
        "RMS, pixelmatch and worst tile agree",
        arguments: [(1, 1, false), (7, 5, false), (333, 257, false), (333, 257, true), (64, 600, true)])
    func agree(width: Int, height: Int, translucent: Bool) throws {
        for density in [0, 5, 300] {
            let (a, b) = try Self.noisy(
                width, height, seed: UInt64(width * height), translucent: translucent, density: density)
            let tolerance = Tolerance(rms: 1, maxMismatchedPixels: 10)
            let report = try ImageComparator(tolerance: tolerance).compare(expected: a, actual: b)
            #expect(report.rms == (try ImageMetrics.rootMeanSquare(expected: a, actual: b)))
            let counts = try Pixelmatch.compare(expected: a, actual: b, options: tolerance.pixelmatchOptions)
            #expect(report.mismatchedPixels == counts.mismatchedPixels)
            #expect(report.antiAliasedPixels == counts.antiAliasedPixels)
            #expect(report.worstTile == (try ImageMetrics.worstTile(expected: a, actual: b)))
            if !translucent {
                // The opaque fast path (64-pixel memcmp runs) gives the same report.
                let opaque = try ImageComparator(tolerance: tolerance).compare(
                    expected: a, actual: b, mask: nil, knownOpaque: true)
                #expect(opaque == report)
            }
        }
    }
}
