import Testing

@testable import FitPlot

/// A legend with long labels in a small figure (the result figure at 320 × 240) stays inside
/// the plot area: it never covers the y axis and its tick labels.
struct LegendFitTests {
    static func layout(width: Double, height: Double) throws -> (LegendLayout, Rect) {
        var figure = try Figure(width: width, height: height)
        figure.margins = .matplotlib(fitting: figure.size, dpi: figure.dpi)
        var axes = figure.mainAxes
        try axes.scatter(x: [-1, 0, 1], y: [-1, 2, 5], color: .black, label: "data")
        axes.line(slope: 3, intercept: 2.45, label: "fitted line: y = 3.00x + 2.45")
        axes.line(slope: 3, intercept: 2, label: "true line: y = 3.00x + 2.00")
        axes.legendLocation = .lowerRight
        figure.mainAxes = axes
        let layout = figure.layout()
        let recorder = RecordingRenderer(size: figure.size)
        let legend = try #require(
            LegendLayout.make(
                marks: axes.marks, location: .lowerRight, transform: layout.transform, theme: figure.theme,
                points: figure.points, measure: { recorder.measureText($0, font: $1) }))
        return (legend, layout.plotArea)
    }

    @Test func aSmallFigureShrinksTheLegendInsideThePlotArea() throws {
        let (legend, area) = try Self.layout(width: 320, height: 240)
        #expect(legend.box.minX >= area.minX)
        #expect(legend.font.size < PointScale(dpi: 100).layout(Theme.matplotlib.fontSizePoints))
    }

    @Test func aLegendThatFitsKeepsTheThemeSize() throws {
        let (legend, area) = try Self.layout(width: 640, height: 480)
        #expect(legend.box.minX >= area.minX)
        #expect(legend.font.size == PointScale(dpi: 100).layout(Theme.matplotlib.fontSizePoints))
    }
}
