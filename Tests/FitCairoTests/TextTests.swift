import FitPlot
import Testing

@testable import FitCairo

@Suite("Fonts and text")
struct TextTests {
    @Test func dejaVuSansIsFoundThroughFontconfig() throws {
        let regular = try CairoFontLibrary.fontFile(family: "DejaVu Sans", weight: .regular)
        let bold = try CairoFontLibrary.fontFile(family: "DejaVu Sans", weight: .bold)
        #expect(regular.hasSuffix("DejaVuSans.ttf"))
        #expect(bold.hasSuffix("DejaVuSans-Bold.ttf"))
    }

    @Test func anUnknownFamilyIsAnErrorNotAFallback() throws {
        #expect(throws: CairoError.self) {
            _ = try CairoFontLibrary.fontFile(family: "No Such Font Family 42", weight: .regular)
        }
        let canvas = try CairoImageCanvas(width: 50, height: 20)
        canvas.drawText(
            "x", at: Point(x: 5, y: 15), font: Font(family: "No Such Font Family 42", size: 10),
            color: .black, anchor: .init(.left, .baseline), rotation: 0)
        #expect(CanvasTestSupport.words(canvas).allSatisfy { $0 == 0 }, "nothing drawn with a substitute")
        do {
            try canvas.checkStatus()
            Issue.record("expected fontNotFound")
        } catch {
            guard case .fontNotFound(let family, _, _) = error else { throw error }
            #expect(family == "No Such Font Family 42")
        }
    }

    /// Metrics scale linearly (unhinted) and do not depend on the canvas scale. Widths are ink
    /// widths, heights matplotlib's line box. Font values read with fontTools from
    /// DejaVuSans.ttf: glyph "zero" xMin 135, xMax 1167; OS/2 sTypoAscender 1556,
    /// sTypoDescender −492; unitsPerEm 2048.
    @Test func measurementIsLinearAndScaleIndependent() throws {
        let one = try CairoImageCanvas(width: 10, height: 10)
        let two = try CairoImageCanvas(width: 10, height: 10, scale: 2)
        let font = Font(size: 13.888_888_9)
        let a = one.measureText("0.25", font: font)
        let b = two.measureText("0.25", font: font)
        #expect(abs(a.width - b.width) < 1e-6)
        let zero = one.measureText("0", font: Font(size: 100))
        // Cairo measures outlines on a 1/64 px grid: a few hundredths of tolerance.
        #expect(abs(zero.width - 100 * (1167 - 135) / 2048) < 0.05)
        let double = one.measureText("0", font: Font(size: 200))
        #expect(abs(double.width - 2 * zero.width) < 1e-6)
        // "0" (ink 74 above, 1 below once rounded) is shorter than the font's line metrics.
        #expect(abs(zero.ascent - 100 * 1556 / 2048) < 1e-9 && abs(zero.descent - 100 * 492 / 2048) < 1e-9)
        #expect(one.measureText("", font: font).width == 0)
    }

    /// The line metrics come from the font file's OS/2 table (DejaVu Sans: sTypoAscender 1556,
    /// sTypoDescender −492 of 2048, read with fontTools); bytes that are no font give nil.
    @Test func lineMetricsAreReadFromTheFontFile() throws {
        let file = try CairoFontLibrary.fontFile(family: "DejaVu Sans", weight: .regular)
        let metrics = try #require(FontLineMetrics.read(fileAt: file, index: 0))
        #expect(metrics == FontLineMetrics(ascent: 1556.0 / 2048, descent: 492.0 / 2048))
        #expect(FontLineMetrics.parse(Array("not a font at all".utf8), index: 0) == nil)
        #expect(FontLineMetrics.parse([], index: 0) == nil)
        #expect(FontLineMetrics.read(fileAt: "/nonexistent/font.ttf", index: 0) == nil)
    }

    /// matplotlib 3.11.2's box for "data" at 10 pt/100 dpi (`Text.get_window_extent` of a
    /// legend label) is 14.337 high: the autohinted 'd' reaches 11 px, above the font's
    /// 10.552, and the descent is the font's 3.337.
    @Test func textBoxHeightMatchesMatplotlib() throws {
        let canvas = try CairoImageCanvas(width: 10, height: 10)
        let data = canvas.measureText("data", font: Font(size: 1000 / 72))
        #expect(abs(data.ascent - 11) < 1e-9)
        #expect(abs(data.height - 14.337) < 0.001)
        let digits = canvas.measureText("0.25", font: Font(size: 1000 / 72))
        #expect(abs(digits.height - 13.889) < 0.001, "matplotlib's tick labels: 13.889")
    }

    /// Ink bounds of drawn text match the anchor: right-aligned text ends at the anchor, text
    /// anchored at its top starts below it, rotated text reads upward.
    @Test func anchorsAndRotationPlaceTheInk() throws {
        let canvas = try CairoImageCanvas(width: 200, height: 200)
        let font = Font(size: 20)
        canvas.drawText(
            "HHH", at: Point(x: 100, y: 50), font: font, color: .black, anchor: .init(.right, .top),
            rotation: 0)
        let ink = inkBounds(canvas)
        let extent = canvas.measureText("HHH", font: font)
        // The ink box ends on the anchor (as matplotlib aligns it); antialiasing of an
        // outline edge on a pixel boundary may tint one more column.
        #expect(ink.maxX >= 100 && ink.maxX <= 101, "right edge \(ink.maxX)")
        #expect(ink.minX >= 100 - extent.width - 1)
        #expect(ink.minY >= 50 && ink.minY <= 50 + extent.ascent, "top \(ink.minY)")

        let rotated = try CairoImageCanvas(width: 200, height: 200)
        rotated.drawText(
            "HHHHHH", at: Point(x: 100, y: 100), font: font, color: .black, anchor: .init(.left, .baseline),
            rotation: 90)
        let r = inkBounds(rotated)
        #expect(r.maxY <= 101 && r.minY < 100 - 50, "reads upward from the anchor: \(r)")
        #expect(r.maxX <= 101 && r.minX > 100 - extent.ascent - 2, "glyphs stand left of the anchor: \(r)")
        try canvas.checkStatus()
    }

    @Test func textIsDeterministicAcrossCanvases() throws {
        func render() throws -> [UInt8] {
            let canvas = try CairoImageCanvas(width: 120, height: 30)
            canvas.drawText(
                "−0.000001 × 10⁶", at: Point(x: 60, y: 15), font: Font(size: 13.9), color: .black,
                anchor: .init(.center, .center), rotation: 0)
            return CanvasTestSupport.bytes(canvas)
        }
        #expect(try render() == render())
    }

    private func inkBounds(_ canvas: CairoImageCanvas) -> (
        minX: Double, minY: Double, maxX: Double, maxY: Double
    ) {
        let words = CanvasTestSupport.words(canvas)
        var b = (minX: Int.max, minY: Int.max, maxX: Int.min, maxY: Int.min)
        for y in 0..<canvas.pixelHeight {
            for x in 0..<canvas.pixelWidth where words[y * canvas.pixelWidth + x] >> 24 > 0 {
                b = (min(b.minX, x), min(b.minY, y), max(b.maxX, x + 1), max(b.maxY, y + 1))
            }
        }
        return (Double(b.minX), Double(b.minY), Double(b.maxX), Double(b.maxY))
    }
}
