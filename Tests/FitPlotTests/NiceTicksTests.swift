import Testing

@testable import FitPlot

/// Tick positions compared, bit for bit, with matplotlib 3.11.2's MaxNLocator, computed in a
/// venv here with:
///
///     python -c "from matplotlib.ticker import MaxNLocator
///     print([repr(float(v)) for v in MaxNLocator(nbins=NB, steps=[1,2,2.5,5,10]).tick_values(LO, HI)])"
///
/// for nbins 9 (what the 640 × 480 default figure uses on both axes: matplotlib's
/// `get_tick_space()` gives 11 for x and 13 for y, clipped to 9) and nbins 5.
struct NiceTicksTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let lower: Double
        let upper: Double
        let bins: Int
        let expected: [Double]
        var testDescription: String { "(\(lower), \(upper)) nbins \(bins)" }
    }

    static let cases: [Case] = [
        Case(lower: -1, upper: 1, bins: 9, expected: [-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0]),
        Case(lower: 0, upper: 1, bins: 9, expected: [0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]),
        Case(
            lower: -0.95, upper: 1.05, bins: 9,
            expected: [-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0, 1.25]),
        Case(lower: 1.3, upper: 7.9, bins: 9, expected: [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]),
        Case(
            lower: -1e-6, upper: 1e-6, bins: 9,
            expected: [
                -1e-06, -7.5e-07, -5e-07, -2.4999999999999994e-07, 0.0, 2.4999999999999994e-07,
                5.000000000000001e-07, 7.5e-07, 1e-06,
            ]),
        Case(
            lower: 0, upper: 1e6, bins: 9, expected: [0.0, 200000.0, 400000.0, 600000.0, 800000.0, 1000000.0]),
        Case(
            lower: -3.7, upper: -0.2, bins: 9,
            expected: [-4.0, -3.5, -3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0]),
        Case(
            lower: 0.001, upper: 0.0012, bins: 9,
            expected: [
                0.001, 0.001025, 0.0010500000000000002, 0.001075, 0.0011, 0.0011250000000000001, 0.00115,
                0.001175, 0.0012000000000000001,
            ]),
        // (2, 2) widened by automatic limits to (1.89, 2.11) (see AxisRangeTests).
        Case(
            lower: 1.89, upper: 2.11, bins: 9,
            expected: [1.875, 1.9, 1.925, 1.95, 1.975, 2.0, 2.025, 2.05, 2.075, 2.1, 2.125]),
        Case(
            lower: 1000000.1, upper: 1000000.5, bins: 9,
            expected: [
                1000000.1, 1000000.15, 1000000.2, 1000000.25, 1000000.3, 1000000.35, 1000000.4, 1000000.45,
                1000000.5,
            ]),
        Case(
            lower: -1.1, upper: 1.1, bins: 9,
            expected: [-1.25, -1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0, 1.25]),
        Case(lower: -1, upper: 1, bins: 5, expected: [-1.0, -0.5, 0.0, 0.5, 1.0]),
        Case(lower: -0.95, upper: 1.05, bins: 5, expected: [-1.0, -0.5, 0.0, 0.5, 1.0, 1.5]),
        Case(lower: 1.3, upper: 7.9, bins: 5, expected: [0.0, 2.0, 4.0, 6.0, 8.0]),
        Case(
            lower: -1e-6, upper: 1e-6, bins: 5, expected: [-1e-06, -5e-07, 0.0, 5.000000000000001e-07, 1e-06]),
        Case(lower: -3.7, upper: -0.2, bins: 5, expected: [-4.0, -3.0, -2.0, -1.0, 0.0]),
        Case(
            lower: 0.001, upper: 0.0012, bins: 5,
            expected: [0.001, 0.00105, 0.0011, 0.00115, 0.0012000000000000001]),
        Case(
            lower: 1.89, upper: 2.11, bins: 5,
            expected: [
                1.85, 1.9000000000000001, 1.9500000000000002, 2.0, 2.0500000000000003, 2.1,
                2.1500000000000004,
            ]),
        Case(
            lower: 1000000.1, upper: 1000000.5, bins: 5,
            expected: [1000000.1, 1000000.2, 1000000.3, 1000000.4, 1000000.5]),
        Case(lower: -1.1, upper: 1.1, bins: 5, expected: [-1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5]),
    ]

    @Test(arguments: cases)
    func matchesMatplotlibMaxNLocator(_ c: Case) {
        #expect(NiceTicks(maximumBins: c.bins).tickValues(lower: c.lower, upper: c.upper) == c.expected)
    }

    /// matplotlib's `ax.xaxis.get_tick_space()` and `ax.yaxis.get_tick_space()` on
    /// `plt.subplots()` (640 × 480, 100 dpi, 10 pt labels) are 11 and 13.
    @Test func automaticBinsMatchMatplotlibTickSpace() throws {
        let figure = try Figure()
        let area = figure.plotArea()
        let font = figure.points.layout(10)
        #expect(NiceTicks.automaticBins(axisLength: area.width, fontSize: font, horizontal: true) == 9)
        #expect((area.width / (3 * font)).rounded(.down) == 11)
        #expect((area.height / (2 * font)).rounded(.down) == 13)
        #expect(NiceTicks.automaticBins(axisLength: area.height, fontSize: font, horizontal: false) == 9)
        // A small axes gets fewer bins, never fewer than 1.
        #expect(NiceTicks.automaticBins(axisLength: 100, fontSize: font, horizontal: true) == 2)
        #expect(NiceTicks.automaticBins(axisLength: 1, fontSize: font, horizontal: true) == 1)
    }

    @Test func visibleTicksStayInsideTheLimits() {
        let ticks = NiceTicks(maximumBins: 9).visibleTicks(lower: -0.95, upper: 1.05)
        #expect(ticks == [-0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0])
    }

    @Test func degenerateRangesStillGiveTicks() {
        // matplotlib widens a zero-width range by 1e-13 of |value| before locating.
        #expect(!NiceTicks(maximumBins: 9).tickValues(lower: 2, upper: 2).isEmpty)
        #expect(!NiceTicks(maximumBins: 9).tickValues(lower: 0, upper: 0).isEmpty)
    }
}

struct NiceTicksRobustnessTests {
    /// Deterministic pseudo-random ranges over 600 orders of magnitude, both signs: ticks are
    /// finite, increasing, few, and at least two of them fall inside the range.
    @Test func manyRangesGiveFewIncreasingTicks() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(UInt64(1) << 53)
        }
        for _ in 0..<3000 {
            let magnitude = Double.pow10(Int(next() * 600) - 300)
            let a = (next() * 2 - 1) * magnitude
            let b = a + next() * magnitude * (next() < 0.1 ? 1e-12 : 1)
            let bins = 1 + Int(next() * 9)
            let ticks = NiceTicks(maximumBins: bins).tickValues(lower: min(a, b), upper: max(a, b))
            #expect(
                ticks.count >= 2 && ticks.count <= 2 * bins + 4, "(\(a), \(b)) nbins \(bins): \(ticks.count)")
            #expect(zip(ticks, ticks.dropFirst()).allSatisfy { $0 < $1 } && ticks.allSatisfy(\.isFinite))
        }
    }

    @Test func overflowingSpansGiveNoTicksAndNoHang() {
        #expect(NiceTicks(maximumBins: 9).tickValues(lower: -1e308, upper: 1e308).isEmpty)
        #expect(throws: PlotError.self) { try AxisRange(-1e308, 1e308) }
        #expect(AxisRange.automatic(dataMinimum: -1e308, dataMaximum: 1e308) == AxisRange(unchecked: 0, 1))
    }
}

extension Double {
    fileprivate static func pow10(_ e: Int) -> Double {
        var v = 1.0
        for _ in 0..<abs(e) { v *= 10 }
        return e < 0 ? 1 / v : v
    }
}
