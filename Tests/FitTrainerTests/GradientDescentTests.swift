import Testing

@testable import FitTrainer

@Suite struct GradientDescentTests {
    @Test func manyIterationsReachTheClosedFormSolution() throws {
        for seed: UInt64 in [42, 7] {
            let data = try TutorialDataSet(count: 250, seed: seed).generate()
            let history = try GradientDescent(iterations: 20_000).train(on: data)
            let exact = try LeastSquares.solve(data: data)
            #expect(history.count == 20_001)
            #expect(!history.didDiverge)
            for (found, expected) in zip(history.finalParameters, exact) {
                #expect(abs(found - expected) <= 1e-9, "\(found) vs \(expected)")
            }
        }
    }

    @Test func theTutorialEndsWithinOneThousandthOfTheBestLoss() throws {
        let data = try TutorialDataSet().generate()
        let history = try GradientDescent().train(on: data)
        let best = try LeastSquares.solve(data: data)
        let bestLoss = try MeanSquaredError(data: data).loss(at: best)
        #expect(history.count == 101)
        let finalLoss = try #require(history.losses.last)
        #expect(finalLoss >= bestLoss)
        #expect(finalLoss - bestLoss <= 1e-3)
        // The article's story: it starts high and falls at every step.
        #expect(history.losses[0] > 5)
        #expect(zip(history.losses, history.losses.dropFirst()).allSatisfy { $0 > $1 })
    }

    @Test func historyRowsAreTheStatesBeforeAndAfterEachUpdate() throws {
        let data = try TutorialDataSet().generate()
        let history = try GradientDescent(learningRate: 0.1, iterations: 3).train(on: data)
        let objective = try MeanSquaredError(data: data)
        #expect(history.map(\.iteration) == [0, 1, 2, 3])
        #expect(history[0].parameters == [-1, 1])
        for k in 0..<3 {
            let step = history[k]
            #expect(step.loss == (try objective.loss(at: step.parameters)))
            #expect(step.gradient == (try objective.gradient(at: step.parameters)))
            let next = zip(step.parameters, step.gradient).map { $0 - 0.1 * $1 }
            #expect(history[k + 1].parameters == next)
        }
    }

    @Test(arguments: [1.05, 1.5, 10])
    func aLearningRateAboveTheStableRangeDivergesAndIsRecorded(learningRate: Double) throws {
        let data = try TutorialDataSet().generate()
        let history = try GradientDescent(learningRate: learningRate).train(on: data)
        let divergence = try #require(history.divergence)
        // Growth by a factor of 10⁶ comes long before the absolute limit from a start near 8.
        #expect(divergence.reason == .lossGrowth)
        #expect(divergence.iteration == history.count - 1)
        #expect(divergence.iteration < 100)
        let limit = GradientDescent.divergenceGrowthFactor * history.losses[0]
        #expect(history.losses[divergence.iteration] > limit)
        #expect(history.losses.dropLast().allSatisfy { $0 <= limit })
        #expect(history.lastFiniteIteration == divergence.iteration)
    }

    @Test func aLossAboveTheAbsoluteLimitIsDivergence() throws {
        // Starting far away (loss ≈ 10¹⁰), lr 1.5 crosses 10¹² long before growing 10⁶-fold.
        let data = try TutorialDataSet().generate()
        let history = try GradientDescent(learningRate: 1.5, initialParameters: [1e5, 1e5]).train(on: data)
        let divergence = try #require(history.divergence)
        #expect(divergence.reason == .lossAboveLimit)
        #expect(history.losses[divergence.iteration] > GradientDescent.divergenceLossLimit)
        #expect(history.losses.dropLast().allSatisfy { $0 <= GradientDescent.divergenceLossLimit })
    }

    @Test func learningRateZeroPointOneNeverDiverges() throws {
        for seed: UInt64 in [0, 1, 42, 99, 12345] {
            let data = try TutorialDataSet(seed: seed).generate()
            let history = try GradientDescent(iterations: 2_000).train(on: data)
            #expect(history.divergence == nil)
            #expect(history.count == 2_001)
        }
    }

    @Test func overflowToNonFiniteIsDivergenceToo() throws {
        let data = try DataSet(x: [0, 1e200], y: [0, 1])
        let history = try GradientDescent(learningRate: 1, iterations: 10, initialParameters: [1, 0])
            .train(on: data)
        #expect(history.divergence == Divergence(iteration: 0, reason: .nonFinite))
        #expect(history.count == 1)
    }

    @Test func allEqualXTrainsWithoutCrashing() throws {
        let data = try DataSet(x: [2, 2, 2, 2], y: [1, 3, 5, 7])
        let history = try GradientDescent(iterations: 500).train(on: data)
        #expect(!history.didDiverge)
        #expect(history.losses.allSatisfy { $0.isFinite })
        // Any line through (2, mean y) is optimal: loss → variance of y = 5.
        #expect(abs(history.losses[500] - 5) < 1e-9)
        #expect(throws: LeastSquaresError.rankDeficient) { try LeastSquares.solve(data: data) }
    }

    @Test func zeroIterationsGiveOnlyTheInitialState() throws {
        let history = try GradientDescent(iterations: 0).train(on: TutorialDataSet().generate())
        #expect(history.count == 1)
        #expect(history.finalParameters == [-1, 1])
    }

    @Test func invalidSettingsAreErrorsThatSayWhatIsAllowed() throws {
        let data = try TutorialDataSet().generate()
        for rate in [0.0, -0.1, .nan, .infinity] {
            #expect(throws: TrainingError.self) { try GradientDescent(learningRate: rate).train(on: data) }
        }
        #expect(
            TrainingError.invalidLearningRate(-0.1).description
                == "learning rate -0.1 is not allowed; it must be a finite number above 0")
        #expect(throws: TrainingError.negativeIterations(-1)) {
            try GradientDescent(iterations: -1).train(on: data)
        }
        #expect(throws: TrainingError.model(.parameterCountMismatch(expected: 2, found: 1))) {
            try GradientDescent(initialParameters: [1]).train(on: data)
        }
        #expect(throws: TrainingError.self) {
            try GradientDescent(initialParameters: [.nan, 1]).train(on: data)
        }
    }
}
