import FitPNG
import ImageComparison
import Testing

@Suite("worst tile")
struct WorstTileTests {
    /// 256×256 white, and the same with the tile at (64, 96) lowered by 6 in R, G and B.
    func smudged() throws -> (RGBAImage, RGBAImage) {
        let white = try TestImages.filled(256, 256, TestImages.white)
        return (white, TestImages.painting(white, x: 64, y: 96, width: 32, height: 32, (249, 249, 249, 255)))
    }

    @Test("a 32×32 smudge barely moves the RMS but fails the tile limit")
    func smudge() throws {
        let (expected, actual) = try smudged()
        let tolerance = Tolerance(rms: 1, maxMismatchedPixels: 0, maxTileDifference: 2)
        let report = try ImageComparator(tolerance: tolerance).compare(expected: expected, actual: actual)
        // RMS by hand: 1024 of 65536 pixels differ by 6 in 3 channels: sqrt(36 / 64) = 0.75.
        #expect(report.rms == 0.75)
        // 6 levels of grey are below pixelmatch's threshold (0.5053 × 36 = 18.2 < 352.15).
        #expect(report.mismatchedPixels == 0)
        #expect(
            report.worstTile == TileDifference(x: 64, y: 96, width: 32, height: 32, meanAbsoluteDifference: 6)
        )
        #expect(!report.pass)
        #expect(tolerance.violations(of: report) == ["tile at (64, 96) differs by 6 > 2"])
        // Without the tile limit the same comparison passes: the global metrics hide it.
        let loose = try ImageComparator(tolerance: Tolerance(rms: 1)).compare(
            expected: expected, actual: actual)
        #expect(loose.pass)
    }

    @Test("edge tiles are smaller and their mean uses their own size")
    func edgeTile() throws {
        let white = try TestImages.filled(70, 50, TestImages.white)
        // One pixel in the bottom-right tile (x 64..<70, y 32..<50: 6×18) differs by 108 in red:
        // mean = 108 / (6 × 18 × 3) = 1/3.
        let changed = TestImages.painting(white, x: 69, y: 49, (147, 255, 255, 255))
        let tile = try ImageMetrics.worstTile(expected: white, actual: changed)
        #expect(tile.x == 64 && tile.y == 32 && tile.width == 6 && tile.height == 18)
        #expect(abs(tile.meanAbsoluteDifference - 1.0 / 3) < 1e-12)
    }

    @Test("identical images report the first tile with 0")
    func identical() throws {
        let (image, _) = try smudged()
        #expect(
            try ImageMetrics.worstTile(expected: image, actual: image)
                == TileDifference(x: 0, y: 0, width: 32, height: 32, meanAbsoluteDifference: 0))
    }
}
