import Foundation
import Testing

@testable import FitTrainer

@Suite struct TrainerScheduleTests {
    @Test func batchSizeEqualToThePointCountIsFullBatchExactly() throws {
        let data = try TutorialDataSet().generate()
        for kind in OptimizerConfiguration.Kind.allCases {
            let optimizer = OptimizerConfiguration(kind: kind, learningRate: 0.05)
            let full = try Trainer(optimizer: optimizer, iterations: 30).train(on: data)
            let same = try Trainer(optimizer: optimizer, iterations: 30, batchSize: data.count).train(on: data)
            #expect(full == same)
            #expect(full.csvText() == same.csvText())
        }
    }

    @Test func theDefaultTrainerIsTheArticlesGradientDescent() throws {
        let data = try TutorialDataSet().generate()
        #expect(try Trainer().train(on: data) == GradientDescent().train(on: data))
    }

    @Test func sameShuffleSeedSameBytesAnotherSeedAnotherHistory() throws {
        let data = try GeneratedDataSet(kind: .sine, count: 90, seed: 3).generate()
        func run(_ seed: UInt64) throws -> String {
            try Trainer(
                model: .mlp(hiddenUnits: 3), optimizer: OptimizerConfiguration(kind: .adam, learningRate: 0.02),
                iterations: 25, batchSize: 16, shuffleSeed: seed
            ).train(on: data).csvText()
        }
        #expect(try run(7) == run(7))
        #expect(try run(7) != run(8))
        let header = try run(7).split(separator: "\n")[0]
        #expect(header.hasSuffix(",loss,grad_w1,grad_w2,grad_w3,grad_b1,grad_b2,grad_b3,grad_v1,grad_v2,grad_v3,grad_c,epoch,batchLoss"))
    }

    @Test func epochsShuffleEveryPointOnceAndKeepTheLastPartialBatch() {
        var schedule = BatchSchedule(batchSize: 4, pointCount: 10, seed: 1)
        for epoch in 0..<3 {
            var seen: [Int] = []
            var sizes: [Int] = []
            for _ in 0..<3 {
                schedule.nextBatch { batch in
                    seen += batch
                    sizes.append(batch.count)
                }
                #expect(schedule.epoch == epoch)
            }
            #expect(sizes == [4, 4, 2])
            #expect(seen.sorted() == Array(0..<10))
        }
    }

    @Test func boundedIntegersAreUniformWithoutModuloBias() {
        var generator = Xoshiro256StarStar(seed: 12)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[generator.nextInt(upToAndIncluding: 5)] += 1 }
        // Each count is binomial(60000, 1/6): mean 10000, sd ≈ 91; 5 sd is far outside chance.
        #expect(counts.allSatisfy { abs($0 - 10_000) < 456 }, "\(counts)")
        #expect(generator.nextInt(upToAndIncluding: 0) == 0)
    }

    @Test func standardizedTrainingIsReportedInDataUnits() throws {
        // Years against prices: a learning rate that diverges on raw data converges standardized.
        let x = (0..<30).map { 1990.0 + Double($0) }
        let y = x.map { 1000 + 12.5 * ($0 - 1990) }
        let data = try DataSet(x: x, y: y)
        let raw = try Trainer(iterations: 200).train(on: data)
        #expect(raw.didDiverge)
        let history = try Trainer(iterations: 200, standardize: true).train(on: data)
        #expect(!history.didDiverge)
        let standardization = try #require(history.standardization)
        let line = standardization.parametersInDataUnits(history.finalParameters, model: PolynomialModel(degree: 1))
        #expect(abs(line[0] - 12.5) < 1e-6 && abs(line[1] - (1000 - 12.5 * 1990)) < 1e-2, "\(line)")
        #expect(throws: TrainingError.cannotStandardize) {
            try Trainer(standardize: true).train(on: DataSet(x: [2, 2, 2], y: [1, 2, 3]))
        }
    }

    @Test func stableLearningRateIsTwoOverTheLargestHessianEigenvalue() throws {
        let data = try TutorialDataSet().generate()
        let eigenvalues = try HessianSpectrum.eigenvalues(data: data, degree: 1)
        // numpy.linalg.eigvalsh of (2/n)·XᵀX for the same data (Scripts/peers/optimizer_references.py's
        // data set): 0.578868…, 2.029970… (DESIGN.md rounds them to 0.59 and 2.03).
        let numpy = [0.5788687089222625, 2.0299705024206403]
        #expect(zip(eigenvalues, numpy).allSatisfy { abs($0 - $1) < 1e-12 }, "\(eigenvalues)")
        let bound = try HessianSpectrum.largestStableLearningRate(data: data, degree: 1)
        #expect(try !Trainer(optimizer: .gd(learningRate: bound * 0.99), iterations: 3000).train(on: data).didDiverge)
        #expect(try Trainer(optimizer: .gd(learningRate: bound * 1.01), iterations: 3000).train(on: data).didDiverge)
    }

    @Test func badHyperparametersAndInitialParametersAreNamed() throws {
        let data = try TutorialDataSet().generate()
        #expect(throws: TrainingError.invalidHyperparameter(name: "beta2", value: 1, allowed: "a number in [0, 1)")) {
            try Trainer(optimizer: OptimizerConfiguration(kind: .adam, beta2: 1)).train(on: data)
        }
        #expect(throws: TrainingError.wrongInitialParameterCount(model: .mlp(hiddenUnits: 2), expected: 7, found: 2)) {
            try Trainer(model: .mlp(hiddenUnits: 2), initialParameters: [1, 2]).train(on: data)
        }
        #expect(throws: TrainingError.invalidBatchSize(101, pointCount: 100)) {
            try Trainer(batchSize: 101).train(on: data)
        }
    }

    @Test func historiesOfEveryModelRoundTripThroughJSON() throws {
        let data = try GeneratedDataSet(kind: .sine, count: 40).generate()
        let history = try Trainer(
            model: .mlp(hiddenUnits: 2), optimizer: OptimizerConfiguration(kind: .rmsprop, learningRate: 0.01),
            iterations: 5, batchSize: 8, shuffleSeed: 3, standardize: true
        ).train(on: data)
        let json = try history.jsonData()
        #expect(try TrainingHistory(jsonData: json) == history)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"model\":\"mlp:2\""))
        #expect(text.contains("\"parameterNames\":[\"w1\",\"w2\",\"b1\",\"b2\",\"v1\",\"v2\",\"c\"]"))
        #expect(text.contains("\"optimizer\":{\"epsilon\":1e-08,\"kind\":\"rmsprop\",\"learningRate\":0.01,\"rho\":0.99}"))
    }
}
