import Testing

@testable import FitPlot

struct HeatMapTests {
    /// matplotlib 3.11.2: `[colormaps["viridis"](t, bytes=True)[:3] for t in (0, .25, .5, .999, 1)]`.
    @Test func viridisMatchesMatplotlibBytes() {
        let expected: [(Double, UInt8, UInt8, UInt8)] = [
            (0, 68, 1, 84), (0.25, 58, 82, 139), (0.5, 32, 144, 140), (0.999, 253, 231, 36),
            (1, 253, 231, 36),
        ]
        for (t, r, g, b) in expected {
            let rgb = Colormap.viridis.rgb(t, lower: 0, upper: 1)
            #expect(rgb.map { [$0.0, $0.1, $0.2] } == [r, g, b], "t = \(t)")
        }
        #expect(Colormap.viridis.rgb(.nan, lower: 0, upper: 1) == nil)
        #expect(Colormap.viridis.table.count == 256)
    }

    /// z = x + 2y sampled at the centres of 2 × 2 cells on (0, 2)²: 1.5, 2.5 (bottom row),
    /// 3.5, 4.5 (top row). matplotlib:
    /// `colormaps["viridis"](Normalize(1.5, 4.5)([[3.5, 4.5], [1.5, 2.5]]), bytes=True)`
    /// = [[53,183,120], [253,231,36]], [[68,1,84], [48,103,141]] (top row first, like the raster).
    @Test func rasterRowsRunTopToBottom() throws {
        let mark = try HeatMapMark.sampling(x: AxisRange(0, 2), y: AxisRange(0, 2), columns: 2, rows: 2) {
            x, y in x + 2 * y
        }
        #expect(mark.values == [1.5, 2.5, 3.5, 4.5])
        let raster = mark.raster()
        #expect(raster.width == 2 && raster.height == 2)
        #expect(raster.pixels == [53, 183, 120, 255, 253, 231, 36, 255, 68, 1, 84, 255, 48, 103, 141, 255])
    }

    @Test func nonFiniteCellsAreTransparentAndCounted() throws {
        let mark = try HeatMapMark(
            x: AxisRange(0, 1), y: AxisRange(0, 1), columns: 2, rows: 1, values: [.nan, 1])
        #expect(mark.skippedNonFiniteCount == 1)
        #expect(Array(mark.raster().pixels[0..<4]) == [0, 0, 0, 0])
        #expect(throws: PlotError.self) {
            try HeatMapMark(x: AxisRange(0, 1), y: AxisRange(0, 1), columns: 2, rows: 2, values: [1, 2, 3])
        }
    }

    @Test func drawnAsOneRasterOverTheExtentInsideTheClip() throws {
        var figure = try Figure()
        try figure.mainAxes.setLimits(x: (0, 2), y: (0, 1))
        try figure.mainAxes.heatMap(
            x: AxisRange(0, 1), y: AxisRange(0, 1), columns: 3, rows: 2, isDynamic: true
        ) { x, _ in x }
        let recorder = RecordingRenderer(size: figure.size)
        figure.draw(on: recorder, layers: .dynamicOnly)
        #expect(recorder.lines.count == 4)
        #expect(recorder.lines[2].hasPrefix("raster 3x2 fnv="))
        #expect(recorder.lines[2].hasSuffix(" in [80.000,57.600 248.000x369.600] smooth=false"))
    }

    /// Hand-worked marching squares on one cell (corners a = (0,0), b = (1,0), c = (1,1), d = (0,1)).
    @Test func marchingSquaresSegments() {
        // b and c above 0.5: a vertical segment at x = 0.5.
        let vertical = MarchingSquares(columns: 2, rows: 2, values: [0, 1, 0, 1]).segments(level: 0.5)
        #expect(vertical.count == 1)
        #expect(vertical.first.map { [$0.0.x, $0.0.y, $0.1.x, $0.1.y] } == [0.5, 0, 0.5, 1])
        // Saddle a = c = 1, b = d = 0, mean 0.5 ≥ level: the high corners connect, cutting off b and d.
        let saddle = MarchingSquares(columns: 2, rows: 2, values: [1, 0, 0, 1]).segments(level: 0.5)
        #expect(saddle.map { [$0.0.x, $0.0.y, $0.1.x, $0.1.y] } == [[0, 0.5, 0.5, 1], [0.5, 0, 1, 0.5]])
        // Level outside the values: nothing.
        #expect(MarchingSquares(columns: 2, rows: 2, values: [0, 1, 0, 1]).segments(level: 2).isEmpty)
    }

    @Test func contourLinesFollowTheLevel() throws {
        // z = x on (0, 4) with 4 columns: centres 0.5 … 3.5; level 2 is the line x = 2.
        var mark = try HeatMapMark.sampling(x: AxisRange(0, 4), y: AxisRange(0, 1), columns: 4, rows: 3) {
            x, _ in x
        }
        mark.contourLevels = [2]
        let segments = try #require(mark.contourSegments().first)
        #expect(segments.count == 2)
        #expect(segments.allSatisfy { abs($0.start.x - 2) < 1e-12 && abs($0.end.x - 2) < 1e-12 })
    }
}
