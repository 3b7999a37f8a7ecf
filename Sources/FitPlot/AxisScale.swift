/// How an axis maps data values to positions: matplotlib's `set_xscale`/`set_yscale` with
/// `'linear'` or `'log'` (base 10).
///
/// A log axis cannot show zero or negative values: marks skip them and count them with the
/// NaN/infinite values they skip (`Axes.skippedNonFiniteCount`), like matplotlib's
/// `nonpositive='mask'` (its default for lines, `'clip'`, would send such points 1000 decades
/// down instead: a line plunging off the axes, which helps no one reading a figure).
public enum AxisScale: Hashable, Sendable, CaseIterable {
    /// Equal data steps are equal distances.
    case linear
    /// Equal ratios are equal distances: every decade (10^k … 10^(k+1)) is as long as the next.
    case log10

    /// Whether `value` can be placed on this axis: any finite value on a linear axis, only
    /// positive finite ones on a log axis.
    public func canShow(_ value: Double) -> Bool {
        switch self {
        case .linear: value.isFinite
        case .log10: value.isFinite && value > 0
        }
    }

    /// The value in the axis' uniform space, where positions are linear: the value itself, or
    /// its base-10 logarithm (NaN for values a log axis cannot show).
    public func transformed(_ value: Double) -> Double {
        switch self {
        case .linear: value
        case .log10: value > 0 ? ElementaryMath.log10(value) : .nan
        }
    }

    /// The inverse of `transformed`: 10^t on a log axis.
    public func untransformed(_ uniform: Double) -> Double {
        switch self {
        case .linear: uniform
        case .log10: ElementaryMath.pow(10, uniform)
        }
    }

    /// Where `value` sits between `range.lower` (0) and `range.upper` (1), in this scale's
    /// uniform space; NaN when the axis cannot show it.
    public func fraction(of value: Double, in range: AxisRange) -> Double {
        switch self {
        case .linear: (value - range.lower) / range.span
        case .log10:
            value > 0
                ? (ElementaryMath.log10(value) - ElementaryMath.log10(range.lower))
                    / (ElementaryMath.log10(range.upper) - ElementaryMath.log10(range.lower))
                : .nan
        }
    }

    /// Whether explicit limits can be used on this axis (a log axis needs a positive lower limit).
    public func canShow(_ range: AxisRange) -> Bool { canShow(range.lower) && canShow(range.upper) }
}

extension AxisRange {
    /// Automatic limits on an axis of `scale`; on a linear axis exactly `automatic(dataMinimum:dataMaximum:margin:)`.
    ///
    /// On a log axis, as matplotlib's autoscale with `LogLocator.nonsingular`: `dataMinimum`
    /// must be the smallest *positive* value; no positive data gives 1…10; a single value v
    /// is widened to the decades around it (5 → 1…10, 100 → 10…1000); then the margin is added in
    /// log space (5 % of the decades spanned on each side: 0.09…8 → 0.0719…10.01).
    public static func automatic(
        dataMinimum: Double?, dataMaximum: Double?, margin: Double = 0.05, scale: AxisScale
    ) -> AxisRange {
        guard scale == .log10 else {
            return automatic(dataMinimum: dataMinimum, dataMaximum: dataMaximum, margin: margin)
        }
        var (lo, hi) = (1.0, 10.0)
        if let a = dataMinimum, let b = dataMaximum, a.isFinite, b.isFinite, a > 0, a <= b {
            (lo, hi) = (a, b)
            if lo == hi { (lo, hi) = (decadeBelow(lo), decadeAbove(hi)) }
        }
        let (lt, ht) = (ElementaryMath.log10(lo), ElementaryMath.log10(hi))
        let delta = (ht - lt) * margin
        let lower = ElementaryMath.pow(10, lt - delta)
        let upper = ElementaryMath.pow(10, ht + delta)
        guard delta.isFinite, lower > 0, upper.isFinite, lower < upper else {
            return AxisRange(unchecked: lo, hi)
        }
        return AxisRange(unchecked: lower, upper)
    }

    /// matplotlib's `_decade_less`: the largest power of ten below `x` (> 0).
    static func decadeBelow(_ x: Double) -> Double {
        let below = ElementaryMath.pow(10, (ElementaryMath.log10(x)).rounded(.down))
        return below == x ? below / 10 : below
    }

    /// matplotlib's `_decade_greater`: the smallest power of ten above `x` (> 0).
    static func decadeAbove(_ x: Double) -> Double {
        let above = ElementaryMath.pow(10, (ElementaryMath.log10(x)).rounded(.up))
        return above == x ? above * 10 : above
    }
}
