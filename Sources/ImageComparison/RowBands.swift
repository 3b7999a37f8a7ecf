import Foundation

/// Splits the rows of an image into bands that are processed on every core at once.
///
/// Results are gathered per band and combined in band order, and every metric combines
/// integers or per-band values in a fixed order, so the result is the same whatever the number
/// of cores or the machine's load.
enum RowBands {
    /// `[start, end)` row ranges covering `0..<height`, each a multiple of `alignment` rows
    /// (except the last), about `targetRows` rows each.
    static func split(height: Int, alignment: Int = 1, targetRows: Int = 64) -> [Range<Int>] {
        let step = max(alignment, (max(1, targetRows) / max(1, alignment)) * max(1, alignment))
        return stride(from: 0, to: height, by: step).map { $0..<min(height, $0 + step) }
    }

    /// Runs `body` for each band on all cores and returns the results in band order.
    static func map<T: Sendable>(_ bands: [Range<Int>], _ body: @Sendable (Range<Int>) -> T) -> [T] {
        let results = ResultSlots<T>(count: bands.count)
        if bands.count == 1 || ProcessInfo.processInfo.activeProcessorCount == 1 {
            for (index, band) in bands.enumerated() { results.store(body(band), at: index) }
        } else {
            DispatchQueue.concurrentPerform(iterations: bands.count) { index in
                results.store(body(bands[index]), at: index)
            }
        }
        return results.values()
    }
}

/// One slot per task; each task writes only its own slot, and the slots are read after every
/// task has finished (concurrentPerform returns only then).
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: T, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}

/// A raw pointer that may be shared by the bands of one computation: each band reads freely
/// and writes only its own rows.
struct SharedPointer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
}

/// A read-only raw pointer shared by the bands of one computation.
struct SharedReadPointer<Element>: @unchecked Sendable {
    let base: UnsafePointer<Element>
}
