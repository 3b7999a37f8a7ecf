import FitPNG
import ImageComparison
import Testing

/// Ignored pixels count in no metric and are hatched in diff images.
@Suite("masks")
struct MaskTests {
    @Test("a difference inside an ignored rectangle counts in no metric")
    func ignoredRectangle() throws {
        let white = try TestImages.filled(64, 48, TestImages.white)
        let changed = TestImages.painting(white, x: 10, y: 10, width: 5, height: 4, (255, 0, 0, 255))
        var mask = ComparisonMask(width: 64, height: 48)
        mask.ignore(.init(x: 8, y: 8, width: 10, height: 10))
        #expect(mask.ignoredCount == 100)
        let comparator = ImageComparator(measuresSSIM: true)
        let unmasked = try comparator.compare(expected: white, actual: changed)
        #expect(!unmasked.pass)
        #expect(unmasked.mismatchedPixels == 20)
        let masked = try comparator.compare(expected: white, actual: changed, mask: mask)
        #expect(masked.pass)
        #expect(masked.rms == 0)
        #expect(masked.mismatchedPixels == 0)
        #expect(masked.worstTile.meanAbsoluteDifference == 0)
        #expect(masked.ssim == 1)
        #expect(masked.ignoredPixels == 100)
    }

    @Test("the RMS and the worst tile average over the compared pixels only")
    func averagesOverComparedPixels() throws {
        let black = try TestImages.filled(32, 32, (0, 0, 0, 255))
        // Left half ignored; one pixel outside it differs by 64 in R.
        let changed = TestImages.painting(black, x: 20, y: 3, (64, 0, 0, 255))
        var mask = ComparisonMask(width: 32, height: 32)
        mask.ignore(.init(x: 0, y: 0, width: 16, height: 32))
        let report = try ImageComparator().compare(expected: black, actual: changed, mask: mask)
        // 512 compared pixels × 3 channels: sqrt(64² / 1536).
        #expect(abs(report.rms - (4096.0 / 1536).squareRoot()) < 1e-12)
        #expect(abs(report.worstTile.meanAbsoluteDifference - 64.0 / 1536) < 1e-12)
    }

    @Test("a mask image ignores every pixel whose alpha is not zero")
    func maskImage() throws {
        let base = try TestImages.filled(20, 10, TestImages.white)
        let changed = TestImages.painting(base, x: 2, y: 2, width: 3, height: 3, (0, 0, 0, 255))
        let maskImage = TestImages.painting(
            try TestImages.filled(20, 10, (0, 0, 0, 0)), x: 1, y: 1, width: 5, height: 5, (0, 0, 0, 1))
        var mask = ComparisonMask(width: 20, height: 10)
        try mask.ignore(whereOpaque: maskImage)
        #expect(mask.ignoredCount == 25)
        #expect(try ImageComparator().compare(expected: base, actual: changed, mask: mask).pass)
        #expect(throws: ImageComparisonError.self) {
            var wrong = ComparisonMask(width: 21, height: 10)
            try wrong.ignore(whereOpaque: maskImage)
        }
    }

    @Test("ignored pixels are hatched in every diff style", arguments: DiffStyle.allCases)
    func hatched(style: DiffStyle) throws {
        let base = try TestImages.filled(24, 24, TestImages.white)
        let changed = TestImages.painting(base, x: 0, y: 0, width: 24, height: 8, (0, 0, 0, 255))
        var mask = ComparisonMask(width: 24, height: 24)
        mask.ignore(.init(x: 0, y: 0, width: 24, height: 8))
        let diff = try style.diffImage(expected: base, actual: changed, mask: mask)
        // Stripes of 4 pixels: (0,0) dark grey, (4,0) light grey.
        #expect(diff[0, 0] == (150, 150, 150, 255))
        #expect(diff[4, 0] == (235, 235, 235, 255))
        // Below the mask the images are equal and nothing is drawn as a difference.
        #expect(diff[12, 16].r == diff[12, 16].g)
    }

    @Test("rectangles parse from X,Y,W,H and refuse anything else")
    func parsing() {
        #expect(ComparisonMask.Rectangle(parsing: "1,2,3,4") == .init(x: 1, y: 2, width: 3, height: 4))
        for bad in ["1,2,3", "1,2,3,4,5", "-1,0,3,4", "0,0,0,4", "a,b,c,d", "1, 2,3,4", ""] {
            #expect(ComparisonMask.Rectangle(parsing: bad) == nil, "\(bad)")
        }
    }
}
