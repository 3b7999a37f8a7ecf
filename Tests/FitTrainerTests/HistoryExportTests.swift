import Foundation
import Testing

@testable import FitTrainer

@Suite struct HistoryExportTests {
    /// Values whose text forms are the usual traps: exponents both ways, subnormals, the
    /// extremes, negative zero, 2⁵³ neighbours, and results of arithmetic.
    static let awkwardValues: [Double] = [
        0.1, 0.2 + 0.1, 1.0 / 3, -2.5, 100, 1e-5, 1.5e-7, 1e16, 123_456_789_012_345_680,
        9_007_199_254_740_994, .leastNonzeroMagnitude, 2.2250738585072014e-308, .greatestFiniteMagnitude,
        -.greatestFiniteMagnitude, -0.0, 0, 7.000000000000001, 0.000123, 1e22, 1e23,
    ]

    @Test func shortestDecimalRoundTripsExactly() {
        var generator = Xoshiro256StarStar(seed: 77)
        var values = Self.awkwardValues
        for _ in 0..<20_000 {
            // Random bit patterns cover every exponent; skip NaN/inf here.
            let value = Double(bitPattern: generator.next())
            if value.isFinite { values.append(value) }
        }
        for value in values {
            let text = ShortestDecimal.format(value)
            let back = ShortestDecimal.parse(text)
            #expect(back?.bitPattern == value.bitPattern, "\(text)")
            #expect(!text.contains(" ") && !text.contains(","))
        }
        #expect(ShortestDecimal.format(0.1) == "0.1")
        #expect(ShortestDecimal.format(1e-5) == "1e-05")
        #expect(ShortestDecimal.format(.nan) == "nan")
        #expect(ShortestDecimal.format(-.infinity) == "-inf")
        #expect(ShortestDecimal.parse("-inf") == -.infinity)
    }

    @Test func csvHasTheDocumentedHeaderAndRoundTripsExactly() throws {
        let history = try GradientDescent().train(on: TutorialDataSet().generate())
        let lines = history.csvText().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "iteration,a1,a2,loss,grad1,grad2")
        #expect(lines.count == 103)  // header, 101 rows, empty string after the final LF
        #expect(lines.last == "")
        for (k, line) in lines.dropFirst().dropLast().enumerated() {
            let cells = line.split(separator: ",")
            #expect(cells.count == 6)
            #expect(Int(cells[0]) == k)
            let values = cells.dropFirst().compactMap { ShortestDecimal.parse($0) }
            let step = history[k]
            let expected = step.parameters + [step.loss] + step.gradient
            #expect(values.map(\.bitPattern) == expected.map(\.bitPattern))
        }
    }

    @Test func higherDegreesGetMoreColumns() throws {
        let history = try GradientDescent(iterations: 2, initialParameters: [0, 0, 0, 0])
            .train(on: TutorialDataSet().generate(), degree: 3)
        #expect(history.csvHeader == "iteration,a1,a2,a3,a4,loss,grad1,grad2,grad3,grad4")
    }

    @Test func jsonRoundTripsExactlyAndDeterministically() throws {
        let data = try TutorialDataSet().generate()
        for rate in [0.1, 1.5] {
            let history = try GradientDescent(learningRate: rate).train(on: data)
            let json = try history.jsonData()
            let back = try TrainingHistory(jsonData: json)
            #expect(back == history)
            #expect(back.divergence == history.divergence)
            #expect(try back.jsonData() == json)
        }
    }

    @Test func nonFiniteValuesSurviveJSON() throws {
        let steps = [
            TrainingStep(iteration: 0, parameters: [1, 2], loss: 3, gradient: [4, 5]),
            TrainingStep(
                iteration: 1, parameters: [.infinity, -.infinity], loss: .nan, gradient: [0.1, -0.0]),
        ]
        let history = try TrainingHistory(
            learningRate: 2, requestedIterations: 5, steps: steps,
            divergence: Divergence(iteration: 1, reason: .nonFinite))
        let json = try history.jsonData()
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"nan\"") && text.contains("\"-inf\""))
        let back = try TrainingHistory(jsonData: json)
        #expect(back[1].parameters == [.infinity, -.infinity])
        #expect(back.losses[1].isNaN)
        #expect(back[1].gradient[1].sign == .minus)
        #expect(back.divergence == Divergence(iteration: 1, reason: .nonFinite))
    }

    @Test func inconsistentHistoriesAreRejected() {
        let row = TrainingStep(iteration: 0, parameters: [1, 2], loss: 1, gradient: [0, 0])
        #expect(throws: HistoryError.noSteps) {
            try TrainingHistory(learningRate: 0.1, requestedIterations: 0, steps: [])
        }
        #expect(throws: HistoryError.iterationOutOfOrder(row: 1, iteration: 0)) {
            try TrainingHistory(learningRate: 0.1, requestedIterations: 1, steps: [row, row])
        }
        #expect(throws: HistoryError.self) {
            try TrainingHistory(jsonData: Data("{\"steps\": 3}".utf8))
        }
    }
}
