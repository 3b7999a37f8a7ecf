/// Errors of the plot model. Messages name the bad value and what is allowed.
public enum PlotError: Error, CustomStringConvertible, Equatable {
    /// A figure side is not a finite number in 1…`maximumPixelsPerSide` pixels at the scale.
    case invalidFigureSize(width: Double, height: Double, scale: Double)
    /// A dpi or scale factor that is not finite and positive.
    case invalidResolution(name: String, value: Double)
    /// A grid with fewer than one row or column.
    case invalidGrid(rows: Int, columns: Int)
    /// Axes limits that are not finite or not increasing.
    case invalidLimits(axis: String, lower: Double, upper: Double)
    /// x and y arrays of a mark that differ in length.
    case mismatchedLengths(mark: String, xCount: Int, yCount: Int)
    /// A grid of values for a heat map whose shape is wrong.
    case invalidGridShape(description: String)

    /// The largest figure side, in device pixels (layout size × scale).
    public static let maximumPixelsPerSide = 16_384.0

    /// A message that names the bad value and what is allowed.
    public var description: String {
        switch self {
        case .invalidFigureSize(let width, let height, let scale):
            return "Invalid figure size \(width) × \(height) at scale \(scale): each side × scale "
                + "must be a finite number of pixels in 1…\(Int(Self.maximumPixelsPerSide))."
        case .invalidResolution(let name, let value):
            return "Invalid \(name) \(value): it must be a finite number greater than 0."
        case .invalidGrid(let rows, let columns):
            return "Invalid axes grid \(rows) × \(columns): rows and columns must be at least 1."
        case .invalidLimits(let axis, let lower, let upper):
            return "Invalid \(axis) limits (\(lower), \(upper)): both must be finite and the "
                + "lower limit smaller than the upper one."
        case .mismatchedLengths(let mark, let xCount, let yCount):
            return "\(mark): x has \(xCount) values but y has \(yCount); they must have the same length."
        case .invalidGridShape(let description):
            return "Invalid heat map grid: \(description)."
        }
    }
}
