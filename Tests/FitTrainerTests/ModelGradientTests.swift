import Foundation
import Testing

@testable import FitTrainer

#if canImport(_Differentiation)
    import _Differentiation
#endif

/// The analytic gradients of every model against central finite differences and against
/// Swift's automatic differentiation.
@Suite struct ModelGradientTests {
    private func relativelyClose(_ a: [Double], _ b: [Double], tolerance: Double) -> Bool {
        a.count == b.count
            && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(abs($0), abs($1), 1e-3) }
    }

    private func finiteDifferences(_ objective: MeanSquaredError, at parameters: [Double], step: Double)
        throws
        -> [Double]
    {
        try parameters.indices.map { index in
            var up = parameters
            var down = parameters
            up[index] += step
            down[index] -= step
            return try (objective.loss(at: up) - objective.loss(at: down)) / (up[index] - down[index])
        }
    }

    @Test(arguments: [1, 3, 8])
    func networkGradientMatchesFiniteDifferences(hiddenUnits: Int) throws {
        let data = try GeneratedDataSet(kind: .sine, count: 150, seed: 5).generate()
        let model = TanhNetwork(hiddenUnits: hiddenUnits)
        let objective = MeanSquaredError(data: data, model: model)
        var parameters = model.initialParameters(seed: 3)
        for index in parameters.indices { parameters[index] += 0.1 * Double(index % 5) - 0.2 }
        let analytic = try objective.gradient(at: parameters)
        let numeric = try finiteDifferences(objective, at: parameters, step: 1e-5)
        #expect(relativelyClose(analytic, numeric, tolerance: 1e-6), "\(analytic) vs \(numeric)")
    }

    @Test func networkParallelPassGivesTheSameBitsForAnyThreadCount() throws {
        // 20,003 points: above the parallel threshold, twenty chunks, a partial last group.
        let data = try GeneratedDataSet(kind: .sine, count: 20_003, seed: 9).generate()
        let model = TanhNetwork(hiddenUnits: 5)
        let parameters = model.initialParameters(seed: 1)
        var serialModel = model
        serialModel.threads = 1
        var serialGradient = [Double]()
        let serialLoss = try MeanSquaredError(data: data, model: serialModel).evaluate(
            at: parameters, gradient: &serialGradient)
        for threads in [2, 3, 8] {
            var threadedModel = model
            threadedModel.threads = threads
            var gradient = [Double]()
            let loss = try MeanSquaredError(data: data, model: threadedModel).evaluate(
                at: parameters, gradient: &gradient)
            #expect(loss.bitPattern == serialLoss.bitPattern, "\(threads) threads")
            #expect(gradient.map(\.bitPattern) == serialGradient.map(\.bitPattern), "\(threads) threads")
        }
    }

    @Test func networkTwoGroupStepsEqualOneGroupSteps() throws {
        // The pass takes eight consecutive points at a step; mini-batches (gathered points)
        // take four. The same points through both paths give the same bits.
        let data = try GeneratedDataSet(kind: .sine, count: 203, seed: 5).generate()
        let model = TanhNetwork(hiddenUnits: 7)
        let parameters = model.initialParameters(seed: 2)
        let objective = MeanSquaredError(data: data, model: model)
        var full = [Double]()
        let fullLoss = try objective.evaluate(at: parameters, gradient: &full)
        var batch = [Double](repeating: 0, count: model.parameterCount)
        let indices = Array(0..<203)
        let batchLoss = parameters.withUnsafeBufferPointer { p in
            indices.withUnsafeBufferPointer { i in
                batch.withUnsafeMutableBufferPointer { g in
                    objective.evaluate(
                        parameters: p, batch: i, gradient: g, workspace: objective.makeWorkspace())
                }
            }
        }
        #expect(fullLoss.bitPattern == batchLoss.bitPattern)
        #expect(full.map(\.bitPattern) == batch.map(\.bitPattern))
    }

    @Test func polynomialOfDegreeTwelveMatchesFiniteDifferences() throws {
        let data = try GeneratedDataSet(kind: .quadratic, count: 80, seed: 2).generate()
        let objective = MeanSquaredError(data: data, model: PolynomialModel(degree: 12))
        let parameters = (0...12).map { 0.05 * Double($0) - 0.3 }
        let analytic = try objective.gradient(at: parameters)
        let numeric = try finiteDifferences(objective, at: parameters, step: 1e-4)
        #expect(relativelyClose(analytic, numeric, tolerance: 1e-7), "\(analytic) vs \(numeric)")
    }

    @Test func portableTanhIsWithinFourUlpsOfTheCLibrary() {
        var generator = Xoshiro256StarStar(seed: 4)
        var values: [Double] = [
            0, -0.0, 1e-300, 1e-8, -1e-8, 0.17, 0.3466, 0.35, 1, -2, 5, 18, 19.5, 21, -40, 800,
        ]
        for _ in 0..<50_000 { values.append(generator.nextDouble(from: -25, upTo: 25)) }
        for _ in 0..<10_000 { values.append(generator.nextDouble(from: -1e-3, upTo: 1e-3)) }
        // A dense sweep: every multiple of 2⁻¹² in [−22, 22] (tanh rounds to ±1 beyond 19.1),
        // and tiny values down to 10⁻³⁰⁰ on both sides.
        for i in -22 * 4096...22 * 4096 { values.append(Double(i) / 4096) }
        var tiny = 1e-300
        while tiny < 1 {
            values += [tiny, -tiny, 1.37 * tiny, -1.37 * tiny]
            tiny *= 1.5
        }
        for z in values {
            let ours = PortableTanh.tanh(z)
            let libm = Foundation.tanh(z)
            let ulps = abs(ours - libm) / max(libm.magnitude.ulp, Double.leastNonzeroMagnitude)
            #expect(ulps <= 4, "tanh(\(z)): \(ours) vs \(libm)")
        }
        #expect(PortableTanh.tanh(-0.5) == -PortableTanh.tanh(0.5))
    }

    @Test func portableSineMatchesTheCLibrary() {
        for i in -1000...1000 {
            let x = Double(i) / 1000
            #expect(abs(PortableSine.sinPi(x) - Foundation.sin(Double.pi * x)) <= 4e-16, "\(x)")
        }
    }

    @Test func formulasAreWrittenInTheModelsOwnTerms() {
        let format: (Double) -> String = { String(format: "%.2f", $0) }
        #expect(PolynomialModel(degree: 1).formula([2.97, -2.51], format: format) == "y = 2.97x − 2.51")
        #expect(
            PolynomialModel(degree: 3).formula([0.5, -1.2, 0.3, 2], format: format)
                == "y = 0.50x³ − 1.20x² + 0.30x + 2.00")
        #expect(
            TanhNetwork(hiddenUnits: 1).formula([0.5, -0.1, 1.2, 0.3], format: format)
                == "y = 1.20·tanh(0.50x − 0.10) + 0.30")
        #expect(
            TanhNetwork(hiddenUnits: 8).formula(Array(repeating: 0, count: 25), format: format)
                == "y = Σ₈ v·tanh(w·x + b) + 0.00")
        #expect(TanhNetwork(hiddenUnits: 2).parameterNames == ["w1", "w2", "b1", "b2", "v1", "v2", "c"])
    }

    @Test func reparameterizationGivesTheSameFunctionInDataUnits() {
        let input = (scale: 0.4, offset: -1.3)
        let output = (scale: 2.5, offset: 7.0)
        let models: [(any Model, [Double])] = [
            (PolynomialModel(degree: 1), [0.7, -0.2]),
            (PolynomialModel(degree: 4), [0.1, -0.5, 0.3, 0.9, -1]),
            (TanhNetwork(hiddenUnits: 3), [0.5, -1, 2, 0.1, 0, -0.3, 1, 0.5, -2, 0.25]),
        ]
        for (model, parameters) in models {
            let converted = model.reparameterized(parameters, input: input, output: output)
            for x in stride(from: -3.0, through: 3.0, by: 0.25) {
                let expected =
                    output.scale * model.predict(input.scale * x + input.offset, parameters: parameters)
                    + output.offset
                #expect(
                    abs(model.predict(x, parameters: converted) - expected) <= 1e-12 * max(1, abs(expected)))
            }
        }
    }

    #if canImport(_Differentiation)
        @Test func oneUnitNetworkGradientMatchesAutomaticDifferentiation() throws {
            let data = try GeneratedDataSet(kind: .sine, count: 64, seed: 11).generate()
            let x = data.x
            let y = data.y
            let p = [0.8, -0.3, 1.4, 0.2]
            let automatic = gradient(at: p) { (q: [Double]) -> Double in
                let (w, b, v, c) = (q[0], q[1], q[2], q[3])
                var sum = 0.0
                for index in 0..<x.count {
                    let z = w * x[index] + b
                    // tanh through exp, which _Differentiation knows.
                    let t = (Foundation.exp(2 * z) - 1) / (Foundation.exp(2 * z) + 1)
                    let residual = v * t + c - y[index]
                    sum += residual * residual
                }
                return sum / Double(x.count)
            }
            let analytic = try MeanSquaredError(data: data, model: TanhNetwork(hiddenUnits: 1)).gradient(
                at: p)
            #expect(
                relativelyClose(analytic, Array(automatic.base), tolerance: 1e-9),
                "\(analytic) vs \(automatic)")
        }

        @Test func cubicGradientMatchesAutomaticDifferentiation() throws {
            let data = try GeneratedDataSet(kind: .quadratic, count: 50, seed: 1).generate()
            let x = data.x
            let y = data.y
            let automatic = gradient(at: [0.3, -1.2, 0.8, 0.1]) { (q: [Double]) -> Double in
                let (a1, a2, a3, a4) = (q[0], q[1], q[2], q[3])
                var sum = 0.0
                for i in 0..<x.count {
                    let residual = a1 * x[i] * x[i] * x[i] + a2 * x[i] * x[i] + a3 * x[i] + a4 - y[i]
                    sum += residual * residual
                }
                return sum / Double(x.count)
            }
            let analytic = try MeanSquaredError(data: data, degree: 3).gradient(at: [0.3, -1.2, 0.8, 0.1])
            #expect(relativelyClose(analytic, Array(automatic.base), tolerance: 1e-9))
        }
    #endif
}
