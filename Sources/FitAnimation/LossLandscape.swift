import FitPlot
import FitTrainer
import Foundation

/// What the landscape panel draws, computed once per scene: the loss over two coordinates as
/// banded colours (a filled contour in viridis) and contour lines at log-spaced levels, the
/// limits that hold every run's whole path (diverging ones included), the least-squares optimum,
/// and each run's path in the panel's coordinates.
///
/// Coordinates: for two-parameter models, the parameters themselves (θ₁ across, θ₂ up), so a
/// path point is exactly a history row. For more parameters, the plane through the first run's
/// final parameters spanned by its trajectory's two principal directions (``TrajectoryPlane``),
/// each axis labelled with its share of the variance.
///
/// Cost: for models linear in their parameters the surface comes from XᵀX, Xᵀy and yᵀy
/// (``QuadraticLoss``), one cell per device pixel at a few operations each, whatever the number
/// of points. For an MLP each cell is a mean over at most ``mlpSamplePoints`` evenly strided
/// points on a coarser grid drawn smoothed. Losses are in the data's units (as the titles).
public struct LossLandscape: Sendable {
    /// Points an MLP surface is evaluated on (evenly strided when there are more).
    public static let mlpSamplePoints = 1_000
    /// Paths longer than this are drawn through evenly strided rows (plus the current one).
    public static let maximumPathPoints = 4_000

    /// The plane of a model with more than two parameters; nil for two.
    public let plane: TrajectoryPlane?
    /// Axis labels: the parameter names, or the principal directions with their shares.
    public let labels: (x: String, y: String)
    /// The view: every finite path point of every run, with margins.
    public let xLimits: AxisRange
    /// See ``xLimits``.
    public let yLimits: AxisRange
    /// Each run's path, one point per history row (NaN where the row is not finite).
    public let paths: [[DataPoint]]
    /// The least-squares parameters in panel coordinates (linear models only).
    public let optimum: DataPoint?
    /// The banded surface (values: the band index of each cell's loss).
    public let surface: HeatMapMark
    /// The contour levels, in loss units.
    public let levels: [Double]
    /// The contour lines at ``levels``, in panel coordinates.
    public let contours: [DataSegment]

    /// The landscape of `runs` on `data`, sampled for a plot area of `plotArea` (layout units)
    /// at `scale` device pixels per unit.
    /// - Throws: ``AnimationError/rendering(_:)`` when the runs trained different models or
    ///   standardized differently (one landscape cannot hold them).
    public init(
        data: DataSet, runs: [RunView], plotArea: Rect, scale: Double, text: FrameText
    ) throws(AnimationError) {
        let first = runs[0]
        guard runs.allSatisfy({ $0.history.model == first.history.model }) else {
            throw .rendering("the landscape panel needs runs of one model; compare models without it")
        }
        guard runs.allSatisfy({ $0.history.standardization == first.history.standardization }) else {
            throw .rendering("the landscape panel needs runs that all standardize or all do not")
        }
        let history = first.history
        let model = first.model
        let p = model.parameterCount
        let standardization = history.standardization
        let trainingData: DataSet
        do {
            trainingData = try standardization?.apply(to: data) ?? data
        } catch {
            throw .rendering("cannot standardize the data for the landscape: \(error)")
        }
        let toDataUnits = { (loss: Double) in standardization?.lossInDataUnits(loss) ?? loss }

        // Coordinates.
        var plane: TrajectoryPlane?
        if p > 2 {
            let last = history.lastFiniteIteration ?? 0
            let rows = (0...last).map { history.parameters(at: $0) }.filter { $0.allSatisfy(\.isFinite) }
            plane = TrajectoryPlane(trajectory: rows, origin: history.parameters(at: last))
        }
        self.plane = plane
        func coordinates(_ theta: [Double]) -> DataPoint {
            guard theta.allSatisfy(\.isFinite) else { return DataPoint(x: .nan, y: .nan) }
            guard let plane else { return DataPoint(x: theta[0], y: theta[1]) }
            let (u, v) = plane.project(theta)
            return DataPoint(x: u, y: v)
        }
        paths = runs.map { run in (0..<run.history.count).map { coordinates(run.history.parameters(at: $0)) }
        }

        // The quadratic form (linear models) or the sampled mean (MLP).
        let degree = model.isLinearInParameters ? p - 1 : 0
        var quadratic: PlaneQuadratic?
        var optimum: DataPoint?
        if degree >= 1, let form = try? QuadraticLoss(x: trainingData.x, y: trainingData.y, degree: degree) {
            let origin = plane?.origin ?? [0, 0]
            let directions = plane?.directions ?? ([1, 0], [0, 1])
            let restricted = form.restricted(origin: origin, directions: directions)
            quadratic = restricted
            if plane == nil, let best = restricted.minimum {
                // Two parameters: the plane is the whole space, and its minimum the least-squares
                // solution (from the 2 × 2 normal equations, no second pass over the points).
                optimum = DataPoint(x: best.u, y: best.v)
            } else if let best = try? LeastSquares.solve(data: trainingData, degree: degree) {
                optimum = coordinates(best)
            }
        }
        self.optimum = optimum

        // Limits: every finite path point, and the optimum of a two-parameter model.
        var points = paths.flatMap { $0 }.filter { $0.x.isFinite && $0.y.isFinite }
        if plane == nil, let optimum { points.append(optimum) }
        (xLimits, yLimits) = Self.limits(of: points)

        if let plane {
            labels = (
                text.principalDirectionLabel(1, share: plane.varianceShares.0),
                text.principalDirectionLabel(2, share: plane.varianceShares.1)
            )
        } else {
            let names = model.parameterNames
            labels = (Self.subscripted(names[0]), Self.subscripted(names[1]))
        }

        // The surface: one cell per device pixel for a quadratic, a coarser grid otherwise.
        let columns: Int
        let rows: Int
        let surfaceValue: (Double, Double) -> Double
        if let quadratic {
            columns = min(2_048, max(8, Int((plotArea.width * scale).rounded(.up))))
            rows = min(2_048, max(8, Int((plotArea.height * scale).rounded(.up))))
            surfaceValue = { u, v in toDataUnits(quadratic.value(u: u, v: v)) }
        } else {
            columns = 96
            rows = 72
            let stride = max(1, (trainingData.count + Self.mlpSamplePoints - 1) / Self.mlpSamplePoints)
            let xs = Swift.stride(from: 0, to: trainingData.count, by: stride).map { trainingData.x[$0] }
            let ys = Swift.stride(from: 0, to: trainingData.count, by: stride).map { trainingData.y[$0] }
            let origin = plane?.origin ?? [0, 0]
            surfaceValue = { u, v in
                let theta = plane?.parameters(u: u, v: v) ?? [origin[0] + u, origin[1] + v]
                var sum = 0.0
                for i in 0..<xs.count {
                    let r = model.predict(xs[i], parameters: theta) - ys[i]
                    sum += r * r
                }
                return toDataUnits(sum / Double(xs.count))
            }
        }
        var values: [Double] = []
        values.reserveCapacity(columns * rows)
        for j in 0..<rows {
            let v = yLimits.lower + (Double(j) + 0.5) / Double(rows) * yLimits.span
            for i in 0..<columns {
                values.append(
                    surfaceValue(xLimits.lower + (Double(i) + 0.5) / Double(columns) * xLimits.span, v))
            }
        }
        let finite = values.filter(\.isFinite)
        let low = finite.min() ?? 0
        let high = finite.max() ?? 1
        levels = Self.logSpacedLevels(minimum: low, maximum: high)
        let levels = self.levels
        let bands = values.map { value -> Double in
            guard value.isFinite else { return .nan }
            var band = 0
            while band < levels.count && value >= levels[band] { band += 1 }
            return Double(band)
        }
        do {
            surface = try HeatMapMark(
                x: xLimits, y: yLimits, columns: columns, rows: rows, values: bands,
                valueRange: try AxisRange(0, Double(max(1, levels.count)), axis: "band"), colormap: .viridis,
                smooth: quadratic == nil)
        } catch {
            throw .rendering("cannot build the loss landscape: \(error)")
        }
        let grid = MarchingSquares(columns: columns, rows: rows, values: values)
        let dx = xLimits.span / Double(columns)
        let dy = yLimits.span / Double(rows)
        let (x0, y0) = (xLimits.lower, yLimits.lower)
        contours = levels.flatMap { level in
            grid.segments(level: level).map { s in
                DataSegment(
                    start: DataPoint(x: x0 + (s.0.x + 0.5) * dx, y: y0 + (s.0.y + 0.5) * dy),
                    end: DataPoint(x: x0 + (s.1.x + 0.5) * dx, y: y0 + (s.1.y + 0.5) * dy))
            }
        }
    }

    /// Levels at the minimum plus 1, 2 and 5 × 10^k of the loss's excess over it, from 10⁻³ of
    /// the range to the range: ellipses around the optimum that widen geometrically, each
    /// labelled by a round excess. Empty for a flat surface.
    static func logSpacedLevels(minimum: Double, maximum: Double) -> [Double] {
        let range = maximum - minimum
        guard range.isFinite, range > 0 else { return [] }
        let lowest = range * 1e-3
        var levels: [Double] = []
        var decade = pow(10, log10(lowest).rounded(.down))
        while decade <= range {
            for mantissa in [1.0, 2, 5] where decade * mantissa >= lowest && decade * mantissa < range {
                levels.append(minimum + decade * mantissa)
            }
            decade *= 10
        }
        return levels
    }

    /// The limits holding `points` with 8 % margins; a path that barely moves still gets a
    /// view of a sensible size around it.
    static func limits(of points: [DataPoint]) -> (AxisRange, AxisRange) {
        func range(_ values: [Double]) -> AxisRange {
            let low = values.min() ?? -1
            let high = values.max() ?? 1
            let centre = (low + high) / 2
            let span = max(high - low, 1e-3 * max(1, abs(centre)))
            let margin = 0.08 * span
            return (try? AxisRange(centre - span / 2 - margin, centre + span / 2 + margin, axis: "landscape"))
                ?? AxisRange.automatic(dataMinimum: -1, dataMaximum: 1, margin: 0)
        }
        return (range(points.map(\.x)), range(points.map(\.y)))
    }

    /// "a1" → "a₁".
    static func subscripted(_ name: String) -> String {
        guard let digits = name.firstIndex(where: \.isNumber), let n = Int(name[digits...]) else {
            return name
        }
        return String(name[..<digits]) + Superscript.subscriptDigits(n)
    }

    /// The path of run `run` up to `row`, thinned to at most ``maximumPathPoints`` points by
    /// taking evenly strided rows, always ending at `row`.
    func path(ofRun run: Int, through row: Int) -> [DataPoint] {
        let path = paths[run]
        let end = min(row, path.count - 1)
        let stride = max(1, (path.count + Self.maximumPathPoints - 1) / Self.maximumPathPoints)
        guard stride > 1 else { return Array(path[...end]) }
        var out = Swift.stride(from: 0, to: end, by: stride).map { path[$0] }
        out.append(path[end])
        return out
    }
}
