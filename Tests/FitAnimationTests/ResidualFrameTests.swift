import FitAnimation
import FitCairo
import FitPNG
import FitPlot
import Testing

/// `--residuals` frames: the residuals go under the points (which are static and drawn once)
/// and over the background, and frames drawn over the static layers match frames drawn whole.
@Suite struct ResidualFrameTests {
    func layeredFrame(_ index: Int, of scene: TrainingScene) throws -> RGBAImage {
        let renderer = try FrameRenderer(source: scene)
        let canvas = try renderer.makeCanvas()
        return try PNGDecoder().decode(try renderer.renderFrame(index, on: canvas))
    }

    @Test func residualsAreDrawnUnderThePoints() throws {
        // Frame 0: the first guess is far from the cloud, so every residual is long.
        let scene = try Fixtures.scene(Fixtures.settings(iterations: 5, residuals: true))
        let image = try layeredFrame(0, of: scene)
        let figure = scene.figure(forFrame: 0)
        let transform = figure.layout().transform
        let a = scene.parametersInDataUnits(at: 0)
        var orange = 0
        var checked = 0
        for i in 0..<scene.data.count {
            let x = scene.data.x[i]
            let y = scene.data.y[i]
            let centre = transform.point(DataPoint(x: x, y: y))
            // Leave out points the fit line (drawn over them, as matplotlib's lines) may touch.
            let onLine = transform.point(DataPoint(x: x, y: a[0] * x + a[1]))
            guard abs(onLine.y - centre.y) > 6 else { continue }
            checked += 1
            let p = image[Int(centre.x), Int(centre.y)]
            // matplotlib's orange C1, #ff7f0e, untouched by the translucent red.
            if abs(Int(p.r) - 0xff) <= 2, abs(Int(p.g) - 0x7f) <= 2, abs(Int(p.b) - 0x0e) <= 2 { orange += 1 }
        }
        #expect(checked > 80)
        #expect(orange == checked)
    }

    @Test(arguments: [0, 5])
    func layeredResidualFramesMatchWholeFrames(index: Int) throws {
        let scene = try Fixtures.scene(Fixtures.settings(iterations: 5, residuals: true))
        let layered = try layeredFrame(index, of: scene)
        let whole = try FigureExporter().renderImage(scene.figure(forFrame: index))
        #expect(layered.width == whole.width && layered.height == whole.height)
        // The overlay is composited rather than drawn in place: rounding may differ by a level.
        let worst = zip(layered.pixels, whole.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(worst <= 2)
    }
}
