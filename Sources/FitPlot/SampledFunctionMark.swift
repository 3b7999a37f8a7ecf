/// The curve y = f(x) across the whole x range of the axes, sampled at least once per device
/// pixel column and clipped to the plot area like ``InfiniteLineMark``: a fitted model's
/// curve. It does not take part in automatic limits.
///
/// Where f is not finite the curve breaks. Values far outside the y limits are pulled in to
/// one span beyond them, which keeps coordinates small for the renderer without changing what
/// is visible: between two samples one device column apart, the stroke leaves the plot area
/// either way.
public struct SampledFunctionMark: Mark {
    /// The function drawn; called once per sample, from the drawing thread.
    public let function: @Sendable (Double) -> Double
    /// Device pixels per layout unit of the target (the image's scale): samples are spaced
    /// at most one device pixel apart.
    public var devicePixelsPerUnit: Double
    /// Colour, width and dashes.
    public var appearance: LineAppearance
    /// The legend text; nil keeps the curve out of the legend.
    public var label: String?
    /// Whether the mark changes from frame to frame (the fitted curve of an animation does).
    public var isDynamic: Bool
    /// Painting order (see ``ZOrder``).
    public var zOrder: Double

    /// The curve of `function`.
    public init(
        appearance: LineAppearance, devicePixelsPerUnit: Double = 1, label: String? = nil,
        isDynamic: Bool = false, zOrder: Double = ZOrder.lines, function: @escaping @Sendable (Double) -> Double
    ) {
        self.function = function
        self.devicePixelsPerUnit = devicePixelsPerUnit.isFinite ? max(devicePixelsPerUnit, 1e-3) : 1
        self.appearance = appearance
        self.label = label
        self.isDynamic = isDynamic
        self.zOrder = zOrder
    }

    /// A line key in the legend.
    public func legendHandle(points: PointScale) -> LegendHandle? { .line(appearance.strokeStyle(points)) }

    /// The number of samples across a plot area `width` layout units wide: one per device
    /// pixel column and one more, so both edges are sampled.
    public func sampleCount(width: Double) -> Int {
        let columns = (width * devicePixelsPerUnit).rounded(.up)
        guard columns.isFinite, columns >= 1 else { return 2 }
        return Int(min(columns, Double(1 << 20))) + 1
    }

    /// Strokes the sampled curve, broken where f is not finite (or not showable on a log axis).
    public func draw(in context: MarkContext) {
        let t = context.transform
        let count = sampleCount(width: t.plotArea.width)
        let (lowX, highX) = (t.xScale.transformed(t.x.lower), t.xScale.transformed(t.x.upper))
        // One span beyond the limits, in the y axis' own (uniform) space.
        let (uLow, uHigh) = (t.yScale.transformed(t.y.lower), t.yScale.transformed(t.y.upper))
        let yLow = t.yScale.untransformed(uLow - (uHigh - uLow))
        let yHigh = t.yScale.untransformed(uHigh + (uHigh - uLow))
        var path = Path()
        var penDown = false
        var runLength = 0
        for i in 0..<count {
            let fraction = Double(i) / Double(count - 1)
            let x = t.xScale.untransformed(lowX + (highX - lowX) * fraction)
            let value = function(x)
            guard value.isFinite, t.yScale.canShow(value) else {
                penDown = false
                continue
            }
            let point = t.point(x: x, y: min(max(value, yLow), yHigh))
            if penDown {
                path.line(to: point)
                runLength += 1
            } else {
                path.move(to: point)
                penDown = true
            }
        }
        guard runLength > 0 else { return }
        context.renderer.stroke(path, style: appearance.strokeStyle(context.points))
    }
}

extension Axes {
    /// The curve y = f(x) over the whole x range (see ``SampledFunctionMark``).
    public mutating func function(
        color: Color? = nil, widthPoints: Double = 1.5, dashPoints: [Double] = [], devicePixelsPerUnit: Double = 1,
        label: String? = nil, isDynamic: Bool = false, _ function: @escaping @Sendable (Double) -> Double
    ) {
        let c = color ?? takeLineColor()
        add(
            SampledFunctionMark(
                appearance: LineAppearance(color: c, widthPoints: widthPoints, dashPoints: dashPoints),
                devicePixelsPerUnit: devicePixelsPerUnit, label: label, isDynamic: isDynamic, function: function))
    }
}
