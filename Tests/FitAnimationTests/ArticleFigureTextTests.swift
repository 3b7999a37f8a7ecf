import FitAnimation
import FitPlot
import Testing

/// What the article's figures say: a diverged run's result figure says so, and the loss
/// figures' iteration axis has whole-number ticks however few iterations there are.
@Suite struct ArticleFigureTextTests {
    @Test(arguments: [RenderSettings.Language.en, .fr])
    func aDivergedRunsResultSaysItDiverged(language: RenderSettings.Language) throws {
        let diverged = try Fixtures.scene(Fixtures.settings(learningRate: 1.05, language: language))
        let iteration = try #require(diverged.history.divergence?.iteration)
        let figures = ArticleFigures(scene: diverged, trueLine: (3, 2))
        let expected =
            language == .fr ? "Divergence à l’itération \(iteration)" : "Diverged at iteration \(iteration)"
        #expect(figures.title(.result) == expected)
        #expect(try figures.figure(.result).mainAxes.title == expected)

        let converged = ArticleFigures(
            scene: try Fixtures.scene(Fixtures.settings(language: language)), trueLine: (3, 2))
        #expect(converged.title(.result) == (language == .fr ? "Après l’entraînement" : "After training"))
    }

    @Test(arguments: [2, 7, 100])
    func iterationAxesHaveWholeNumberTicks(iterations: Int) throws {
        let scene = try Fixtures.scene(Fixtures.settings(iterations: iterations))
        let figures = ArticleFigures(scene: scene, trueLine: (3, 2))
        for name in [ArticleFigures.Name.loss, .lossLog] {
            let ticks = try figures.figure(name).layout().xTicks
            #expect(ticks.count >= 2, "\(name): \(ticks)")
            #expect(ticks.allSatisfy { $0 == $0.rounded() }, "\(name): \(ticks)")
        }
    }
}
