import FitPNG
import ImageComparison
import Testing

/// Expected counts come from the Python `pixelmatch` package 0.4.0 run on the numpy twins of
/// these images. That package follows pixelmatch 5.x, which for opaque images computes exactly
/// what 7.2.0 computes (7.x changed only how translucent pixels are flattened, and added the
/// sign of the delta, which does not change counts); for translucent pixels it matches 7.2.0
/// with `checkerboard: false` (flatten over white).
@Suite("pixelmatch 7.2.0 counts")
struct PixelmatchTests {
    @Test("identical images: nothing mismatched")
    func identical() throws {
        let (image, _) = try TestImages.discPair()
        #expect(
            try Pixelmatch.compare(expected: image, actual: image)
                == PixelmatchResult(mismatchedPixels: 0, antiAliasedPixels: 0))
    }

    @Test("a grey change below the threshold passes, above it counts", arguments: [(26, 0), (27, 1)])
    func threshold(step: Int, expectedCount: Int) throws {
        // For a grey change of d in R, G and B the YIQ delta is 0.5053·d² (I and Q cancel);
        // the limit is 0.1² × 35215 = 352.15, so d = 26 (341.6) is similar and d = 27 (368.4)
        // differs. Python pixelmatch: 0 and 1.
        let grey = try TestImages.filled(8, 8, (128, 128, 128, 255))
        let value = UInt8(128 + step)
        let changed = TestImages.painting(grey, x: 4, y: 4, (value, value, value, 255))
        let result = try Pixelmatch.compare(expected: grey, actual: changed)
        #expect(result.mismatchedPixels == expectedCount)
        #expect(result.antiAliasedPixels == 0)
    }

    @Test("a one-pixel shift of an anti-aliased edge is anti-aliasing, not a mismatch")
    func antiAliasedEdgeShift() throws {
        // Black | one grey (128) column | white; the actual image has the edge one column right.
        let white = try TestImages.filled(12, 8, TestImages.white)
        let expected = TestImages.painting(
            TestImages.painting(white, x: 0, y: 0, width: 5, height: 8, (0, 0, 0, 255)),
            x: 5, y: 0, width: 1, height: 8, (128, 128, 128, 255))
        let actual = TestImages.painting(
            TestImages.painting(white, x: 0, y: 0, width: 6, height: 8, (0, 0, 0, 255)),
            x: 6, y: 0, width: 1, height: 8, (128, 128, 128, 255))
        // Python pixelmatch: 0 mismatched, 16 yellow (columns 5 and 6 of every row).
        let result = try Pixelmatch.compare(expected: expected, actual: actual)
        #expect(result == PixelmatchResult(mismatchedPixels: 0, antiAliasedPixels: 16))
        let strict = try Pixelmatch.compare(
            expected: expected, actual: actual, options: PixelmatchOptions(includeAntiAliased: true))
        #expect(strict == PixelmatchResult(mismatchedPixels: 16, antiAliasedPixels: 0))
    }

    @Test("shifted disc plus a red square: 13 mismatched, 68 anti-aliased")
    func discPair() throws {
        let (expected, actual) = try TestImages.discPair()
        // Python pixelmatch (threshold 0.1): returns 13, and its diff output has 68 yellow and
        // 13 red pixels; with includeAA=True it returns 81; thresholds 0.05 and 0.3 return 13.
        #expect(
            try Pixelmatch.compare(expected: expected, actual: actual)
                == PixelmatchResult(mismatchedPixels: 13, antiAliasedPixels: 68))
        #expect(
            try Pixelmatch.compare(
                expected: expected, actual: actual, options: .init(includeAntiAliased: true)
            )
            .mismatchedPixels == 81)
        for threshold in [0.05, 0.3] {
            #expect(
                try Pixelmatch.compare(
                    expected: expected, actual: actual, options: .init(threshold: threshold)
                )
                .mismatchedPixels == 13)
        }
    }

    @Test("translucent pixels flattened over white match the Python package")
    func translucentOverWhite() throws {
        let (expected, actual) = try TestImages.translucentDiscPair()
        // Python pixelmatch (blends with white): 4 mismatched, 64 yellow.
        let result = try Pixelmatch.compare(
            expected: expected, actual: actual, options: .init(checkerboard: false))
        #expect(result == PixelmatchResult(mismatchedPixels: 4, antiAliasedPixels: 64))
    }

    @Test("7.2.0's default pattern background tells white from transparent white")
    func checkerboardBackground() throws {
        let white = try TestImages.filled(3, 3, TestImages.white)
        let clear = try TestImages.filled(3, 3, (255, 255, 255, 0))
        // Over white, opaque white and transparent white look the same: Python pixelmatch says 0.
        #expect(
            try Pixelmatch.compare(expected: white, actual: clear, options: .init(checkerboard: false))
                .mismatchedPixels == 0)
        // Over 7.2.0's background (48 or 207 per channel, from the byte offset) red differs by
        // (255·255 − 48·255) / 255 = 207 for every pixel: far above the threshold, and a flat area
        // is never anti-aliasing, so all 9 pixels count.
        #expect(try Pixelmatch.compare(expected: white, actual: clear).mismatchedPixels == 9)
    }

    @Test("a threshold outside 0…1 is refused")
    func badThreshold() throws {
        let image = try TestImages.filled(2, 2, TestImages.white)
        #expect(throws: ImageComparisonError.invalidThreshold(1.5)) {
            try Pixelmatch.compare(expected: image, actual: image, options: .init(threshold: 1.5))
        }
    }
}
