import Testing

@testable import FitPlot

struct LegendTests {
    /// An axes on (0, 10) × (0, 10) with points in the given corners (5 × 5 grids of points
    /// filling each corner's 2.5-wide square).
    static func axes(pointsIn corners: [LegendLocation]) throws -> Axes {
        var axes = Axes()
        try axes.setLimits(x: (0, 10), y: (0, 10))
        var xs: [Double] = []
        var ys: [Double] = []
        for corner in corners {
            let left = corner == .upperLeft || corner == .lowerLeft
            let upper = corner == .upperLeft || corner == .upperRight
            for i in 0..<5 {
                for j in 0..<5 {
                    xs.append((left ? 0.2 : 7.8) + Double(i) * 0.5)
                    ys.append((upper ? 7.8 : 0.2) + Double(j) * 0.5)
                }
            }
        }
        try axes.scatter(x: xs, y: ys, label: "points")
        axes.line(slope: 1, intercept: 0, label: "fit")
        return axes
    }

    static func legend(_ axes: Axes, _ location: LegendLocation) throws -> LegendLayout {
        let area = Rect(x: 80, y: 57.6, width: 496, height: 369.6)
        let (x, y) = axes.resolvedLimits
        let recorder = RecordingRenderer(size: Size(width: 640, height: 480))
        return try #require(
            LegendLayout.make(
                marks: axes.marks, location: location, transform: AxesTransform(x: x, y: y, plotArea: area),
                theme: .matplotlib, points: PointScale(dpi: 100), measure: recorder.measureText))
    }

    @Test(arguments: [
        ([LegendLocation](), LegendLocation.upperRight),
        ([.upperRight], .upperLeft),
        ([.upperRight, .upperLeft], .lowerLeft),
        ([.upperRight, .upperLeft, .lowerLeft], .lowerRight),
        ([.upperLeft, .lowerLeft, .lowerRight], .upperRight),
    ])
    func bestAvoidsTheData(occupied: [LegendLocation], expected: LegendLocation) throws {
        let legend = try Self.legend(Self.axes(pointsIn: occupied), .best)
        #expect(legend.location == expected)
    }

    @Test func bestIgnoresDynamicMarks() throws {
        var axes = try Self.axes(pointsIn: [])
        try axes.scatter(x: [9, 9.5], y: [9, 9.5], isDynamic: true)
        #expect(try Self.legend(axes, .best).location == .upperRight)
    }

    /// Box size from matplotlib's defaults in font sizes (fs = 13.889) and the recording
    /// renderer's fake text metrics (width 0.6 × fs per character, height fs):
    /// width = 2·0.4fs + 2fs + 0.8fs + 6·0.6fs = 7.2fs = 100; height = 2·0.4fs + 2fs + 0.5fs = 3.3fs;
    /// upper right inset 0.5fs from the spines.
    @Test func boxGeometryAndEntries() throws {
        let legend = try Self.legend(Self.axes(pointsIn: []), .upperRight)
        let fs = 10.0 * 100 / 72
        #expect(abs(legend.box.width - 7.2 * fs) < 1e-9)
        #expect(abs(legend.box.height - 3.3 * fs) < 1e-9)
        #expect(abs(legend.box.maxX - (576 - 0.5 * fs)) < 1e-9)
        #expect(abs(legend.box.minY - (57.6 + 0.5 * fs)) < 1e-9)
        #expect(legend.entries.map(\.label) == ["points", "fit"])
        guard case .marker(let marker) = legend.entries[0].handle, case .line = legend.entries[1].handle
        else {
            Issue.record("wrong handles")
            return
        }
        // matplotlib's default s = 36 pt² → diameter 6 pt = 8.333 layout units at 100 dpi,
        // edge 1 pt in the face colour (matplotlib: `ax.scatter([0], [0])` has sizes [36],
        // linewidths [1], edgecolor = facecolor).
        #expect(abs(marker.size - 6 * 100 / 72) < 1e-12)
        #expect(abs(marker.edgeWidth - 100 / 72) < 1e-12 && marker.edgeColor == marker.fill)
    }

    @Test func legendIsDrawnAboveMarksWithRoundedFrame() throws {
        var figure = try Figure()
        figure.mainAxes = try Self.axes(pointsIn: [.upperRight])
        figure.mainAxes.legendLocation = .best
        let recorder = RecordingRenderer(size: figure.size)
        figure.draw(on: recorder)
        let lines = recorder.lines
        let frame = try #require(lines.firstIndex { $0.hasPrefix("fill #ffffffcc") })
        #expect(lines[frame].contains(" A("))  // rounded corners
        #expect(lines[frame + 1].hasPrefix("stroke #ccccccff w=1.389"))
        #expect(lines[frame + 2].hasPrefix("markers circle") && lines[frame + 2].contains(" n=1 "))
        #expect(lines[frame + 3].hasPrefix("text \"points\""))
        let lastMark = try #require(
            lines.lastIndex { $0.hasPrefix("markers circle") && $0.contains(" n=25 ") })
        #expect(lastMark < frame)
    }
}
