import Testing

@testable import FitTrainer

/// The learning-rate regimes of gradient descent on the MSE, from lr·λmax (DESIGN.md: the
/// tutorial's Hessian has λ ≈ 0.59 and 2.03; monotone below lr·λmax = 1, oscillating up to
/// 2, diverging above).
struct GradientDescentRegimeTests {
    @Test func theTutorialsLearningRates() throws {
        let data = try TutorialDataSet().generate()
        let largest = try #require(try HessianSpectrum.eigenvalues(data: data, degree: 1).last)
        #expect(abs(largest - 2.03) < 0.01)
        let expected: [(Double, HessianSpectrum.Regime)] = [
            (0.01, .monotone), (0.1, .monotone), (0.45, .monotone), (0.5, .oscillating), (0.9, .oscillating),
            (0.98, .oscillating), (1.0, .diverging), (1.05, .diverging),
        ]
        for (rate, regime) in expected {
            #expect(
                HessianSpectrum.regime(learningRate: rate, largestEigenvalue: largest) == regime,
                "lr \(rate): lr·λmax = \(rate * largest)")
        }
    }

    @Test func boundaries() {
        #expect(HessianSpectrum.regime(learningRate: 0.999, largestEigenvalue: 1) == .monotone)
        #expect(HessianSpectrum.regime(learningRate: 1, largestEigenvalue: 1) == .oscillating)
        #expect(HessianSpectrum.regime(learningRate: 2, largestEigenvalue: 1) == .oscillating)
        #expect(HessianSpectrum.regime(learningRate: 2.001, largestEigenvalue: 1) == .diverging)
    }

    /// The regime agrees with what training does: a diverging rate's run diverges, a
    /// monotone one's loss never rises.
    @Test func trainingAgrees() throws {
        let data = try TutorialDataSet().generate()
        let largest = try #require(try HessianSpectrum.eigenvalues(data: data, degree: 1).last)
        let monotone = try GradientDescent(learningRate: 0.1, iterations: 100).train(on: data)
        #expect(HessianSpectrum.regime(learningRate: 0.1, largestEigenvalue: largest) == .monotone)
        #expect(zip(monotone.losses, monotone.losses.dropFirst()).allSatisfy { $0 >= $1 })
        let diverging = try GradientDescent(learningRate: 1.05, iterations: 100).train(on: data)
        #expect(HessianSpectrum.regime(learningRate: 1.05, largestEigenvalue: largest) == .diverging)
        #expect(diverging.didDiverge)
    }
}
