import FitPNG
import ImageComparison

/// What an image diffing compared, kept for the HTML report.
public struct ComparedImages: Sendable {
    /// The reference's pixels.
    public var expected: RGBAImage
    /// The asserted pixels.
    public var actual: RGBAImage
    /// The metrics; `nil` when the images could not be compared (different sizes).
    public var report: ComparisonReport?
    /// The limits the metrics were judged against.
    public var tolerance: Tolerance
    /// Artifact suffixes of the PNGs that show expected, actual and the diff (in that order);
    /// the diff is `nil` when there is none.
    public var imageSuffixes: (expected: String, actual: String, diff: String?)

    /// What was compared, and where its images are written.
    public init(
        expected: RGBAImage, actual: RGBAImage, report: ComparisonReport?, tolerance: Tolerance,
        imageSuffixes: (expected: String, actual: String, diff: String?)
    ) {
        self.expected = expected
        self.actual = actual
        self.report = report
        self.tolerance = tolerance
        self.imageSuffixes = imageSuffixes
    }
}

extension SnapshotDiffing where Format == RGBAImage {
    /// Images stored as PNG and compared with render-fit's metrics (matplotlib's RMS,
    /// pixelmatch, the worst tile) against `tolerance`. A mismatch adds the pixelmatch-style and
    /// the matplotlib-style diff images.
    public static func image(tolerance: Tolerance = SnapshotDefaults.tolerance) -> SnapshotDiffing {
        SnapshotDiffing(
            pathExtension: "png", artifactSuffixes: ["diff-pixelmatch.png", "diff-matplotlib.png"],
            encode: { try PNGEncoder().encode($0) },
            decode: { try PNGDecoder().decode($0) },
            compare: { reference, actual in
                SnapshotDifference.comparingImages(
                    reference, actual, tolerance: tolerance, imageSuffixes: ("expected.png", "actual.png"))
            })
    }
}

extension SnapshotDifference {
    /// The comparison every image diffing makes (PNG, and SVG after rasterising): `nil` when
    /// `actual` is within `tolerance` of `reference`; otherwise the metrics and verdict, with
    /// `diff-pixelmatch.png` and `diff-matplotlib.png` artifacts. `imageSuffixes` name the
    /// artifacts that show expected and actual (written by the caller), for the HTML report.
    public static func comparingImages(
        _ reference: RGBAImage, _ actual: RGBAImage, tolerance: Tolerance,
        imageSuffixes: (expected: String, actual: String)
    ) -> SnapshotDifference? {
        let comparator = ImageComparator(tolerance: tolerance)
        let report: ComparisonReport
        do {
            report = try comparator.compare(expected: reference, actual: actual)
        } catch {
            return SnapshotDifference(
                message: "\(error)",
                images: ComparedImages(
                    expected: reference, actual: actual, report: nil, tolerance: tolerance,
                    imageSuffixes: (imageSuffixes.expected, imageSuffixes.actual, nil)))
        }
        if report.pass { return nil }
        let diffs = [DiffStyle.pixelmatch, .matplotlib].map { style in
            SnapshotArtifact(suffix: "diff-\(style.rawValue).png") {
                try PNGEncoder().encode(
                    comparator.diffImage(expected: reference, actual: actual, style: style))
            }
        }
        return SnapshotDifference(
            message: report.summary(tolerance: tolerance), artifacts: diffs,
            images: ComparedImages(
                expected: reference, actual: actual, report: report, tolerance: tolerance,
                imageSuffixes: (imageSuffixes.expected, imageSuffixes.actual, diffs[0].suffix)))
    }
}

extension SnapshotStrategy where Value == RGBAImage, Format == RGBAImage {
    /// An `RGBAImage` compared with the default tolerance (see ``SnapshotDefaults``).
    public static var image: SnapshotStrategy { .image() }

    /// An `RGBAImage` compared with `tolerance`.
    public static func image(tolerance: Tolerance = SnapshotDefaults.tolerance) -> SnapshotStrategy {
        SnapshotStrategy(diffing: .image(tolerance: tolerance))
    }
}
