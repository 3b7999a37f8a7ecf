import FitPNG
import ImageComparison
import Testing

@Suite("RMS as matplotlib computes it")
struct RootMeanSquareTests {
    @Test("identical images have RMS 0")
    func identical() throws {
        let (image, _) = try TestImages.discPair()
        #expect(try ImageMetrics.rootMeanSquare(expected: image, actual: image) == 0)
    }

    @Test("one changed pixel: RMS by hand")
    func onePixel() throws {
        let white = try TestImages.filled(4, 4, TestImages.white)
        let changed = TestImages.painting(white, x: 1, y: 2, (225, 255, 215, 255))
        // Differences 30, 0, 40 in one of 16 pixels, over RGB only (both opaque):
        // sqrt((30² + 40²) / (16 × 3)) = sqrt(2500 / 48) = 7.216878364870322.
        // matplotlib 3.x compare_images on the same two PNGs printed rms 7.216878364870322.
        let rms = try ImageMetrics.rootMeanSquare(expected: white, actual: changed)
        #expect(abs(rms - (2500.0 / 48).squareRoot()) < 1e-12)
        #expect(abs(rms - 7.216878364870322) < 1e-12)
    }

    @Test("disc shifted by one pixel plus a red square: matches matplotlib")
    func discPair() throws {
        let (expected, actual) = try TestImages.discPair()
        // matplotlib.testing.compare.compare_images(tol=0) on these images (written as PNG by
        // Pillow from the numpy twin of TestImages.disc) printed rms 30.63637090489378.
        let rms = try ImageMetrics.rootMeanSquare(expected: expected, actual: actual)
        #expect(abs(rms - 30.63637090489378) < 1e-9)
    }

    @Test("translucent images are compared over RGBA")
    func translucent() throws {
        let (expected, actual) = try TestImages.translucentDiscPair()
        // matplotlib keeps the alpha channel when its minimum is below 255; compare_images
        // printed rms 20.57976352309877 for this pair.
        let rms = try ImageMetrics.rootMeanSquare(expected: expected, actual: actual)
        #expect(abs(rms - 20.57976352309877) < 1e-9)
    }

    @Test("a change of alpha alone counts once either image is translucent")
    func alphaOnly() throws {
        let white = try TestImages.filled(2, 2, TestImages.white)
        let faded = TestImages.painting(white, x: 0, y: 0, (255, 255, 255, 155))
        // One alpha value differs by 100 among 2×2×4 values: sqrt(100² / 16) = 25.
        #expect(try ImageMetrics.rootMeanSquare(expected: white, actual: faded) == 25)
    }

    @Test("different sizes throw an error that names both sizes")
    func sizeMismatch() throws {
        let small = try TestImages.filled(4, 3, TestImages.white)
        let large = try TestImages.filled(5, 3, TestImages.white)
        let error = #expect(throws: ImageComparisonError.self) {
            try ImageMetrics.rootMeanSquare(expected: small, actual: large)
        }
        #expect(error?.description.contains("4×3") == true)
        #expect(error?.description.contains("5×3") == true)
        #expect(throws: ImageComparisonError.self) {
            try ImageComparator().compare(expected: small, actual: large)
        }
    }
}
