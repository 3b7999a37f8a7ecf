import Testing

@testable import FitPlot

struct TransformTests {
    /// matplotlib 3.11.2, `fig, ax = plt.subplots(); ax.get_position()` × (640, 480), y flipped:
    /// x 80…576, y 57.6…427.2.
    @Test func defaultPlotAreaIsMatplotlibs() throws {
        let area = try Figure().plotArea()
        #expect(abs(area.minX - 80) < 1e-9 && abs(area.maxX - 576) < 1e-9)
        #expect(abs(area.minY - 57.6) < 1e-9 && abs(area.maxY - 427.2) < 1e-9)
    }

    /// `plt.subplots(2, 2)` positions (x0·640, (1 − y1)·480, width·640, height·480):
    /// (80, 57.6, 225.4545, 168), (350.5455, 57.6, …), (80, 259.2, …), (350.5455, 259.2, …).
    @Test func gridPlotAreasMatchMatplotlibGridSpec() throws {
        var figure = try Figure(rows: 2, columns: 2)
        figure.keepsRowsApart = false  // matplotlib's hspace exactly
        #expect(figure.requiredRowGap < 0.2 * 168)  // and with no titles or labels it is not needed anyway
        figure.keepsRowsApart = true
        #expect(abs(figure.plotArea(row: 1, column: 0).minY - 259.2) < 1e-9)
        let expected: [(Double, Double)] = [
            (80, 57.6), (350.5454545454545, 57.6), (80, 259.2), (350.5454545454545, 259.2),
        ]
        for (index, (x, y)) in expected.enumerated() {
            let area = figure.plotArea(row: index / 2, column: index % 2)
            #expect(abs(area.minX - x) < 1e-9 && abs(area.minY - y) < 1e-9)
            #expect(abs(area.width - 225.45454545454544) < 1e-9 && abs(area.height - 168) < 1e-9)
        }
    }

    /// In a small grid, matplotlib's fixed 20 % gap lets the upper row's tick labels run into
    /// the lower row's title; ours widens the gap until the measured boxes are apart.
    @Test func gridRowsKeepTickLabelsAndTitlesApart() throws {
        var figure = try Figure(rows: 2, columns: 2)
        for index in 0..<4 {
            var axes = figure.axes[index]
            axes.title = "Title \(index)"
            axes.xLabel = "x"
            try axes.setLimits(x: (-1, 1), y: (0, 6))
            figure.axes[index] = axes
        }
        let upper = figure.plotArea(row: 0, column: 0)
        let lower = figure.plotArea(row: 1, column: 0)
        #expect(lower.minY - upper.maxY > figure.requiredRowGap - 1e-9)
        #expect(abs(figure.plotArea(row: 1, column: 0).maxY - 427.2) < 1e-9)  // bottom margin unchanged
        // The recorded text boxes (fake metrics 0.76/0.24 em) do not overlap.
        let renderer = RecordingRenderer(size: figure.size)
        figure.draw(on: renderer)
        let xLabelBottom = upper.maxY + figure.points.layout(3.5 + 3.5 + 4) + 2 * figure.points.layout(10)
        let lowerTitleTop = lower.minY - figure.points.layout(6) - figure.points.layout(12)
        #expect(xLabelBottom < lowerTitleTop)
        #expect(renderer.lines.contains { $0.contains("Title 2") })
    }

    @Test func dataToLayoutAndBack() throws {
        let t = AxesTransform(
            x: try AxisRange(0, 10), y: try AxisRange(0, 1),
            plotArea: Rect(x: 80, y: 57.6, width: 496, height: 369.6))
        func close(_ p: Point, _ x: Double, _ y: Double) -> Bool {
            abs(p.x - x) < 1e-9 && abs(p.y - y) < 1e-9
        }
        #expect(close(t.point(x: 0, y: 0), 80, 427.2))
        #expect(close(t.point(x: 10, y: 1), 576, 57.6))
        let middle = t.point(x: 5, y: 0.5)
        #expect(abs(middle.x - 328) < 1e-9 && abs(middle.y - 242.4) < 1e-9)
        let back = t.dataPoint(Point(x: 204, y: 150))
        #expect(abs(back.x - 2.5) < 1e-12 && abs(back.y - 0.75) < 1e-12)
        #expect(close(t.axesPoint(x: 1, y: 0), 576, 427.2))
        let r = t.rect(from: DataPoint(x: 2, y: 0.5), to: DataPoint(x: 0, y: 1))
        #expect(close(Point(x: r.x, y: r.y), 80, 57.6) && close(Point(x: r.width, y: r.height), 99.2, 184.8))
    }
}

/// The infinite line y = m·x + b cut to the box [0, 10] × [0, 10]; expected ends worked out
/// by hand (solving m·x + b = 0 or 10 where the line crosses a horizontal side).
struct LineClippingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let slope: Double
        let intercept: Double
        let expected: (Double, Double, Double, Double)?
        let name: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(slope: 1, intercept: 0, expected: (0, 0, 10, 10), name: "corner to corner"),
        Case(slope: 2, intercept: -5, expected: (2.5, 0, 7.5, 10), name: "bottom to top"),
        Case(slope: 0.5, intercept: 2, expected: (0, 2, 10, 7), name: "left to right"),
        Case(slope: 0.5, intercept: 8, expected: (0, 8, 4, 10), name: "left to top"),
        Case(slope: -0.5, intercept: 3, expected: (0, 3, 6, 0), name: "left to bottom"),
        Case(slope: -2, intercept: 25, expected: (7.5, 10, 10, 5), name: "top to right"),
        Case(slope: 0.25, intercept: -1, expected: (4, 0, 10, 1.5), name: "bottom to right"),
        Case(slope: 0, intercept: 5, expected: (0, 5, 10, 5), name: "horizontal"),
        Case(slope: 1, intercept: 20, expected: nil, name: "above"),
        Case(slope: 1, intercept: -20, expected: nil, name: "below"),
        Case(slope: 0, intercept: 11, expected: nil, name: "horizontal above"),
        Case(slope: -1, intercept: 20, expected: nil, name: "touches a corner only"),
        Case(slope: .nan, intercept: 1, expected: nil, name: "NaN slope"),
        Case(slope: 1, intercept: .infinity, expected: nil, name: "infinite intercept"),
    ]

    @Test(arguments: cases)
    func clipsToTheBox(_ c: Case) throws {
        let box = try AxisRange(0, 10)
        let clipped = clipLine(slope: c.slope, intercept: c.intercept, x: box, y: box)
        guard let e = c.expected else {
            #expect(clipped == nil)
            return
        }
        let (a, b) = try #require(clipped)
        #expect(a == DataPoint(x: e.0, y: e.1))
        #expect(b == DataPoint(x: e.2, y: e.3))
    }

    /// Ends on a horizontal side are exactly on it, not slope·x + intercept rounded.
    @Test func endsOnHorizontalSidesAreExact() throws {
        let (a, b) = try #require(
            clipLine(slope: 3, intercept: 2.5, x: AxisRange(-1, 1), y: AxisRange(-0.3, 5.1)))
        #expect(a.y == -0.3 && b.y == 5.1)
        #expect(abs(a.x - (-2.8 / 3)) < 1e-15 && abs(b.x - 2.6 / 3) < 1e-15)
    }

    @Test func drawnLineIsTheClippedSegmentInsideAClip() throws {
        var figure = try Figure()
        try figure.mainAxes.setLimits(x: (0, 10), y: (0, 10))
        figure.mainAxes.line(slope: 2, intercept: -5, color: .black, isDynamic: true)
        let recorder = RecordingRenderer(size: figure.size)
        figure.draw(on: recorder, layers: .dynamicOnly)
        // (2.5, 0) → (80 + 0.25·496, 427.2) = (204, 427.2); (7.5, 10) → (452, 57.6); width 1.5 pt = 2.083.
        #expect(
            recorder.lines == [
                "save",
                "clip [80.000,57.600 496.000x369.600]",
                "stroke #000000ff w=2.083 cap=butt join=round M(204.000,427.200) L(452.000,57.600)",
                "restore",
            ])
    }
}
