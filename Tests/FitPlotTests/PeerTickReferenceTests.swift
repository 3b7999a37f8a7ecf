import Foundation
import Testing

@testable import FitPlot

/// Ticks and labels checked against matplotlib's, as written by
/// `Scripts/peers/tick_references.py` into `PeerReferences/ticks.json` (see the script for
/// what each case is): log axes (LogLocator with LogFormatterSciNotation, sub-decade ranges
/// included) and iteration axes (MaxNLocator(integer=True)).
struct PeerTickReferenceTests {
    struct References: Decodable {
        struct LogCase: Decodable, CustomStringConvertible {
            var axis: String
            var lower: Double
            var upper: Double
            var width: Double
            var height: Double
            var major: [Tick]
            var minor: [Tick]
            var description: String { "\(axis) \(lower)…\(upper) on \(width)×\(height)" }
        }
        /// A `[position, label]` pair.
        struct Tick: Decodable {
            var position: Double
            var label: String
            init(from decoder: any Decoder) throws {
                var c = try decoder.unkeyedContainer()
                position = try c.decode(Double.self)
                label = try c.decode(String.self)
            }
        }
        struct IntegerCase: Decodable, CustomStringConvertible {
            var lower: Double
            var upper: Double
            var bins: Int
            var ticks: [Double]
            var plainTicks: [Double]
            var description: String { "\(lower)…\(upper), \(bins) bins" }
        }
        var log: [LogCase]
        var integer: [IntegerCase]
    }

    static let references: References = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("PeerReferences/ticks.json")
        do {
            return try JSONDecoder().decode(References.self, from: Data(contentsOf: url))
        } catch {
            Issue.record("cannot read \(url.path): \(error)")
            return References(log: [], integer: [])
        }
    }()

    static func same(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-12 * max(abs($1), 1e-300) }
    }

    @Test func referencesAreThere() {
        #expect(Self.references.log.count >= 10)
        #expect(Self.references.integer.count >= 5)
    }

    @Test(arguments: references.log) func logTicksAndLabels(_ c: References.LogCase) throws {
        var figure = try Figure(width: c.width, height: c.height)
        if c.axis == "y" {
            figure.mainAxes.yScale = .log10
            try figure.mainAxes.setLimits(x: (0, 1), y: (c.lower, c.upper))
        } else {
            figure.mainAxes.xScale = .log10
            try figure.mainAxes.setLimits(x: (c.lower, c.upper), y: (0, 1))
        }
        let layout = figure.layout()
        let (major, majorLabels, minor, minorLabels) =
            c.axis == "y"
            ? (layout.yTicks, layout.yTickLabels, layout.yMinorTicks, layout.yMinorTickLabels)
            : (layout.xTicks, layout.xTickLabels, layout.xMinorTicks, layout.xMinorTickLabels)
        #expect(Self.same(major, c.major.map(\.position)), "major \(major)")
        #expect(majorLabels == c.major.map(\.label))
        #expect(Self.same(minor, c.minor.map(\.position)), "minor \(minor)")
        #expect(minorLabels == c.minor.map(\.label))
    }

    @Test(arguments: references.integer) func integerTicks(_ c: References.IntegerCase) {
        let integer = NiceTicks(maximumBins: c.bins, integer: true).tickValues(lower: c.lower, upper: c.upper)
        #expect(Self.same(integer, c.ticks), "\(integer)")
        #expect(integer.allSatisfy { $0 == $0.rounded() })
        let plain = NiceTicks(maximumBins: c.bins).tickValues(lower: c.lower, upper: c.upper)
        #expect(Self.same(plain, c.plainTicks), "\(plain)")
    }

    /// A two-iteration loss plot: ticks 0, 1, 2 on the iteration axis, not 0.25, 0.5, …
    @Test func aTwoIterationAxisHasWholeNumberTicks() throws {
        var figure = try Figure()
        try figure.mainAxes.plot(x: [0, 1, 2], y: [8.3, 4.1, 2.2])
        #expect(figure.layout().xTicks.contains { $0 != $0.rounded() })
        figure.mainAxes.xTicksAreIntegers = true
        #expect(figure.layout().xTicks == [0, 1, 2])
        #expect(figure.layout().xTickLabels == ["0", "1", "2"])
    }
}
