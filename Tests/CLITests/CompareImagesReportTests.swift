import FitPNG
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `compare-images` reports: HTML, JUnit XML, GitHub annotations; SSIM, masks, fast paths.
@Suite("compare-images reports")
struct CompareImagesReportTests {
    let folder: TemporaryFolder
    let white: RGBAImage
    let dotted: RGBAImage

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    init() throws {
        folder = try TemporaryFolder()
        white = try RGBAImage(width: 40, height: 30, fill: (255, 255, 255, 255))
        var pixels = white.pixels
        for y in 10..<14 {
            for x in 20..<26 {
                let i = (y * 40 + x) * 4
                pixels[i + 1] = 0
                pixels[i + 2] = 0
            }
        }
        dotted = try RGBAImage(width: 40, height: 30, pixels: pixels)
    }

    /// Two folders: one equal pair, one changed, one missing, one extra, and one name with a
    /// control character and markup in it.
    func makeFolders() throws -> (String, String) {
        let expected = try folder.subfolder("expected")
        let actual = try folder.subfolder("actual")
        let odd = "odd\u{1}<b>&\".png"
        for (name, image) in [("same.png", white), ("changed.png", white), ("gone.png", white), (odd, white)]
        {
            _ = try folder.write(image, "expected/\(name)")
        }
        for (name, image) in [
            ("same.png", white), ("changed.png", dotted), ("new.png", white), (odd, dotted),
        ] {
            _ = try folder.write(image, "actual/\(name)")
        }
        return (expected, actual)
    }

    @Test("--junit writes JUnit XML that a schema and an XML parser accept, one test case per image")
    func junit() throws {
        let (expected, actual) = try makeFolders()
        let path = folder.path("junit.xml")
        let run = try CompareImagesProcess.run([expected, actual, "--junit", path])
        #expect(run.status == 1)
        let xml = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!xml.unicodeScalars.contains { $0.value == 1 })
        #expect(xml.contains("odd\u{FFFD}&lt;b&gt;&amp;&quot;.png"))
        #if canImport(FoundationXML) || os(macOS)
            let document = try XMLDocument(contentsOf: URL(fileURLWithPath: path))
            let root = try #require(document.rootElement())
            #expect(root.name == "testsuites")
            let cases = try root.nodes(forXPath: "testsuite/testcase")
            #expect(cases.count == 5)
            #expect(root.attribute(forName: "tests")?.stringValue == "5")
            #expect(root.attribute(forName: "failures")?.stringValue == "4")
            let failed = try root.nodes(forXPath: "testsuite/testcase[failure]").compactMap {
                ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue
            }
            #expect(Set(failed) == ["changed.png", "gone.png", "new.png", "odd\u{FFFD}<b>&\".png"])
            let message = try root.nodes(forXPath: "testsuite/testcase[@name='changed.png']/failure/@message")
            // 24 pixels differ by 255 in G and B: RMS = sqrt(24 × 2 × 255² / (1200 × 3)) = 29.4449.
            #expect(message.first?.stringValue == "rms 29.4449 > 0; mismatched pixels 24 > 0")
        #endif
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") {
            let schema = Self.repositoryRoot.appendingPathComponent("Tests/CLITests/Fixtures/junit.xsd").path
            let check = try ProcessRunner.runTool("/usr/bin/xmllint", ["--noout", "--schema", schema, path])
            #expect(check.status == 0, "\(check.standardError)")
        }
    }

    @Test("--github-annotations prints one ::error line per failed image, escaped")
    func annotations() throws {
        let (expected, actual) = try makeFolders()
        let run = try CompareImagesProcess.run([expected, actual, "--github-annotations"])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").filter { $0.hasPrefix("::error ") }
        #expect(lines.count == 4)
        #expect(
            lines.contains {
                $0 == "::error file=\(actual)/changed.png,title=compare-images%3A changed.png fail::"
                    + "rms 29.4449 > 0; mismatched pixels 24 > 0"
            }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("::error file=\(expected)/gone.png,") })
        #expect(!run.stdout.unicodeScalars.contains { $0.value == 1 })
        let refused = try CompareImagesProcess.run([expected, actual, "--github-annotations", "--json"])
        #expect(refused.status == 2)
    }

    @Test("--report writes a self-contained page with every image, escaped text and no network")
    func report() throws {
        let (expected, actual) = try makeFolders()
        let dir = folder.path("report")
        let run = try CompareImagesProcess.run([expected, actual, "--report", dir, "--ignore", "0,0,4,4"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("report: \(dir)/index.html"))
        let html = try String(contentsOfFile: dir + "/index.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("odd\u{FFFD}&lt;b&gt;&amp;&quot;.png"))
        #expect(!html.contains("<b>&"))
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        for external in ["http://", "https://", "//cdn", "<link", "@import"] {
            #expect(!html.contains(external), "the page refers to \(external)")
        }
        // Every image the page names exists in the folder.
        let sources = html.components(separatedBy: "src=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!sources.isEmpty)
        for source in Set(sources) {
            #expect(FileManager.default.fileExists(atPath: dir + "/" + source), "missing \(source)")
        }
        // Worst first: the missing image is listed before the changed one, passes last.
        let order = ["gone.png", "changed.png", "new.png", "same.png"].map {
            html.range(of: ">\($0)<")?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(html.contains("ignored pixels"))

        // The same folder may be rewritten; a folder of the user's may not.
        #expect(try CompareImagesProcess.run([expected, actual, "--report", dir]).status == 1)
        let foreign = try folder.subfolder("mine")
        try Data("keep".utf8).write(to: URL(fileURLWithPath: foreign + "/notes.txt"))
        let refused = try CompareImagesProcess.run([expected, actual, "--report", foreign])
        #expect(refused.status == 2)
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: foreign) == ["notes.txt"])
        let intoInput = try CompareImagesProcess.run([expected, actual, "--report", actual])
        #expect(intoInput.status == 2)
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(
        "the report in headless Chromium: no console error, every image decodes, the slider and blink work",
        .enabled(if: chromium != nil, "needs chromium (Scripts/setup.sh --with-chromium)"),
        .timeLimit(.minutes(2)))
    func reportInChromium() throws {
        let (expected, actual) = try makeFolders()
        let dir = folder.path("report")
        let run = try CompareImagesProcess.run([
            expected, actual, "--report", dir, "--ssim-min", "0.99", "--ignore", "0,0,8,8",
        ])
        #expect(run.status == 1)
        let script = Self.repositoryRoot.appendingPathComponent("Scripts/report-in-chromium.py").path
        let check = try ProcessRunner.runTool(
            "/usr/bin/env", ["python3", script, dir + "/index.html", "--chromium", Self.chromium ?? ""],
            timeout: 100)
        #expect(check.status == 0, "\(check.standardOutput)\n\(check.standardError)")
        let result = try #require(
            try JSONSerialization.jsonObject(with: Data(check.standardOutput.utf8)) as? [String: Any])
        #expect(result["problems"] as? [String] == [])
        // 5 items; the changed pairs show expected, actual, diff, wipe and tiles.
        #expect((result["images"] as? Int ?? 0) >= 20)
    }

    @Test("--ssim-min fails below it and --json then has an ssim key; --diff-style ssim writes the map")
    func ssim() throws {
        let a = try folder.write(white, "a.png")
        let b = try folder.write(dotted, "b.png")
        let loose = ["--rms-tolerance", "255", "--max-mismatched-pixels", "1000"]
        let json = try CompareImagesProcess.run([a, b, "--json", "--ssim-min", "0.5"] + loose)
        #expect(json.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let value = try #require(object["ssim"] as? Double)
        #expect(value > 0.5 && value < 1)
        let strict = try CompareImagesProcess.run([a, b, "--ssim-min", "0.999"] + loose)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("ssim "))
        let map = folder.path("map.png")
        #expect(try CompareImagesProcess.run([a, b, "--diff", map, "--diff-style", "ssim"]).status == 1)
        let image = try PNGDecoder().decodeFile(atPath: map)
        #expect(image[0, 0] == (255, 255, 255, 255))
        #expect(image[22, 12].r < 128)
        let noKey = try CompareImagesProcess.run([a, b, "--json"])
        #expect(!noKey.stdout.contains("\"ssim\""))
    }

    @Test("--ignore and --mask leave pixels out of every metric; bad values exit 2 with one line")
    func masks() throws {
        let a = try folder.write(white, "a.png")
        let b = try folder.write(dotted, "b.png")
        #expect(try CompareImagesProcess.run([a, b, "--ignore", "20,10,6,4"]).status == 0)
        #expect(try CompareImagesProcess.run([a, b, "--ignore", "20,10,6,3"]).status == 1)
        #expect(
            try CompareImagesProcess.run([a, b, "--ignore", "20,10,3,4", "--ignore", "23,10,3,4"]).status == 0
        )
        var maskPixels = [UInt8](repeating: 0, count: 40 * 30 * 4)
        for y in 8..<16 { for x in 18..<30 { maskPixels[(y * 40 + x) * 4 + 3] = 255 } }
        let mask = try folder.write(try RGBAImage(width: 40, height: 30, pixels: maskPixels), "mask.png")
        let masked = try CompareImagesProcess.run([a, b, "--mask", mask, "--json"])
        #expect(masked.status == 0)
        #expect(masked.stdout.contains("\"ignoredPixels\" : 96"))
        let small = try folder.write(try RGBAImage(width: 4, height: 4, fill: (0, 0, 0, 255)), "small.png")
        for bad in [
            ["--ignore", "1,2,3"], ["--ignore", "a,b,c,d"], ["--ignore", "0,0,0,5"], ["--mask", small],
            ["--mask", folder.path("nothing.png")], ["--ssim-min", "2"], ["--report", ""],
        ] {
            let run = try CompareImagesProcess.run([a, b] + bad)
            #expect(run.status == 2, "\(bad)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(bad): \(run.stderr)")
        }
    }

    @Test("byte-identical files pass without being decoded; identical copies of a non-PNG are refused")
    func fastPaths() throws {
        let a = try folder.write(dotted, "a.png")
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: a)))
        let copy = folder.path("copy.png")
        try Data(bytes).write(to: URL(fileURLWithPath: copy))
        #expect(try CompareImagesProcess.run([a, copy]).status == 0)
        // Pixel data that libpng cannot inflate but a header that is intact: byte-identical
        // copies still pass (nothing was decoded), different ones cannot be compared.
        let idat = try #require(
            PNGChunk.signature.count + 25 < bytes.count ? PNGChunk.signature.count + 25 : nil)
        for i in (idat + 8)..<(idat + 16) { bytes[i] ^= 0x5A }
        let broken1 = folder.path("broken1.png")
        let broken2 = folder.path("broken2.png")
        try Data(bytes).write(to: URL(fileURLWithPath: broken1))
        try Data(bytes).write(to: URL(fileURLWithPath: broken2))
        #expect(try CompareImagesProcess.run([broken1, broken2, "--json"]).stdout.contains("\"width\" : 40"))
        #expect(try CompareImagesProcess.run([a, broken1]).status == 2)
        let text1 = folder.path("t1.png")
        let text2 = folder.path("t2.png")
        try Data("not a png".utf8).write(to: URL(fileURLWithPath: text1))
        try Data("not a png".utf8).write(to: URL(fileURLWithPath: text2))
        let refused = try CompareImagesProcess.run([text1, text2])
        #expect(refused.status == 2)
        #expect(refused.stderr.split(separator: "\n").count == 1)
    }
}
