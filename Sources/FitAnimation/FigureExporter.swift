import FitCairo
import FitOutput
import FitPNG
import FitPlot
import Foundation

/// The file formats a figure can be written in.
public enum FigureFormat: String, Sendable, CaseIterable {
    /// PNG raster, SVG or PDF vector.
    case png, svg, pdf
}

/// Writes a `Figure` to a PNG (Cairo image surface, our encoder), an SVG or a PDF (Cairo
/// vector surfaces, text kept as text). Files are written through ``OutputFile``: an exclusive
/// temporary, renamed into place once complete.
public struct FigureExporter: Sendable {
    /// Device pixels per layout unit for PNG (HiDPI: 2).
    public var scale: Double
    /// Text metadata for PNG files (Software, Title, Description, …).
    public var text: [PNGTextChunk]
    /// PNG compression settings (text and dpi are set per file from `text` and the figure).
    public var encoderOptions: PNGEncoder.Options

    /// An exporter at device `scale` whose PNGs carry `text` chunks.
    public init(scale: Double = 1, text: [PNGTextChunk] = [], encoderOptions: PNGEncoder.Options = .init()) {
        self.scale = scale
        self.text = text
        self.encoderOptions = encoderOptions
    }

    /// The figure rendered to pixels.
    public func renderCanvas(_ figure: Figure) throws -> CairoImageCanvas {
        let canvas = try CairoImageCanvas(width: figure.size.width, height: figure.size.height, scale: scale)
        figure.draw(on: canvas)
        try canvas.checkStatus()
        return canvas
    }

    /// The figure as an RGBA image (e.g. for an image snapshot test).
    public func renderImage(_ figure: Figure) throws -> RGBAImage {
        try renderCanvas(figure).withPixelData { buffer, width, height, stride in
            try RGBAImage(premultipliedARGB32: buffer, width: width, height: height, stride: stride)
        }
    }

    /// The figure encoded as PNG bytes.
    public func pngData(_ figure: Figure, title: String? = nil) throws -> [UInt8] {
        var options = encoderOptions
        options.text = text + (title.map { [.title($0)] } ?? [])
        options.dpi = figure.dpi * scale
        let encoder = PNGEncoder(options: options)
        return try renderCanvas(figure).withPixelData { buffer, width, height, stride in
            try encoder.encode(premultipliedARGB32: buffer, width: width, height: height, stride: stride)
        }
    }

    /// Writes the figure to `path` in `format`.
    public func write(_ figure: Figure, format: FigureFormat, toPath path: String, title: String? = nil)
        throws
    {
        switch format {
        case .png:
            try OutputFile.write(pngData(figure, title: title), toPath: path)
        case .svg, .pdf:
            let file = try OutputFile(path: path)
            let document = try CairoVectorDocument(
                format: format == .svg ? .svg : .pdf, width: figure.size.width,
                height: figure.size.height, dpi: figure.dpi, title: title,
                sink: { bytes in try file.write(bytes) })
            figure.draw(on: document)
            try document.finish()
            try file.commit()
        }
    }
}
