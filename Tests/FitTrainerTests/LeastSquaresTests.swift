import Testing

@testable import FitTrainer

@Suite struct LeastSquaresTests {
    @Test func tutorialSolutionMatchesNumpy() throws {
        // numpy.linalg.lstsq on the seed-42 tutorial data (X = [x, 1]), run here:
        // a = (3.011483279664676, 2.453073914394661), mean squared residual 0.09230594474237278.
        let data = try TutorialDataSet().generate()
        let solution = try LeastSquares.solve(data: data)
        #expect(abs(solution[0] - 3.011483279664676) < 1e-12)
        #expect(abs(solution[1] - 2.453073914394661) < 1e-12)
        let loss = try MeanSquaredError(data: data).loss(at: solution)
        #expect(abs(loss - 0.09230594474237278) < 1e-14)
    }

    @Test func noiseFreePolynomialsAreRecoveredExactly() throws {
        let x = (0..<40).map { Double($0) / 20 - 1 }
        let truth = [0.5, -2, 3, 1.25]
        let y = x.map { PolynomialModel.value(at: $0, parameters: truth) }
        let solution = try LeastSquares.solve(data: DataSet(x: x, y: y), degree: 3)
        for (found, expected) in zip(solution, truth) {
            #expect(abs(found - expected) < 1e-12)
        }
    }

    @Test func gradientVanishesAtTheSolution() throws {
        let data = try TutorialDataSet(count: 1_000, seed: 8).generate()
        let objective = try MeanSquaredError(data: data, degree: 2)
        let solution = try LeastSquares.solve(design: DesignMatrix(x: data.x, degree: 2), targets: data.y)
        let gradient = try objective.gradient(at: solution)
        #expect(gradient.allSatisfy { abs($0) < 1e-13 }, "\(gradient)")
    }

    @Test func underdeterminedOrDegenerateProblemsAreErrors() throws {
        #expect(throws: LeastSquaresError.tooFewPoints(points: 2, parameters: 3)) {
            try LeastSquares.solve(data: DataSet(x: [0, 1], y: [0, 1]), degree: 2)
        }
        #expect(throws: LeastSquaresError.rankDeficient) {
            try LeastSquares.solve(data: DataSet(x: [0, 0, 0], y: [0, 1, 2]))
        }
    }
}
