import FigureSnapshotTesting
import FitAnimation
import FitPNG
import Foundation
import ImageComparison
import ImageSnapshotTesting
import Testing

/// The figure strategies against committed references (`__Snapshots__/FigureGoldenTests/`),
/// as a user's test would run them; each reference was looked at before it was committed.
@Suite("figure strategies against committed references")
struct FigureGoldenTests {
    /// The frames render-fit's own golden tests pin, written by the frame pipeline.
    static let frameGoldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(
            "FitAnimationTests/__Snapshots__/FrameSnapshotTests"
        )
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

    @Test("the SVG is rasterised at the PNG's pixel size, for any scale")
    func svgRasterSize() throws {
        let figure = try TrainingScene.tutorialFrame(10)
        let document = try FigureRasterizer.svg(of: figure)
        for scale in [0.5, 1, 2] {
            let vector = try SVGRasterizer().image(of: document, pixelsPerPoint: scale)
            let raster = try FigureRasterizer.image(of: figure, scale: scale)
            #expect(vector.width == raster.width && vector.height == raster.height, "scale \(scale)")
        }
    }
}
