import FitTrainer
import Foundation
import Testing

/// The models, optimizers, data dialects and the help with real data, as a user runs them.
@Suite struct RenderFitModelsTests {
    @Test func historyAloneTrainsAndWritesOnlyTheHistory() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let result = try ProcessRunner.run(
            "render-fit",
            [
                "--history", temporary.path("run.csv"), "--model", "mlp:4", "--dataset", "sine",
                "--optimizer",
                "adam", "--learning-rate", "0.05", "--iterations", "30", "--batch-size", "32",
                "--shuffle-seed", "5",
            ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try temporary.contents() == ["run.csv"])
        let expected = try Trainer(
            model: .mlp(hiddenUnits: 4), optimizer: OptimizerConfiguration(kind: .adam, learningRate: 0.05),
            iterations: 30, batchSize: 32, shuffleSeed: 5
        ).train(on: GeneratedDataSet(kind: .sine).generate())
        #expect(try String(contentsOfFile: temporary.path("run.csv"), encoding: .utf8) == expected.csvText())
        // A second run does not replace it without --force.
        let again = try ProcessRunner.run("render-fit", ["--history", temporary.path("run.csv")])
        #expect(again.status == 73)
        #expect(again.standardError.contains("already exists"))
    }

    @Test func aFrenchSpreadsheetExportIsRead() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        var text = "\u{FEFF}\"année\";\"prix\";\"volume\"\r\n"
        for k in 0..<20 {
            text += "\(1990 + k);\(1000 + 12 * k),\(k % 10)5;\(k)\r\n"
        }
        try Data(text.utf8).write(to: temporary.url.appendingPathComponent("prix.csv"))
        let result = try ProcessRunner.run(
            "render-fit",
            [
                "--out", temporary.path("out"), "--data", temporary.path("prix.csv"), "--columns",
                "année,prix", "--standardize",
            ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty, "\(result.standardError)")  // converges: no warning
        let table = try CSVDataLoader.load(
            contentsOf: temporary.url.appendingPathComponent("prix.csv"),
            columns: CSVColumnSelection(parsing: "1,2"))
        #expect(table.data.y[3] == 1036.35)
        #expect(try RenderFitFramesTests.frameNames(temporary.path("out")).count == 101)
    }

    /// Points exactly on a line: the least-squares loss is 0 give or take rounding, so a warning
    /// in percent of it would print a 30-digit number. Stopped early, the warning says the
    /// optimum is 0; trained long enough, nothing is said.
    @Test func pointsOnALineGetNoPercentOfZero() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        var text = "x,y\n"
        for k in 0..<20 { text += "\(Double(k) / 10 - 1),\(2 * (Double(k) / 10 - 1) + 1)\n" }
        try Data(text.utf8).write(to: temporary.url.appendingPathComponent("line.csv"))
        let early = try ProcessRunner.run(
            "render-fit",
            [
                "--history", temporary.path("early.csv"), "--data", temporary.path("line.csv"),
                "--iterations", "10",
            ])
        #expect(early.status == 0)
        #expect(early.errorLines.count == 1, "\(early.standardError)")
        #expect(
            early.standardError.contains(
                "training stopped above the least-squares optimum, which is 0: the points lie on the model's curve"
            ),
            "\(early.standardError)")
        #expect(!early.standardError.contains("%"), "\(early.standardError)")
        let long = try ProcessRunner.run(
            "render-fit",
            [
                "--history", temporary.path("long.csv"), "--data", temporary.path("line.csv"), "--iterations",
                "20000",
            ])
        #expect(long.status == 0)
        #expect(long.standardError.isEmpty, "\(long.standardError)")
    }

    @Test func yearsAgainstPricesConvergeWithStandardizeAndTheRawRunSaysWhatToDo() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        var text = "year,price\n"
        for k in 0..<25 { text += "\(1995 + k),\(800 + 9 * k + (k % 3) * 4)\n" }
        try Data(text.utf8).write(to: temporary.url.appendingPathComponent("years.csv"))
        let raw = try ProcessRunner.run(
            "render-fit", ["--history", temporary.path("raw.csv"), "--data", temporary.path("years.csv")])
        #expect(raw.status == 0)
        #expect(raw.standardError.contains("diverged at iteration 1"))
        #expect(raw.standardError.contains("gd is stable below"))
        #expect(raw.standardError.contains("--standardize"))
        let slow = try ProcessRunner.run(
            "render-fit",
            [
                "--history", temporary.path("slow.csv"), "--data", temporary.path("years.csv"),
                "--learning-rate", "1e-7",
            ])
        #expect(slow.standardError.contains("above the least-squares optimum"), "\(slow.standardError)")
        let standardized = try ProcessRunner.run(
            "render-fit",
            ["--history", temporary.path("std.csv"), "--data", temporary.path("years.csv"), "--standardize"])
        #expect(standardized.status == 0)
        #expect(standardized.standardError.isEmpty, "\(standardized.standardError)")
        #expect(
            standardized.outputLines.contains {
                $0.hasPrefix("largest stable learning rate for gd on the standardized data: 1 ")
            })
        // The final line is reported in the data's units: close to the least-squares optimum.
        let final = try #require(standardized.outputLines.first { $0.hasPrefix("final parameters: ") })
        let best = try LeastSquares.solve(
            data: CSVDataLoader.load(contentsOf: temporary.url.appendingPathComponent("years.csv")))
        let slope = try #require(Double(final.split(separator: " ")[4].dropLast()))
        #expect(abs(slope - best[0]) < 1e-3 * abs(best[0]), "\(final) vs \(best)")
    }

    @Test func versionPrintsTheVersion() throws {
        let result = try ProcessRunner.run("render-fit", ["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }
}
