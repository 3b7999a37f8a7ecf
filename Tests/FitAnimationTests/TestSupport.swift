import FitAnimation
import FitTrainer
import Foundation

/// Shared fixtures: the tutorial run with small variations.
enum Fixtures {
    static func settings(
        iterations: Int = 100, learningRate: Double = 0.1, language: RenderSettings.Language = .en,
        residuals: Bool = false, scale: Double = 1, width: Int = 640, height: Int = 480
    ) -> RenderSettings {
        RenderSettings(
            iterations: iterations, learningRate: learningRate, initialParameters: [-1, 1],
            points: TutorialDataSet.defaultCount, seed: TutorialDataSet.defaultSeed, dataFile: nil,
            width: width, height: height, scale: scale, language: language, residuals: residuals, fps: 25)
    }

    static func scene(_ settings: RenderSettings = settings()) throws -> TrainingScene {
        let data = try TutorialDataSet(count: settings.points, seed: settings.seed).generate()
        let history = try GradientDescent(
            learningRate: settings.learningRate, iterations: settings.iterations,
            initialParameters: settings.initialParameters
        ).train(on: data)
        return try TrainingScene(data: data, history: history, settings: settings)
    }

    /// A fresh empty folder under the system's temporary directory. The caller removes it in a
    /// `defer` right after the call (also when the test fails), so that a run leaves nothing in
    /// the temporary directory.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "render-fit-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
