/// The command line of `render-fit-bench`:
///
///     render-fit-bench [GROUP…] [--json] [--quick] [--runs N]
///     render-fit-bench export-data --out DIR [--points N] [--iterations N]
///
/// GROUP is any of frames, encode, trainer, optimizers, apng, job, pipeline (default: all of them).
/// Parsed by hand: the benchmark stays free of dependencies so that it compiles in seconds
/// with the rest of the package during `swift test`.
struct BenchArguments {
    static let groups = ["frames", "encode", "trainer", "optimizers", "apng", "job", "pipeline", "panels"]
    static let usage = """
        usage: render-fit-bench [GROUP...] [--json | --json-out FILE] [--quick] [--runs N]
               render-fit-bench export-data --out DIR [--points N] [--iterations N]
        GROUP: \(groups.joined(separator: ", ")) (default: all)
          frames    frame rendering on one thread by size (640x480, 1280x960) and points (100, 100000)
          encode    PNG encoding of one frame by zlib level, row filter and strategy
          trainer   gradient descent, 1e3...1e6 points x 100 iterations
          optimizers  gd, momentum, adam on the line, 1e6 points x 100 steps; mlp:16 Adam,
                    1e4 points x 1000 steps; allocations of --batch-size 32 steps
          apng      the APNG writer on 101 encoded frames
          job       the whole frames job (files, manifest, history), 101 and 1000 frames, 1 and 2 threads
          pipeline  whole job per frame on 1 thread / encoding the same images alone
        --json      one JSON array of rows on standard output instead of tables
        --json-out FILE  tables on standard output and the JSON array into FILE
        --quick     fewer runs and smaller cases (CI smoke test)
        --points N  frames: only this point count (repeatable)
        --runs N    timed runs per case (default 7, quick 3); one untimed warm-up run precedes them
        """

    var groups: [String] = []
    var json = false
    var jsonFile: String?
    var quick = false
    var runs: Int?
    var exportFolder: String?
    var exportPoints = 100
    /// `--points` given for the frames group (export-data uses the first).
    var framePoints: [Int] = []
    var exportIterations = 100
    var isExport = false

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ flag: String) throws -> String {
            guard let next = rest.popFirst() else { throw BenchError("\(flag) needs a value\n\(Self.usage)") }
            return next
        }
        func positive(_ flag: String) throws -> Int {
            let text = try value(flag)
            guard let number = Int(text), number >= 1 else {
                throw BenchError("\(flag) \(text) is not allowed; use a whole number of at least 1")
            }
            return number
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--json": json = true
            case "--json-out": jsonFile = try value("--json-out")
            case "--quick": quick = true
            case "--runs": runs = try positive("--runs")
            case "--out": exportFolder = try value("--out")
            case "--points":
                exportPoints = max(2, try positive("--points"))
                framePoints.append(exportPoints)
            case "--iterations": exportIterations = try positive("--iterations")
            case "export-data": isExport = true
            case "-h", "--help": throw BenchError(Self.usage)
            default:
                guard Self.groups.contains(argument) else {
                    throw BenchError("unknown argument '\(argument)'\n\(Self.usage)")
                }
                groups.append(argument)
            }
        }
        if isExport, exportFolder == nil { throw BenchError("export-data needs --out DIR") }
        if groups.isEmpty { groups = Self.groups }
    }

    var timedRuns: Int { runs ?? (quick ? 3 : 7) }
}
