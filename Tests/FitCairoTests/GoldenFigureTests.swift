import FitCairo
import FitPNG
import FitPlot
import Foundation
import ImageSnapshotTesting
import Testing

/// Golden images of whole figures drawn by the plot model on the Cairo image canvas,
/// compared with `assertImageSnapshot`'s default tolerances (RMS 0.5 on 0–255, no pixel
/// beyond pixelmatch's threshold outside anti-aliasing). Every reference was looked at before
/// it was accepted (see the commit that added it).
@Suite("Golden figures")
struct GoldenFigureTests {
    /// The tutorial's point cloud shape: x uniform in [-1, 1), y = 3x + 2 + uniform [0, 1).
    /// Drawn from a fixed 64-bit LCG (Knuth's MMIX constants), top 53 bits → [0, 1), so the
    /// cloud is the same on every machine; it is not FitTrainer's generator (not a dependency
    /// of this target), only the same distribution.
    static func tutorialCloud(count: Int = 100) -> (x: [Double], y: [Double]) {
        var state: UInt64 = 2024
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(UInt64(1) << 53)
        }
        var xs: [Double] = []
        var ys: [Double] = []
        for _ in 0..<count {
            let x = uniform() * 2 - 1
            xs.append(x)
            ys.append(3 * x + 2 + uniform())
        }
        return (xs, ys)
    }

    static func render(_ figure: Figure, scale: Double = 1) throws -> RGBAImage {
        let canvas = try CairoImageCanvas(width: figure.size.width, height: figure.size.height, scale: scale)
        figure.draw(on: canvas)
        try canvas.checkStatus()
        return try canvas.withPixelData { buffer, width, height, stride in
            try RGBAImage(premultipliedARGB32: buffer, width: width, height: height, stride: stride)
        }
    }

    static func tutorialScatter() throws -> Figure {
        var figure = try Figure()
        let cloud = tutorialCloud()
        try figure.mainAxes.scatter(x: cloud.x, y: cloud.y, color: Color(hex: 0xff7f0e))
        return figure
    }

    @Test func tutorialPointCloud() throws {
        assertImageSnapshot(of: try Self.render(try Self.tutorialScatter()))
    }

    static func scatterAndLine() throws -> Figure {
        var figure = try Self.tutorialScatter()
        figure.mainAxes.line(slope: 3.02, intercept: 2.48, color: Color(hex: 0x1f77b4), label: "fit")
        figure.mainAxes.title = "Gradient descent, iteration 100"
        figure.mainAxes.xLabel = "x"
        figure.mainAxes.yLabel = "y"
        return figure
    }

    @Test func scatterAndLine() throws {
        assertImageSnapshot(of: try Self.render(try Self.scatterAndLine()))
    }

    @Test func scatterAndLineAtScale2() throws {
        assertImageSnapshot(of: try Self.render(try Self.scatterAndLine(), scale: 2))
    }

    static func grid() throws -> Figure {
        var figure = try Figure(rows: 2, columns: 2)
        let cloud = tutorialCloud()
        try figure[0, 0].scatter(x: cloud.x, y: cloud.y, label: "data")
        figure[0, 0].line(slope: 3, intercept: 2.5, label: "y = 3x + 2.5")
        figure[0, 0].title = "Data and fit"
        figure[0, 0].legendLocation = .best
        let iterations = (0..<100).map(Double.init)
        try figure[0, 1].plot(x: iterations, y: iterations.map { 0.083 + 7 * exp(-$0 / 12) }, label: "loss")
        figure[0, 1].title = "Loss"
        figure[0, 1].legendLocation = .upperRight
        let residuals = zip(cloud.x, cloud.y).prefix(20).map { x, y in
            DataSegment(start: DataPoint(x: x, y: y), end: DataPoint(x: x, y: 3 * x + 2.5))
        }
        figure[1, 0].segments(residuals, color: Color(hex: 0xd62728), widthPoints: 1, label: "residuals")
        try figure[1, 0].scatter(
            x: Array(cloud.x.prefix(20)), y: Array(cloud.y.prefix(20)), color: Color(hex: 0xff7f0e),
            label: "points")
        figure[1, 0].title = "Squared errors"
        figure[1, 0].legendLocation = .lowerRight
        try figure[1, 1].plot(
            x: [-2, -1, 0, 1], y: [-5, -3, -4, -1], dashPoints: [3.7, 1.6], label: "dashed")
        figure[1, 1].title = "Negative range"
        figure[1, 1].legendLocation = .upperLeft
        return figure
    }

    @Test func twoByTwoGridWithTitlesAndLegends() throws {
        assertImageSnapshot(of: try Self.render(try Self.grid()))
    }

    @Test func negativeTinyAndHugeRanges() throws {
        var figure = try Figure(rows: 1, columns: 3, theme: .matplotlib)
        try figure[0, 0].plot(x: [-5e-6, -1e-6, 0], y: [1e-6, 3e-6, 2e-6])
        figure[0, 0].title = "tiny"
        try figure[0, 1].plot(x: [0, 2.5e6, 5e6], y: [-1e6, 4e6, 2e6])
        figure[0, 1].title = "huge"
        try figure[0, 2].scatter(x: [-3, -2.2, -1.1], y: [-0.3, -0.7, -0.1])
        figure[0, 2].title = "negative"
        assertImageSnapshot(of: try Self.render(figure))
    }

    static func heatMap() throws -> Figure {
        var figure = try Figure()
        let cloud = tutorialCloud()
        let n = Double(cloud.x.count)
        // MSE of the fit y ≈ a1·x + a2 over the cloud: the loss landscape of the tutorial.
        try figure.mainAxes.heatMap(
            x: try AxisRange(-2, 8), y: try AxisRange(-3, 7), columns: 120, rows: 120,
            contourLevels: [0.5, 1, 2, 4, 8, 16, 32]
        ) { a1, a2 in
            zip(cloud.x, cloud.y).reduce(0) { $0 + pow(a1 * $1.0 + a2 - $1.1, 2) } / n
        }
        figure.mainAxes.title = "MSE landscape"
        figure.mainAxes.xLabel = "a1"
        figure.mainAxes.yLabel = "a2"
        return figure
    }

    @Test func contourHeatMap() throws {
        assertImageSnapshot(of: try Self.render(try Self.heatMap()))
    }
}
