import FitPNG
import ImageComparison
import ImageSnapshotTesting
import Testing

@Suite("diff images")
struct DiffImageTests {
    @Test("matplotlib style: |difference| × 10, clipped, opaque")
    func matplotlibStyle() throws {
        let (expected, actual) = try TestImages.discPair()
        let diff = try DiffImages.matplotlib(expected: expected, actual: actual)
        // matplotlib's save_diff_image on the same pair: pixel (x 4, y 4) is [0, 255, 255]
        // (red square on white: 0, 255×10 clipped, 255×10 clipped), (30, 15) is [255, 255, 255],
        // and the RGB values sum to 65890.
        #expect(diff[4, 4] == (0, 255, 255, 255))
        #expect(diff[30, 15] == (255, 255, 255, 255))
        var rgbSum = 0
        for i in stride(from: 0, to: diff.pixels.count, by: 4) {
            rgbSum += Int(diff.pixels[i]) + Int(diff.pixels[i + 1]) + Int(diff.pixels[i + 2])
            #expect(diff.pixels[i + 3] == 255)
        }
        #expect(rgbSum == 65890)
        // Equal pixels are black; a difference of 5 shows as 50.
        let white = try TestImages.filled(2, 1, TestImages.white)
        let nudged = TestImages.painting(white, x: 1, y: 0, (250, 255, 255, 255))
        let small = try DiffImages.matplotlib(expected: white, actual: nudged)
        #expect(small[0, 0] == (0, 0, 0, 255))
        #expect(small[1, 0] == (50, 0, 0, 255))
    }

    @Test("pixelmatch style: red mismatches, yellow anti-aliasing, faded grey elsewhere")
    func pixelmatchStyle() throws {
        let (expected, actual) = try TestImages.discPair()
        let diff = try DiffImages.pixelmatch(expected: expected, actual: actual)
        var red = 0
        var yellow = 0
        var sum = 0
        for y in 0..<diff.height {
            for x in 0..<diff.width {
                let p = diff[x, y]
                if p == (255, 0, 0, 255) { red += 1 }
                if p == (255, 255, 0, 255) { yellow += 1 }
                sum += Int(p.r) + Int(p.g) + Int(p.b) + Int(p.a)
            }
        }
        #expect(red == 13)
        #expect(yellow == 68)
        #expect(diff[4, 4] == (255, 0, 0, 255))
        // Grey copy of the expected image: 255 + (luma − 255) × 0.1, truncated. White stays 255;
        // the blue (30, 60, 200) has luma 67.06, giving 236. The Python pixelmatch output for
        // this pair has the same pixels, and its bytes sum to 1184118.
        #expect(diff[0, 0] == (255, 255, 255, 255))
        #expect(diff[20, 15] == (236, 236, 236, 255))
        #expect(sum == 1_184_118)
    }

    @Test("black fades to 229 in the grey copy")
    func fadedBlack() throws {
        let black = try TestImages.filled(3, 3, (0, 0, 0, 255))
        // 255 + (0 − 255) × 0.1 = 229.5, truncated to 229 as pixelmatch's byte array does.
        let diff = try DiffStyle.pixelmatch.diffImage(expected: black, actual: black)
        #expect(diff[1, 1] == (229, 229, 229, 255))
    }
}

/// A snapshot kept in the repository: the pixelmatch-style diff of the disc pair. It guards the
/// look of the diff images themselves (exact match required: they are computed, not rendered).
@Test("the disc pair's pixelmatch diff matches its stored snapshot")
func discPairDiffSnapshot() throws {
    let (expected, actual) = try TestImages.discPair()
    let diff = try DiffImages.pixelmatch(expected: expected, actual: actual)
    assertImageSnapshot(of: diff, named: "disc-pair-pixelmatch-diff", rmsTolerance: 0)
}
