import FitPlot
import Testing

@testable import FitCairo

/// Large batches of axis-aligned segments (residuals) are drawn as one coverage mask, in time
/// linear in their number (Cairo's one stroke is quadratic); the pixels must stay Cairo's.
struct SegmentCoverageTests {
    /// `count` vertical segments, 3.3 px apart (so they never overlap), with fractional ends.
    static func verticalSegments(count: Int, from first: Int = 0) -> Path {
        var path = Path()
        for i in first..<(first + count) {
            let x = 10.37 + 3.3 * Double(i)
            let top = 20.25 + Double((i * 37) % 50) * 0.61
            let bottom = top + 5.5 + Double((i * 53) % 90) * 1.37
            path.move(to: Point(x: x, y: top))
            path.line(to: Point(x: x, y: bottom))
        }
        return path
    }

    static let style = StrokeStyle(width: 1.11, color: Color(hex: 0xd62728, alpha: 0.6))

    @Test func aLargeBatchMatchesCairosStroke() throws {
        let count = 300
        #expect(count >= SegmentCoverage.minimumSegmentCount)
        let masked = try CairoImageCanvas(width: 1010, height: 200)
        masked.clear(to: .white)
        masked.save()
        masked.clip(to: Rect(x: 5, y: 10, width: 1000, height: 180))
        masked.stroke(Self.verticalSegments(count: count), style: Self.style)
        masked.restore()
        // The reference: the same segments in batches below the threshold, stroked by Cairo
        // (they do not overlap, so one stroke or several give the same pixels).
        let cairo = try CairoImageCanvas(width: 1010, height: 200)
        cairo.clear(to: .white)
        cairo.save()
        cairo.clip(to: Rect(x: 5, y: 10, width: 1000, height: 180))
        for first in stride(from: 0, to: count, by: 100) {
            cairo.stroke(Self.verticalSegments(count: 100, from: first), style: Self.style)
        }
        cairo.restore()
        try masked.checkStatus()
        try cairo.checkStatus()
        let a = CanvasTestSupport.words(masked)
        let b = CanvasTestSupport.words(cairo)
        // Cairo samples coverage on a 256 × 15 grid per pixel, the mask takes exact areas: the
        // segments' fractional ends may differ by a fifteenth of the colour's weight.
        #expect(CanvasTestSupport.maxChannelDifference(a, b) <= 12)
        // Cairo quantizes x to 1/256 px: most edge pixels differ by a level or two, few more.
        let differing = zip(a, b).filter { CanvasTestSupport.maxChannelDifference([$0], [$1]) > 2 }.count
        #expect(differing < a.count / 100)
        // Something was drawn: red pixels where the segments are.
        #expect(a.filter { $0 != 0xffff_ffff }.count > count * 10)
    }

    @Test func horizontalSegmentsAndClipping() throws {
        var path = Path()
        for i in 0..<SegmentCoverage.minimumSegmentCount {
            let y = 2.5 + Double(i)
            path.move(to: Point(x: -20, y: y))
            path.line(to: Point(x: 30.5, y: y))
        }
        let canvas = try CairoImageCanvas(width: 40, height: 300)
        canvas.clip(to: Rect(x: 0, y: 0, width: 20, height: 300))
        canvas.stroke(path, style: StrokeStyle(width: 1, color: .black))
        let words = CanvasTestSupport.words(canvas)
        // Row 2 is covered fully from x = 0 to the clip at 20, nothing right of the clip.
        #expect(words[2 * 40 + 0] == 0xff00_0000)
        #expect(words[2 * 40 + 19] == 0xff00_0000)
        #expect(words[2 * 40 + 20] == 0)
        // Rows 0 and 1 (above the first segment's y = 2.5 − 0.5) stay transparent.
        #expect(words[40 + 5] == 0)
    }

    @Test func onlyAxisAlignedButtCappedBatchesAreMasked() {
        var diagonal = Path()
        diagonal.move(to: Point(x: 0, y: 0))
        diagonal.line(to: Point(x: 1, y: 1))
        #expect(SegmentCoverage.rectangles(of: diagonal, scale: 1, deviceWidth: 1) == nil)
        var polyline = Path()
        polyline.move(to: Point(x: 0, y: 0))
        polyline.line(to: Point(x: 0, y: 1))
        polyline.line(to: Point(x: 0, y: 2))
        #expect(SegmentCoverage.rectangles(of: polyline, scale: 1, deviceWidth: 1) == nil)
        var vertical = Path()
        vertical.move(to: Point(x: 2, y: 3))
        vertical.line(to: Point(x: 2, y: 1))
        #expect(
            SegmentCoverage.rectangles(of: vertical, scale: 2, deviceWidth: 2)
                == [Rect(x: 3, y: 2, width: 2, height: 4)])
    }

    @Test func exactAreaCoverage() {
        // A 1.5 px wide rectangle from x 1.25 to 2.75, y 0.5 to 2: column 1 covered 0.75,
        // column 2 0.75; row 0 half, row 1 fully.
        let mask = SegmentCoverage.mask(
            [Rect(x: 1.25, y: 0.5, width: 1.5, height: 1.5)], x: 0, y: 0, width: 4, height: 3)
        #expect(mask == [0, 96, 96, 0, 0, 191, 191, 0, 0, 0, 0, 0])
    }
}
