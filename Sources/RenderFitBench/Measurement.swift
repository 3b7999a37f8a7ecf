import Dispatch

/// Repeated timings of one piece of work: median and minimum, in milliseconds.
///
/// The median resists the odd slow run (another process, a page fault storm); the minimum
/// shows what the code costs when nothing interferes. Both are reported.
struct Timing {
    /// Each run's wall time, in milliseconds.
    var milliseconds: [Double]

    var median: Double {
        let sorted = milliseconds.sorted()
        guard !sorted.isEmpty else { return .nan }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    var minimum: Double { milliseconds.min() ?? .nan }

    /// Runs `body` once untimed (warm caches, lazy setup), then `runs` times timed.
    static func measure(runs: Int, warmUp: Bool = true, _ body: () throws -> Void) rethrows -> Timing {
        if warmUp { try body() }
        var times: [Double] = []
        times.reserveCapacity(runs)
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            let end = DispatchTime.now().uptimeNanoseconds
            times.append(Double(end - start) / 1e6)
        }
        return Timing(milliseconds: times)
    }
}

/// Wall-clock milliseconds since an arbitrary origin (monotonic).
func nowMilliseconds() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e6
}
