import Testing

@testable import FitPlot

struct FigureDrawingTests {
    /// A tutorial-like scene: static points and labels, a dynamic fit line, title and text.
    static func tutorialFigure() throws -> Figure {
        var figure = try Figure()
        var axes = figure.mainAxes
        try axes.scatter(
            x: [-1, -0.5, 0, 0.5, 1], y: [-1, 0.6, 2.5, 4, 5.2], color: Color(hex: 0xff7f0e), label: "data")
        axes.line(slope: 3, intercept: 2.5, color: Color(hex: 0x1f77b4), label: "fit", isDynamic: true)
        axes.title = "Iteration 12 — loss 0.4911"
        axes.titleIsDynamic = true
        axes.xLabel = "x"
        axes.yLabel = "y"
        axes.legendLocation = .best
        axes.text("a = (3, 2.5)", at: .axes(x: 0.05, y: 0.9), isDynamic: true)
        figure.mainAxes = axes
        return figure
    }

    static func record(_ figure: Figure, _ layers: DrawLayers) -> [String] {
        let recorder = RecordingRenderer(size: figure.size)
        figure.draw(on: recorder, layers: layers)
        return recorder.lines
    }

    @Test func allIsStaticThenDynamic() throws {
        let figure = try Self.tutorialFigure()
        let all = Self.record(figure, .all)
        let staticLines = Self.record(figure, .staticOnly)
        let dynamicLines = Self.record(figure, .dynamicOnly)
        #expect(!staticLines.isEmpty && !dynamicLines.isEmpty)
        #expect(all == staticLines + dynamicLines)
        // The dynamic layer: the clipped fit line, then title and text (z 3, insertion order).
        #expect(dynamicLines.count == 6)
        #expect(dynamicLines[2].hasPrefix("stroke #1f77b4ff"))
        #expect(dynamicLines[4].hasPrefix("text \"Iteration 12 — loss 0.4911\""))
        #expect(dynamicLines[5].hasPrefix("text \"a = (3, 2.5)\""))
        #expect(!staticLines.contains { $0.contains("Iteration") })
        // Blue strokes: the legend key only in the static layer, the fit line in the dynamic.
        #expect(staticLines.filter { $0.hasPrefix("stroke #1f77b4ff") }.count == 1)
        #expect(dynamicLines.filter { $0.hasPrefix("stroke #1f77b4ff") }.count == 1)
        // The legend (static) still has an entry for the dynamic line.
        #expect(staticLines.contains { $0.hasPrefix("text \"fit\"") })
    }

    @Test func staticLayerDoesNotDependOnDynamicContent() throws {
        var a = try Self.tutorialFigure()
        var b = a
        a.mainAxes.title = "Iteration 1 — loss 7.1234"
        b.mainAxes.line(slope: -50, intercept: 1e6, isDynamic: true)
        try b.mainAxes.plot(x: [-100, 100], y: [-1e3, 1e3], isDynamic: true)
        #expect(Self.record(a, .staticOnly) == Self.record(b, .staticOnly))
    }

    @Test func paintingFollowsZOrder() throws {
        var figure = try Figure()
        var axes = figure.mainAxes
        axes.showsGrid = true
        try axes.plot(x: [0, 1], y: [0, 1], color: .black)  // z 2, added first
        axes.rectangles(
            [DataSegment(start: DataPoint(x: 0, y: 0), end: DataPoint(x: 0.5, y: 0.5))],
            fill: Color(hex: 0x00ff00))  // z 0.9
        try axes.scatter(x: [0.5], y: [0.5], color: Color(hex: 0xff0000), label: "p")  // z 1
        axes.text("note", at: .data(DataPoint(x: 0.2, y: 0.8)))  // z 3
        axes.legendLocation = .upperRight  // z 5
        axes.title = "T"
        try axes.heatMap(x: AxisRange(0, 1), y: AxisRange(0, 1), columns: 2, rows: 2) { x, _ in x }  // z 0.8
        figure.mainAxes = axes
        let lines = Self.record(figure, .all)
        func first(_ predicate: (String) -> Bool) throws -> Int {
            let index = lines.firstIndex(where: predicate)
            return try #require(index)
        }
        let figureBackground = try first { $0.hasPrefix("fill #ffffffff M(0.000,0.000)") }
        let axesBackground = try first { $0.hasPrefix("fill #ffffffff M(80.000,57.600)") }
        let grid = try first { $0.hasPrefix("stroke #b0b0b0ff") }
        let raster = try first { $0.hasPrefix("raster 2x2") }
        let rectangles = try first { $0.hasPrefix("fill #00ff00ff") }
        let scatter = try first { $0.hasPrefix("markers circle") }
        let line = try first { $0.hasPrefix("stroke #000000ff w=2.083") }
        let spines = try first {
            $0.hasPrefix("stroke #000000ff w=1.000 cap=butt join=miter snap M(80.000,57.600)")
        }
        let tickLabels = try first { $0.hasPrefix("text \"0.0\"") }
        let title = try first { $0.hasPrefix("text \"T\"") }
        let note = try first { $0.hasPrefix("text \"note\"") }
        let legend = try first { $0.hasPrefix("fill #ffffffcc") }
        #expect(figureBackground == 0 && axesBackground == 1)
        let order = [
            axesBackground, grid, raster, rectangles, scatter, line, spines, tickLabels, title, note, legend,
        ]
        #expect(order == order.sorted())
        // Every data mark sits inside its own save/clip/restore; text is not clipped.
        for index in [raster, rectangles, scatter, line] {
            #expect(lines[index - 2] == "save" && lines[index - 1].hasPrefix("clip [80.000,57.600"))
        }
        #expect(lines[note - 1] != "restore" || !lines[note - 2].hasPrefix("clip"))
    }

    /// Positions checked against matplotlib 3.11.2 (`fig, ax = plt.subplots(); ax.set_xlim(0, 1);
    /// ax.set_ylim(-1, 1); ax.set_xlabel("x"); fig.canvas.draw()`, then `get_window_extent`):
    /// x tick label top 436.922, y tick label right edge 70.278, x label top 456.367 (its tick
    /// labels are 13.889 high there too, as the fake metrics give), title baseline 49.267.
    @Test func ticksAndLabelsAreLaidOutLikeMatplotlib() throws {
        var figure = try Figure()
        try figure.mainAxes.setLimits(x: (0, 1), y: (-1, 1))
        figure.mainAxes.xLabel = "x"
        figure.mainAxes.title = "T"
        let lines = Self.record(figure, .staticOnly)
        #expect(
            lines.contains {
                $0.hasPrefix("text \"T\" at (328.000,49.267)") && $0.contains("anchor=center-baseline")
            })
        // x ticks 0, 0.2 … 1 at 80 + 496·t; labels 3.5 pt tick + 3.5 pt pad below the spine:
        // 427.2 + 2 × 4.861 = 436.922, anchored at their top centre.
        #expect(
            lines.contains {
                $0.hasPrefix("text \"0.0\" at (80.000,436.922)") && $0.contains("anchor=center-top")
            })
        #expect(lines.contains { $0.hasPrefix("text \"0.6\" at (377.600,436.922)") })
        // y labels right-aligned 9.722 left of the spine, U+2212 minus, 'center_baseline': the
        // baseline half an ascent below the tick. matplotlib: window extent bottom 435.813 minus
        // DejaVu's descent 3.337 = 432.476; the fake ascent (0.76 fs) gives 427.2 + 5.278.
        #expect(
            lines.contains {
                $0.hasPrefix("text \"−1.00\" at (70.278,432.478)") && $0.contains("anchor=right-baseline")
            })
        // Font: 10 pt at 100 dpi = 13.889 layout units.
        #expect(
            lines.contains { $0.hasPrefix("text \"1.0\"") && $0.contains("font=DejaVu Sans/13.889/regular") })
        // x label below the tallest tick label (fake height 13.889) + 4 pt pad: 436.922 + 13.889 + 5.556.
        #expect(lines.contains { $0.hasPrefix("text \"x\" at (328.000,456.367)") })
        // Tick marks: one stroke, 1 unit, snapped, outward 4.861.
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "stroke #000000ff w=1.000 cap=butt join=miter snap M(80.000,427.200) L(80.000,432.061)")
            })
    }

    @Test func textSizesScaleWithDpi() throws {
        var figure = try Figure(widthInches: 6.4, heightInches: 4.8, dpi: 200)
        #expect(figure.size == Size(width: 1280, height: 960))
        figure.mainAxes.title = "T"
        let lines = Self.record(figure, .all)
        #expect(lines.contains { $0.hasPrefix("text \"T\"") && $0.contains("/33.333/") })  // 12 pt at 200 dpi
        // 10 pt at 200 dpi
        #expect(lines.contains { $0.hasPrefix("text \"0.0\"") && $0.contains("/27.778/") })
    }

    @Test func nonFiniteDataIsSkippedAndCounted() throws {
        var figure = try Figure()
        try figure.mainAxes.scatter(x: [0, .nan, 1, 2, .infinity], y: [0, 1, .nan, 2, 3])
        try figure.mainAxes.plot(x: [0, 1, .nan, 2], y: [0, 1, 5, -.infinity])
        figure.mainAxes.line(slope: .nan, intercept: 0)
        #expect(figure.mainAxes.skippedNonFiniteCount == 3 + 2 + 1)
        #expect(figure.skippedNonFiniteCount == 6)
        let lines = Self.record(figure, .all)
        #expect(!lines.joined().lowercased().contains("nan") && !lines.joined().contains("inf"))
        #expect(lines.contains { $0.hasPrefix("markers circle") && $0.contains(" n=2 ") })
        // Limits come from the finite points only: x 0…2 → (−0.1, 2.1).
        let x = figure.mainAxes.resolvedLimits.x
        #expect(abs(x.lower + 0.1) < 1e-12 && abs(x.upper - 2.1) < 1e-12)
    }

    @Test func emptyDataDrawsEmptyAxes() throws {
        var figure = try Figure()
        try figure.mainAxes.scatter(x: [], y: [])
        try figure.mainAxes.plot(x: [], y: [])
        let lines = Self.record(figure, .all)
        #expect(!lines.contains { $0.hasPrefix("markers") })
        #expect(lines.contains { $0.hasPrefix("text \"1.0\"") })  // (0, 1) limits
        #expect(throws: PlotError.mismatchedLengths(mark: "scatter", xCount: 2, yCount: 1)) {
            try figure.mainAxes.scatter(x: [1, 2], y: [1])
        }
    }

    @Test func invalidSizesAreTypedErrors() throws {
        for (w, h) in [(0.0, 480.0), (-640, 480), (640, 16_385), (.nan, 480), (640, .infinity), (0.5, 480)] {
            do {
                _ = try Figure(width: w, height: h)
                Issue.record("accepted \(w) × \(h)")
            } catch {
                guard case .invalidFigureSize = error else {
                    Issue.record("wrong error \(error)")
                    continue
                }
            }
        }
        #expect(throws: PlotError.self) { _ = try Figure(width: .nan) }
        #expect(throws: PlotError.invalidResolution(name: "dpi", value: 0)) { _ = try Figure(dpi: 0) }
        #expect(throws: PlotError.invalidGrid(rows: 0, columns: 2)) { _ = try Figure(rows: 0, columns: 2) }
        let big = try Figure(width: 10_000, height: 100)
        #expect(throws: PlotError.invalidFigureSize(width: 10_000, height: 100, scale: 2)) {
            try big.validate(scale: 2)
        }
        try big.validate(scale: 1.5)
        #expect(throws: PlotError.invalidResolution(name: "scale", value: 0)) { try big.validate(scale: 0) }
        let message = PlotError.invalidFigureSize(width: 640, height: 16_385, scale: 1).description
        #expect(message.contains("16385") && message.contains("1…16384"))
    }
}
