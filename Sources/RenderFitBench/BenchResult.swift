import Foundation

/// One benchmark row: what was measured, with which parameters, and how long it took.
struct BenchResult: Codable {
    /// The group: "frames", "encode", "trainer", "apng", "job", "pipeline".
    var group: String
    /// What varies inside the group, e.g. "640x480 100 points" or "level 3, filter none".
    var name: String
    var runs: Int
    /// Per run (all frames of the run together), milliseconds.
    var medianMilliseconds: Double
    var minimumMilliseconds: Double
    /// Frames per run (1 for work that is not frame-based).
    var frames: Int
    /// Median per frame, milliseconds.
    var millisecondsPerFrame: Double
    /// Encoded bytes per frame (0 when nothing is encoded).
    var bytesPerFrame: Int
    /// Anything else worth keeping, e.g. "points": 100000.
    var extra: [String: Double]

    init(
        group: String, name: String, timing: Timing, frames: Int = 1, bytesPerFrame: Int = 0,
        extra: [String: Double] = [:]
    ) {
        self.group = group
        self.name = name
        self.runs = timing.milliseconds.count
        self.medianMilliseconds = timing.median
        self.minimumMilliseconds = timing.minimum
        self.frames = max(1, frames)
        self.millisecondsPerFrame = timing.median / Double(max(1, frames))
        self.bytesPerFrame = bytesPerFrame
        self.extra = extra
    }
}

/// Prints results as they come (a text table) or collects them for one JSON document.
final class BenchOutput {
    let json: Bool
    /// Where the JSON goes besides (or instead of) the tables; nil: standard output with `json`.
    let jsonFile: String?
    private(set) var results: [BenchResult] = []
    private var lastGroup: String?

    init(json: Bool, jsonFile: String? = nil) {
        self.json = json
        self.jsonFile = jsonFile
    }

    func add(_ result: BenchResult) {
        results.append(result)
        guard !json else { return }
        if result.group != lastGroup {
            lastGroup = result.group
            print("\n== \(result.group)")
            print(
                pad("case", 34) + pad("median ms", 12) + pad("min ms", 12) + pad("ms/frame", 11)
                    + pad("bytes/frame", 12))
        }
        print(
            pad(result.name, 34) + pad(format(result.medianMilliseconds), 12)
                + pad(format(result.minimumMilliseconds), 12) + pad(format(result.millisecondsPerFrame), 11)
                + pad(result.bytesPerFrame > 0 ? String(result.bytesPerFrame) : "-", 12)
                + result.extra.sorted { $0.key < $1.key }.map { " \($0.key)=\(format($0.value))" }.joined())
        fflush(nil)
    }

    /// Writes the JSON document (an array of rows) when `--json` or `--json-out` was given.
    func finish() throws {
        guard json || jsonFile != nil else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(results) + Data([10])
        if let jsonFile {
            try data.write(to: URL(fileURLWithPath: jsonFile))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}

/// Three significant decimals are plenty for timings.
func format(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    if value >= 100 { return String(format: "%.1f", value) }
    if value >= 1 { return String(format: "%.3f", value) }
    return String(format: "%.4f", value)
}
