/// Tick positions on a base-10 log axis, a port of matplotlib 3.11's `LogLocator` as its log
/// scale sets it up (`LogScale.set_default_locators_and_formatters`):
///
/// - major ticks at decades 10^k; when more decades are visible than `maximumTickCount`,
///   every `stride`-th decade (1e-3…1e12 on a 640 × 480 axes: 10⁻², 10⁰, 10², … 10¹²);
/// - minor ticks at 2…9 × 10^k when fewer than 10 decades are visible and every decade has a
///   major tick (none otherwise, as matplotlib's `subs='auto'`);
/// - when a range shows at most one tick of either kind (1.1…1.5), the minor ticks fall back
///   to the linear `NiceTicks` (matplotlib's `AutoLocator`), so an axis is never left bare.
///
/// Values are computed with the C library's `log10`/`pow` as matplotlib's are; a decade may
/// differ from numpy's `10.0 ** k` in the last bit (numpy gives 9.999999999999999e-06 for
/// 10⁻⁵), never enough to move a pixel or a label.
public struct LogTicks: Hashable, Sendable {
    /// matplotlib's `numticks`: the most major ticks wanted (2…9 with `'auto'`).
    public var maximumTickCount: Int

    /// Creates a locator; a count below 2 is raised to 2 (matplotlib clips `'auto'` to 2…9).
    public init(maximumTickCount: Int) { self.maximumTickCount = max(2, maximumTickCount) }

    /// matplotlib's `numticks='auto'` for an axis of `axisLength` with labels of `fontSize`
    /// (`get_tick_space` clipped to 2…9): the linear locator's bin count, raised to 2.
    public static func automatic(axisLength: Double, fontSize: Double, horizontal: Bool) -> LogTicks {
        LogTicks(
            maximumTickCount: NiceTicks.automaticBins(
                axisLength: axisLength, fontSize: fontSize, horizontal: horizontal))
    }

    /// Major tick values for `lower…upper` (both > 0), including one decade beyond each end
    /// as matplotlib returns them; keep the visible ones with `visible(_:lower:upper:)`.
    public func majorTickValues(lower: Double, upper: Double) -> [Double] {
        guard let plan = DecadePlan(lower: lower, upper: upper, requested: maximumTickCount) else {
            return []
        }
        return plan.decades.map { ElementaryMath.pow(10, Double($0)) }
    }

    /// Minor tick values for `lower…upper` (both > 0), before removing those that coincide
    /// with a major tick (see `minorTicks(lower:upper:)`).
    public func minorTickValues(lower: Double, upper: Double) -> [Double] {
        guard let plan = DecadePlan(lower: lower, upper: upper, requested: maximumTickCount) else {
            return []
        }
        // matplotlib's subs='auto': no minor ticks from 10 decades on.
        guard plan.availableDecades < 10 else { return [] }
        var values: [Double] = []
        if plan.stride == 1 || plan.availableDecades <= 1 {
            // Minor ticks start in the decade preceding the first major tick.
            for decade in stride(from: plan.minimumExponent - 1, to: plan.maximumExponent + 1, by: 1) {
                let power = ElementaryMath.pow(10, Double(decade))
                for sub in 2...9 { values.append(Double(sub) * power) }
            }
        }
        let (vmin, vmax) = (min(lower, upper), max(lower, upper))
        let minorInside = values.filter { vmin <= $0 && $0 <= vmax }.count
        if plan.stride == 1 && plan.decades.count - 2 + minorInside <= 1 {
            // At most one tick would show: matplotlib switches to an AutoLocator (9 bins).
            return NiceTicks(maximumBins: 9).tickValues(lower: vmin, upper: vmax)
        }
        return values
    }

    /// The visible major ticks and the visible minor ticks that do not duplicate a major one,
    /// as matplotlib's axis draws them (tolerances taken in log space).
    public func ticks(lower: Double, upper: Double) -> (major: [Double], minor: [Double]) {
        let major = Self.visible(majorTickValues(lower: lower, upper: upper), lower: lower, upper: upper)
        let lt = ElementaryMath.log10(lower)
        let span = abs(ElementaryMath.log10(upper) - lt)
        // matplotlib's get_minorticklocs: np.isclose(atol = 1e-5 of the log span) to a major tick.
        let majorLogs = majorTickValues(lower: lower, upper: upper).map(ElementaryMath.log10)
        let minor = Self.visible(minorTickValues(lower: lower, upper: upper), lower: lower, upper: upper)
            .filter { v in
                let lv = ElementaryMath.log10(v)
                return !majorLogs.contains { abs(lv - $0) <= span * 1e-5 }
            }
        return (major, minor)
    }

    /// The ticks inside `lower…upper` with matplotlib's tolerance (1e-10 of the span in log
    /// space, `_interval_contains_close`).
    public static func visible(_ ticks: [Double], lower: Double, upper: Double) -> [Double] {
        let (a, b) = (ElementaryMath.log10(min(lower, upper)), ElementaryMath.log10(max(lower, upper)))
        let tolerance = (b - a) * 1e-10
        return ticks.filter { t in
            guard t > 0 else { return false }
            let lt = ElementaryMath.log10(t)
            return lt >= a - tolerance && lt <= b + tolerance
        }
    }
}

/// Which decades carry major ticks: matplotlib's `LogLocator.tick_values`, non-classic mode,
/// operation by operation.
private struct DecadePlan {
    var decades: [Int]
    var stride: Int
    var availableDecades: Int
    var minimumExponent: Int
    var maximumExponent: Int

    init?(lower: Double, upper: Double, requested: Int) {
        guard lower > 0, upper > 0, lower.isFinite, upper.isFinite else { return nil }
        let (vmin, vmax) = (min(lower, upper), max(lower, upper))
        let efmin = ElementaryMath.log10(vmin)
        let efmax = ElementaryMath.log10(vmax)
        let emin = Int(efmin.rounded(.up))
        let emax = Int(efmax.rounded(.down))
        let nAvail = emax - emin + 1
        var nRequest = requested
        var stride = nAvail / (nRequest + 1) + 1
        // ceil(n_avail / stride) for a possibly negative n_avail (0 or −1 inside one decade).
        let nr = Self.ceilDivide(nAvail, stride)
        if nr <= nRequest { nRequest = nr }
        var decades: [Int]
        if nRequest <= 0 {
            // No tick in bounds: two ticks just outside.
            decades = [emin - 1, emax + 1]
            stride = decades[1] - decades[0]
        } else if nRequest == 1 {
            // A single tick close to the centre (Python's round: half to even).
            let mid = Int(((efmin + efmax) / 2).rounded(.toNearestOrEven))
            stride = max(mid - (emin - 1), (emax + 1) - mid)
            decades = [mid - stride, mid, mid + stride]
        } else {
            stride = (nAvail - 1) / (nRequest - 1)
            if Double(stride) < Double(nAvail) / Double(nRequest) { stride = nAvail / nRequest }
            let olo = max(nAvail - stride * nRequest, 0)
            let ohi = min(nAvail - stride * (nRequest - 1), stride)
            var offset = Self.pythonModulo(-emin, stride)
            if !(olo <= offset && offset < ohi) { offset = olo }
            decades = Array(Swift.stride(from: emin + offset - stride, to: emax + stride + 1, by: stride))
        }
        self.decades = decades
        self.stride = stride
        self.availableDecades = nAvail
        self.minimumExponent = emin
        self.maximumExponent = emax
    }

    /// Python's `math.ceil(a / b)` for b > 0.
    static func ceilDivide(_ a: Int, _ b: Int) -> Int { -Self.floorDivide(-a, b) }
    /// Python's `a // b` for b > 0.
    static func floorDivide(_ a: Int, _ b: Int) -> Int { (a - pythonModulo(a, b)) / b }
    /// Python's `a % b` for b > 0 (never negative).
    static func pythonModulo(_ a: Int, _ b: Int) -> Int { ((a % b) + b) % b }
}
