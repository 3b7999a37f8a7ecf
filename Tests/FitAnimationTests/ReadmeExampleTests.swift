import FitAnimation
import FitTrainer
import ImageSnapshotTesting
import Testing

/// The image regression test the README teaches, verbatim, so that it keeps compiling and
/// passing. (Its reference is `__Snapshots__/ReadmeExampleTests/first-frame.png`.)
@Test func firstFrame() throws {
    let settings = RenderSettings(
        iterations: 10, learningRate: 0.1, initialParameters: [-1, 1], points: 100, seed: 42,
        dataFile: nil, width: 640, height: 480, scale: 1, language: .en, residuals: false, fps: 25)
    let data = try TutorialDataSet().generate()
    let history = try GradientDescent(iterations: 10).train(on: data)
    let scene = try TrainingScene(data: data, history: history, settings: settings)
    let image = try FigureExporter().renderImage(scene.figure(forFrame: 0))
    assertImageSnapshot(of: image, named: "first-frame", rmsTolerance: 0.5, maxMismatchedPixels: 0)
}
