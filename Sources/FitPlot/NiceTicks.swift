/// Tick positions at "nice" values, a port of matplotlib's `MaxNLocator` (the locator behind
/// its default `AutoLocator`) with steps [1, 2, 2.5, 5, 10] × 10^k and `min_n_ticks` 2.
///
/// The port follows matplotlib 3.x `MaxNLocator._raw_ticks`/`tick_values` operation by
/// operation (Python float `//` and `divmod` included), so the tick values are the same
/// doubles matplotlib computes.
public struct NiceTicks: Hashable, Sendable {
    /// The largest number of intervals between ticks.
    public var maximumBins: Int
    /// Candidate step mantissas, increasing, from 1 to 10.
    public var steps: [Double]
    /// The fewest ticks inside the range that a step must give.
    public var minimumTickCount: Int
    /// Whole-number ticks only (matplotlib's `MaxNLocator(integer=True)`), for iteration and
    /// count axes: steps of at least 1 once the range holds `minimumTickCount` integers.
    public var integer: Bool

    /// Creates a locator; `maximumBins` and `minimumTickCount` below 1 are raised to 1.
    public init(
        maximumBins: Int, steps: [Double] = [1, 2, 2.5, 5, 10], minimumTickCount: Int = 2,
        integer: Bool = false
    ) {
        self.maximumBins = max(1, maximumBins)
        self.steps = steps
        self.minimumTickCount = max(1, minimumTickCount)
        self.integer = integer
    }

    /// matplotlib's `nbins='auto'`: the number of tick labels of `fontSize` that fit along an
    /// axis of `axisLength` (both in the same unit), assuming labels are at most 3 font sizes
    /// wide on a horizontal axis and spaced at least 2 font sizes on a vertical one; clipped
    /// to 1…9. The 640 × 480 default figure gets 9 on both axes.
    public static func automaticBins(axisLength: Double, fontSize: Double, horizontal: Bool) -> Int {
        let size = fontSize * (horizontal ? 3 : 2)
        guard size > 0, axisLength.isFinite, axisLength > 0 else { return 9 }
        let fit = (axisLength / size).rounded(.down)
        return Int(min(9, max(1, fit)))
    }

    /// Tick values covering `lower…upper`; the first and last may lie just outside the range
    /// (as matplotlib's), callers keep the visible ones with `visibleTicks`.
    public func tickValues(lower: Double, upper: Double) -> [Double] {
        let (vmin, vmax) = Self.nonsingular(lower, upper, expander: 1e-13, tiny: 1e-14)
        return rawTicks(vmin, vmax)
    }

    /// The ticks of `tickValues` that lie inside `lower…upper` (with matplotlib's tolerance of
    /// 1e-10 of the range, so that a tick at a limit that rounding moved by an ulp is kept).
    public func visibleTicks(lower: Double, upper: Double) -> [Double] {
        let tolerance = 1e-10 * (upper - lower)
        return tickValues(lower: lower, upper: upper).filter {
            $0 >= lower - tolerance && $0 <= upper + tolerance
        }
    }

    private func rawTicks(_ vmin: Double, _ vmax: Double) -> [Double] {
        // A span that overflows (e.g. −1e308…1e308) has no usable step.
        guard (vmax - vmin).isFinite, vmax > vmin else { return [] }
        let nbins = Double(maximumBins)
        let (scale, offset) = Self.scaleRange(vmin, vmax, n: nbins)
        let lo = vmin - offset
        let hi = vmax - offset
        let staircase = steps.dropLast().map { 0.1 * $0 } + steps + [10 * steps[1]]
        var scaledSteps = staircase.map { $0 * scale }
        if integer {
            // matplotlib keeps the steps below 1 and the whole ones.
            scaledSteps = scaledSteps.filter { $0 < 1 || abs($0 - $0.rounded(.toNearestOrEven)) < 0.001 }
            guard !scaledSteps.isEmpty else { return [] }
        }
        let rawStep = (hi - lo) / nbins
        let firstLarge = scaledSteps.firstIndex { $0 >= rawStep } ?? (scaledSteps.count - 1)
        var ticks: [Double] = []
        let integersInRange = hi.rounded(.down) - lo.rounded(.up)
        for candidate in scaledSteps[...firstLarge].reversed() {
            let step =
                integer && integersInRange >= Double(minimumTickCount - 1) ? max(1, candidate) : candidate
            let best = ElementaryMath.pythonFloorDivide(lo, step) * step
            let edge = EdgeInteger(step: step, offset: offset)
            let low = edge.lessOrEqual(lo - best)
            let high = edge.greaterOrEqual(hi - best)
            // Steps near the range's size give a handful of ticks; guard against precision
            // loss producing a huge (or non-finite) count.
            guard low.isFinite, high.isFinite, high - low <= 1_000 else { return [] }
            ticks = stride(from: low, through: high, by: 1).map { $0 * step + best }
            let inside = ticks.filter { $0 <= hi && $0 >= lo }.count
            if inside >= minimumTickCount { break }
        }
        return ticks.map { $0 + offset }
    }

    /// matplotlib's `scale_range`: the power of ten of the raw step, and an offset (a power of
    /// ten) removed before computing when the range is tiny relative to its mean.
    static func scaleRange(_ vmin: Double, _ vmax: Double, n: Double, threshold: Double = 100)
        -> (scale: Double, offset: Double)
    {
        let dv = abs(vmax - vmin)
        let meanv = (vmax + vmin) / 2
        var offset = 0.0
        if !(abs(meanv) / dv < threshold) {
            let power = ElementaryMath.pythonFloorDivide(ElementaryMath.log10(abs(meanv)), 1)
            offset = Double(signOf: meanv, magnitudeOf: ElementaryMath.pow(10, power))
        }
        let scale = ElementaryMath.pow(10, ElementaryMath.pythonFloorDivide(ElementaryMath.log10(dv / n), 1))
        return (scale, offset)
    }

    /// matplotlib's `transforms.nonsingular`: widens an empty or non-finite interval.
    public static func nonsingular(
        _ lower: Double, _ upper: Double, expander: Double = 0.001, tiny: Double = 1e-15
    ) -> (Double, Double) {
        guard lower.isFinite, upper.isFinite else { return (-expander, expander) }
        var (vmin, vmax) = lower <= upper ? (lower, upper) : (upper, lower)
        let maxAbs = max(abs(vmin), abs(vmax))
        if maxAbs < (1e6 / tiny) * Double.leastNormalMagnitude {
            vmin = -expander
            vmax = expander
        } else if vmax - vmin <= maxAbs * tiny {
            if vmax == 0 && vmin == 0 {
                vmin = -expander
                vmax = expander
            } else {
                vmin -= expander * abs(vmin)
                vmax += expander * abs(vmax)
            }
        }
        return (vmin, vmax)
    }
}

/// matplotlib's `_Edge_integer`: integer multiples of a step, tolerant to the loss of
/// precision that a large offset causes.
private struct EdgeInteger {
    let step: Double
    let offset: Double

    init(step: Double, offset: Double) {
        self.step = step
        self.offset = abs(offset)
    }

    private func isClose(_ ms: Double, to edge: Double) -> Bool {
        var tolerance = 1e-10
        if offset > 0 {
            let digits = ElementaryMath.log10(offset / step)
            tolerance = min(0.4999, max(1e-10, ElementaryMath.pow(10, digits - 12)))
        }
        return abs(ms - edge) < tolerance
    }

    func lessOrEqual(_ x: Double) -> Double {
        let (d, m) = ElementaryMath.pythonDivmod(x, step)
        return isClose(m / step, to: 1) ? d + 1 : d
    }

    func greaterOrEqual(_ x: Double) -> Double {
        let (d, m) = ElementaryMath.pythonDivmod(x, step)
        return isClose(m / step, to: 0) ? d : d + 1
    }
}
