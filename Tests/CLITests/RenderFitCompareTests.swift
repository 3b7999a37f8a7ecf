import FitPNG
import Foundation
import Testing

/// `render-fit --compare KEY=V1,V2,…` as a user runs it: one history per run, each equal to
/// the run alone; the manifest's runs; the same bytes for any --jobs; one-line refusals.
@Suite struct RenderFitCompareTests {
    struct Manifest: Decodable {
        struct Compare: Decodable { var key: String, values: [String] }
        struct Run: Decodable {
            struct Settings: Decodable { var commandLine: String? }
            var label: String, color: String, history: String, settings: Settings
        }
        struct Frame: Decodable {
            struct State: Decodable { var iteration: Int, parameters: [Double], loss: Double }
            var file: String, iteration: Int, runs: [State]?, parameters: [Double]?
        }
        var compare: Compare?
        var runs: [Run]?
        var frames: [Frame]
        var files: [String]
    }

    static func manifest(_ folder: String) throws -> Manifest {
        try JSONDecoder().decode(
            Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")))
    }

    /// Each compared run's history-k.csv is byte for byte the --history of the run alone, for
    /// every key that can be compared.
    @Test(arguments: [
        (
            "optimizer=gd,momentum,adam",
            [["--optimizer", "gd"], ["--optimizer", "momentum"], ["--optimizer", "adam"]]
        ),
        (
            "learning-rate=0.05,0.5,1.05",
            [["--learning-rate", "0.05"], ["--learning-rate", "0.5"], ["--learning-rate", "1.05"]]
        ),
        ("batch-size=10,100", [["--batch-size", "10"], ["--batch-size", "100"]]),
        ("model=line,poly:3,mlp:2", [["--model", "line"], ["--model", "poly:3"], ["--model", "mlp:2"]]),
    ])
    func eachRunEqualsTheRunAlone(compare: String, alone: [[String]]) throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let out = temporary.path("out")
        let common = ["--iterations", "30", "--width", "320", "--height", "240"]
        let result = try ProcessRunner.run(
            "render-fit", ["--out", out, "--compare", compare, "--quiet"] + common)
        #expect(result.status == 0, "\(result.standardError)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out).filter {
            $0.hasPrefix("history")
        }.sorted()
        #expect(names == (1...alone.count).map { "history-\($0).csv" })  // and no history.csv
        let manifest = try Self.manifest(out)
        #expect(
            manifest.compare?.values
                == compare.split(separator: "=")[1].split(separator: ",").map(String.init))
        #expect(manifest.runs?.map(\.history) == names)
        #expect(Array(manifest.files.filter { $0.hasPrefix("history") }) == names)
        for (k, flags) in alone.enumerated() {
            let single = temporary.path("alone-\(k + 1).csv")
            let run = try ProcessRunner.run("render-fit", ["--history", single, "--quiet"] + common + flags)
            #expect(run.status == 0, "\(run.standardError)")
            let compared = try Data(contentsOf: URL(fileURLWithPath: out + "/history-\(k + 1).csv"))
            #expect(
                compared == (try Data(contentsOf: URL(fileURLWithPath: single))), "run \(k + 1): \(flags)")
            // The manifest's command line of the run reproduces it alone.
            let line = manifest.runs?[k].settings.commandLine ?? ""
            #expect(
                line.contains(flags[1]) || flags == ["--optimizer", "gd"] || flags == ["--model", "line"],
                "\(line)")
        }
    }

    @Test func theManifestGivesEveryRunsStatePerFrameAndTheRunsColours() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let out = temporary.path("out")
        let result = try ProcessRunner.run(
            "render-fit",
            [
                "--out", out, "--compare", "learning-rate=0.1,1.05", "--iterations", "40", "--every", "10",
                "--quiet",
            ])
        #expect(result.status == 0, "\(result.standardError)")
        let manifest = try Self.manifest(out)
        #expect(manifest.runs?.map(\.label) == ["lr = 0.1", "lr = 1.05"])
        #expect(manifest.runs?.map(\.color) == ["#1f77b4", "#ff7f0e"])
        let rows = try String(contentsOfFile: out + "/history-2.csv", encoding: .utf8).split(separator: "\n")
        let lastRow = rows.count - 2  // the diverging run stops early
        #expect(manifest.frames.map(\.iteration) == [0, 10, 20, 30, 40])
        for frame in manifest.frames {
            #expect(frame.parameters == nil)
            #expect(frame.runs?[0].iteration == frame.iteration)
            #expect(frame.runs?[1].iteration == min(frame.iteration, lastRow))
        }
        // Frames name each run's state too.
        let text = try RenderFitFramesTests.textChunks(out + "/frame_0004.png")
        #expect(text["Iteration"] == "40")
        #expect(text["Run 2"]?.hasPrefix("lr = 1.05; iteration \(lastRow);") == true, "\(text)")
    }

    @Test func aComparisonReplacesALoneRunsHistoryAndBack() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let out = temporary.path("out")
        let base = ["--out", out, "--iterations", "5", "--width", "160", "--height", "120", "--quiet"]
        #expect(try ProcessRunner.run("render-fit", base).status == 0)
        #expect(
            try ProcessRunner.run("render-fit", base + ["--compare", "optimizer=gd,adam,rmsprop"]).status == 0
        )
        var names = try FileManager.default.contentsOfDirectory(atPath: out).filter {
            $0.hasPrefix("history")
        }
        #expect(names.sorted() == ["history-1.csv", "history-2.csv", "history-3.csv"])
        #expect(try ProcessRunner.run("render-fit", base + ["--compare", "optimizer=gd,adam"]).status == 0)
        names = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix("history") }
        #expect(names.sorted() == ["history-1.csv", "history-2.csv"])
        #expect(try ProcessRunner.run("render-fit", base).status == 0)
        names = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix("history") }
        #expect(names == ["history.csv"])
    }

    @Test func theBytesDoNotDependOnJobs() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        var digests: [[String: Data]] = []
        for jobs in ["1", "2"] {
            let out = temporary.path("jobs-\(jobs)")
            let result = try ProcessRunner.run(
                "render-fit",
                [
                    "--out", out, "--compare", "optimizer=gd,momentum,adam", "--iterations", "24", "--jobs",
                    jobs, "--panels", "fit,loss,landscape", "--width", "320", "--height", "240",
                    "--animation", out + "/race.png", "--quiet",
                ])
            #expect(result.status == 0, "\(result.standardError)")
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: out) {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
            }
            digests.append(files)
        }
        #expect(digests[0].keys.sorted() == digests[1].keys.sorted())
        #expect(digests[0].count == 25 + 3 + 2)
        for (name, bytes) in digests[0] { #expect(digests[1][name] == bytes, "\(name)") }
    }

    /// Shards of a comparison with log-spaced frames, merged with a held APNG, give the bytes of
    /// the run on one machine: the frame plan and the run list are computed the same way.
    @Test func aShardedComparisonMergesToTheSameBytes() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let run = [
            "--compare", "learning-rate=0.1,0.5", "--frames", "log", "--iterations", "300", "--width", "160",
            "--height", "120", "--quiet",
        ]
        let sharded = temporary.path("sharded")
        for part in ["1/3", "2/3", "3/3"] {
            let result = try ProcessRunner.run("render-fit", ["--out", sharded, "--shard", part] + run)
            #expect(result.status == 0, "\(result.standardError)")
        }
        let hold = ["--hold-last", "2", "--pause-start", "0.5"]
        let merged = try ProcessRunner.run(
            "render-fit",
            ["merge", "--out", sharded, "--animation", temporary.path("sharded.png"), "--quiet"] + hold)
        #expect(merged.status == 0, "\(merged.standardError)")
        let direct = temporary.path("direct")
        let one = try ProcessRunner.run(
            "render-fit", ["--out", direct, "--animation", temporary.path("direct.png")] + run + hold)
        #expect(one.status == 0, "\(one.standardError)")
        let names = try FileManager.default.contentsOfDirectory(atPath: direct).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: sharded).sorted() == names)
        #expect(names.contains("history-2.csv") && !names.contains("history.csv"))
        for name in names {
            let a = try Data(contentsOf: URL(fileURLWithPath: sharded + "/" + name))
            #expect(a == (try Data(contentsOf: URL(fileURLWithPath: direct + "/" + name))), "\(name)")
        }
        #expect(
            try Data(contentsOf: temporary.url.appendingPathComponent("sharded.png"))
                == Data(contentsOf: temporary.url.appendingPathComponent("direct.png")))
    }

    typealias BadInput = RenderFitUsageErrorTests.BadInput

    static let badInputs: [BadInput] = [
        BadInput(
            arguments: ["--compare", "optimizer"],
            mentions: ["'optimizer'", "KEY=V1,V2", "learning-rate, optimizer, batch-size or model"]),
        BadInput(
            arguments: ["--compare", "speed=1,2"],
            mentions: ["'speed'", "learning-rate, optimizer, batch-size or model"]),
        BadInput(arguments: ["--compare", "optimizer=adam"], mentions: ["1 value", "at least 2"]),
        BadInput(
            arguments: ["--compare", "optimizer=gd,\u{1B}[31mred"],
            mentions: ["'\\u{1B}[31mred'", "gd, momentum"]),
        BadInput(
            arguments: ["--compare", "learning-rate=1,2,3,4,5,6,7,8,9,10,11"],
            mentions: ["11 values", "at most 10"]),
        BadInput(arguments: ["--compare", "optimizer=gd,adam,gd"], mentions: ["'gd' is given twice"]),
        BadInput(arguments: ["--compare", "learning-rate=0.1,0.10"], mentions: ["'0.10' is given twice"]),
        BadInput(
            arguments: ["--compare", "optimizer=gd,sgd"],
            mentions: ["'sgd'", "gd, momentum, nesterov, rmsprop or adam"]),
        BadInput(arguments: ["--compare", "optimizer=gd,,adam"], mentions: ["''", "gd, momentum"]),
        BadInput(
            arguments: ["--compare", "learning-rate=0.1,nan"], mentions: ["'nan'", "finite number above 0"]),
        BadInput(arguments: ["--compare", "learning-rate=0.1,0"], mentions: ["'0'", "above 0"]),
        BadInput(
            arguments: ["--compare", "batch-size=10,0"], mentions: ["'0'", "1 to the number of points"]),
        BadInput(arguments: ["--compare", "batch-size=10,101"], mentions: ["batch size 101", "1 to 100"]),
        BadInput(arguments: ["--compare", "model=line,tree"], mentions: ["'tree'", "poly:D"]),
        BadInput(
            arguments: ["--compare", "model=line,poly:3", "--init", "1,2"],
            mentions: ["--init '1,2'", "--compare model"]),
        BadInput(
            arguments: ["--compare", "optimizer=gd,adam", "--optimizer", "adam"],
            mentions: ["--optimizer", "--compare optimizer"]),
        BadInput(
            arguments: ["--compare", "learning-rate=0.1,0.5", "--learning-rate", "0.2"],
            mentions: ["--learning-rate", "--compare learning-rate"]),
        BadInput(
            arguments: ["--compare", "batch-size=5,10", "--batch-size", "20"],
            mentions: ["--batch-size", "--compare batch-size"]),
        BadInput(
            arguments: ["--compare", "model=line,poly:2", "--model", "poly:3"],
            mentions: ["--model", "--compare model"]),
        BadInput(
            arguments: ["--compare", "optimizer=gd,adam", "--momentum", "0.5"],
            mentions: ["--momentum", "gd, adam"]),
        BadInput(
            arguments: ["--compare", "optimizer=gd,adam", "--history", "@/h.csv"],
            mentions: ["--history", "history-1.csv"]),
        BadInput(
            arguments: ["--compare", "optimizer=gd,adam", "--figures", "@/f"],
            mentions: ["--figures", "--compare"]),
    ]

    @Test(arguments: badInputs)
    func badInputIsOneLineExit64AndWritesNothing(input: BadInput) throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let arguments =
            ["--out", temporary.path("out")]
            + input.arguments.map { $0.replacingOccurrences(of: "@", with: temporary.url.path) }
        let result = try ProcessRunner.run("render-fit", arguments)
        RenderFitUsageErrorTests.expectUsageError(result, mentions: input.mentions)
        // No terminal escape from the command line reaches the terminal.
        #expect(!result.standardError.unicodeScalars.contains { $0.value == 0x1B })
        #expect(try temporary.contents().isEmpty)
    }

    @Test func aComparisonNeedsFramesToDraw() throws {
        let result = try ProcessRunner.run("render-fit", ["--compare", "optimizer=gd,adam"])
        #expect(result.status == 64)
        #expect(result.errorLines.count == 1)
    }
}
