import FitMessages

/// The article's X: one row per point, columns x^d, …, x², x, 1 for a polynomial of
/// degree d (degree 1 gives the article's n×2 matrix [x, 1]), so that predictions are X·a.
///
/// Storage is row-major in one contiguous `[Double]` and leaves out the final column of ones,
/// which the loss loop adds as the intercept; for degree 1 the storage is exactly the x values.
public struct DesignMatrix: Sendable, Equatable {
    /// Largest supported degree; higher powers of x overflow or lose all precision quickly.
    public static let maximumDegree = 12

    /// The polynomial degree d ≥ 1.
    public let degree: Int
    /// Number of rows, one per point.
    public let rowCount: Int
    /// Row-major powers x^d … x¹ of each point: `rowCount × degree` values.
    let powers: [Double]

    /// Builds X for the inputs `x`.
    public init(x: [Double], degree: Int = 1) throws(ModelError) {
        guard (1...Self.maximumDegree).contains(degree) else {
            throw .unsupportedDegree(degree)
        }
        self.degree = degree
        self.rowCount = x.count
        if degree == 1 {
            powers = x
            return
        }
        var powers = [Double](repeating: 0, count: x.count * degree)
        for (row, value) in x.enumerated() {
            // Column degree-1 is x¹, column 0 is x^d.
            var power = value
            for column in stride(from: degree - 1, through: 0, by: -1) {
                powers[row * degree + column] = power
                power *= value
            }
        }
        self.powers = powers
    }

    /// Number of columns, degree + 1 (the last is the column of ones).
    public var columnCount: Int { degree + 1 }

    /// The entry in `row` and `column`, including the implicit column of ones.
    public subscript(row: Int, column: Int) -> Double {
        column == degree ? 1 : powers[row * degree + column]
    }
}

/// Why a model could not be built or trained.
public enum ModelError: Error, Equatable, CustomStringConvertible {
    /// A polynomial degree outside 1…``DesignMatrix/maximumDegree``.
    case unsupportedDegree(Int)
    /// A parameter vector whose length is not the design matrix's column count.
    case parameterCountMismatch(expected: Int, found: Int)
    /// A design matrix and a target vector of different lengths.
    case sizeMismatch(rows: Int, targets: Int)
    /// There are no points.
    case empty
    /// A `--model` text that is not `line`, `poly:D` or `mlp:H`.
    case unknownModel(String)
    /// A hidden-unit count outside 1…``TanhNetwork/maximumHiddenUnits``.
    case unsupportedHiddenUnits(Int)

    /// A message that names the bad value and what is allowed.
    public var description: String {
        switch self {
        case .unsupportedDegree(let degree):
            return "polynomial degree \(degree) is not supported; use 1 to \(DesignMatrix.maximumDegree)"
        case .parameterCountMismatch(let expected, let found):
            return "\(found) parameters given; a model with this design matrix needs \(expected)"
        case .sizeMismatch(let rows, let targets):
            return "the design matrix has \(rows) rows but there are \(targets) targets"
        case .empty:
            return "there are no points; at least one is needed"
        case .unknownModel(let text):
            return "model '\(MessageText.quoted(text))' is not known; use \(ModelKind.allowedText)"
        case .unsupportedHiddenUnits(let count):
            return "\(count) hidden units is not supported; use 1 to \(TanhNetwork.maximumHiddenUnits)"
        }
    }
}
