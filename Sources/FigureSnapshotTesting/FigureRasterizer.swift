import FitCairo
import FitPNG
import FitPlot
import Foundation

/// Draws figures for the figure strategies: pixels through the Cairo image canvas (what
/// `render-fit` writes as PNG), SVG through the Cairo vector document, text through the
/// recording renderer.
public enum FigureRasterizer {
    /// The figure's pixels at `scale` (device pixels per layout unit), straight RGBA.
    public static func image(of figure: Figure, scale: Double = 1) throws -> RGBAImage {
        try figure.validate(scale: scale)
        let canvas = try CairoImageCanvas(width: figure.size.width, height: figure.size.height, scale: scale)
        figure.draw(on: canvas)
        try canvas.checkStatus()
        return try canvas.withPixelData { buffer, width, height, stride in
            try RGBAImage(premultipliedARGB32: buffer, width: width, height: height, stride: stride)
        }
    }

    /// The figure's display list: one line per drawing call, as `RecordingRenderer` writes it,
    /// ending with a newline.
    public static func displayList(of figure: Figure) -> String {
        let recorder = RecordingRenderer(size: figure.size)
        figure.draw(on: recorder)
        return recorder.text + "\n"
    }

    /// The figure as an SVG document with one layout unit per point (so that rasterising it at
    /// 72 × s dpi gives the pixel size of `image(of:scale: s)`), titled `title`.
    public static func svg(of figure: Figure, title: String? = nil) throws -> SVGDocument {
        let bytes = Collected()
        let document = try CairoVectorDocument(
            format: .svg, width: figure.size.width, height: figure.size.height, dpi: 72, title: title
        ) { chunk in bytes.value.append(contentsOf: chunk) }
        figure.draw(on: document)
        try document.finish()
        return SVGDocument(bytes: bytes.value)
    }

    /// The bytes a document sink receives (the sink is an escaping closure).
    private final class Collected {
        var value: [UInt8] = []
    }
}

/// A folder only this process can use (mode 0700, unpredictable name), removed with the value.
final class PrivateTemporaryFolder {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "render-fit-snapshot-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw SVGRasterizerError.temporaryFolder(String(cString: strerror(errno)))
        }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
