import Foundation
import Testing

/// Every bad input: exit status 64, exactly one line on standard error naming the value and
/// what is allowed, nothing on standard output, and nothing written.
@Suite struct RenderFitUsageErrorTests {
    struct BadInput: Sendable, CustomTestStringConvertible {
        /// Arguments after `--out <temporary>/out`; `@` stands for the temporary directory.
        let arguments: [String]
        /// Text the one-line message must contain.
        let mentions: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let badInputs: [BadInput] = [
        BadInput(arguments: ["--iterations", "0"], mentions: ["--iterations 0", "1 to 1000000"]),
        BadInput(arguments: ["--iterations", "-3"], mentions: ["--iterations -3", "1 to 1000000"]),
        BadInput(arguments: ["--iterations", "1000001"], mentions: ["1000001", "1 to 1000000"]),
        BadInput(arguments: ["--iterations", "many"], mentions: ["'many'", "1 to 1000000"]),
        BadInput(arguments: ["--learning-rate", "0"], mentions: ["--learning-rate 0", "above 0"]),
        BadInput(arguments: ["--learning-rate", "-0.1"], mentions: ["-0.1", "above 0"]),
        BadInput(arguments: ["--learning-rate", "nan"], mentions: ["nan", "finite"]),
        BadInput(arguments: ["--learning-rate", "inf"], mentions: ["inf", "finite"]),
        BadInput(arguments: ["--learning-rate", "fast"], mentions: ["'fast'", "above 0"]),
        BadInput(arguments: ["--init", "1"], mentions: ["'1'", "a1,a2"]),
        BadInput(arguments: ["--init", "1,2,3"], mentions: ["'1,2,3'", "a1,a2"]),
        BadInput(arguments: ["--init", "one,two"], mentions: ["'one,two'", "a1,a2"]),
        BadInput(arguments: ["--init", "1,inf"], mentions: ["'1,inf'", "finite"]),
        BadInput(arguments: ["--points", "1"], mentions: ["--points 1", "2 to 10000000"]),
        BadInput(arguments: ["--points", "10000001"], mentions: ["10000001", "2 to 10000000"]),
        BadInput(arguments: ["--seed", "-1"], mentions: ["'-1'", "0 to 18446744073709551615"]),
        BadInput(arguments: ["--data", "@/missing.csv"], mentions: ["missing.csv", "no such file"]),
        BadInput(arguments: ["--data", "@"], mentions: ["is a directory"]),
        BadInput(arguments: ["--data", "@/bad.csv"], mentions: ["bad.csv", "line 3, column 2", "'abc'"]),
        BadInput(arguments: ["--data", "@/one.csv"], mentions: ["one.csv", "1 point", "at least 2"]),
        BadInput(arguments: ["--data", "@/bad.csv", "--points", "5"], mentions: ["--points", "--data"]),
        BadInput(arguments: ["--history", "@/h.txt"], mentions: ["h.txt", ".csv or .json"]),
        BadInput(arguments: ["--history", "@/nowhere/h.csv"], mentions: ["nowhere", "does not exist"]),
        BadInput(arguments: ["--colour", "red"], mentions: ["--colour"]),
        BadInput(arguments: ["--width", "0"], mentions: ["--width 0", "16 to 16384"]),
        BadInput(arguments: ["--width", "20000"], mentions: ["--width 20000", "16 to 16384"]),
        BadInput(arguments: ["--height", "tall"], mentions: ["'tall'", "16 to 16384"]),
        BadInput(arguments: ["--width", "16384", "--scale", "2"], mentions: ["32768", "16384"]),
        BadInput(arguments: ["--scale", "0"], mentions: ["--scale 0", "0.25 to 8"]),
        BadInput(arguments: ["--scale", "nan"], mentions: ["nan", "0.25 to 8"]),
        BadInput(arguments: ["--lang", "de"], mentions: ["'de'", "en or fr"]),
        BadInput(arguments: ["--jobs", "0"], mentions: ["--jobs 0", "1 to 64"]),
        BadInput(arguments: ["--jobs", "65"], mentions: ["--jobs 65", "1 to 64"]),
        BadInput(arguments: ["--fps", "0"], mentions: ["--fps 0", "1 to 100"]),
        BadInput(arguments: ["--fps", "101"], mentions: ["--fps 101", "1 to 100"]),
        BadInput(
            arguments: ["--figures", "@/figs", "--format", "gif"], mentions: ["'gif'", "png, svg or pdf"]),
        BadInput(arguments: ["--figures", "@/plain-file"], mentions: ["plain-file", "existing file"]),
        BadInput(arguments: ["--animation", "@/movie.avi"], mentions: ["movie.avi", ".png or .apng"]),
        BadInput(arguments: ["--animation", "@/nowhere/a.png"], mentions: ["nowhere", "does not exist"]),
        BadInput(arguments: ["--animation", "@/out/frame_0000.png"], mentions: ["frame_0000.png", "own"]),
        BadInput(arguments: ["--history", "@/out/manifest.json"], mentions: ["manifest.json", "own"]),
    ]

    /// Fixtures every case can refer to; the test checks that nothing else appears.
    private static let fixtures = ["bad.csv", "one.csv", "plain-file"]

    private func makeFixtures(in temporary: TemporaryDirectory) throws {
        try Data("x,y\n1,2\n3,abc\n".utf8).write(to: temporary.url.appendingPathComponent("bad.csv"))
        try Data("x,y\n1,2\n".utf8).write(to: temporary.url.appendingPathComponent("one.csv"))
        try Data("not a directory".utf8).write(to: temporary.url.appendingPathComponent("plain-file"))
    }

    private func expectUsageError(
        _ result: ProcessResult, mentions: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 64, "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.errorLines.count == 1, "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardError.hasPrefix("render-fit: "), sourceLocation: sourceLocation)
        #expect(result.standardOutput.isEmpty, sourceLocation: sourceLocation)
        for text in mentions {
            #expect(
                result.standardError.contains(text), "\(result.standardError)", sourceLocation: sourceLocation
            )
        }
    }

    @Test(arguments: badInputs)
    func badInputIsOneLineExit64AndWritesNothing(input: BadInput) throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try makeFixtures(in: temporary)
        let arguments =
            ["--out", temporary.path("out")]
            + input.arguments.map { $0.replacingOccurrences(of: "@", with: temporary.url.path) }
        let result = try ProcessRunner.run("render-fit", arguments)
        expectUsageError(result, mentions: input.mentions)
        #expect(try temporary.contents() == Self.fixtures)  // no "out" directory
    }

    @Test func outputPathNamingAFileIsRejected() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try makeFixtures(in: temporary)
        let onFile = try ProcessRunner.run("render-fit", ["--out", temporary.path("plain-file")])
        expectUsageError(onFile, mentions: ["plain-file", "existing file"])
        let insideFile = try ProcessRunner.run("render-fit", ["--out", temporary.path("plain-file/sub")])
        expectUsageError(insideFile, mentions: ["plain-file", "file"])
        #expect(try temporary.contents() == Self.fixtures)
        #expect(
            try String(contentsOfFile: temporary.path("plain-file"), encoding: .utf8) == "not a directory")
    }

    @Test func missingOutputOptionIsAUsageError() throws {
        let result = try ProcessRunner.run("render-fit", [])
        expectUsageError(result, mentions: ["--out"])
    }
}
