import FitAnimation
import FitPNG
import Foundation
import Testing

@Suite struct FiguresJobTests {
    @Test(arguments: FigureFormat.allCases)
    func writesEveryFigure(format: FigureFormat) throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scene = try Fixtures.scene()
        let job = FiguresJob(
            figures: ArticleFigures(scene: scene, trueLine: (3, 2)), folder: folder, format: format)
        let written = try job.run()
        #expect(written.count == ArticleFigures.Name.allCases.count)
        for path in written {
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            switch format {
            case .png:
                let image = try PNGDecoder().decode(bytes)
                #expect(image.width == 640 && image.height == 480)
            case .svg:
                #expect(String(decoding: bytes.prefix(200), as: UTF8.self).contains("<svg"))
            case .pdf:
                #expect(bytes.starts(with: Array("%PDF".utf8)))
            }
        }
        #expect(FileManager.default.fileExists(atPath: folder + "/figures.json"))
    }
}
