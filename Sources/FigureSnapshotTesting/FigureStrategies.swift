import FitPNG
import FitPlot
import ImageComparison
@_exported import ImageSnapshotTesting

extension SnapshotStrategy where Value == Figure, Format == RGBAImage {
    /// The figure drawn by the Cairo image canvas at scale 1, compared as an image with the
    /// default tolerance; stored as `.png`.
    public static var png: SnapshotStrategy { .png() }

    /// The figure drawn at `scale` (device pixels per layout unit: 2 for HiDPI), compared as an
    /// image with `tolerance`; stored as `.png`.
    public static func png(scale: Double = 1, tolerance: Tolerance = SnapshotDefaults.tolerance)
        -> SnapshotStrategy
    {
        SnapshotStrategy<RGBAImage, RGBAImage>.image(tolerance: tolerance).pullback { figure in
            try FigureRasterizer.image(of: figure, scale: scale)
        }
    }
}

extension SnapshotStrategy where Value == Figure, Format == String {
    /// The figure's display list (every drawing call as a line of text, with font-independent
    /// text measurement), stored as `.txt` and compared exactly, with a line diff on failure:
    /// it pins the layout to the thousandth of a unit, where a pixel test guards the look.
    public static var displayList: SnapshotStrategy {
        SnapshotStrategy<String, String>.lines.pullback { FigureRasterizer.displayList(of: $0) }
    }
}

extension SnapshotStrategy where Value == Figure, Format == SVGDocument {
    /// The figure written as SVG by the Cairo vector document, stored as `.svg`, and compared
    /// after rasterising both documents at scale 1 with the default tolerance (byte-identical
    /// documents pass without rasterising).
    public static var svg: SnapshotStrategy { .svg() }

    /// The figure as SVG, compared after rasterising both documents at `scale` pixels per
    /// layout unit, with `tolerance`.
    public static func svg(scale: Double = 1, tolerance: Tolerance = SnapshotDefaults.tolerance)
        -> SnapshotStrategy
    {
        SnapshotStrategy(diffing: .rasterizedSVG(scale: scale, tolerance: tolerance)) { figure in
            try FigureRasterizer.svg(of: figure)
        }
    }
}

extension SnapshotDiffing where Format == SVGDocument {
    /// SVG documents stored as `.svg` and compared as images: both are rasterised with
    /// ``SVGRasterizer`` at `scale` pixels per point and compared with `tolerance`. A mismatch
    /// adds the two rasterisations (`expected-raster.png`, `actual-raster.png`) and the diffs.
    public static func rasterizedSVG(scale: Double = 1, tolerance: Tolerance = SnapshotDefaults.tolerance)
        -> SnapshotDiffing
    {
        SnapshotDiffing(
            pathExtension: "svg",
            artifactSuffixes: [
                "expected-raster.png", "actual-raster.png", "diff-pixelmatch.png", "diff-matplotlib.png",
            ],
            encode: { $0.bytes },
            decode: { SVGDocument(bytes: $0) },
            compare: { reference, actual in
                if reference == actual { return nil }
                let expectedImage: RGBAImage
                let actualImage: RGBAImage
                do {
                    let rasterizer = try SVGRasterizer()
                    expectedImage = try rasterizer.image(of: reference, pixelsPerPoint: scale)
                    actualImage = try rasterizer.image(of: actual, pixelsPerPoint: scale)
                } catch {
                    return SnapshotDifference(
                        message: "the SVG documents differ and cannot be rasterised: \(error)")
                }
                guard
                    var difference = SnapshotDifference.comparingImages(
                        expectedImage, actualImage, tolerance: tolerance,
                        imageSuffixes: ("expected-raster.png", "actual-raster.png"))
                else { return nil }
                difference.artifacts =
                    [
                        SnapshotArtifact(suffix: "expected-raster.png") {
                            try PNGEncoder().encode(expectedImage)
                        },
                        SnapshotArtifact(suffix: "actual-raster.png") {
                            try PNGEncoder().encode(actualImage)
                        },
                    ] + difference.artifacts
                return difference
            })
    }
}
