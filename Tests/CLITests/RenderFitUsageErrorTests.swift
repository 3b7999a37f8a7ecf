import Foundation
import Testing

/// Every bad input: exit status 64, exactly one line on standard error naming the value and
/// what is allowed, nothing on standard output, and nothing written.
@Suite struct RenderFitUsageErrorTests {
    struct BadInput: Sendable, CustomTestStringConvertible {
        /// The arguments (this suite puts `--out <temporary>/out` before them; the frame
        /// selection suite's give their own); `@` stands for the temporary directory.
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
        BadInput(
            arguments: ["--model", "mlp:2", "--init", "1,2"],
            mentions: ["'1,2'", "exactly 7", "w1,w2,b1,b2,v1,v2,c"]),
        BadInput(arguments: ["--model", "poly:13"], mentions: ["'poly:13'", "poly:D with D from 1 to 12"]),
        BadInput(arguments: ["--model", "mlp:0"], mentions: ["'mlp:0'", "H from 1 to 64"]),
        BadInput(arguments: ["--model", "tree"], mentions: ["'tree'", "line, poly:D"]),
        BadInput(
            arguments: ["--optimizer", "sgd"], mentions: ["'sgd'", "gd, momentum, nesterov, rmsprop or adam"]),
        BadInput(
            arguments: ["--optimizer", "momentum", "--momentum", "1"], mentions: ["--momentum 1.0", "[0, 1)"]),
        BadInput(
            arguments: ["--optimizer", "adam", "--beta2", "-0.1"], mentions: ["--beta2 -0.1", "[0, 1)"]),
        BadInput(
            arguments: ["--optimizer", "adam", "--epsilon", "0"], mentions: ["--epsilon 0.0", "above 0"]),
        BadInput(arguments: ["--optimizer", "rmsprop", "--rho", "nan"], mentions: ["--rho nan", "[0, 1)"]),
        BadInput(arguments: ["--beta1", "0.5"], mentions: ["--beta1", "--optimizer gd", "adam"]),
        BadInput(
            arguments: ["--batch-size", "0"], mentions: ["--batch-size 0", "1 to the number of points"]),
        BadInput(arguments: ["--batch-size", "101"], mentions: ["--batch-size 101", "1 to 100"]),
        BadInput(
            arguments: ["--data", "@/wide.csv", "--columns", "year,price", "--batch-size", "9"],
            mentions: ["batch size 9", "1 to 2"]),
        BadInput(arguments: ["--shuffle-seed", "3"], mentions: ["--shuffle-seed", "--batch-size"]),
        BadInput(arguments: ["--dataset", "cubic"], mentions: ["'cubic'", "line, quadratic or sine"]),
        BadInput(
            arguments: ["--data", "@/bad.csv", "--dataset", "sine"], mentions: ["--dataset", "--data"]),
        BadInput(arguments: ["--columns", "a,b"], mentions: ["--columns", "needs --data"]),
        BadInput(arguments: ["--data", "@/wide.csv"], mentions: ["3 fields separated by ';'", "--columns"]),
        BadInput(
            arguments: ["--data", "@/wide.csv", "--columns", "year,cost"],
            mentions: ["'cost'", "'year', 'price', 'volume'"]),
        BadInput(
            arguments: ["--data", "@/wide.csv", "--columns", "year"], mentions: ["'year'", "two columns"]),
        BadInput(
            arguments: ["--data", "@/same-x.csv"], mentions: ["all 3 x values are equal", "undetermined"]),
        BadInput(arguments: ["--data", "@/same-x.csv", "--standardize"], mentions: ["x values are equal"]),
        BadInput(
            arguments: ["--model", "mlp:2", "--init-seed", "1", "--init", "1,2,3,4,5,6,7"],
            mentions: ["--init-seed", "--init"]),
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
        BadInput(arguments: ["--panels", ""], mentions: ["--panels ''", "fit, loss, landscape"]),
        BadInput(arguments: ["--panels", "fit,surface"], mentions: ["'surface'", "fit, loss, landscape"]),
        BadInput(arguments: ["--panels", "fit,loss,fit"], mentions: ["'fit' is given twice"]),
        BadInput(arguments: ["--panels", "fit,,loss"], mentions: ["'fit,,loss'", "empty name"]),
        BadInput(
            arguments: ["--panels", "fit,loss,landscape", "--width", "6000"],
            mentions: ["18000 pixels wide", "--width is each panel's"]),
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
    private static let fixtures = ["bad.csv", "one.csv", "plain-file", "same-x.csv", "wide.csv"]

    private func makeFixtures(in temporary: TemporaryDirectory) throws {
        try Data("x,y\n1,2\n3,abc\n".utf8).write(to: temporary.url.appendingPathComponent("bad.csv"))
        try Data("x,y\n1,2\n".utf8).write(to: temporary.url.appendingPathComponent("one.csv"))
        try Data("not a directory".utf8).write(to: temporary.url.appendingPathComponent("plain-file"))
        try Data("year;price;volume\n1990;1013,5;3\n1991;1020;4\n".utf8).write(
            to: temporary.url.appendingPathComponent("wide.csv"))
        try Data("x,y\n2,1\n2,3\n2,5\n".utf8).write(to: temporary.url.appendingPathComponent("same-x.csv"))
    }

    /// Exit 64, one line on standard error starting `render-fit: ` and naming each of
    /// `mentions`, nothing on standard output: what every usage error of every suite must give.
    static func expectUsageError(
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
        Self.expectUsageError(result, mentions: input.mentions)
        #expect(try temporary.contents() == Self.fixtures)  // no "out" directory
    }

    /// Values that would reverse (U+202E), restyle (ESC) or break (LF, U+2028) the terminal's
    /// line reach the message escaped as `MessageText` shows them, on one line: a `--panels`
    /// list, a `--compare` value, an `--init` text, and a path no check quotes itself.
    @Test(arguments: [
        (["--panels", "fit,\u{202E}evil"], "--panels: unknown panel '\\u{202E}evil'"),
        (
            ["--compare", "learning-rate=0.1,\u{1B}[31m\u{202E}"],
            "'\\u{1B}[31m\\u{202E}' is not a learning rate"
        ),
        (["--init", "1,\u{2028}2"], "--init '1,\\u{2028}2' is not allowed"),
        (["--history", "@/h\u{202E}\n.txt"], "h\\u{202E}\\u{A}.txt"),
    ])
    func hostileValuesAreEscapedOnOneLine(arguments: [String], shown: String) throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let result = try ProcessRunner.run(
            "render-fit",
            ["--out", temporary.path("out")]
                + arguments.map { $0.replacingOccurrences(of: "@", with: temporary.url.path) })
        Self.expectUsageError(result, mentions: [shown])
        let line = result.standardError.dropLast()  // the newline that ends the message
        #expect(!line.unicodeScalars.contains { MessageTextScalars.unsafe($0) }, "\(result.standardError)")
    }

    @Test func outputPathNamingAFileIsRejected() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try makeFixtures(in: temporary)
        let onFile = try ProcessRunner.run("render-fit", ["--out", temporary.path("plain-file")])
        Self.expectUsageError(onFile, mentions: ["plain-file", "existing file"])
        let insideFile = try ProcessRunner.run("render-fit", ["--out", temporary.path("plain-file/sub")])
        Self.expectUsageError(insideFile, mentions: ["plain-file", "file"])
        #expect(try temporary.contents() == Self.fixtures)
        #expect(
            try String(contentsOfFile: temporary.path("plain-file"), encoding: .utf8) == "not a directory")
    }

    @Test func missingOutputOptionIsAUsageError() throws {
        let result = try ProcessRunner.run("render-fit", [])
        Self.expectUsageError(result, mentions: ["--out"])
    }
}

/// What no message may hold raw (the categories `MessageText` escapes), checked independently
/// of its implementation.
enum MessageTextScalars {
    static func unsafe(_ scalar: Unicode.Scalar) -> Bool {
        [.control, .format, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory)
    }
}
