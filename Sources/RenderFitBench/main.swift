import Foundation

// render-fit-bench: release-mode benchmarks of every stage of render-fit (see BenchArguments
// for the command line and Scripts/bench.sh for the comparison with matplotlib and gnuplot).

func runBenchmarks(_ arguments: BenchArguments) throws {
    if arguments.isExport, let folder = arguments.exportFolder {
        try PeerDataExport.write(
            to: folder, points: arguments.exportPoints, iterations: arguments.exportIterations)
        return
    }
    let output = BenchOutput(json: arguments.json, jsonFile: arguments.jsonFile)
    let runs = arguments.timedRuns
    let quick = arguments.quick
    for group in arguments.groups {
        switch group {
        case "frames":
            try FrameBenchmarks.run(
                sizes: quick ? [(640, 480)] : [(640, 480), (1280, 960)],
                pointCounts: arguments.framePoints.isEmpty ? [100, 100_000] : arguments.framePoints,
                runs: runs,
                output: output)
        case "encode":
            try EncodeBenchmarks.run(runs: runs, output: output)
        case "trainer":
            try TrainerBenchmarks.run(
                pointCounts: quick ? [1_000, 1_000_000] : [1_000, 10_000, 100_000, 1_000_000],
                iterations: 100,
                runs: runs, output: output)
        case "optimizers":
            try OptimizerBenchmarks.run(quick: quick, runs: runs, output: output)
        case "apng":
            try APNGBenchmarks.run(runs: runs, output: output)
        case "job":
            try JobBenchmarks.run(
                frameCounts: quick ? [101] : [101, 1_000], jobCounts: [1, 2], withAnimation: true,
                runs: quick ? 2 : max(3, runs / 2), output: output)
        case "pipeline":
            try PipelineBenchmarks.run(frames: 101, runs: runs, output: output)
        case "panels":
            try PanelBenchmarks.run(runs: runs, quick: quick, output: output)
        default:
            throw BenchError("unknown group \(group)")
        }
    }
    try output.finish()
}

do {
    #if DEBUG
        FileHandle.standardError.write(
            Data("render-fit-bench: debug build; numbers mean little (use -c release)\n".utf8))
    #endif
    try runBenchmarks(BenchArguments(Array(CommandLine.arguments.dropFirst())))
} catch {
    FileHandle.standardError.write(Data("render-fit-bench: \(error)\n".utf8))
    exit(64)
}
