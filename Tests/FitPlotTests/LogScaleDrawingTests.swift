import Testing

@testable import FitPlot

/// Log axes through the whole drawing path: automatic limits, the transform, every mark, tick
/// marks and labels, as recorded by `RecordingRenderer`.
struct LogScaleDrawingTests {
    static func record(_ figure: Figure) -> [String] {
        let recorder = RecordingRenderer(size: figure.size)
        figure.draw(on: recorder)
        return recorder.lines
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * abs(b) }

    /// Expected limits from matplotlib 3.11.2 (/tmp/logscale/limits.py):
    ///     fig, ax = plt.subplots(); ax.set_yscale('log'); ax.plot(range(len(ys)), ys); ax.get_ylim()
    /// (no plot for the empty case).
    @Test(
        arguments: [
            ([0.09, 8], 0.07191179602496338, 10.012265578098754),
            ([], 0.8912509381337455, 11.220184543019636),
            ([5, 5], 0.8912509381337455, 11.220184543019636),
            ([100, 100], 7.943282347242818, 1258.925411794168),
            ([0.0831, 7.2, -1, 0, 3], 0.06648358809934823, 8.9995142726941),
            ([1e-3, 1e12], 0.00017782794100389203, 5623413251903.505),
        ] as [([Double], Double, Double)])
    func automaticLimitsMatchMatplotlib(_ ys: [Double], _ lower: Double, _ upper: Double) throws {
        var axes = Axes()
        axes.yScale = .log10
        if !ys.isEmpty { try axes.plot(x: ys.indices.map(Double.init), y: ys) }
        let y = axes.resolvedLimits.y
        #expect(Self.close(y.lower, lower) && Self.close(y.upper, upper), "\(y)")
        // Non-positive values are skipped and counted like NaN.
        #expect(axes.skippedNonFiniteCount == ys.filter { $0 <= 0 }.count)
    }

    @Test func nonPositiveExplicitLimitsAreIgnoredOnALogAxis() throws {
        var axes = Axes()
        try axes.plot(x: [0, 1], y: [0.09, 8])
        try axes.setLimits(y: (-1, 10))
        #expect(axes.resolvedLimits.y == AxisRange(unchecked: -1, 10))
        axes.yScale = .log10
        #expect(Self.close(axes.resolvedLimits.y.lower, 0.07191179602496338))
    }

    /// Tick marks and labels of `ax.set_yscale('log'); ax.set_ylim(0.08, 10)` on the default
    /// 640 × 480 figure. Layout y of a value, from matplotlib (/tmp/logscale/positions.py):
    /// 480 − ax.transData.transform((0, v))[1] = 410.1187 (0.1), 233.8594 (1), 57.6 (10),
    /// 286.9187 (0.5). Ticks are 3.5 pt = 4.861 and minor ones 2 pt = 2.778 layout units long;
    /// labels end a tick length + 3.5 pt pad left of the spine (x = 70.278), their baseline half
    /// the recorder's ascent (0.76 × 13.889 / 2 = 5.278) below the tick.
    @Test func tickMarksAndLabelsOnTheDefaultFigure() throws {
        var figure = try Figure()
        figure.mainAxes.yScale = .log10
        try figure.mainAxes.setLimits(x: (0, 1), y: (0.08, 10))
        let lines = Self.record(figure)
        let major = try #require(
            lines.first { $0.hasPrefix("stroke #000000ff w=1.000") && $0.contains("L(75.139,") })
        #expect(major.contains("M(80.000,410.119) L(75.139,410.119)"))
        #expect(major.contains("M(80.000,233.859) L(75.139,233.859)"))
        #expect(major.contains("M(80.000,57.600) L(75.139,57.600)"))
        let minor = try #require(lines.first { $0.hasPrefix("stroke #000000ff w=0.750") })
        #expect(minor.contains("M(80.000,286.919) L(77.222,286.919)"))
        // 18 minor ticks, no minor tick on a decade.
        #expect(minor.ranges(of: "M(").count == 18)
        #expect(!minor.contains(",233.859)"))
        #expect(lines.contains { $0.hasPrefix("text \"10⁰\" at (70.278,239.137)") })
        #expect(lines.contains { $0.hasPrefix("text \"10⁻¹\" at (70.278,415.396)") })
        #expect(lines.contains { $0.hasPrefix("text \"10¹\" at (70.278,62.878)") })
        #expect(!lines.contains { $0.contains("×10") })
    }

    @Test func aLineBreaksAtNonPositiveValues() throws {
        var figure = try Figure()
        figure.mainAxes.yScale = .log10
        try figure.mainAxes.setLimits(x: (0, 5), y: (1, 10))
        try figure.mainAxes.plot(
            x: [0, 1, 2, 3, 4, 5], y: [1, 10, 0, 1, 10, -1], color: Color(hex: 0x1f77b4))
        #expect(figure.mainAxes.skippedNonFiniteCount == 2)
        let stroke = try #require(Self.record(figure).first { $0.hasPrefix("stroke #1f77b4ff") })
        // Two runs: (0, 1)–(1, 10) and (3, 1)–(4, 10); x = 80 + 496·x/5, y 1 → 427.2, 10 → 57.6.
        #expect(stroke.hasSuffix("M(80.000,427.200) L(179.200,57.600) M(377.600,427.200) L(476.800,57.600)"))
    }

    @Test func scatterSegmentsRectanglesAndTextSkipWhatALogAxisCannotShow() throws {
        var figure = try Figure()
        figure.mainAxes.xScale = .log10
        try figure.mainAxes.setLimits(x: (1, 100), y: (0, 1))
        try figure.mainAxes.scatter(x: [10, 0, -5], y: [0.5, 0.5, 0.5], color: .black)
        figure.mainAxes.segments(
            [
                DataSegment(start: DataPoint(x: 10, y: 0), end: DataPoint(x: 10, y: 1)),
                DataSegment(start: DataPoint(x: 0, y: 0), end: DataPoint(x: 10, y: 1)),
            ], color: Color(hex: 0x00ff00))
        figure.mainAxes.rectangles(
            [
                DataSegment(start: DataPoint(x: 1, y: 0), end: DataPoint(x: 10, y: 0.5)),
                DataSegment(start: DataPoint(x: -1, y: 0), end: DataPoint(x: 10, y: 0.5)),
            ], fill: Color(hex: 0xff0000))
        figure.mainAxes.text("shown", at: .data(DataPoint(x: 10, y: 0.5)))
        figure.mainAxes.text("hidden", at: .data(DataPoint(x: 0, y: 0.5)))
        #expect(figure.mainAxes.skippedNonFiniteCount == 2 + 1 + 1 + 1)
        let lines = Self.record(figure)
        // x = 10 is half-way between 1 and 100 on a log axis: 80 + 496 / 2 = 328.
        #expect(lines.contains { $0.hasPrefix("markers") && $0.hasSuffix("n=1 (328.000,242.400)") })
        let segments = try #require(lines.first { $0.hasPrefix("stroke #00ff00ff") })
        #expect(segments.hasSuffix("M(328.000,427.200) L(328.000,57.600)"))
        let fill = try #require(lines.first { $0.hasPrefix("fill #ff0000ff") })
        #expect(fill.ranges(of: "M(").count == 1 && fill.contains("(80.000,427.200)"))
        #expect(lines.contains { $0.hasPrefix("text \"shown\" at (328.000,242.400)") })
        #expect(!lines.contains { $0.contains("hidden") })
    }

    /// y = x on log–log axes is the diagonal: every vertex of the sampled curve lies on it.
    @Test func anInfiniteLineIsSampledOnLogAxes() throws {
        var figure = try Figure()
        figure.mainAxes.xScale = .log10
        figure.mainAxes.yScale = .log10
        try figure.mainAxes.setLimits(x: (1, 1000), y: (1, 1000))
        figure.mainAxes.line(slope: 1, intercept: 0, color: Color(hex: 0x1f77b4))
        let layout = figure.layout()
        let recorder = RecordingRenderer(size: figure.size)
        figure.draw(on: recorder)
        let stroke = try #require(recorder.lines.first { $0.hasPrefix("stroke #1f77b4ff") })
        #expect(stroke.ranges(of: " L(").count == InfiniteLineMark.logSampleCount)
        #expect(stroke.contains("M(80.000,427.200)") && stroke.hasSuffix("L(576.000,57.600)"))
        // The middle vertex (i = 128) is at x = 10^1.5, the centre of the plot area.
        let t = layout.transform
        let mid = t.point(x: ElementaryMath.pow(10, 1.5), y: ElementaryMath.pow(10, 1.5))
        #expect(abs(mid.x - 328) < 1e-9 && abs(mid.y - 242.4) < 1e-9)
        #expect(stroke.contains("L(328.000,242.400)"))
    }

    @Test func transformRoundTripsOnLogAxes() throws {
        let t = AxesTransform(
            x: try AxisRange(1e-3, 1e3), y: try AxisRange(0.5, 8),
            plotArea: Rect(x: 80, y: 57.6, width: 496, height: 369.6), xScale: .log10, yScale: .log10)
        for p in [DataPoint(x: 1, y: 2), DataPoint(x: 0.01, y: 0.7), DataPoint(x: 500, y: 7.9)] {
            let back = t.dataPoint(t.point(p))
            #expect(Self.close(back.x, p.x) && abs(back.y - p.y) <= 1e-12 * p.y)
        }
        let centreBottom = t.point(x: 1, y: 0.5)
        #expect(abs(centreBottom.x - 328) < 1e-12 && abs(centreBottom.y - 427.2) < 1e-12)
        #expect(t.layoutX(0).isNaN && t.layoutY(-2).isNaN)
        #expect(!t.canShow(DataPoint(x: 0, y: 1)) && t.canShow(DataPoint(x: 1e-300, y: 1)))
    }
}
