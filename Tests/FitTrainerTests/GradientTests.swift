import Testing

@testable import FitTrainer

#if canImport(_Differentiation)
    import _Differentiation
#endif

@Suite struct GradientTests {
    /// |a − b| ≤ tolerance·max(|a|, |b|), component-wise.
    private func relativelyClose(_ a: [Double], _ b: [Double], tolerance: Double) -> Bool {
        a.count == b.count
            && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(abs($0), abs($1)) }
    }

    /// Central differences. The MSE is quadratic in the parameters, so the truncation error
    /// vanishes and only rounding (≈ ε·loss/h) remains.
    private func finiteDifferenceGradient(_ objective: MeanSquaredError, at parameters: [Double]) throws
        -> [Double]
    {
        let step = 1e-4
        return try parameters.indices.map { index in
            var up = parameters
            var down = parameters
            up[index] += step
            down[index] -= step
            return try (objective.loss(at: up) - objective.loss(at: down)) / (up[index] - down[index])
        }
    }

    @Test(arguments: [[-1.0, 1.0], [0.5, -2.0], [10.0, 7.0]])
    func lineGradientMatchesFiniteDifferences(parameters: [Double]) throws {
        let objective = try MeanSquaredError(data: TutorialDataSet().generate())
        let analytic = try objective.gradient(at: parameters)
        let numeric = try finiteDifferenceGradient(objective, at: parameters)
        #expect(relativelyClose(analytic, numeric, tolerance: 1e-7), "\(analytic) vs \(numeric)")
    }

    @Test func lineKernelTailAndLanesAgreeWithTheTextbookFormula() throws {
        // 103 points: 25 lanes of 4 plus a tail of 3, against a direct (2/n)·Xᵀ(X·a − y).
        let data = try TutorialDataSet(count: 103, seed: 3).generate()
        let objective = try MeanSquaredError(data: data)
        let a = [0.7, -0.3]
        var gradient = [Double]()
        let loss = try objective.evaluate(at: a, gradient: &gradient)
        var expectedLoss = 0.0
        var expectedGradient = [0.0, 0.0]
        for index in 0..<data.count {
            let residual = a[0] * data.x[index] + a[1] - data.y[index]
            expectedLoss += residual * residual / 103
            expectedGradient[0] += 2 * residual * data.x[index] / 103
            expectedGradient[1] += 2 * residual / 103
        }
        #expect(abs(loss - expectedLoss) <= 1e-13 * expectedLoss)
        #expect(relativelyClose(gradient, expectedGradient, tolerance: 1e-12))
    }

    @Test(arguments: [2, 3])
    func polynomialGradientMatchesFiniteDifferences(degree: Int) throws {
        let objective = try MeanSquaredError(data: TutorialDataSet(count: 57).generate(), degree: degree)
        let parameters = (0...degree).map { 0.5 - Double($0) }
        let analytic = try objective.gradient(at: parameters)
        let numeric = try finiteDifferenceGradient(objective, at: parameters)
        #expect(relativelyClose(analytic, numeric, tolerance: 1e-7), "\(analytic) vs \(numeric)")
    }

    @Test func designMatrixHasPowersThenOnes() throws {
        let design = try DesignMatrix(x: [2, -3], degree: 3)
        #expect(design.columnCount == 4)
        #expect((0..<4).map { design[0, $0] } == [8, 4, 2, 1])
        #expect((0..<4).map { design[1, $0] } == [-27, 9, -3, 1])
        #expect(PolynomialModel.value(at: 2, parameters: [1, 0, -1, 5]) == 11)
        #expect(throws: ModelError.unsupportedDegree(0)) { try DesignMatrix(x: [1], degree: 0) }
    }

    @Test func wrongParameterCountIsAnError() throws {
        let objective = try MeanSquaredError(data: TutorialDataSet().generate())
        #expect(throws: ModelError.parameterCountMismatch(expected: 2, found: 3)) {
            try objective.loss(at: [1, 2, 3])
        }
    }

    #if canImport(_Differentiation)
        /// The language-level twin of the article's `loss.backward()`: Swift's reverse-mode
        /// automatic differentiation of a plain MSE loop.
        @Test(arguments: [[-1.0, 1.0], [0.5, -2.0]])
        func lineGradientMatchesAutomaticDifferentiation(parameters: [Double]) throws {
            let data = try TutorialDataSet().generate()
            let x = data.x
            let y = data.y
            let automatic = gradient(at: parameters[0], parameters[1]) { (a1: Double, a2: Double) -> Double in
                var sum = 0.0
                for index in 0..<x.count {
                    let residual = a1 * x[index] + a2 - y[index]
                    sum += residual * residual
                }
                return sum / Double(x.count)
            }
            let analytic = try MeanSquaredError(data: data).gradient(at: parameters)
            #expect(relativelyClose(analytic, [automatic.0, automatic.1], tolerance: 1e-7))
        }

        @Test func quadraticGradientMatchesAutomaticDifferentiation() throws {
            let data = try TutorialDataSet(count: 64, seed: 11).generate()
            let x = data.x
            let y = data.y
            let automatic = gradient(at: 0.3, -1.2, 0.8) { (a1: Double, a2: Double, a3: Double) -> Double in
                var sum = 0.0
                for index in 0..<x.count {
                    let residual = a1 * x[index] * x[index] + a2 * x[index] + a3 - y[index]
                    sum += residual * residual
                }
                return sum / Double(x.count)
            }
            let analytic = try MeanSquaredError(data: data, degree: 2).gradient(at: [0.3, -1.2, 0.8])
            #expect(relativelyClose(analytic, [automatic.0, automatic.1, automatic.2], tolerance: 1e-7))
        }
    #endif
}
