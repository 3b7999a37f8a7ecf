import FitAnimation
import FitTrainer

/// The tutorial's workload at a chosen size and point count: data, 100 (or `iterations`)
/// updates, and the scene that `render-fit` would draw.
enum BenchScenes {
    static func scene(width: Int = 640, height: Int = 480, points: Int = 100, iterations: Int = 100) throws
        -> TrainingScene
    {
        let data = try TutorialDataSet(count: points).generate()
        let history = try GradientDescent(iterations: iterations).train(on: data)
        let settings = RenderSettings(
            iterations: iterations, learningRate: GradientDescent.defaultLearningRate,
            initialParameters: GradientDescent.defaultInitialParameters, points: points,
            seed: TutorialDataSet.defaultSeed, dataFile: nil, width: width, height: height, scale: 1,
            language: .en, residuals: false, fps: 25)
        return try TrainingScene(data: data, history: history, settings: settings)
    }
}
