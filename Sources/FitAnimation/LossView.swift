import FitPlot

/// What the loss panel draws, computed once per scene: the axes' scale and limits, and each
/// run's loss curve (and mini-batch loss curve) thinned to what a frame can show.
///
/// A curve of N iterations is kept whole up to ``maximumPoints`` points; beyond, each bucket of
/// consecutive iterations keeps its first, lowest, highest and last point, so the drawn curve
/// keeps every spike, and a frame costs the same for 1,000 or 1,000,000 iterations.
public struct LossView: Sendable {
    /// Curves longer than this (in points) are thinned.
    public static let maximumPoints = 4_000

    /// One run's curves in data units, as (iteration, loss) points, in iteration order.
    public struct Curve: Sendable {
        /// The loss on all points.
        public var loss: [DataPoint]
        /// The mini-batch loss; empty without mini-batches.
        public var batchLoss: [DataPoint]
    }

    /// One curve per run, in run order.
    public let curves: [Curve]
    /// Log y when the finite positive losses span more than two decades.
    public let yScale: AxisScale
    /// The x limits: iteration 0 to the longest run's last, with matplotlib's 5 % margins.
    public let xLimits: AxisRange
    /// The y limits from every run's loss (the mini-batch losses are drawn, not fitted).
    public let yLimits: AxisRange

    /// The view of `runs`' losses.
    public init(runs: [RunView]) {
        var curves: [Curve] = []
        var low = Double.infinity
        var high = -Double.infinity
        var lowPositive = Double.infinity
        for run in runs {
            let count = run.history.count
            var loss: [DataPoint] = []
            var batch: [DataPoint] = []
            loss.reserveCapacity(count)
            for row in 0..<count {
                let value = run.lossInDataUnits(at: row)
                loss.append(DataPoint(x: Double(row), y: value))
                if let b = run.batchLossInDataUnits(at: row) { batch.append(DataPoint(x: Double(row), y: b)) }
                guard value.isFinite else { continue }
                low = min(low, value)
                high = max(high, value)
                if value > 0 { lowPositive = min(lowPositive, value) }
            }
            curves.append(Curve(loss: Self.thinned(loss), batchLoss: Self.thinned(batch)))
        }
        self.curves = curves
        let last = Double(max(1, (runs.map(\.history.count).max() ?? 1) - 1))
        let margin = Theme.matplotlib.autoscaleMargin
        xLimits = AxisRange.automatic(dataMinimum: 0, dataMaximum: last, margin: margin)
        if lowPositive.isFinite, high.isFinite, high / lowPositive > 100 {
            yScale = .log10
            yLimits = AxisRange.automatic(
                dataMinimum: lowPositive, dataMaximum: high, margin: margin, scale: .log10)
        } else {
            yScale = .linear
            yLimits = AxisRange.automatic(
                dataMinimum: low.isFinite ? low : 0, dataMaximum: high.isFinite ? high : 1, margin: margin)
        }
    }

    /// `points` whole when short, else the first, lowest, highest and last of each bucket.
    static func thinned(_ points: [DataPoint]) -> [DataPoint] {
        guard points.count > maximumPoints else { return points }
        let buckets = maximumPoints / 4
        var out: [DataPoint] = []
        out.reserveCapacity(maximumPoints)
        for b in 0..<buckets {
            let start = b * points.count / buckets
            let end = (b + 1) * points.count / buckets
            guard start < end else { continue }
            var lowest = start
            var highest = start
            for i in start..<end where points[i].y.isFinite {
                if !points[lowest].y.isFinite || points[i].y < points[lowest].y { lowest = i }
                if !points[highest].y.isFinite || points[i].y > points[highest].y { highest = i }
            }
            for i in Set([start, lowest, highest, end - 1]).sorted() { out.append(points[i]) }
        }
        return out
    }

    /// The points of `curve` up to iteration `row`, ending exactly at it.
    static func prefix(_ curve: [DataPoint], through row: Int, current: DataPoint) -> [DataPoint] {
        // Thinned curves are in iteration order: binary search for the last point before `row`.
        var lo = 0
        var hi = curve.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if curve[mid].x < Double(row) { lo = mid + 1 } else { hi = mid }
        }
        return Array(curve[..<lo]) + [current]
    }
}
