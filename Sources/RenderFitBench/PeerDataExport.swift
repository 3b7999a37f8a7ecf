import FitAnimation
import FitTrainer
import Foundation

/// Writes what the peer scripts read: `data.csv` (x,y; the tutorial's points, shortest
/// round-trip decimals, so Python reads the same doubles) and `history.csv` (render-fit's own
/// export). Axis limits come from a render-fit run's `manifest.json`.
enum PeerDataExport {
    static func write(to folder: String, points: Int, iterations: Int) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let data = try TutorialDataSet(count: points).generate()
        var csv = "x,y\n"
        for index in 0..<data.count {
            csv += ShortestDecimal.format(data.x[index]) + "," + ShortestDecimal.format(data.y[index]) + "\n"
        }
        try csv.write(toFile: folder + "/data.csv", atomically: true, encoding: .utf8)
        let history = try GradientDescent(iterations: iterations).train(on: data)
        try history.csvText().write(toFile: folder + "/history.csv", atomically: true, encoding: .utf8)
        print(
            "wrote \(folder)/data.csv (\(data.count) points) and \(folder)/history.csv (\(history.count) rows)"
        )
    }
}
