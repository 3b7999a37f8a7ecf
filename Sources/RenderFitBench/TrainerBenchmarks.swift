import FitTrainer

/// Gradient descent on the tutorial's data by point count, 100 updates (data generation not
/// timed). Comparable with numpy's vectorised `X @ a`, `X.T @ r` loop.
enum TrainerBenchmarks {
    static func run(pointCounts: [Int], iterations: Int, runs: Int, output: BenchOutput) throws {
        for points in pointCounts {
            let data = try TutorialDataSet(count: points).generate()
            let trainer = GradientDescent(iterations: iterations)
            var finalLoss = 0.0
            let timing = try Timing.measure(runs: runs) {
                finalLoss = try trainer.train(on: data).losses.last ?? .nan
            }
            output.add(
                BenchResult(
                    group: "trainer", name: "\(points) points x \(iterations)", timing: timing,
                    extra: [
                        "finalLoss": finalLoss,
                        "nsPerPointIteration": timing.median * 1e6 / Double(points * iterations),
                    ]))
        }
    }
}
