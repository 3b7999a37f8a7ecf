import FitPNG
import Foundation
import Testing

/// `render-fit --panels`: frames of several panels side by side, their manifest, their bytes.
@Suite struct RenderFitPanelsTests {
    struct Manifest: Decodable {
        struct Size: Decodable { var width: Int, height: Int }
        struct Area: Decodable { var x: Double, y: Double, width: Double, height: Double }
        struct Limits: Decodable { var x: [Double], y: [Double] }
        struct Panel: Decodable {
            var name: String
            var plotArea: Area
            var dataLimits: Limits
            var xScale: String
            var yScale: String
        }
        struct Settings: Decodable {
            var panels: [String]?
            var width: Int
        }
        var image: Size
        var panels: [Panel]
        var settings: Settings
    }

    static func manifest(_ folder: String) throws -> Manifest {
        try JSONDecoder().decode(
            Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")))
    }

    /// Three panels at the default size make 1920 × 480 frames, each panel in its 640-wide
    /// cell with the one-panel layout; the manifest lists them in order and records the list,
    /// and each frame's Description reproduces it.
    @Test func threePanelsSideBySide() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let out = temporary.path("frames")
        let result = try ProcessRunner.run(
            "render-fit", ["--out", out, "--iterations", "5", "--panels", "fit,loss,landscape", "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let manifest = try Self.manifest(out)
        #expect(manifest.image.width == 1920 && manifest.image.height == 480)
        #expect(manifest.panels.map(\.name) == ["fit", "loss", "landscape"])
        #expect(manifest.settings.panels == ["fit", "loss", "landscape"])
        #expect(manifest.settings.width == 640)
        let first = manifest.panels[0].plotArea
        for (column, panel) in manifest.panels.enumerated() {
            #expect(abs(panel.plotArea.x - 640 * Double(column) - first.x) < 1e-9)
            #expect(panel.plotArea.y == first.y && panel.plotArea.width == first.width)
        }
        #expect(manifest.panels[1].dataLimits.x[0] < 0 && manifest.panels[1].dataLimits.x[1] > 5)
        let png = try PNGDecoder().decode(
            Array(Data(contentsOf: URL(fileURLWithPath: out + "/frame_0003.png"))))
        #expect(png.width == 1920 && png.height == 480)
        let description = try RenderFitFramesTests.textChunks(out + "/frame_0003.png")["Description"] ?? ""
        #expect(description.contains("--panels fit,loss,landscape"))
    }

    /// The default manifest records no panel list in its settings (as before panels existed)
    /// but still describes its one panel.
    @Test func defaultRunHasOneFitPanel() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let out = temporary.path("frames")
        let result = try ProcessRunner.run("render-fit", ["--out", out, "--iterations", "2", "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let manifest = try Self.manifest(out)
        #expect(manifest.settings.panels == nil)
        #expect(manifest.panels.map(\.name) == ["fit"])
        #expect(manifest.image.width == 640)
    }
}
