#if SwiftSnapshotTesting
    import FigureSnapshotTesting
    import FitPNG
    import FitPlot
    import Foundation
    import ImageComparison
    import ImageSnapshotTesting
    import SnapshotTesting

    extension SnapshotTesting.Diffing where Value == RGBAImage {
        /// PNG references compared with render-fit's metrics (matplotlib's RMS, pixelmatch, the
        /// worst tile) against `tolerance`. A failure writes expected, actual and the two diff
        /// images under render-fit's artifacts folder (`$RENDER_FIT_SNAPSHOT_ARTIFACTS`, else
        /// `.build/snapshot-artifacts/SnapshotTestingRenderFit/`), adds them to the run's HTML
        /// report, attaches them, and prints the metrics and paths.
        public static func renderFitImage(tolerance: Tolerance = SnapshotDefaults.tolerance) -> Self {
            let ours = SnapshotDiffing<RGBAImage>.image(tolerance: tolerance)
            return .diff(
                toData: { image in Data((try? ours.encode(image)) ?? []) },
                fromData: { data in
                    // swift-snapshot-testing cannot throw here: an unreadable reference becomes a
                    // marker image that the diff reports by name.
                    (try? ours.decode([UInt8](data))) ?? UnreadableReference.image
                },
                diffV2: { reference, actual in
                    BridgeFailure.diff(reference: reference, actual: actual, diffing: ours)
                })
        }
    }

    extension SnapshotTesting.Snapshotting where Value == RGBAImage, Format == RGBAImage {
        /// An `RGBAImage` compared with render-fit's default tolerance, stored as `.png`.
        public static var image: Self { .image() }

        /// An `RGBAImage` compared with `tolerance`, stored as `.png`.
        public static func image(tolerance: Tolerance = SnapshotDefaults.tolerance) -> Self {
            Snapshotting(pathExtension: "png", diffing: .renderFitImage(tolerance: tolerance))
        }
    }

    extension SnapshotTesting.Snapshotting where Value == Figure, Format == RGBAImage {
        /// A FitPlot `Figure` drawn by render-fit's Cairo canvas at scale 1, compared with
        /// render-fit's default tolerance, stored as `.png`.
        public static var image: Self { .image() }

        /// A `Figure` drawn at `scale` (2 for HiDPI), compared with `tolerance`.
        public static func image(scale: Double = 1, tolerance: Tolerance = SnapshotDefaults.tolerance) -> Self
        {
            Snapshotting<RGBAImage, RGBAImage>.image(tolerance: tolerance).pullback { figure in
                do {
                    return try FigureRasterizer.image(of: figure, scale: scale)
                } catch {
                    // The snapshot function cannot throw either: report the rendering error as a
                    // failure of the test, and compare a marker image that cannot match.
                    BridgeFailure.report("render-fit could not draw the figure: \(error)")
                    return UnreadableReference.image
                }
            }
        }
    }
#endif
