import Testing

@testable import FitPlot

/// Tick labels compared with matplotlib 3.11.2's default ScalarFormatter on a 640 × 480 axes:
///
///     fig, ax = plt.subplots(); ax.set_xlim(LO, HI); fig.canvas.draw()
///     [(t.get_loc(), t.label1.get_text()) for t in ax.xaxis.get_major_ticks() if LO <= t.get_loc() <= HI]
///     ax.xaxis.get_offset_text().get_text()
///
/// (the loc filter with matplotlib's 1e-10-of-span tolerance).
struct TickFormatterTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let lower: Double
        let upper: Double
        let labels: [String]
        let offset: String
        var testDescription: String { "(\(lower), \(upper))" }
    }

    static let cases: [Case] = [
        Case(
            lower: -1, upper: 1,
            labels: ["−1.00", "−0.75", "−0.50", "−0.25", "0.00", "0.25", "0.50", "0.75", "1.00"], offset: ""),
        Case(lower: 0, upper: 1, labels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], offset: ""),
        Case(
            lower: -0.95, upper: 1.05,
            labels: ["−0.75", "−0.50", "−0.25", "0.00", "0.25", "0.50", "0.75", "1.00"], offset: ""),
        Case(lower: 1.3, upper: 7.9, labels: ["2", "3", "4", "5", "6", "7"], offset: ""),
        Case(
            lower: -1e-6, upper: 1e-6,
            labels: ["−1.00", "−0.75", "−0.50", "−0.25", "0.00", "0.25", "0.50", "0.75", "1.00"],
            offset: "1e−6"),
        Case(lower: 0, upper: 1e6, labels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], offset: "1e6"),
        Case(
            lower: -3.7, upper: -0.2, labels: ["−3.5", "−3.0", "−2.5", "−2.0", "−1.5", "−1.0", "−0.5"],
            offset: ""),
        Case(
            lower: 0.001, upper: 0.0012,
            labels: [
                "0.001000", "0.001025", "0.001050", "0.001075", "0.001100", "0.001125", "0.001150",
                "0.001175", "0.001200",
            ],
            offset: ""),
        Case(
            lower: 1.89, upper: 2.11,
            labels: ["1.900", "1.925", "1.950", "1.975", "2.000", "2.025", "2.050", "2.075", "2.100"],
            offset: ""),
        Case(
            lower: 1000000.1, upper: 1000000.5,
            labels: ["0.10", "0.15", "0.20", "0.25", "0.30", "0.35", "0.40", "0.45", "0.50"], offset: "+1e6"),
        Case(
            lower: -1.1, upper: 1.1,
            labels: ["−1.00", "−0.75", "−0.50", "−0.25", "0.00", "0.25", "0.50", "0.75", "1.00"], offset: ""),
    ]

    /// Labels of the ticks matplotlib shows, with the same locator (nbins 9) and tolerance.
    static func visibleLabels(_ lower: Double, _ upper: Double, _ formatter: TickFormatter = TickFormatter())
        -> ([String], String)
    {
        let ticks = NiceTicks(maximumBins: 9).tickValues(lower: lower, upper: upper)
        let labels = formatter.labels(for: ticks, lower: lower, upper: upper)
        let tolerance = 1e-10 * (upper - lower)
        let visible = zip(ticks, labels.labels).filter {
            $0.0 >= lower - tolerance && $0.0 <= upper + tolerance
        }.map(\.1)
        return (visible, labels.offsetText)
    }

    @Test(arguments: cases)
    func matchesMatplotlibScalarFormatter(_ c: Case) {
        let (labels, offset) = Self.visibleLabels(c.lower, c.upper)
        #expect(labels == c.labels)
        #expect(offset == c.offset)
    }

    @Test func axisLayoutUsesTheSameLabels() throws {
        var figure = try Figure()
        try figure.mainAxes.setLimits(x: (-1e-6, 1e-6), y: (0, 1e6))
        let layout = figure.layout()
        #expect(layout.xTickLabels == Self.cases[4].labels)
        #expect(layout.xOffsetText == "1e−6")
        #expect(layout.yTickLabels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(layout.yOffsetText == "1e6")
    }

    @Test func noFloatNoise() {
        let f = TickFormatter()
        let labels = f.labels(for: [0.1 + 0.2, 0.6000000000000001, 0.1], lower: 0, upper: 1).labels
        #expect(labels == ["0.3", "0.6", "0.1"])
        #expect(NumberFormatting.english.formatTrimmed(0.1 + 0.2) == "0.3")
    }

    @Test func decimalsAreSharedPerAxis() {
        // One tick needs two decimals, so all get two (matplotlib's behaviour).
        let labels = TickFormatter().labels(for: [0, 0.25, 0.5, 0.75, 1], lower: 0, upper: 1).labels
        #expect(labels == ["0.00", "0.25", "0.50", "0.75", "1.00"])
    }

    @Test func trueMinusAndNoNegativeZero() {
        let labels = TickFormatter().labels(for: [-1, -1e-17, 1], lower: -1, upper: 1).labels
        #expect(labels == ["\u{2212}1", "0", "1"])
        #expect(NumberFormatting.english.format(-0.00001, decimals: 2) == "0.00")
        #expect(!labels[0].contains("-"))
    }

    @Test func frenchUsesDecimalComma() {
        let french = TickFormatter(numberFormatting: .french)
        let (labels, _) = Self.visibleLabels(-1, 1, french)
        #expect(labels == ["−1,00", "−0,75", "−0,50", "−0,25", "0,00", "0,25", "0,50", "0,75", "1,00"])
        let (tiny, offset) = Self.visibleLabels(-1e-6, 1e-6, french)
        #expect(tiny.first == "−1,00")
        #expect(offset == "1e−6")
    }

    @Test func numberFormattingForTitles() {
        #expect(
            "Iteration 12 — loss " + NumberFormatting.english.format(0.491_149, decimals: 4)
                == "Iteration 12 — loss 0.4911")
        #expect(
            "Itération 12 — perte " + NumberFormatting.french.format(0.491_149, decimals: 4)
                == "Itération 12 — perte 0,4911")
        #expect(NumberFormatting.english.format(-2.5, decimals: 1) == "−2.5")
        #expect(NumberFormatting.english.format(-3, decimals: 0) == "−3")
        #expect(NumberFormatting.english.format(0.005, decimals: 1) == "0.0")
        #expect(NumberFormatting.english.format(12_345.678, decimals: 2) == "12345.68")
        #expect(NumberFormatting.english.format(1e300, decimals: 2) == "1e+300")
        #expect(NumberFormatting.english.format(.nan, decimals: 2) == "nan")
        #expect(NumberFormatting.english.format(-.infinity, decimals: 2) == "−inf")
        #expect(NumberFormatting.ascii.format(-0.5, decimals: 3) == "-0.500")
        #expect(NumberFormatting.french.format(-7) == "−7")
    }
}
