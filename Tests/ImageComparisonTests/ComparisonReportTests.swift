import FitPNG
import Foundation
import ImageComparison
import Testing

@Suite("comparison report and tolerance")
struct ComparisonReportTests {
    @Test("JSON has exactly the documented keys")
    func jsonKeys() throws {
        let (expected, actual) = try TestImages.discPair()
        let report = try ImageComparator().compare(expected: expected, actual: actual)
        let data = try JSONEncoder().encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "width", "height", "rms", "mismatchedPixels", "antiAliasedPixels", "worstTile", "pass",
            ])
        let tile = try #require(object["worstTile"] as? [String: Any])
        #expect(Set(tile.keys) == ["x", "y", "width", "height", "meanAbsoluteDifference"])
        #expect(try JSONDecoder().decode(ComparisonReport.self, from: data) == report)
    }

    @Test("the default tolerance is exact")
    func exactByDefault() throws {
        let white = try TestImages.filled(4, 4, TestImages.white)
        let nudged = TestImages.painting(white, x: 0, y: 0, (254, 255, 255, 255))
        #expect(try ImageComparator().compare(expected: white, actual: white).pass)
        let report = try ImageComparator().compare(expected: white, actual: nudged)
        #expect(!report.pass)
        #expect(report.mismatchedPixels == 0)  // below pixelmatch's threshold, but RMS > 0
        #expect(
            try ImageComparator(tolerance: Tolerance(rms: 0.5)).compare(expected: white, actual: nudged).pass)
    }

    @Test("mismatched pixels are judged against their limit")
    func mismatchLimit() throws {
        let (expected, actual) = try TestImages.discPair()
        let loose = Tolerance(rms: 100, maxMismatchedPixels: 13)
        #expect(try ImageComparator(tolerance: loose).compare(expected: expected, actual: actual).pass)
        let tight = Tolerance(rms: 100, maxMismatchedPixels: 12)
        let report = try ImageComparator(tolerance: tight).compare(expected: expected, actual: actual)
        #expect(!report.pass)
        #expect(tight.violations(of: report) == ["mismatched pixels 13 > 12"])
        #expect(report.summary(tolerance: tight).contains("result: FAIL (mismatched pixels 13 > 12)"))
    }

    @Test(
        "invalid tolerances are refused",
        arguments: [
            Tolerance(rms: -1), Tolerance(rms: .nan), Tolerance(maxMismatchedPixels: -1),
            Tolerance(threshold: 2), Tolerance(maxTileDifference: -0.5),
        ])
    func invalid(tolerance: Tolerance) throws {
        let image = try TestImages.filled(2, 2, TestImages.white)
        #expect(throws: ImageComparisonError.self) {
            try ImageComparator(tolerance: tolerance).compare(expected: image, actual: image)
        }
    }
}
