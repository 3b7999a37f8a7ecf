import FitAnimation
import FitCairo
import FitPNG
import ImageSnapshotTesting
import Testing

/// Golden images of what users see: frames of the default run, a French frame, a diverging
/// frame, scale 2, and every article figure. References live in
/// `__Snapshots__/FrameSnapshotTests/`; each was looked at before it was accepted.
///
/// Tolerances: RMS 0.5 and 0 mismatched pixels (pixelmatch, anti-aliasing excluded) absorb
/// rounding differences between cairo/pixman builds while any visible change fails.
@Suite struct FrameSnapshotTests {
    /// Frame `index` of `scene` as pixels, drawn the way `render-fit` draws it.
    func frame(_ index: Int, of scene: TrainingScene) throws -> RGBAImage {
        let renderer = try FrameRenderer(source: scene)
        let settings = scene.settings
        let canvas = try CairoImageCanvas(
            width: Double(settings.width), height: Double(settings.height), scale: settings.scale)
        let png = try renderer.renderFrame(index, on: canvas)
        return try PNGDecoder().decode(png)
    }

    @Test(arguments: [0, 10, 100])
    func defaultRunFrame(index: Int) throws {
        let image = try frame(index, of: Fixtures.scene())
        assertImageSnapshot(of: image, named: "default-frame-\(index)")
    }

    @Test func frenchFrameWithResiduals() throws {
        let scene = try Fixtures.scene(Fixtures.settings(iterations: 12, language: .fr, residuals: true))
        assertImageSnapshot(of: try frame(12, of: scene), named: "french-residuals-frame-12")
    }

    @Test func divergingLastFrame() throws {
        let scene = try Fixtures.scene(Fixtures.settings(learningRate: 1.05))
        let last = scene.frameCount - 1
        #expect(scene.history.divergence?.iteration == last)
        // The frame before the last still shows the oscillating line inside the axes.
        assertImageSnapshot(of: try frame(last, of: scene), named: "diverging-last-frame")
        assertImageSnapshot(of: try frame(3, of: scene), named: "diverging-frame-3")
    }

    @Test func scaleTwo() throws {
        let scene = try Fixtures.scene(Fixtures.settings(iterations: 10, scale: 2))
        let image = try frame(10, of: scene)
        #expect(image.width == 1280 && image.height == 960)
        assertImageSnapshot(of: image, named: "scale-2-frame-10")
    }

    @Test(arguments: ArticleFigures.Name.allCases)
    func articleFigure(name: ArticleFigures.Name) throws {
        let figures = ArticleFigures(scene: try Fixtures.scene(), trueLine: (3, 2))
        let image = try FigureExporter().renderImage(figures.figure(name))
        assertImageSnapshot(of: image, named: "figure-\(name.rawValue)")
    }

    /// Frames drawn over the shared static layer are byte-identical to frames drawn whole.
    @Test(arguments: [0, 37, 100])
    func layeredFramesEqualWholeFrames(index: Int) throws {
        let scene = try Fixtures.scene()
        let layered = try frame(index, of: scene)
        let whole = try FigureExporter().renderImage(scene.figure(forFrame: index))
        #expect(layered == whole)
    }
}
