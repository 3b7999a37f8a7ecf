/// Which points each update sees: all of them (full batch), or mini-batches of B points in
/// a fresh random order every epoch, the last batch of an epoch possibly smaller (PyTorch's
/// `DataLoader(shuffle=True, drop_last=False)`).
///
/// Shuffling is Fisher–Yates (Durstenfeld's form: for i from n − 1 down to 1, swap i with j
/// uniform in 0…i), applied at the start of each epoch to the previous epoch's order (the
/// first epoch shuffles 0, 1, …, n − 1), with j from ``Xoshiro256StarStar/nextInt(upToAndIncluding:)``
/// of one generator seeded with the shuffle seed. Everything is preallocated: taking the next
/// batch allocates nothing.
public struct BatchSchedule: Sendable {
    /// Points per batch, 1 … n.
    public let batchSize: Int
    /// n.
    public let pointCount: Int
    private var order: [Int]
    private var generator: Xoshiro256StarStar
    /// Where the next batch starts in `order`.
    private var position: Int
    /// The 0-based epoch of the batch last returned by ``nextBatch(_:)``.
    public private(set) var epoch: Int

    /// A schedule of batches of `batchSize` out of `pointCount` points, shuffled with `seed`.
    public init(batchSize: Int, pointCount: Int, seed: UInt64) {
        self.batchSize = max(1, min(batchSize, pointCount))
        self.pointCount = pointCount
        self.order = Array(0..<pointCount)
        self.generator = Xoshiro256StarStar(seed: seed)
        self.position = pointCount  // shuffle before the first batch
        self.epoch = -1
    }

    /// Calls `body` with the indices of the next batch (valid only during the call).
    public mutating func nextBatch<R>(_ body: (UnsafeBufferPointer<Int>) -> R) -> R {
        if position >= pointCount {
            shuffle()
            position = 0
            epoch += 1
        }
        let end = min(pointCount, position + batchSize)
        let start = position
        position = end
        return order.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    private mutating func shuffle() {
        var i = pointCount - 1
        while i > 0 {
            let j = generator.nextInt(upToAndIncluding: i)
            order.swapAt(i, j)
            i -= 1
        }
    }
}

extension Xoshiro256StarStar {
    /// An integer uniform in 0…`bound` (`bound` ≥ 0), without modulo bias: Lemire's
    /// multiply-and-reject (2019). m = next() × (bound + 1) as a 128-bit product; its low half
    /// below 2⁶⁴ mod (bound + 1) is rejected and redrawn; the result is the high half.
    public mutating func nextInt(upToAndIncluding bound: Int) -> Int {
        let range = UInt64(bound) &+ 1
        guard range != 0 else { return Int(truncatingIfNeeded: next()) }
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }
}
