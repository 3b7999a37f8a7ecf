import FFprobeSupport
import FitAnimation
import FitOutput
import FitPNG
import FitPlot
import Foundation
import Testing

/// A frame source that is not the tutorial: a dot moving along a diagonal over a static cloud
/// of squares, with a dynamic caption. Small (96 × 64) so that every sink can be checked.
struct MovingDotSource: FrameSource {
    var frameCount = 9
    var canvasSize = Size(width: 96, height: 64)
    var scale = 1.0
    var frameEncoding = FrameEncoding.standard

    func staticFigure() throws -> Figure {
        var figure = try Figure(width: canvasSize.width, height: canvasSize.height, dpi: 50)
        figure.mainAxes.xLimits = try AxisRange(0, 1)
        figure.mainAxes.yLimits = try AxisRange(0, 1)
        try figure.mainAxes.scatter(
            x: [0.1, 0.5, 0.9, 0.3], y: [0.8, 0.2, 0.6, 0.4], color: Color(hex: 0xff7f0e), shape: .square)
        return figure
    }

    func figure(forFrame index: Int) throws -> Figure {
        var figure = try staticFigure()
        let t = Double(index) / Double(max(1, frameCount - 1))
        try figure.mainAxes.scatter(
            x: [t], y: [t], color: Color(hex: 0x1f77b4), diameterPoints: 8, isDynamic: true)
        figure.mainAxes.text("k=\(index)", at: .axes(x: 0.05, y: 0.9), isDynamic: true)
        return figure
    }

    func metadata(forFrame index: Int) -> [PNGTextChunk] { [.title("dot \(index)")] }
}

/// Collects what the renderer hands it, in the order it arrives.
final class CollectingSink: FrameSink, @unchecked Sendable {
    let needsOrder: Bool
    let needsPixels: Bool
    private let lock = NSLock()
    private var stored: [RenderedFrame] = []
    private(set) var finished = false
    private(set) var cancelled = false
    /// Throws when this frame arrives.
    var failAt: Int?

    init(needsOrder: Bool, needsPixels: Bool = false) {
        self.needsOrder = needsOrder
        self.needsPixels = needsPixels
    }

    var frames: [RenderedFrame] { lock.withLock { stored } }

    struct Planted: Error {}

    func consume(_ frame: RenderedFrame) throws {
        if frame.index == failAt { throw Planted() }
        lock.withLock { stored.append(frame) }
    }

    func finish() { finished = true }
    func cancel() { cancelled = true }
}

@Suite struct FramePipelineTests {
    /// Every frame's PNG, in frame order, rendered with `jobs` threads.
    func frames(_ source: some FrameSource, jobs: Int) throws -> [[UInt8]] {
        let sink = CollectingSink(needsOrder: true)
        try FramePipeline(source: source, jobs: jobs, quiet: true).run(into: [sink])
        #expect(sink.frames.map(\.index) == Array(0..<source.frameCount), "ordered sinks get frames in order")
        return sink.frames.map(\.png)
    }

    @Test(arguments: [FrameEncoding.standard, .whole(PNGEncoder.Options(compressionLevel: 9))])
    func anySourceHasTheSameBytesForAnyJobCount(encoding: FrameEncoding) throws {
        var source = MovingDotSource()
        source.frameCount = 23
        source.frameEncoding = encoding
        let one = try frames(source, jobs: 1)
        #expect(try frames(source, jobs: 2) == one)
        #expect(try frames(source, jobs: 5) == one)
        // The frames differ (the dot moves), and each is the whole figure drawn at once.
        #expect(Set(one).count == one.count)
        let exporter = FigureExporter()
        for index in [0, 11, 22] {
            let whole = try exporter.renderImage(source.figure(forFrame: index))
            #expect(try PNGDecoder().decode(one[index]) == whole, "frame \(index)")
        }
    }

    @Test func theSourceSuppliesEachFramesMetadata() throws {
        let png = try frames(MovingDotSource(), jobs: 2)[4]
        let text = try PNGChunk.parse(png).filter { $0.type == "tEXt" || $0.type == "iTXt" }
        #expect(text.contains { String(decoding: $0.data, as: UTF8.self).contains("Title\u{0}dot 4") })
    }

    @Test func theFolderSinkWritesEveryFrameFile() throws {
        let path = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = MovingDotSource()
        let naming = FrameNaming(lastIndex: source.frameCount - 1)
        let folder = FrameFolderSink(folder: OutputDirectory(path: path), naming: naming)
        try FramePipeline(source: source, jobs: 2, quiet: true).run(into: [folder])
        let expected = try frames(source, jobs: 1)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: path).sorted()
                == (0..<source.frameCount).map(naming.name))
        for index in 0..<source.frameCount {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path + "/" + naming.name(index))))
            #expect(bytes == expected[index], "frame \(index)")
        }
    }

    @Test func theAPNGSinkHoldsEveryFrameAtTheRate() throws {
        let path = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = MovingDotSource()
        let sink = try APNGSink(
            path: path + "/dot.png", width: 96, height: 64, frameCount: source.frameCount, fps: 8)
        try FramePipeline(source: source, jobs: 2, quiet: true).run(into: [sink])
        let animation = try APNGReader.animation(
            of: [UInt8](Data(contentsOf: URL(fileURLWithPath: path + "/dot.png"))))
        let expected = try frames(source, jobs: 1).map { try PNGDecoder().decode($0) }
        #expect(animation.frames.map(\.image) == expected)
        #expect(animation.frames.allSatisfy { $0.delaySeconds == 1.0 / 8 })
        #expect(animation.loopCount == 0)
    }

    @Test func pixelsReachAnOrderedSinkAsCairoRows() throws {
        let source = MovingDotSource()
        let sink = CollectingSink(needsOrder: true, needsPixels: true)
        try FramePipeline(source: source, jobs: 2, quiet: true).run(into: [sink])
        for frame in sink.frames {
            let image = try PNGDecoder().decode(frame.png)
            let pixels = try #require(frame.pixels)
            #expect(pixels.count == 96 * 64 * 4)
            let decoded = try pixels.withUnsafeBytes { buffer in
                try RGBAImage(premultipliedARGB32: buffer, width: 96, height: 64, stride: 96 * 4)
            }
            #expect(decoded == image, "frame \(frame.index)")
        }
    }

    @Test(.enabled(if: FFmpegEncoder.locate() != nil))
    func theFFmpegSinkMakesAVideoOfEveryFrame() throws {
        let path = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = MovingDotSource()
        let sink = try FFmpegSink(path: path + "/dot.mp4", container: .mp4, width: 96, height: 64, fps: 8)
        try FramePipeline(source: source, jobs: 2, quiet: true).run(into: [sink])
        #expect(try FileManager.default.contentsOfDirectory(atPath: path) == ["dot.mp4"])
        #expect(try FFprobe.frameCount(path + "/dot.mp4") == source.frameCount)
    }

    @Test func aFailingSinkCancelsTheOthersAndLeavesNoPartialAnimation() throws {
        let path = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = MovingDotSource()
        let apng = try APNGSink(
            path: path + "/dot.png", width: 96, height: 64, frameCount: source.frameCount, fps: 8)
        let failing = CollectingSink(needsOrder: true)
        failing.failAt = 5
        #expect(throws: CollectingSink.Planted.self) {
            try FramePipeline(source: source, jobs: 2, quiet: true).run(into: [apng, failing])
        }
        #expect(failing.cancelled && !failing.finished)
        #expect(try FileManager.default.contentsOfDirectory(atPath: path).isEmpty)
    }

    @Test func aSourceWithoutFramesIsRefused() {
        var source = MovingDotSource()
        source.frameCount = 0
        #expect(throws: AnimationError.self) { try FrameRenderer(source: source) }
    }
}
