import Testing

@testable import FitPlot

/// An axes can put dynamic marks under static ones (residuals under a static point cloud):
/// four layers whose concatenation is `.all`, in z-order across the static/dynamic split.
struct DynamicUnderlayTests {
    static func residualFigure(underlay: Double?) throws -> Figure {
        var figure = try FigureDrawingTests.tutorialFigure()
        figure.mainAxes.segments(
            [DataSegment(start: DataPoint(x: 0, y: 2.5), end: DataPoint(x: 0, y: 1))],
            color: Color(hex: 0xd62728), isDynamic: true, zOrder: 0.75)
        figure.mainAxes.dynamicUnderlayZOrder = underlay
        return figure
    }

    static func record(_ figure: Figure, _ layers: DrawLayers) -> [String] {
        FigureDrawingTests.record(figure, layers)
    }

    @Test func residualsPaintUnderThePointsAndOverTheBackground() throws {
        let figure = try Self.residualFigure(underlay: ZOrder.scatter)
        #expect(figure.hasDynamicUnderlay)
        let all = Self.record(figure, .all)
        let residual = try #require(all.firstIndex { $0.hasPrefix("stroke #d62728ff") })
        let points = try #require(all.firstIndex { $0.hasPrefix("markers") })
        let background = try #require(all.firstIndex { $0.hasPrefix("fill") })
        let fitLine = try #require(all.lastIndex { $0.hasPrefix("stroke #1f77b4ff") })
        #expect(background < residual && residual < points)
        // Dynamic marks above the split (the fit line) still paint over the points.
        #expect(points < fitLine)
        let layers: [DrawLayers] = [.staticBase, .dynamicUnderlay, .staticOverlay, .dynamicOverlay]
        #expect(all == layers.flatMap { Self.record(figure, $0) })
        // The static layer as a whole is unchanged by the split, and holds no dynamic item.
        #expect(
            Self.record(figure, .staticOnly)
                == Self.record(try Self.residualFigure(underlay: nil), .staticOnly))
    }

    @Test func withoutAnUnderlayDynamicMarksPaintOverEverything() throws {
        let figure = try Self.residualFigure(underlay: nil)
        #expect(!figure.hasDynamicUnderlay)
        let all = Self.record(figure, .all)
        let residual = try #require(all.firstIndex { $0.hasPrefix("stroke #d62728ff") })
        let points = try #require(all.firstIndex { $0.hasPrefix("markers") })
        #expect(points < residual)
        #expect(Self.record(figure, .dynamicUnderlay).isEmpty)
        #expect(Self.record(figure, .staticOverlay).isEmpty)
        #expect(Self.record(figure, .staticBase) == Self.record(figure, .staticOnly))
        #expect(Self.record(figure, .dynamicOverlay) == Self.record(figure, .dynamicOnly))
    }
}
