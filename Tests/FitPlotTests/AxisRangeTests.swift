import Testing

@testable import FitPlot

/// Automatic limits compared with matplotlib 3.11.2: `ax.scatter(xs, xs); ax.get_xlim()`.
struct AxisRangeTests {
    @Test func automaticLimitsMatchMatplotlib() {
        func auto(_ lo: Double, _ hi: Double) -> (Double, Double) {
            let r = AxisRange.automatic(dataMinimum: lo, dataMaximum: hi)
            return (r.lower, r.upper)
        }
        #expect(auto(2, 2) == (1.89, 2.1100000000000003))
        #expect(auto(0, 10) == (-0.5, 10.5))
        #expect(auto(0, 0) == (-0.05500000000000001, 0.05500000000000001))
        #expect(auto(-3.7, -0.2) == (-3.875, -0.024999999999999994))
        let empty = AxisRange.automatic(dataMinimum: nil, dataMaximum: nil)
        #expect(empty == AxisRange(unchecked: 0, 1))
    }

    @Test func explicitLimitsAreValidated() {
        #expect(throws: PlotError.invalidLimits(axis: "x", lower: 1, upper: 1)) {
            try AxisRange(1, 1, axis: "x")
        }
        #expect(throws: PlotError.self) { try AxisRange(2, 1) }
        #expect(throws: PlotError.self) { try AxisRange(.nan, 1) }
        #expect(throws: PlotError.self) { try AxisRange(0, .infinity) }
        var axes = Axes()
        #expect(throws: PlotError.self) { try axes.setLimits(y: (3, -3)) }
    }

    @Test func autoscaleIgnoresDynamicMarks() throws {
        var axes = Axes()
        try axes.scatter(x: [0, 10], y: [0, 1])
        try axes.plot(x: [-100, 100], y: [-100, 100], isDynamic: true)
        let (x, y) = axes.resolvedLimits
        #expect((x.lower, x.upper) == (-0.5, 10.5))
        #expect((y.lower, y.upper) == (-0.05, 1.05))
    }

    @Test func heatMapExtentIsNotPadded() throws {
        var axes = Axes()
        try axes.heatMap(x: AxisRange(-2, 4), y: AxisRange(0, 1), columns: 4, rows: 3) { x, y in x + y }
        let (x, y) = axes.resolvedLimits
        #expect((x.lower, x.upper, y.lower, y.upper) == (-2, 4, 0, 1))
    }
}
