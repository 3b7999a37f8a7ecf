import FitPNG
import Foundation
import ImageComparison
import Testing

/// SSIM against scikit-image: the PNG pairs and their mean SSIM were written by
/// `Scripts/peers/ssim_references.py` (scikit-image's `structural_similarity` on BT.601 luma,
/// Gaussian σ 1.5, population covariance, data range 255).
@Suite("SSIM equals scikit-image's")
struct StructuralSimilarityTests {
    struct Case: Decodable {
        var name: String
        var ssim: Double
        var ignore: [[Int]]?
    }

    struct References: Decodable {
        var cases: [Case]
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("SSIMReferences")

    static func references() throws -> [Case] {
        let data = try Data(contentsOf: folder.appendingPathComponent("references.json"))
        return try JSONDecoder().decode(References.self, from: data).cases
    }

    static func image(_ name: String) throws -> RGBAImage {
        try PNGDecoder().decodeFile(atPath: folder.appendingPathComponent(name).path)
    }

    @Test("every committed pair agrees to 1e-6")
    func matchesScikitImage() throws {
        let cases = try Self.references()
        #expect(cases.count >= 5)
        for reference in cases {
            let expected = try Self.image(reference.name + "-expected.png")
            let actual = try Self.image(reference.name + "-actual.png")
            var mask: ComparisonMask?
            if let rects = reference.ignore {
                var m = ComparisonMask(width: expected.width, height: expected.height)
                for r in rects { m.ignore(.init(x: r[0], y: r[1], width: r[2], height: r[3])) }
                mask = m
            }
            let ssim = try StructuralSimilarity.mean(expected: expected, actual: actual, mask: mask)
            #expect(
                abs(ssim - reference.ssim) < 1e-6,
                "\(reference.name): \(ssim) vs scikit-image \(reference.ssim)")
            // The comparator reports the same number.
            let report = try ImageComparator(measuresSSIM: true).compare(
                expected: expected, actual: actual, mask: mask)
            #expect(report.ssim == ssim)
        }
    }

    @Test("identical images have SSIM 1; --ssim-min fails an image below it")
    func verdict() throws {
        let expected = try Self.image("noise-expected.png")
        let actual = try Self.image("noise-actual.png")
        #expect(try StructuralSimilarity.mean(expected: expected, actual: expected) == 1)
        let loose = Tolerance(rms: 255, maxMismatchedPixels: Int.max, minSSIM: 0.95)
        #expect(try ImageComparator(tolerance: loose).compare(expected: expected, actual: actual).pass)
        let strict = Tolerance(rms: 255, maxMismatchedPixels: Int.max, minSSIM: 0.96)
        let report = try ImageComparator(tolerance: strict).compare(expected: expected, actual: actual)
        #expect(!report.pass)
        #expect(strict.violations(of: report) == ["ssim 0.95456 < 0.96"])
        #expect(throws: ImageComparisonError.invalidMinimumSSIM(1.5)) {
            try Tolerance(minSSIM: 1.5).validate()
        }
    }

    @Test("the SSIM map is white where equal and dark at the change")
    func mapImage() throws {
        let expected = try Self.image("speck-expected.png")
        let actual = try Self.image("speck-actual.png")
        let map = try DiffStyle.ssim.diffImage(expected: expected, actual: actual)
        #expect(map[0, 0] == (255, 255, 255, 255))
        #expect(map[8, 7].r < 40)
    }

    @Test("a large image gives the same SSIM split in bands as a reference computed whole")
    func bandsDoNotChangeTheResult() throws {
        // 300 rows: several bands. The mean must be the same as the mean of per-row SSIMs
        // recomputed here from the map of an image whose halves are swapped in time: the
        // band split is an implementation detail, so compare two images that differ only by
        // where the change is, mirrored vertically; SSIM is symmetric under a vertical flip.
        let width = 50
        let height = 300
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        var seed: UInt64 = 7
        for i in 0..<(width * height) {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let v = UInt8(truncatingIfNeeded: seed >> 56)
            pixels[i * 4] = v
            pixels[i * 4 + 1] = v / 2
            pixels[i * 4 + 2] = 255 - v
        }
        let a = try RGBAImage(width: width, height: height, pixels: pixels)
        var changed = pixels
        for i in stride(from: 0, to: changed.count / 3, by: 4) { changed[i] = changed[i] / 2 }
        let b = try RGBAImage(width: width, height: height, pixels: changed)
        func flipped(_ image: RGBAImage) throws -> RGBAImage {
            var out = [UInt8]()
            for y in (0..<height).reversed() {
                out += image.pixels[(y * width * 4)..<((y + 1) * width * 4)]
            }
            return try RGBAImage(width: width, height: height, pixels: out)
        }
        let direct = try StructuralSimilarity.mean(expected: a, actual: b)
        let mirrored = try StructuralSimilarity.mean(expected: try flipped(a), actual: try flipped(b))
        #expect(abs(direct - mirrored) < 1e-12)
        #expect(direct < 1)
    }
}
