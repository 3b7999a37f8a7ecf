import FigureSnapshotTesting
import FitAnimation
import FitPNG
import Foundation
import ImageSnapshotTesting
import Testing

/// The figure strategies against committed references (`__Snapshots__/FigureGoldenTests/`),
/// as a user's test would run them; each reference was looked at before it was committed.
@Suite("figure strategies against committed references")
struct FigureGoldenTests {
    /// The frames render-fit's own golden tests pin, written by the frame pipeline.
    static let frameGoldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("FitAnimationTests/__Snapshots__/FrameSnapshotTests")
        .path

    @Test("TrainingScene.tutorialFrame(k) is the frame render-fit writes")
    func tutorialFrameIsRenderFitsFrame() throws {
        // The reference is the pipeline's golden of frame 10 (FrameSnapshotTests), not a
        // recording of this strategy.
        #expect(
            assertSnapshot(
                of: try TrainingScene.tutorialFrame(10), as: .png, named: "default-frame-10", record: .never,
                snapshotDirectory: Self.frameGoldens))
        #expect(throws: AnimationError.self) { try TrainingScene.tutorialFrame(101) }
        #expect(throws: AnimationError.self) { try TrainingScene.tutorialFrame(-1) }
    }

    @Test func frame10Layout() throws {
        assertSnapshot(of: try TrainingScene.tutorialFrame(10), as: .displayList)
    }

    @Test func frame10Vector() throws {
        assertSnapshot(of: try TrainingScene.tutorialFrame(10), as: .svg)
    }

    @Test func frame10AtScale2() throws {
        assertSnapshot(of: try TrainingScene.tutorialFrame(10), as: .png(scale: 2))
    }

    @Test("the SVG's rasterisation stays close to the PNG (vector markers, no pixel snapping)")
    func vectorAndRasterAgree() throws {
        let figure = try TrainingScene.tutorialFrame(10)
        let raster = try FigureRasterizer.image(of: figure)
        let vector = try SVGRasterizer().image(of: FigureRasterizer.svg(of: figure))
        let report = try ImageComparator().compare(expected: raster, actual: vector)
        // Measured: see the README's note; a wrong scale or a missing layer exceeds this by far.
        #expect(report.rms < 12, "rms \(report.rms)")
        #expect(report.worstTile.meanAbsoluteDifference < 40, "\(report.worstTile)")
    }
}
