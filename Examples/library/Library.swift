// A custom plot with the library API: a figure with two axes (scatter, lines, legends),
// saved as PNG and PDF.
//
//     swift run library [--out DIR]
import ArgumentParser
import FitAnimation  // FigureExporter: PNG through Cairo and FitPNG, SVG and PDF through Cairo
import FitOutput  // OwnedFolder: the folder, locked, with its ownership list
import FitPlot
import Foundation

@main
struct Library: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library", abstract: "Draw a two-panel figure with FitPlot and save it as PNG and PDF.",
        discussion:
            "Writes library.png and library.pdf into DIR.\n\nExample: swift run library --out output/library")

    @Option(help: "Folder to write into; created if needed.")
    var out = "output/library"

    @Flag(help: "Accepted for symmetry with the other examples; this one is always quick.")
    var quick = false

    func run() throws {
        // Made-up measurements: y = 0.5·x + 1 plus a deterministic wobble.
        let x = (0..<30).map { Double($0) / 3 }
        let y = x.map { 0.5 * $0 + 1 + 0.6 * sin(3.7 * $0) }

        var figure = try Figure(width: 960, height: 400, columns: 2)
        figure.suptitle = "Two axes, one figure"
        figure.margins.top = 0.82  // room for the suptitle above the axes titles

        var left = figure[0, 0]
        left.title = "Measurements and a line"
        left.xLabel = "time (s)"
        left.yLabel = "height (m)"
        try left.scatter(x: x, y: y, color: Color(hex: 0xff7f0e), label: "measured")
        left.line(slope: 0.5, intercept: 1, color: Color(hex: 0x1f77b4), label: "y = 0.5x + 1")
        left.legendLocation = .upperLeft
        figure[0, 0] = left

        var right = figure[0, 1]
        right.title = "Residuals"
        right.xLabel = "time (s)"
        try right.plot(x: x, y: zip(x, y).map { $1 - (0.5 * $0 + 1) }, label: "y − line")
        right.line(slope: 0, intercept: 0, color: .black, widthPoints: 1, dashPoints: [4, 3], label: "zero")
        try right.setLimits(y: (-0.9, 1.2))  // headroom for the legend
        right.legendLocation = .upperRight
        figure[0, 1] = right

        let output = try OwnedFolder(path: out, owner: "library", planned: ["library.png", "library.pdf"])
        for format in [FigureFormat.png, .pdf] {
            let path = output.path("library." + format.rawValue)
            try FigureExporter(scale: 2).write(figure, format: format, toPath: path, title: figure.suptitle)
            print("wrote \(path)")
        }
    }
}
