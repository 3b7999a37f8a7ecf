import FitTrainer
import Foundation
import Testing

/// `render-fit` run as a user runs it: the built binary, as a child process.
@Suite struct RenderFitCLITests {
    @Test func defaultsPrintTheFallingLossAndWriteTheHistory() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        // A nested directory that does not exist yet: render-fit creates it.
        let result = try ProcessRunner.run("render-fit", ["--out", temporary.path("out/frames")])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)

        // The loss every 10 iterations, 0 … 100, falling, then the final parameters.
        let lossLines = result.outputLines.filter { $0.hasPrefix("iteration") }
        let iterations = lossLines.compactMap { Int($0.split(separator: " ")[1]) }
        #expect(iterations == Array(stride(from: 0, through: 100, by: 10)))
        let losses = lossLines.compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }
        #expect(losses.count == 11)
        #expect(zip(losses, losses.dropFirst()).allSatisfy { $0 > $1 })
        #expect(losses.first.map { $0 > 5 } == true)
        #expect(losses.last.map { $0 < 0.1 } == true)
        #expect(result.outputLines.contains { $0.hasPrefix("final parameters: a1 = ") })

        // history.csv is exactly what the library produces for the same defaults.
        // One frame per state (0…100), the history and the manifest; nothing else.
        let frames = (0...100).map { String(format: "out/frames/frame_%04d.png", $0) }
        #expect(
            try temporary.contents()
                == (["out", "out/frames", "out/frames/history.csv", "out/frames/manifest.json"] + frames)
                .sorted())
        let written = try String(contentsOfFile: temporary.path("out/frames/history.csv"), encoding: .utf8)
        let expected = try GradientDescent().train(on: TutorialDataSet().generate())
        #expect(written == expected.csvText())
        let rows = written.split(separator: "\n")
        #expect(rows.first == "iteration,a1,a2,loss,grad1,grad2")
        #expect(rows.count == 102)  // header + rows for iterations 0…100
    }

    /// A long run reports about 100 lines, not one every 10 iterations (10,001 for 100,000).
    @Test(arguments: [(1000, 10), (2500, 100), (20_000, 1000)])
    func longRunsPrintTheLossAtWiderIntervals(iterations: Int, interval: Int) throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let result = try ProcessRunner.run(
            "render-fit",
            ["--history", temporary.path("run.csv"), "--iterations", String(iterations), "--points", "20"])
        #expect(result.status == 0, "\(result.standardError)")
        let iterationsPrinted = result.outputLines.filter { $0.hasPrefix("iteration") }
            .compactMap { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first }
            .compactMap { Int($0) }
        #expect(iterationsPrinted == Array(stride(from: 0, through: iterations, by: interval)))
    }

    @Test func optionsChangeTheRunAndHistoryExportsRoundTrip() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let arguments = [
            "--out", temporary.path("out"), "--iterations", "25", "--learning-rate", "0.05",
            "--init", "-0.5,0.25", "--points", "40", "--seed", "7",
            "--history", temporary.path("run.json"), "--quiet",
        ]
        let result = try ProcessRunner.run("render-fit", arguments)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)  // --quiet

        let expected = try GradientDescent(
            learningRate: 0.05, iterations: 25, initialParameters: [-0.5, 0.25]
        )
        .train(on: TutorialDataSet(count: 40, seed: 7).generate())
        let json = try Data(contentsOf: temporary.url.appendingPathComponent("run.json"))
        #expect(try TrainingHistory(jsonData: json) == expected)
        let csv = try String(contentsOfFile: temporary.path("out/history.csv"), encoding: .utf8)
        #expect(csv == expected.csvText())

        // --history as CSV, into the output directory that the run creates.
        let second = try ProcessRunner.run(
            "render-fit", ["--out", temporary.path("second"), "--history", temporary.path("second/copy.csv")])
        #expect(second.status == 0, "\(second.standardError)")
        #expect(
            try String(contentsOfFile: temporary.path("second/copy.csv"), encoding: .utf8)
                == String(contentsOfFile: temporary.path("second/history.csv"), encoding: .utf8))
    }

    @Test func dataFromACSVFileIsFitted() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        // Points on y = 2x − 1 exactly, with a BOM, a header and CRLF line ends.
        try Data("\u{FEFF}x,y\r\n-1,-3\r\n0,-1\r\n0.5,0\r\n1,1\r\n".utf8)
            .write(to: temporary.url.appendingPathComponent("points.csv"))
        let result = try ProcessRunner.run(
            "render-fit",
            ["--out", temporary.path("out"), "--data", temporary.path("points.csv"), "--iterations", "3000"])
        #expect(result.status == 0, "\(result.standardError)")
        let history = try String(contentsOfFile: temporary.path("out/history.csv"), encoding: .utf8)
        let last = try #require(history.split(separator: "\n").last?.split(separator: ","))
        #expect(Int(last[0]) == 3000)
        #expect(abs((Double(last[1]) ?? .nan) - 2) < 1e-9)
        #expect(abs((Double(last[2]) ?? .nan) + 1) < 1e-9)
    }

    @Test func divergenceWarnsOnStandardErrorAndStillSucceeds() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let result = try ProcessRunner.run(
            "render-fit", ["--out", temporary.path("out"), "--learning-rate", "1.5"])
        #expect(result.status == 0)
        #expect(result.errorLines.count == 1)
        #expect(result.standardError.contains("diverged at iteration"))
        #expect(result.standardError.contains("--learning-rate"))
        let expected = try GradientDescent(learningRate: 1.5).train(on: TutorialDataSet().generate())
        let divergence = try #require(expected.divergence)
        #expect(result.standardError.contains("iteration \(divergence.iteration) "))
        let csv = try String(contentsOfFile: temporary.path("out/history.csv"), encoding: .utf8)
        #expect(csv == expected.csvText())
        #expect(csv.split(separator: "\n").count == divergence.iteration + 2)
    }

    @Test func anExistingOutputDirectoryIsReusedAndUnrelatedFilesKept() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try FileManager.default.createDirectory(
            at: temporary.url.appendingPathComponent("out"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: temporary.url.appendingPathComponent("out/notes.txt"))
        let result = try ProcessRunner.run("render-fit", ["--out", temporary.path("out"), "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try String(contentsOfFile: temporary.path("out/notes.txt"), encoding: .utf8) == "mine")
        #expect(
            try String(contentsOfFile: temporary.path("out/history.csv"), encoding: .utf8).hasPrefix(
                "iteration,"))
    }

    @Test func aHistoryFileItDidNotWriteIsNeverOverwritten() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try FileManager.default.createDirectory(
            at: temporary.url.appendingPathComponent("out"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: temporary.url.appendingPathComponent("out/history.csv"))
        let result = try ProcessRunner.run("render-fit", ["--out", temporary.path("out"), "--quiet"])
        #expect(result.status == 73)
        #expect(result.errorLines.count == 1)
        #expect(result.standardError.contains("history.csv"))
        #expect(try temporary.contents() == ["out", "out/history.csv"])
        #expect(try String(contentsOfFile: temporary.path("out/history.csv"), encoding: .utf8) == "old")
    }
}
