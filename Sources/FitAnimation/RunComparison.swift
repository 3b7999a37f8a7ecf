/// Several runs that differ in one setting (`--compare KEY=V1,V2,…`): the key and the values
/// in the order given. Run k (1-based) trains with the k-th value and everything else as the
/// command line says; its history is `history-k.csv`, its colour the k-th of matplotlib's
/// tab10 (``ComparisonScene/runColors``).
public struct RunComparison: Sendable, Equatable, Codable {
    /// The settings a comparison can vary.
    public enum Key: String, Sendable, Equatable, Codable, CaseIterable {
        /// `--learning-rate`.
        case learningRate = "learning-rate"
        /// `--optimizer`.
        case optimizer
        /// `--batch-size`.
        case batchSize = "batch-size"
        /// `--model`.
        case model
    }

    /// At most 10 runs: tab10 has 10 colours.
    public static let maximumRuns = 10
    /// At least 2 runs: one run is not a comparison.
    public static let minimumRuns = 2

    /// The setting that differs.
    public var key: Key
    /// Its values, as given, one per run.
    public var values: [String]

    /// A comparison of `values` of `key`.
    public init(key: Key, values: [String]) {
        self.key = key
        self.values = values
    }

    /// Run `index`'s (0-based) name in legends: `gd`, `lr = 0.5`, `batch 16`, `poly:3`.
    public func label(ofRun index: Int) -> String {
        let value = values[index]
        switch key {
        case .learningRate: return "lr = " + value
        case .batchSize: return "batch " + value
        case .optimizer, .model: return value
        }
    }

    /// Run `index`'s (0-based) history file inside `--out`: `history-1.csv`, `history-2.csv`, ….
    public static func historyName(ofRun index: Int) -> String { "history-\(index + 1).csv" }

    /// True for the names ``historyName(ofRun:)`` gives (`history-` + 1 … 10 + `.csv`).
    public static func isHistoryName(_ name: String) -> Bool {
        (0..<maximumRuns).contains { historyName(ofRun: $0) == name }
    }
}
