import Foundation

/// One of N contiguous parts of a run's frames (`render-fit --shard I/N`): shard I renders
/// frames ⌊(I−1)·F/N⌋ ..< ⌊I·F/N⌋ of F, so the N shards cover every frame exactly once and
/// differ in length by at most one frame. I is 1-based, as job arrays count
/// (`SLURM_ARRAY_TASK_ID`); N may be at most F, so that no shard is empty.
public struct FrameShard: Sendable, Equatable, Hashable, Codable {
    /// The most shards of a run: one per frame of the longest run (1,000,000 iterations).
    public static let maximumCount = 1_000_001
    /// What `--shard` accepts, for messages.
    public static let allowedText =
        "I/N with whole numbers 1 ≤ I ≤ N ≤ \(maximumCount), such as 2/8 (the second of 8 parts)"

    /// 1 ... ``count``.
    public let index: Int
    /// The number of shards, at least 1.
    public let count: Int

    /// The shard `index` of `count`; nil unless 1 ≤ index ≤ count ≤ ``maximumCount``.
    public init?(index: Int, count: Int) {
        guard count >= 1, count <= Self.maximumCount, index >= 1, index <= count else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `I/N` (spaces around the numbers allowed); nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let numbers = parts.map { $0.trimmingCharacters(in: .whitespaces) }
        guard numbers.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } }),
            let index = Int(numbers[0]), let count = Int(numbers[1])
        else { return nil }
        self.init(index: index, count: count)
    }

    /// The frames of this shard in a run of `frameCount` frames (empty when `count` exceeds it).
    public func frames(of frameCount: Int) -> Range<Int> {
        // Products stay below 2^41 (frame counts and shard counts are at most ~10^6).
        ((index - 1) * frameCount / count)..<(index * frameCount / count)
    }

    /// `I/N`, as `--shard` takes it.
    public var text: String { "\(index)/\(count)" }

    /// "shard 2 of 8", for messages.
    public var description: String { "shard \(index) of \(count)" }

    /// The shard manifest's file name, `shard-I-of-N.json`: shards that share a folder never
    /// share a manifest.
    public var manifestName: String { "shard-\(index)-of-\(count).json" }

    /// The shard whose manifest is called `name`, or nil when `name` is not a shard manifest's.
    public init?(manifestName name: String) {
        guard name.hasPrefix("shard-"), name.hasSuffix(".json") else { return nil }
        let middle = name.dropFirst(6).dropLast(5)
        let parts = middle.components(separatedBy: "-of-")
        guard parts.count == 2,
            parts.allSatisfy({ !$0.isEmpty && $0.count <= 7 && $0.utf8.allSatisfy { (48...57).contains($0) } }
            ),
            !parts.contains(where: { $0.hasPrefix("0") }),
            let index = Int(parts[0]), let count = Int(parts[1])
        else { return nil }
        self.init(index: index, count: count)
    }
}
