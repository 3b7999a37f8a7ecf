import FFprobeSupport
import FitAnimation
import FitPNG
import FitTrainer
import Foundation
import Testing

/// The examples under Examples/, run in quick mode as a user runs them (`swift test` builds
/// them because this test target depends on their targets), with their outputs checked.
@Suite struct ExamplesTests {
    @Test func articleWritesEveryFigureTheFramesTheAnimationAndAnIndexThatOnlyLinksToThem() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/article"
        let run = try ExampleProcess.run("article", ["--out", out, "--quick"])
        try #require(run.status == 0, "\(run.standardError)")

        let names = ["points", "initial-guess", "squared-errors", "result", "loss", "loss-log"]
        for name in names {
            let png = try PNGDecoder().decodeFile(atPath: "\(out)/figures/\(name).png")
            #expect(png.width == 640 && png.height == 480, "\(name).png is \(png.width)×\(png.height)")
            let svg = try String(contentsOfFile: "\(out)/figures/\(name).svg", encoding: .utf8)
            #expect(svg.contains("<svg"), "\(name).svg is not an SVG")
        }
        // --quick trains 20 iterations: frames 0…20.
        let frames = try FileManager.default.contentsOfDirectory(atPath: out + "/frames")
            .filter { $0.hasPrefix("frame_") && $0.hasSuffix(".png") }
        #expect(frames.count == 21)
        let frame = try PNGDecoder().decodeFile(atPath: "\(out)/frames/frame_0020.png")
        #expect(frame.width == 640 && frame.height == 480)
        // H.264 when ffmpeg is there (far smaller than the APNG), the built-in APNG otherwise.
        let hasFFmpeg = FFmpegEncoder.locate() != nil
        let animation = hasFFmpeg ? "frames/animation.mp4" : "frames/animation.png"
        if hasFFmpeg {
            let size =
                try FileManager.default.attributesOfItem(atPath: out + "/" + animation)[.size] as? Int ?? 0
            #expect(size > 1000 && size < 400_000, "animation.mp4 is \(size) bytes")
            #expect(!FileManager.default.fileExists(atPath: out + "/frames/animation.png"))
            // The last frame is held 2 s: 21 frames at 25 fps play 0.84 s, then the hold.
            let duration = try #require(try FFprobe.duration(out + "/" + animation))
            #expect(abs(duration - 2.84) < 0.1, "animation.mp4 lasts \(duration) s")
        } else {
            try expectAnimation(at: out + "/" + animation, frames: 21, width: 640, height: 480)
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out + "/" + animation)))
            let last = try #require(try APNGReader.frames(of: bytes).last)
            #expect(abs(last.delaySeconds - 2.04) < 0.001, "the last frame stays \(last.delaySeconds) s")
        }

        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        let references = HTMLReferences.attributes(["src", "href"], in: html)
        #expect(references.count >= 15)
        for reference in references {
            #expect(!reference.contains("://") && !reference.hasPrefix("/"), "\(reference) is not relative")
            #expect(
                FileManager.default.fileExists(atPath: out + "/" + reference),
                "index.html links to missing \(reference)")
        }
        // The article's order, the animation between the squared errors and the result.
        let images = HTMLReferences.attributes(["src"], in: html)
        #expect(
            images == [
                "figures/points.png", "figures/initial-guess.png", "figures/squared-errors.png",
                animation, "figures/result.png", "figures/loss.png", "figures/loss-log.png",
            ])
        #expect(html.contains("lang=\"fr\"") && html.contains("lang=\"en\""))
        // French typography: a no-break space before : ; ! ? in every French paragraph.
        let french = html.components(separatedBy: "<p lang=\"fr\">").dropFirst().map {
            $0.components(separatedBy: "</p>")[0]
        }
        #expect(french.count == 7)
        for paragraph in french {
            for sign in [":", ";", "!", "?"] {
                #expect(!paragraph.contains(" " + sign), "a plain space before '\(sign)' in: \(paragraph)")
            }
        }
        // The page is French: so are the texts standing for the images.
        let alternatives = HTMLReferences.attributes(["alt"], in: html)
        #expect(alternatives.count == (hasFFmpeg ? 6 : 7))
        if hasFFmpeg {
            #expect(
                html.contains(
                    "<video src=\"frames/animation.mp4\" autoplay loop muted playsinline controls aria-label=\"La descente de gradient"
                ))
        }
        #expect(alternatives.first?.hasPrefix("Le nuage de points\u{00A0}:") == true)
        #expect(alternatives.allSatisfy { !$0.contains("The ") && !$0.contains(" the ") })
        // The first guess is written as in the French figure: (−1 ; 1).
        let scene = try Fixtures.scene(Fixtures.settings(iterations: 20, language: .fr))
        let title = ArticleFigures(scene: scene, trueLine: (3, 2)).title(.initialGuess)
        #expect(title == "Premier essai\u{00A0}: a = (−1\u{00A0}; 1)")
        #expect(french[1].contains("a = (−1\u{00A0}; 1)"))
        // Every path the run says it wrote exists.
        for line in run.standardOutput.split(separator: "\n") where line.hasPrefix("wrote /") {
            let path = String(line.dropFirst(6).split(separator: " ")[0])
            #expect(FileManager.default.fileExists(atPath: path), "\(path) was announced but is missing")
        }
    }

    @Test func articleRerunsIntoItsOwnFolderButLeavesAForeignIndexAlone() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try ExampleProcess.run("article", ["--out", root + "/mine", "--quick"])
        try #require(first.status == 0, "\(first.standardError)")
        let again = try ExampleProcess.run("article", ["--out", root + "/mine", "--quick"])
        #expect(again.status == 0, "\(again.standardError)")

        try FileManager.default.createDirectory(atPath: root + "/theirs", withIntermediateDirectories: true)
        try "my notes".write(toFile: root + "/theirs/index.html", atomically: true, encoding: .utf8)
        let refused = try ExampleProcess.run("article", ["--out", root + "/theirs", "--quick"])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("index.html"))
        #expect(try String(contentsOfFile: root + "/theirs/index.html", encoding: .utf8) == "my notes")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/theirs") == ["index.html"])
    }

    @Test func learningRatesWritesTheGridFigureAndAnAnimationOfAllRuns() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/learning-rates"
        let run = try ExampleProcess.run("learning-rates", ["--out", out, "--quick"])
        try #require(run.status == 0, "\(run.standardError)")
        // 1500 × 640: five columns of panels (see ComparisonFigure).
        let png = try PNGDecoder().decodeFile(atPath: out + "/learning-rates.png")
        #expect(png.width == 1500 && png.height == 640)
        let svg = try String(contentsOfFile: out + "/learning-rates.svg", encoding: .utf8)
        #expect(svg.contains("lr = 1.05: diverging"))
        // Classified from lr·λmax (λmax ≈ 2.03): 1.0 diverges (2.03 > 2), 0.5 oscillates (1.02).
        #expect(svg.contains("lr = 1.0: diverging"))
        #expect(svg.contains("lr = 0.5: oscillating"))
        #expect(svg.contains("lr = 0.1: monotone"))
        #expect(!svg.contains("×10⁰"), "a loss axis spans less than a decade")
        try expectAnimation(at: out + "/learning-rates-animation.png", frames: 21, width: 1500, height: 640)
        for rate in ["0.01", "0.1", "0.5", "1.0", "1.05"] {
            #expect(run.standardOutput.contains("lr \(rate) ("), "no summary line for lr \(rate)")
        }
    }

    /// The example renders through the shared pipeline: the bytes do not depend on --jobs,
    /// ffmpeg formats work, and a bad value is refused before anything is written.
    @Test func learningRatesRendersThroughThePipelineWithAnyJobsAndFFmpeg() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var animations: [[UInt8]] = []
        for jobs in ["1", "2"] {
            let run = try ExampleProcess.run(
                "learning-rates", ["--out", root + "/jobs-" + jobs, "--quick", "--jobs", jobs, "--quiet"])
            try #require(run.status == 0, "\(run.standardError)")
            animations.append(
                try [UInt8](
                    Data(
                        contentsOf: URL(fileURLWithPath: root + "/jobs-\(jobs)/learning-rates-animation.png"))
                ))
        }
        #expect(animations[0] == animations[1], "the animation depends on --jobs")

        let refused = try ExampleProcess.run(
            "learning-rates", ["--out", root + "/bad", "--quick", "--animation-format", "avi"])
        #expect(refused.status == 64)
        #expect(refused.standardError.contains("--animation-format 'avi'"))
        #expect(!FileManager.default.fileExists(atPath: root + "/bad"))

        if FFmpegEncoder.locate() != nil {
            let gif = try ExampleProcess.run(
                "learning-rates", ["--out", root + "/gif", "--quick", "--animation-format", "gif", "--quiet"])
            try #require(gif.status == 0, "\(gif.standardError)")
            let names = try FileManager.default.contentsOfDirectory(atPath: root + "/gif").sorted()
            #expect(
                names == [
                    "learning-rates-animation.gif", "learning-rates.json", "learning-rates.png",
                    "learning-rates.svg",
                ])
        }
    }

    @Test func yourDataFitsTheBundledCSVAndWritesFramesAndFigures() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/your-data"
        let run = try ExampleProcess.run("your-data", ["--out", out, "--quick"])
        try #require(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("60 points from "))
        // numpy: np.linalg.lstsq on points.csv gives a = (3.15743402, 6.52124299).
        #expect(run.standardOutput.contains("least squares (exact):  y = 3.1574·x + 6.5212"))
        for name in ["points", "result", "loss", "loss-log"] {
            let png = try PNGDecoder().decodeFile(atPath: "\(out)/figures/\(name).png")
            #expect(png.width == 640 && png.height == 480)
        }
        try expectAnimation(at: out + "/frames/animation.png", frames: 21, width: 640, height: 480)
        #expect(FileManager.default.fileExists(atPath: out + "/frames/history.csv"))
    }

    /// The figures name their axes after the CSV's header (hours, grade), as the frames of
    /// `render-fit --data` do: the example's result figure is the one drawn with those names.
    @Test func yourDataFiguresTakeTheirAxisLabelsFromTheHeader() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/your-data"
        let run = try ExampleProcess.run("your-data", ["--out", out, "--quick"])
        try #require(run.status == 0, "\(run.standardError)")
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Examples/your-data/points.csv").standardized
        let table = try CSVDataLoader.load(contentsOf: file, columns: nil)
        let names = try #require(table.columnNames)
        #expect(names.x == "hours" && names.y == "grade")
        let training = GradientDescent(iterations: 20)
        let settings = RenderSettings(
            iterations: 20, learningRate: training.learningRate,
            initialParameters: training.initialParameters,
            points: table.data.count, seed: TutorialDataSet.defaultSeed, dataFile: file.path, width: 640,
            height: 480, scale: 1, language: .en, residuals: true, fps: 25)
        let history = try training.train(on: table.data)
        func result(_ labels: (x: String, y: String)) throws -> RGBAImage {
            let scene = try TrainingScene(
                data: table.data, history: history, settings: settings, axisLabels: labels)
            return try FigureExporter().renderImage(
                ArticleFigures(scene: scene, trueLine: nil).figure(.result))
        }
        let written = try PNGDecoder().decodeFile(atPath: out + "/figures/result.png")
        #expect(written == (try result(names)), "result.png is not labelled hours / grade")
        #expect(written != (try result(("x", "y"))))
    }

    @Test func yourDataReadsAUsersFileAndNamesTheLineOfABadOne() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Points on y = 2x − 1 exactly: least squares must find it.
        try "x,y\n0,-1\n1,1\n2,3\n3,5\n".write(toFile: root + "/line.csv", atomically: true, encoding: .utf8)
        let good = try ExampleProcess.run(
            "your-data", ["--data", root + "/line.csv", "--out", root + "/out", "--quick"])
        #expect(good.status == 0, "\(good.standardError)")
        #expect(good.standardOutput.contains("least squares (exact):  y = 2.0000·x - 1.0000"))
        #expect(FileManager.default.fileExists(atPath: root + "/out/frames/frame_0020.png"))

        try "x,y\n0,1\n1,oops\n".write(toFile: root + "/bad.csv", atomically: true, encoding: .utf8)
        let bad = try ExampleProcess.run(
            "your-data", ["--data", root + "/bad.csv", "--out", root + "/bad-out"])
        #expect(bad.status != 0)
        #expect(bad.standardError.contains("line 3"), "\(bad.standardError)")
        #expect(!FileManager.default.fileExists(atPath: root + "/bad-out"))
    }

    @Test func libraryWritesItsFigureAsPNGAndPDF() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/library"
        let run = try ExampleProcess.run("library", ["--out", out])
        try #require(run.status == 0, "\(run.standardError)")
        // 960 × 400 layout units at scale 2.
        let png = try PNGDecoder().decodeFile(atPath: out + "/library.png")
        #expect(png.width == 1920 && png.height == 800)
        let pdf = try Data(contentsOf: URL(fileURLWithPath: out + "/library.pdf"))
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
    }

    private func expectAnimation(
        at path: String, frames: Int, width: Int, height: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let animation = try APNGReader.animation(of: bytes)
        #expect(animation.frames.count == frames, sourceLocation: sourceLocation)
        for frame in animation.frames {
            #expect(
                frame.image.width == width && frame.image.height == height, sourceLocation: sourceLocation)
        }
    }
}

/// The values of some attributes in an HTML page, in document order (enough for pages that
/// quote their attributes, as the article's does).
enum HTMLReferences {
    static func attributes(_ names: Set<String>, in html: String) -> [String] {
        var values: [String] = []
        var rest = Substring(html)
        while let equals = rest.range(of: "=\"") {
            let before = rest[..<equals.lowerBound]
            let name = before.reversed().prefix { $0.isLetter }.reversed()
            let afterQuote = rest[equals.upperBound...]
            guard let close = afterQuote.firstIndex(of: "\"") else { break }
            let charBefore = before.dropLast(name.count).last
            if names.contains(String(name)), charBefore == " " || charBefore == "\n" {
                values.append(String(afterQuote[..<close]))
            }
            rest = afterQuote[afterQuote.index(after: close)...]
        }
        return values
    }
}

/// Runs a built example executable found beside the test runner.
enum ExampleProcess {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static var productsDirectory: URL {
        #if os(Linux)
            URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        #else
            Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL
                .deletingLastPathComponent()
                ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        #endif
    }

    static func run(_ name: String, _ arguments: [String]) throws -> Result {
        let executable = productsDirectory.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw CocoaError(
                .fileNoSuchFile,
                userInfo: [
                    NSLocalizedDescriptionKey:
                        "no example '\(name)' in \(productsDirectory.path); build it first"
                ])
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Drain stderr on another thread so that neither pipe can fill and stall the child.
        let errorData = ErrorCollector()
        let reader = Thread { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: stdout, as: UTF8.self),
            standardError: String(decoding: errorData.value, as: UTF8.self))
    }
}

/// stderr's bytes, handed from the reading thread.
private final class ErrorCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}
