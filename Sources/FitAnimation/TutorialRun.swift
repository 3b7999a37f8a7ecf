import FitPlot
import FitTrainer

extension RenderSettings {
    /// `render-fit`'s defaults: the tutorial's 100 generated points (seed 42), learning rate
    /// 0.1 from a = (−1, 1) for 100 iterations, 640 × 480 at scale 1, English, 25 fps.
    public static let tutorial = RenderSettings(
        iterations: GradientDescent.defaultIterations, learningRate: GradientDescent.defaultLearningRate,
        initialParameters: GradientDescent.defaultInitialParameters, points: TutorialDataSet.defaultCount,
        seed: TutorialDataSet.defaultSeed, dataFile: nil, width: 640, height: 480, scale: 1, language: .en,
        residuals: false, fps: 25)
}

extension TrainingScene {
    /// The scene of the tutorial run with `settings` (by default `render-fit`'s): the generated
    /// data set, trained by gradient descent. Its frames are the ones `render-fit --out` writes
    /// with the same settings.
    public static func tutorial(settings: RenderSettings = .tutorial) throws(AnimationError) -> TrainingScene
    {
        do {
            let data = try TutorialDataSet(count: settings.points, seed: settings.seed).generate()
            let history = try GradientDescent(
                learningRate: settings.learningRate, iterations: settings.iterations,
                initialParameters: settings.initialParameters
            ).train(on: data)
            return try TrainingScene(data: data, history: history, settings: settings)
        } catch let error as AnimationError {
            throw error
        } catch {
            throw .rendering("\(error)")
        }
    }

    /// The figure of frame `index` of the tutorial run with `settings` (frame 0 is the first
    /// guess, frame k the line after k updates): one line for a snapshot test.
    /// - Throws: `AnimationError.rendering` when `index` is outside 0…iterations.
    public static func tutorialFrame(_ index: Int, settings: RenderSettings = .tutorial)
        throws(AnimationError)
        -> Figure
    {
        let scene = try tutorial(settings: settings)
        guard (0..<scene.frameCount).contains(index) else {
            throw .rendering(
                "frame \(index) does not exist: the tutorial run has frames 0…\(scene.frameCount - 1)")
        }
        return scene.figure(forFrame: index)
    }
}
