import Foundation
import Testing

/// The README is part of the product: its command-line reference must be the tools' real
/// `--help`, and every file it shows or names must exist.
@Suite struct ReadmeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func readme() throws -> String {
        try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// `tool --help` at 100 columns, as Scripts/update-readme-help.sh pastes it (`tool` may
    /// be a subcommand: "render-fit merge").
    static func help(_ tool: String) throws -> String {
        let words = tool.split(separator: " ").map(String.init)
        let process = Process()
        process.executableURL = try ProcessRunner.executable(named: words[0])
        process.arguments = Array(words.dropFirst()) + ["--help"]
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "100"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The fenced block between the README's BEGIN/END markers for `tool`.
    static func readmeBlock(_ tool: String, in readme: String) -> String? {
        let lines = readme.components(separatedBy: "\n")
        guard let begin = lines.firstIndex(where: { $0.hasPrefix("<!-- BEGIN \(tool) --help") }),
            let end = lines.firstIndex(where: { $0.hasPrefix("<!-- END \(tool) --help") }), end > begin + 2
        else { return nil }
        return lines[(begin + 2)..<(end - 1)].joined(separator: "\n")
    }

    @Test(arguments: ["render-fit", "render-fit merge", "compare-images"])
    func theCommandLineReferenceIsTheToolsHelp(tool: String) throws {
        let block = try #require(
            Self.readmeBlock(tool, in: try Self.readme()), "no \(tool) block in README.md")
        let help = try Self.help(tool).trimmingCharacters(in: .newlines)
        #expect(
            block == help,
            "README.md's \(tool) reference differs from `\(tool) --help`; run Scripts/update-readme-help.sh")
    }

    @Test func everyFileTheReadmeShowsExists() throws {
        let readme = try Self.readme()
        // Markdown images and links to repository paths.
        let pattern = /\]\(((?:Examples|Scripts|Sources|Tests)\/[^)\s]+)\)/
        var paths = readme.matches(of: pattern).map { String($0.output.1) }
        paths += [
            "Scripts/setup.sh", "Scripts/test.sh", "Scripts/assemble-animation.sh", "Scripts/make-gallery.sh",
        ]
        #expect(paths.count > 5)
        for path in paths {
            #expect(
                FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(path).path), "\(path)"
            )
        }
    }

    /// The regression-test example in the README is a real test (ReadmeExampleTests.swift):
    /// every line of the snippet must appear there, so the two cannot drift apart.
    @Test func theReadmeTestExampleIsARealTest() throws {
        let readme = try Self.readme()
        let snippet = try #require(
            readme.components(separatedBy: "```swift\n").dropFirst().first?
                .components(separatedBy: "```").first)
        let test = try String(
            contentsOf: Self.root.appendingPathComponent("Tests/FitAnimationTests/ReadmeExampleTests.swift"),
            encoding: .utf8)
        let testLines = Set(test.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        let snippetLines = snippet.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        #expect(snippetLines.count >= 5)
        #expect(snippetLines.contains { $0.hasPrefix("assertSnapshot(") })
        for line in snippetLines {
            #expect(testLines.contains(line), "README line not in ReadmeExampleTests.swift: \(line)")
        }
    }

    /// The README's package lines for users name products and traits that exist.
    @Test func theReadmePackageLinesNameRealProducts() throws {
        let readme = try Self.readme()
        let manifest = try String(
            contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let products = readme.components(separatedBy: ".product(name: \"").dropFirst().compactMap { rest in
            rest.components(separatedBy: "\", package: \"render-fit\")").count > 1
                ? rest.components(separatedBy: "\"").first : nil
        }
        #expect(Set(products) == ["FigureSnapshotTesting", "FitAnimation", "SnapshotTestingRenderFit"])
        for product in products {
            #expect(manifest.contains(".library(name: \"\(product)\""), "\(product)")
        }
        #expect(readme.contains("traits: [\"SwiftSnapshotTesting\"]"))
        #expect(manifest.contains(".trait(\n            name: \"SwiftSnapshotTesting\""))
        #expect(
            readme.contains("// swift-tools-version: 6.1")
                && manifest.hasPrefix("// swift-tools-version: 6.1"))
    }

    @Test func theQuickStartIsExactlyTheTwoCommands() throws {
        let readme = try Self.readme()
        let quickStart = try #require(readme.components(separatedBy: "## Quick start").dropFirst().first)
        let block = try #require(
            quickStart.components(separatedBy: "```sh\n").dropFirst().first?
                .components(separatedBy: "```").first)
        #expect(block == "Scripts/setup.sh && swift run render-fit --out frames/\nScripts/test.sh\n")
        // .ci/run runs what the README tells a user to run.
        let ci = try String(contentsOf: Self.root.appendingPathComponent(".ci/run"), encoding: .utf8)
        #expect(ci.contains("Scripts/test.sh"))
    }
}
