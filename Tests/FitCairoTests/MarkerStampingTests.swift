import CCairo
import FitPlot
import Testing

@testable import FitCairo

@Suite("Marker stamping")
struct MarkerStampingTests {
    /// Deterministic centres (a small LCG), spread over the canvas and beyond its edges.
    static func centers(count: Int, width: Double, height: Double, seed: UInt64 = 12345) -> [Point] {
        var state = seed
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        return (0..<count).map { _ in Point(x: next() * (width + 20) - 10, y: next() * (height + 20) - 10) }
    }

    /// Stamping promises byte-identity with painting the same stamps through Cairo at the
    /// same whole-pixel offsets (same "over" arithmetic as pixman).
    /// Dense and opaque, most markers are hidden by later ones and skipped: the result must
    /// not change. Translucent, none can be skipped.
    @Test(arguments: [1.0, 2.0], [(false, false), (true, false), (false, true), (true, true)])
    func stampingEqualsCairoPaintingTheStamps(scale: Double, options: (clipped: Bool, dense: Bool)) throws {
        let (clipped, dense) = options
        let style = MarkerStyle(
            size: 8.3, fill: Color(hex: 0xff7f0e, alpha: dense ? 1 : 0.6), edgeColor: .black, edgeWidth: 0.5)
        let points = Self.centers(count: dense ? 4000 : 300, width: 60, height: 40)
        let stamped = try CairoImageCanvas(width: 60, height: 40, scale: scale)
        stamped.clear(to: Color(hex: 0x336699))
        // The clip cuts stamps mid-row, where the compositor's four-pixel groups must stop.
        let clip = Rect(x: 7, y: 5, width: 41, height: 27)
        if clipped { stamped.clip(to: clip) }
        stamped.drawMarkers(at: points, style: style)

        let reference = try CairoImageCanvas(width: 60, height: 40, scale: scale)
        reference.clear(to: Color(hex: 0x336699))
        let stamps = try MarkerStamp.render(style, scale: scale)
        let cr = try #require(cairo_create(try CairoSurfaceProbe.surface(of: reference)))
        defer { cairo_destroy(cr) }
        if clipped {
            cairo_rectangle(cr, clip.x * scale, clip.y * scale, clip.width * scale, clip.height * scale)
            cairo_clip(cr)
        }
        for p in points {
            let qx = Int((p.x * scale * 4).rounded())
            let qy = Int((p.y * scale * 4).rounded())
            let stamp = stamps[(qy & 3) * 4 + (qx & 3)]
            let image = try CairoSurface.image(width: stamp.side, height: stamp.side)
            cairo_surface_flush(image.pointer)
            let data = try #require(cairo_image_surface_get_data(image.pointer))
            let stride = Int(cairo_image_surface_get_stride(image.pointer))
            for y in 0..<stamp.side {
                for x in 0..<stamp.side {
                    (UnsafeMutableRawPointer(data) + y * stride + x * 4).storeBytes(
                        of: stamp.pixels[y * stamp.side + x], as: UInt32.self)
                }
            }
            cairo_surface_mark_dirty(image.pointer)
            cairo_set_source_surface(
                cr, image.pointer, Double((qx >> 2) - stamp.pad), Double((qy >> 2) - stamp.pad))
            cairo_paint(cr)
        }
        #expect(cairo_status(cr) == CAIRO_STATUS_SUCCESS)
        #expect(CanvasTestSupport.bytes(stamped) == CanvasTestSupport.bytes(reference))
    }

    /// Against markers drawn one by one with cairo_arc: the only differences come from the
    /// ≤ ⅛-px quantisation of centres, so anti-aliased edge pixels may differ a little.
    /// Tolerance: moving an edge by ⅛ px changes a pixel's coverage by at most about
    /// ⅛·√2 ≈ 18 %, i.e. ≈ 45 levels, and two overlapping edges can add up; so a maximum under
    /// 64 levels and a mean under 2 levels (measured: mean 1.3 at scale 1, max 45–49).
    @Test(arguments: [1.0, 2.0])
    func stampingLooksLikeCairoArcs(scale: Double) throws {
        let style = MarkerStyle(size: 8.3, fill: Color(hex: 0x1f77b4))
        let points = Self.centers(count: 200, width: 80, height: 60, seed: 99)
        let stamped = try CairoImageCanvas(width: 80, height: 60, scale: scale)
        stamped.clear(to: .white)
        stamped.drawMarkers(at: points, style: style)

        let drawn = try CairoImageCanvas(width: 80, height: 60, scale: scale)
        drawn.clear(to: .white)
        for p in points { drawn.fill(.circle(center: p, radius: style.size / 2), color: style.fill) }

        let a = CanvasTestSupport.words(stamped)
        let b = CanvasTestSupport.words(drawn)
        var total = 0
        for (p, q) in zip(a, b) {
            for s in stride(from: 0, through: 16, by: 8) {
                total += abs(Int((p >> UInt32(s)) & 0xff) - Int((q >> UInt32(s)) & 0xff))
            }
        }
        let mean = Double(total) / Double(a.count * 3)
        #expect(mean < 2, "mean channel difference \(mean)")
        #expect(CanvasTestSupport.maxChannelDifference(a, b) < 64)
    }

    /// Exactly on quarter-pixel centres the stamp is Cairo's own arc rendering.
    @Test func quarterPixelCentresMatchArcsExactly() throws {
        let style = MarkerStyle(size: 6, fill: Color(hex: 0x2ca02c))
        let points = [Point(x: 10.25, y: 10.5), Point(x: 20, y: 10.75), Point(x: 30.5, y: 11)]
        let stamped = try CairoImageCanvas(width: 40, height: 20)
        stamped.clear(to: .white)
        stamped.drawMarkers(at: points, style: style)
        let drawn = try CairoImageCanvas(width: 40, height: 20)
        drawn.clear(to: .white)
        for p in points { drawn.fill(.circle(center: p, radius: 3), color: style.fill) }
        #expect(
            CanvasTestSupport.maxChannelDifference(
                CanvasTestSupport.words(stamped), CanvasTestSupport.words(drawn)) <= 1)
    }

    @Test func batchingDoesNotChangeTheResult() throws {
        let style = MarkerStyle(size: 7, fill: Color(hex: 0xd62728, alpha: 0.5))
        let points = Self.centers(count: 500, width: 50, height: 50, seed: 7)
        let whole = try CairoImageCanvas(width: 50, height: 50)
        whole.drawMarkers(at: points, style: style)
        let split = try CairoImageCanvas(width: 50, height: 50)
        for chunk in stride(from: 0, to: points.count, by: 37) {
            split.drawMarkers(at: Array(points[chunk..<min(points.count, chunk + 37)]), style: style)
        }
        #expect(CanvasTestSupport.bytes(whole) == CanvasTestSupport.bytes(split))
    }

    @Test(arguments: [MarkerStyle.Shape.square, .diamond, .triangleUp, .plus, .cross])
    func otherShapesDrawSomething(shape: MarkerStyle.Shape) throws {
        let canvas = try CairoImageCanvas(width: 20, height: 20)
        canvas.drawMarkers(
            at: [Point(x: 10, y: 10)], style: MarkerStyle(shape: shape, size: 10, fill: .black))
        #expect(canvas.pixel(x: 10, y: 10).a > 0)
        #expect(canvas.pixel(x: 1, y: 1).a == 0)
        try canvas.checkStatus()
    }

    @Test func degenerateStylesDrawNothing() throws {
        let canvas = try CairoImageCanvas(width: 20, height: 20)
        for size in [0.0, -3, .nan, .infinity] {
            canvas.drawMarkers(at: [Point(x: 10, y: 10)], style: MarkerStyle(size: size, fill: .black))
        }
        #expect(CanvasTestSupport.words(canvas).allSatisfy { $0 == 0 })
        try canvas.checkStatus()
    }
}

/// Reaches the canvas's Cairo surface for the reference drawing (tests only).
enum CairoSurfaceProbe {
    static func surface(of canvas: CairoImageCanvas) throws -> OpaquePointer {
        canvas.surfacePointerForTesting
    }
}
