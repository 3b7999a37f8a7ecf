import Testing

@testable import FitPlot

/// One axis range and the ticks matplotlib 3.11 draws for it.
struct LogCase: CustomStringConvertible {
    var axis: String
    var lower: Double
    var upper: Double
    var size: (Double, Double)
    var major: [(Double, String)]
    var minor: [(Double, String)]
    var description: String { "\(axis) \(lower)…\(upper) on \(size.0)×\(size.1)" }
}

/// Log-axis ticks checked against matplotlib 3.11.2. The table was printed by a throwaway
/// script; its committed successor, Scripts/peers/tick_references.py, writes the same kind of
/// cases (and these ranges' neighbours) to PeerReferences/ticks.json for
/// PeerTickReferenceTests. For each case it runs (python3 -m venv; pip install matplotlib):
///
///     fig, ax = plt.subplots(figsize=(w / 100, h / 100)); ax.set_yscale('log'); ax.set_ylim(lo, hi)
///     fig.canvas.draw(); drawn = ax.yaxis._update_ticks()
///     [(t.get_loc(), t.label1.get_text()) for t in drawn]   # split into major and minor ticks
///
/// and rewrites mathtext to Unicode ("$\mathdefault{10^{-1}}$" → "10⁻¹",
/// "$\mathdefault{2\times10^{-1}}$" → "2×10⁻¹"). Positions are compared to 1e-12 relative:
/// numpy's `10.0 ** -5` is 9.999999999999999e-06 where C's pow gives 1e-05.
struct LogScaleTickTests {
    static let cases: [LogCase] = [
        LogCase(
            axis: "y", lower: 0.08, upper: 10, size: (640, 480),
            major: [(0.1, "10⁻¹"), (1.0, "10⁰"), (10.0, "10¹")],
            minor: [
                (0.08, ""), (0.09, ""), (0.2, ""), (0.30000000000000004, ""), (0.4, ""), (0.5, ""),
                (0.6000000000000001, ""), (0.7000000000000001, ""), (0.8, ""), (0.9, ""), (2.0, ""),
                (3.0, ""), (4.0, ""), (5.0, ""), (6.0, ""), (7.0, ""), (8.0, ""), (9.0, ""),
            ]),
        LogCase(
            axis: "y", lower: 0.07, upper: 12, size: (640, 480),
            major: [(0.1, "10⁻¹"), (1.0, "10⁰"), (10.0, "10¹")],
            minor: [
                (0.07, ""), (0.08, ""), (0.09, ""), (0.2, ""), (0.30000000000000004, ""), (0.4, ""),
                (0.5, ""), (0.6000000000000001, ""), (0.7000000000000001, ""), (0.8, ""), (0.9, ""),
                (2.0, ""), (3.0, ""), (4.0, ""), (5.0, ""), (6.0, ""), (7.0, ""), (8.0, ""), (9.0, ""),
            ]),
        LogCase(
            axis: "y", lower: 1, upper: 1000000.0, size: (640, 480),
            major: [
                (1.0, "10⁰"), (10.0, "10¹"), (100.0, "10²"), (1000.0, "10³"), (10000.0, "10⁴"),
                (100000.0, "10⁵"), (1000000.0, "10⁶"),
            ],
            minor: [
                (2.0, ""), (3.0, ""), (4.0, ""), (5.0, ""), (6.0, ""), (7.0, ""), (8.0, ""), (9.0, ""),
                (20.0, ""), (30.0, ""), (40.0, ""), (50.0, ""), (60.0, ""), (70.0, ""), (80.0, ""),
                (90.0, ""), (200.0, ""), (300.0, ""), (400.0, ""), (500.0, ""), (600.0, ""), (700.0, ""),
                (800.0, ""), (900.0, ""), (2000.0, ""), (3000.0, ""), (4000.0, ""), (5000.0, ""),
                (6000.0, ""), (7000.0, ""), (8000.0, ""), (9000.0, ""), (20000.0, ""), (30000.0, ""),
                (40000.0, ""), (50000.0, ""), (60000.0, ""), (70000.0, ""), (80000.0, ""), (90000.0, ""),
                (200000.0, ""), (300000.0, ""), (400000.0, ""), (500000.0, ""), (600000.0, ""),
                (700000.0, ""), (800000.0, ""), (900000.0, ""),
            ]),
        LogCase(
            axis: "y", lower: 0.001, upper: 1000000000000.0, size: (640, 480),
            major: [
                (0.01, "10⁻²"), (1.0, "10⁰"), (100.0, "10²"), (10000.0, "10⁴"), (1000000.0, "10⁶"),
                (100000000.0, "10⁸"), (10000000000.0, "10¹⁰"), (1000000000000.0, "10¹²"),
            ],
            minor: []),
        LogCase(
            axis: "y", lower: 1e-20, upper: 1e+20, size: (640, 480),
            major: [
                (1e-20, "10⁻²⁰"), (1e-15, "10⁻¹⁵"), (1e-10, "10⁻¹⁰"), (9.999999999999999e-06, "10⁻⁵"),
                (1.0, "10⁰"), (100000.0, "10⁵"), (10000000000.0, "10¹⁰"), (1000000000000000.0, "10¹⁵"),
                (1e+20, "10²⁰"),
            ],
            minor: []),
        LogCase(
            axis: "y", lower: 0.2, upper: 0.8, size: (640, 480),
            major: [],
            minor: [
                (0.2, "2×10⁻¹"), (0.30000000000000004, "3×10⁻¹"), (0.4, "4×10⁻¹"), (0.5, ""),
                (0.6000000000000001, "6×10⁻¹"), (0.7000000000000001, ""), (0.8, ""),
            ]),
        LogCase(
            axis: "y", lower: 0.9, upper: 1.5, size: (640, 480),
            major: [(1.0, "10⁰")],
            minor: [(0.9, "9×10⁻¹")]),
        LogCase(
            axis: "y", lower: 1.1, upper: 1.5, size: (640, 480),
            major: [],
            minor: [
                (1.1, "1.1×10⁰"), (1.1500000000000001, "1.15×10⁰"), (1.2000000000000002, "1.2×10⁰"),
                (1.25, "1.25×10⁰"), (1.3, "1.3×10⁰"), (1.35, "1.35×10⁰"), (1.4000000000000001, "1.4×10⁰"),
                (1.4500000000000002, "1.45×10⁰"), (1.5, "1.5×10⁰"),
            ]),
        LogCase(
            axis: "y", lower: 3, upper: 40, size: (640, 480),
            major: [(10.0, "10¹")],
            minor: [
                (3.0, "3×10⁰"), (4.0, "4×10⁰"), (5.0, ""), (6.0, "6×10⁰"), (7.0, ""), (8.0, ""), (9.0, ""),
                (20.0, "2×10¹"), (30.0, "3×10¹"), (40.0, "4×10¹"),
            ]),
        LogCase(
            axis: "x", lower: 0.08, upper: 10, size: (640, 480),
            major: [(0.1, "10⁻¹"), (1.0, "10⁰"), (10.0, "10¹")],
            minor: [
                (0.08, ""), (0.09, ""), (0.2, ""), (0.30000000000000004, ""), (0.4, ""), (0.5, ""),
                (0.6000000000000001, ""), (0.7000000000000001, ""), (0.8, ""), (0.9, ""), (2.0, ""),
                (3.0, ""), (4.0, ""), (5.0, ""), (6.0, ""), (7.0, ""), (8.0, ""), (9.0, ""),
            ]),
        LogCase(
            axis: "x", lower: 0.001, upper: 1000000000000.0, size: (640, 480),
            major: [
                (0.01, "10⁻²"), (1.0, "10⁰"), (100.0, "10²"), (10000.0, "10⁴"), (1000000.0, "10⁶"),
                (100000000.0, "10⁸"), (10000000000.0, "10¹⁰"), (1000000000000.0, "10¹²"),
            ],
            minor: []),
        LogCase(
            axis: "y", lower: 0.001, upper: 1000000000000.0, size: (200, 200),
            major: [
                (0.01, "10⁻²"), (10.0, "10¹"), (10000.0, "10⁴"), (10000000.0, "10⁷"), (10000000000.0, "10¹⁰"),
            ],
            minor: []),
    ]

    static func layout(_ c: LogCase) throws -> AxesLayout {
        var figure = try Figure(width: c.size.0, height: c.size.1)
        if c.axis == "y" {
            figure.mainAxes.yScale = .log10
            try figure.mainAxes.setLimits(x: (0, 1), y: (c.lower, c.upper))
        } else {
            figure.mainAxes.xScale = .log10
            try figure.mainAxes.setLimits(x: (c.lower, c.upper), y: (0, 1))
        }
        return figure.layout()
    }

    static func same(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-12 * abs($1) }
    }

    @Test(arguments: cases) func ticksAndLabelsMatchMatplotlib(_ c: LogCase) throws {
        let layout = try Self.layout(c)
        let (major, majorLabels, minor, minorLabels) =
            c.axis == "y"
            ? (layout.yTicks, layout.yTickLabels, layout.yMinorTicks, layout.yMinorTickLabels)
            : (layout.xTicks, layout.xTickLabels, layout.xMinorTicks, layout.xMinorTickLabels)
        #expect(Self.same(major, c.major.map(\.0)), "major \(major)")
        #expect(majorLabels == c.major.map(\.1))
        #expect(Self.same(minor, c.minor.map(\.0)), "minor \(minor)")
        #expect(minorLabels == c.minor.map(\.1))
        // A log axis has no offset text, and the other (linear) axis keeps its usual ticks.
        #expect(layout.xOffsetText.isEmpty && layout.yOffsetText.isEmpty)
        #expect((c.axis == "y" ? layout.xMinorTicks : layout.yMinorTicks).isEmpty)
    }

    /// Every case with less than two labelled major ticks still shows at least two labels.
    @Test(arguments: cases) func atLeastTwoLabels(_ c: LogCase) throws {
        let layout = try Self.layout(c)
        let labels =
            c.axis == "y"
            ? layout.yTickLabels + layout.yMinorTickLabels : layout.xTickLabels + layout.xMinorTickLabels
        #expect(labels.filter { !$0.isEmpty }.count >= 2)
    }

    @Test func frenchCoefficientsUseADecimalComma() {
        let formatter = LogTickFormatter(numberFormatting: .french)
        // matplotlib (English): 1.15×10⁰ for 1.15 on 1.1…1.5 (see the table above).
        #expect(formatter.labels(for: [1.15, 1.0], lower: 1.1, upper: 1.5) == ["1,15×10⁰", "10⁰"])
    }

    @Test func superscripts() {
        #expect(LogTickFormatter.superscript(-120) == "⁻¹²⁰")
        #expect(LogTickFormatter.superscript(0) == "⁰")
        #expect(LogTickFormatter.superscript(37) == "³⁷")
    }
}
