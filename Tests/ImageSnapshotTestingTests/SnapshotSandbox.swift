import FitPNG
import Foundation
import ImageSnapshotTesting

/// A temporary folder laid out like a user's package (`Tests/DemoTests/DemoTests.swift`), with
/// its own artifacts root and run report, so that the workflow tests never write into the
/// repository and never mix their failures with the real run's report.
final class SnapshotSandbox {
    let root: String
    let report = SnapshotRunReport()

    init() throws {
        root = NSTemporaryDirectory() + "snapshot-sandbox-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// `KEEP_SNAPSHOT_SANDBOX=1` keeps the folder, to look at the artifacts and the report.
    deinit {
        if ProcessInfo.processInfo.environment["KEEP_SNAPSHOT_SANDBOX"] == nil {
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    var testFile: String { root + "/Tests/DemoTests/DemoTests.swift" }
    var artifactsRoot: String { root + "/artifacts" }
    var artifactsFolder: String { artifactsRoot + "/DemoTests" }
    var reportPath: String { SnapshotRunReport.reportPath(underRoot: artifactsRoot) }

    func location(_ name: String, _ pathExtension: String) -> SnapshotLocation {
        SnapshotLocation(
            testFilePath: testFile, name: name, pathExtension: pathExtension, artifactsRoot: artifactsRoot)
    }

    func verifier(_ mode: SnapshotRecordMode = .missing) -> SnapshotVerifier {
        SnapshotVerifier(recordMode: mode, runReport: report)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    func artifact(_ name: String, _ suffix: String) -> String { artifactsFolder + "/\(name).\(suffix)" }

    func read(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    func writePNG(_ image: RGBAImage, to path: String) throws {
        try Data(try PNGEncoder().encode(image)).write(to: URL(fileURLWithPath: path))
    }

    func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
}

enum Pictures {
    /// A 24×16 white image.
    static func white() throws -> RGBAImage {
        try RGBAImage(width: 24, height: 16, fill: (255, 255, 255, 255))
    }

    /// `image` with a 2×2 red square at (10, 6).
    static func dotted(_ image: RGBAImage) -> RGBAImage {
        var copy = image
        for y in 6..<8 {
            for x in 10..<12 {
                let i = (y * image.width + x) * 4
                copy.pixels[i] = 255
                copy.pixels[i + 1] = 0
                copy.pixels[i + 2] = 0
            }
        }
        return copy
    }
}
