import Foundation
import Testing

/// The options an example shares with render-fit come from render-fit's own option groups
/// (RenderFitOptions): the same limits and the same one-line message, before anything is
/// written; only the defaults are the example's.
@Suite struct ExamplesOptionsTests {
    struct Refusal: CustomTestStringConvertible, Sendable {
        var example: String
        var arguments: [String]
        /// The message render-fit gives for the same value.
        var message: String
        var testDescription: String { ([example] + arguments).joined(separator: " ") }
    }

    static let refusals: [Refusal] = [
        Refusal(
            example: "article", arguments: ["--jobs", "0"],
            message: "--jobs 0 is not allowed; use a whole number from 1 to 64"),
        Refusal(example: "article", arguments: ["--lang", "de"], message: "use en or fr"),
        Refusal(
            example: "learning-rates", arguments: ["--fps", "101"],
            message: "--fps 101 is not allowed; use a whole number from 1 to 100"),
        Refusal(
            example: "learning-rates", arguments: ["--jobs", "65"],
            message: "--jobs 65 is not allowed; use a whole number from 1 to 64"),
        Refusal(
            example: "your-data", arguments: ["--iterations", "0"],
            message: "--iterations 0 is not allowed; use a whole number from 1 to 1000000"),
        Refusal(
            example: "your-data", arguments: ["--learning-rate", "-0.5"],
            message: "--learning-rate -0.5 is not allowed; use a finite number above 0, such as 0.1"),
    ]

    @Test(arguments: refusals)
    func aBadSharedOptionIsRefusedWithRenderFitsMessageBeforeAnythingIsWritten(_ refusal: Refusal) throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/refused"
        let run = try ExampleProcess.run(refusal.example, ["--out", out, "--quick"] + refusal.arguments)
        #expect(run.status == 64)
        #expect(run.standardError.contains(refusal.message), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func eachExampleStatesItsOwnDefaultInTheSharedHelp() throws {
        // Help is wrapped to the terminal's width: compare with single spaces.
        func help(_ example: String) throws -> String {
            try ExampleProcess.run(example, ["--help"]).standardOutput
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let article = try help("article")
        #expect(
            article.contains("--lang <en|fr> Language of titles and labels, en or fr (default fr;"),
            "\(article)")
        let rates = try help("learning-rates")
        #expect(rates.contains("from 1 to 100 (default 10;"), "\(rates)")
        let yours = try help("your-data")
        #expect(yours.contains("en or fr (default en;"), "\(yours)")
    }
}
