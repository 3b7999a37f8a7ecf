import FitCairo
import FitPlot
import Testing

@Suite("Static layer reuse and frame reuse")
struct LayerReuseTests {
    static func drawStatic(_ r: Renderer) {
        r.fill(.rectangle(Rect(x: 0, y: 0, width: 120, height: 80)), color: .white)
        r.stroke(
            .rectangle(Rect(x: 10.5, y: 8.2, width: 100, height: 60)),
            style: StrokeStyle(width: 1, color: .black, snapToPixels: true))
        r.drawText(
            "static 1.5", at: Point(x: 60, y: 75), font: Font(size: 10), color: .black,
            anchor: .init(.center, .bottom), rotation: 0)
        r.drawMarkers(
            at: [Point(x: 30, y: 30), Point(x: 50.3, y: 40.7)],
            style: MarkerStyle(size: 6, fill: Color(hex: 0xff7f0e)))
    }

    static func drawDynamic(_ r: Renderer, frame: Int) {
        r.save()
        r.clip(to: Rect(x: 10.5, y: 8.2, width: 100, height: 60))
        let y0 = 60 - Double(frame) * 3.7
        r.stroke(
            .segment(from: Point(x: 0, y: y0), to: Point(x: 120, y: y0 - 30)),
            style: StrokeStyle(width: 2, color: Color(hex: 0x1f77b4)))
        r.restore()
    }

    @Test(arguments: [1.0, 2.0])
    func blitThenDrawEqualsDrawWhole(scale: Double) throws {
        let layer = try CairoImageCanvas(width: 120, height: 80, scale: scale)
        Self.drawStatic(layer)
        let shared = layer.makeLayer()
        let frame = try CairoImageCanvas(width: 120, height: 80, scale: scale)
        for i in 0..<4 {
            // Reused canvas, alternately from the canvas and the Sendable layer.
            if i % 2 == 0 { try frame.copyPixels(from: layer) } else { try frame.copyPixels(from: shared) }
            Self.drawDynamic(frame, frame: i)
            let whole = try CairoImageCanvas(width: 120, height: 80, scale: scale)
            Self.drawStatic(whole)
            Self.drawDynamic(whole, frame: i)
            #expect(CanvasTestSupport.bytes(frame) == CanvasTestSupport.bytes(whole), "frame \(i)")
            try frame.checkStatus()
        }
    }

    @Test func copyResetsALeftoverClip() throws {
        let layer = try CairoImageCanvas(width: 20, height: 20)
        layer.clear(to: .white)
        let frame = try CairoImageCanvas(width: 20, height: 20)
        frame.save()
        frame.clip(to: Rect(x: 0, y: 0, width: 1, height: 1))  // never restored
        try frame.copyPixels(from: layer)
        frame.fill(.rectangle(Rect(x: 0, y: 0, width: 20, height: 20)), color: .black)
        #expect(frame.pixel(x: 10, y: 10) == (0, 0, 0, 255))
    }

    @Test func copyFromADifferentSizeThrows() throws {
        let a = try CairoImageCanvas(width: 20, height: 20)
        let b = try CairoImageCanvas(width: 20, height: 20, scale: 2)
        #expect(throws: CairoError.self) { try a.copyPixels(from: b) }
        #expect(throws: CairoError.self) { try a.copyPixels(from: b.makeLayer()) }
    }

    @Test func clearReplacesPixels() throws {
        let canvas = try CairoImageCanvas(width: 4, height: 4)
        canvas.clear(to: .black)
        canvas.clear(to: Color(hex: 0xffffff, alpha: 0))
        #expect(canvas.pixel(x: 1, y: 1) == (0, 0, 0, 0))
    }
}
