import Testing

@testable import FitPlot

struct FigureMiscTests {
    @Test func colourCyclesLikeMatplotlib() throws {
        var axes = Axes()
        try axes.scatter(x: [0], y: [0])
        try axes.plot(x: [0, 1], y: [0, 1])
        axes.line(slope: 1, intercept: 0)
        let scatter = try #require(axes.marks[0] as? ScatterMark)
        let first = try #require(axes.marks[1] as? PolylineMark)
        let second = try #require(axes.marks[2] as? InfiniteLineMark)
        // Separate cycles for patches/collections and lines: both start with tab10 blue.
        #expect(scatter.color == Color(hex: 0x1f77b4))
        #expect(first.appearance.color == Color(hex: 0x1f77b4))
        #expect(second.appearance.color == Color(hex: 0xff7f0e))
    }

    @Test func markerAndLineDefaultsInLayoutUnits() throws {
        var figure = try Figure()
        try figure.mainAxes.scatter(x: [0.5], y: [0.5], color: .black, alpha: 0.5)
        try figure.mainAxes.plot(x: [0, 1], y: [0, 1], color: .black)
        try figure.mainAxes.setLimits(x: (0, 1), y: (0, 1))
        let recorder = RecordingRenderer(size: figure.size)
        figure.draw(on: recorder)
        // 6 pt at 100 dpi = 8.333, 1 pt edge = 1.389; 1.5 pt = 2.083; alpha 0.5 → 0x80.
        #expect(
            recorder.lines.contains {
                $0.hasPrefix(
                    "markers circle size=8.333 fill=#00000080 edge=#00000080/1.389 n=1 (328.000,242.400)")
            })
        #expect(
            recorder.lines.contains {
                $0.hasPrefix("stroke #000000ff w=2.083 cap=butt join=round M(80.000,427.200)")
            })
    }

    @Test func figureTextsAndSuptitle() throws {
        var figure = try Figure(rows: 1, columns: 2)
        figure.suptitle = "Loss"
        figure.suptitleIsDynamic = true
        figure.texts = [FigureText("left", x: 0.25, y: 0.5, anchor: TextAnchor(.center, .center))]
        let recorder = RecordingRenderer(size: figure.size)
        figure.draw(on: recorder, layers: .dynamicOnly)
        // matplotlib's suptitle: x 0.5, y 0.98, va top, 12 pt.
        #expect(
            recorder.lines == [
                "text \"Loss\" at (320.000,9.600) font=DejaVu Sans/16.667/regular #000000ff anchor=center-top rot=0.000"
            ])
        recorder.removeAll()
        figure.draw(on: recorder, layers: .staticOnly)
        #expect(recorder.lines.last?.hasPrefix("text \"left\" at (160.000,240.000)") == true)
        // Two axes: two spine rectangles.
        #expect(
            recorder.lines.filter {
                $0.hasPrefix("stroke #000000ff w=1.000 cap=butt join=miter snap M(") && $0.hasSuffix("Z")
            }.count == 2)
    }

    @Test func recordingRendererFakeMetrics() {
        let r = RecordingRenderer(size: Size(width: 10, height: 10))
        let e = r.measureText("abcd", font: Font(size: 10))
        #expect(e == TextExtent(width: 24, ascent: 7.6, descent: 2.4))
        r.drawMarkers(
            at: [Point(x: -0.0004, y: 1.23456)],
            style: MarkerStyle(shape: .diamond, size: 3, fill: .white, edgeColor: .black, edgeWidth: 1))
        #expect(
            r.lines == ["markers diamond size=3.000 fill=#ffffffff edge=#000000ff/1.000 n=1 (0.000,1.235)"])
    }

    @Test func gridLinesAreOffByDefault() throws {
        var figure = try Figure()
        var r = RecordingRenderer(size: figure.size)
        figure.draw(on: r)
        #expect(!r.lines.contains { $0.hasPrefix("stroke #b0b0b0ff") })
        figure.mainAxes.showsGrid = true
        r = RecordingRenderer(size: figure.size)
        figure.draw(on: r)
        // (0, 1) limits: 6 vertical + 6 horizontal lines in one snapped stroke.
        let grid = try #require(r.lines.first { $0.hasPrefix("stroke #b0b0b0ff") })
        #expect(grid.contains(" snap ") && grid.split(separator: "M(").count - 1 == 12)
    }
}
