import FitPlot
import Testing

@testable import FitCairo

@Suite("Image canvas: sizes, fills, clip, crisp lines")
struct ImageCanvasTests {
    @Test func pixelSizeFollowsScale() throws {
        let canvas = try CairoImageCanvas(width: 64, height: 48, scale: 2)
        #expect(canvas.pixelWidth == 128 && canvas.pixelHeight == 96)
        #expect(canvas.canvasSize == Size(width: 64, height: 48))
    }

    @Test(arguments: [
        (0.0, 10.0, 1.0), (-5, 10, 1), (10, .nan, 1), (.infinity, 10, 1), (16_385, 10, 1), (8193, 10, 2),
    ])
    func badSizesThrowTypedErrors(width: Double, height: Double, scale: Double) {
        #expect(throws: CairoError.invalidCanvasSize(width: width, height: height, scale: scale)) {
            _ = try CairoImageCanvas(width: width, height: height, scale: scale)
        }
    }

    @Test(arguments: [0.0, -1, .nan, .infinity, 0.2, 9])
    func badScalesThrowTypedErrors(scale: Double) {
        #expect(throws: CairoError.invalidScale(scale)) {
            _ = try CairoImageCanvas(width: 10, height: 10, scale: scale)
        }
    }

    @Test func largestAllowedSideIsAccepted() throws {
        let canvas = try CairoImageCanvas(width: 8192, height: 1, scale: 2)
        #expect(canvas.pixelWidth == 16_384)
    }

    @Test func errorMessagesNameTheValueAndTheLimit() {
        let text = CairoError.invalidCanvasSize(width: 20_000, height: 10, scale: 1).description
        #expect(text.contains("20000") && text.contains("16384"))
        #expect(
            CairoError.fontNotFound(family: "Nope", weight: "regular", matched: "X").description
                .contains("fonts-dejavu-core"))
    }

    @Test func filledRectangleHasTheExactColour() throws {
        let canvas = try CairoImageCanvas(width: 20, height: 20)
        canvas.clear(to: .white)
        canvas.fill(.rectangle(Rect(x: 5, y: 5, width: 10, height: 10)), color: Color(hex: 0x1f77b4))
        let p = canvas.pixel(x: 10, y: 10)
        #expect(p == (0x1f, 0x77, 0xb4, 255))
        #expect(canvas.pixel(x: 4, y: 10) == (255, 255, 255, 255))
        #expect(canvas.pixel(x: 15, y: 10) == (255, 255, 255, 255))
        try canvas.checkStatus()
    }

    @Test func clipIsRespectedAndRestored() throws {
        let canvas = try CairoImageCanvas(width: 20, height: 20)
        canvas.clear(to: .white)
        canvas.save()
        canvas.clip(to: Rect(x: 0, y: 0, width: 10, height: 20))
        canvas.fill(.rectangle(Rect(x: 0, y: 0, width: 20, height: 10)), color: .black)
        canvas.drawMarkers(at: [Point(x: 10, y: 15)], style: MarkerStyle(size: 6, fill: .black))
        canvas.restore()
        canvas.fill(.rectangle(Rect(x: 0, y: 18, width: 20, height: 2)), color: .black)
        #expect(canvas.pixel(x: 9, y: 5) == (0, 0, 0, 255))
        #expect(canvas.pixel(x: 10, y: 5) == (255, 255, 255, 255), "fill outside the clip")
        #expect(canvas.pixel(x: 11, y: 15) == (255, 255, 255, 255), "marker outside the clip")
        #expect(canvas.pixel(x: 8, y: 15) == (0, 0, 0, 255), "marker inside the clip")
        #expect(canvas.pixel(x: 19, y: 19) == (0, 0, 0, 255), "clip not restored")
        try canvas.checkStatus()
    }

    @Test func unmatchedRestoreIsIgnored() throws {
        let canvas = try CairoImageCanvas(width: 10, height: 10)
        canvas.restore()
        canvas.fill(.rectangle(Rect(x: 0, y: 0, width: 10, height: 10)), color: .black)
        #expect(canvas.pixel(x: 5, y: 5) == (0, 0, 0, 255))
        try canvas.checkStatus()
    }

    /// A 1-unit spine along each side of a box: at scale 1 one pure black pixel column/row,
    /// at scale 2 two, with white on both sides.
    @Test(arguments: [1.0, 2.0])
    func snappedSpinesArePureBlack(scale: Double) throws {
        let canvas = try CairoImageCanvas(width: 40, height: 30, scale: scale)
        canvas.clear(to: .white)
        // Deliberately off-grid coordinates, as axes placed by fractions of the figure are.
        let box = Rect(x: 8.3, y: 6.2, width: 20.6, height: 15.45)
        canvas.stroke(.rectangle(box), style: StrokeStyle(width: 1, color: .black, snapToPixels: true))
        let words = CanvasTestSupport.words(canvas)
        let w = canvas.pixelWidth
        let row = Int(canvas.pixelHeight / 2)
        // Scan the middle row: the left spine must be `scale` pure black pixels, flanked by white.
        let line = (0..<w).map { words[row * w + $0] }
        let black = line.indices.filter { line[$0] == 0xff00_0000 }
        let grey = line.indices.filter { line[$0] != 0xff00_0000 && line[$0] != 0xffff_ffff }
        #expect(grey.isEmpty, "grey pixels at columns \(grey)")
        #expect(black.count == 2 * Int(scale), "black columns \(black)")
        // Same down the middle column for the top and bottom spines.
        let column = (0..<canvas.pixelHeight).map { words[$0 * w + w / 2] }
        #expect(column.filter { $0 == 0xff00_0000 }.count == 2 * Int(scale))
        #expect(column.allSatisfy { $0 == 0xff00_0000 || $0 == 0xffff_ffff })
    }

    @Test func snappedTickEndsOnPixelEdges() throws {
        let canvas = try CairoImageCanvas(width: 20, height: 20)
        canvas.clear(to: .white)
        canvas.stroke(
            .segment(from: Point(x: 3.2, y: 10.3), to: Point(x: 9.9, y: 10.3)),
            style: StrokeStyle(width: 1.1, color: .black, snapToPixels: true))
        let words = CanvasTestSupport.words(canvas)
        let row = (0..<20).map { words[10 * 20 + $0] }
        #expect(row.allSatisfy { $0 == 0xff00_0000 || $0 == 0xffff_ffff }, "no grey at the ends")
        #expect((3..<10).allSatisfy { row[$0] == 0xff00_0000 })
    }

    @Test func snappingLeavesUnsnappedStrokesAntialiased() throws {
        let canvas = try CairoImageCanvas(width: 20, height: 20)
        canvas.clear(to: .white)
        canvas.stroke(
            .segment(from: Point(x: 2, y: 10), to: Point(x: 18, y: 10)),
            style: StrokeStyle(width: 1, color: .black))
        // A 1-unit line on a pixel edge covers two rows half each: grey, as Cairo draws it.
        #expect(canvas.pixel(x: 10, y: 9).r > 100 && canvas.pixel(x: 10, y: 9).r < 160)
    }

    @Test func nanCoordinatesAreSkippedNotCrashing() throws {
        let canvas = try CairoImageCanvas(width: 20, height: 20)
        canvas.clear(to: .white)
        var path = Path()
        path.move(to: Point(x: 2, y: 2))
        path.line(to: Point(x: .nan, y: 5))
        path.line(to: Point(x: 10, y: 10))
        path.line(to: Point(x: 18, y: 10))
        path.line(to: Point(x: 18, y: .infinity))
        canvas.stroke(path, style: StrokeStyle(width: 2, color: .black))
        canvas.stroke(path, style: StrokeStyle(width: 1, color: .black, snapToPixels: true))
        canvas.fill(path, color: .black)
        canvas.drawMarkers(
            at: [Point(x: .nan, y: 1), Point(x: 5, y: -.infinity)], style: MarkerStyle(size: 4, fill: .black))
        canvas.drawText(
            "nan", at: Point(x: .nan, y: 3), font: Font(size: 10), color: .black,
            anchor: .init(.left, .baseline), rotation: 0)
        canvas.clip(to: Rect(x: .nan, y: 0, width: 5, height: 5))
        try canvas.checkStatus()
        // 2 bad vertices × 3 path calls + 2 markers + 1 text + 1 clip.
        #expect(canvas.skippedNonFiniteCount == 10)
        #expect(canvas.pixel(x: 14, y: 10).a == 255, "the finite part (10,10)→(18,10) is drawn")
    }

    @Test func invalidDashDrawsSolidWithoutBreakingTheCanvas() throws {
        let canvas = try CairoImageCanvas(width: 20, height: 20)
        canvas.stroke(
            .segment(from: Point(x: 0, y: 10.5), to: Point(x: 20, y: 10.5)),
            style: StrokeStyle(width: 1, color: .black, dash: [0, -1]))
        try canvas.checkStatus()
        #expect(canvas.pixel(x: 10, y: 10) == (0, 0, 0, 255))
    }

    @Test func rasterNearestKeepsCellsSharpAndHonoursClip() throws {
        let canvas = try CairoImageCanvas(width: 40, height: 20)
        canvas.clear(to: .white)
        // 2×1 raster: red, blue.
        let raster = Raster(width: 2, height: 1, pixels: [255, 0, 0, 255, 0, 0, 255, 255])
        canvas.save()
        canvas.clip(to: Rect(x: 0, y: 0, width: 30, height: 20))
        canvas.drawRaster(raster, in: Rect(x: 0, y: 0, width: 40, height: 20), smooth: false)
        canvas.restore()
        #expect(canvas.pixel(x: 19, y: 10) == (255, 0, 0, 255))
        #expect(canvas.pixel(x: 20, y: 10) == (0, 0, 255, 255))
        #expect(canvas.pixel(x: 35, y: 10) == (255, 255, 255, 255))
        canvas.drawRaster(raster, in: Rect(x: 0, y: 0, width: 40, height: 20), smooth: true)
        let mid = canvas.pixel(x: 20, y: 10)
        #expect(mid.r > 60 && mid.r < 200 && mid.b > 60 && mid.b < 200, "bilinear blends at the seam: \(mid)")
        #expect(canvas.pixel(x: 0, y: 0) == (255, 0, 0, 255), "pad extend keeps the edge cell's colour")
        try canvas.checkStatus()
    }
}
