import FitTrainer
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The trainer with each optimizer, in process (data generation not timed): the line on
/// 1,000,000 points × 100 steps for gd, momentum and adam (the numpy peer runs the same
/// vectorised loop), and `mlp:16` on 10,000 points × 1,000 Adam steps. Then the allocations
/// of mini-batch steps, counted by Scripts/peers/malloc_count.c when it is preloaded.
enum OptimizerBenchmarks {
    static func run(quick: Bool, runs: Int, output: BenchOutput) throws {
        let line = try TutorialDataSet(count: 1_000_000).generate()
        for kind in [OptimizerConfiguration.Kind.gd, .momentum, .adam] {
            let trainer = Trainer(optimizer: OptimizerConfiguration(kind: kind, learningRate: 0.05), iterations: 100)
            var finalLoss = 0.0
            let timing = try Timing.measure(runs: runs) { finalLoss = try trainer.train(on: line).losses.last ?? .nan }
            output.add(
                BenchResult(
                    group: "optimizers", name: "line \(kind.rawValue) 1000000 points x 100", timing: timing,
                    extra: ["finalLoss": finalLoss]))
        }
        let sine = try GeneratedDataSet(kind: .sine, count: 10_000).generate()
        let network = Trainer(
            model: .mlp(hiddenUnits: 16), optimizer: OptimizerConfiguration(kind: .adam, learningRate: 0.01),
            iterations: quick ? 100 : 1_000)
        var networkLoss = 0.0
        let networkTiming = try Timing.measure(runs: max(1, runs / 2)) {
            networkLoss = try network.train(on: sine).losses.last ?? .nan
        }
        output.add(
            BenchResult(
                group: "optimizers", name: "mlp:16 adam 10000 points x \(network.iterations)", timing: networkTiming,
                extra: ["finalLoss": networkLoss]))
        try allocations(output: output)
    }

    /// malloc calls of mini-batch training with 1,000 and with 2,000 steps: equal counts mean
    /// the steps allocate nothing (the history's arrays are reserved up front).
    static func allocations(output: BenchOutput) throws {
        typealias Counter = @convention(c) () -> UInt64
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_count_calls") else {
            print("optimizers: allocation count skipped (run with LD_PRELOAD=malloc_count.so, see Scripts/bench.sh)")
            return
        }
        let count = unsafeBitCast(symbol, to: Counter.self)
        // 4,000 points: below TanhNetwork's parallel threshold, whose libdispatch
        // concurrentPerform allocates a few blocks per pass of its own.
        let data = try TutorialDataSet(count: 4_000).generate()
        var counts: [String: Double] = [:]
        for model in [ModelKind.line, .mlp(hiddenUnits: 8)] {
            for steps in [1_000, 2_000] {
                let trainer = Trainer(
                    model: model, optimizer: OptimizerConfiguration(kind: .adam, learningRate: 0.01), iterations: steps,
                    batchSize: 32)
                let before = count()
                let history = try trainer.train(on: data)
                let after = count()
                precondition(history.count == steps + 1)
                counts["\(model) \(steps) steps"] = Double(after - before)
            }
        }
        print("optimizers: malloc calls of a whole --batch-size 32 training run: \(counts.sorted { $0.key < $1.key })")
        output.add(
            BenchResult(
                group: "optimizers", name: "malloc calls, batch 32", timing: Timing(milliseconds: [0]), extra: counts))
    }
}
