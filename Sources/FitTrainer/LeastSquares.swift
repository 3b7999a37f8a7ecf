/// The closed-form least-squares solution: the a minimising |X·a − y|², the point gradient
/// descent should reach. Used as the reference ("best possible line") and by tests.
///
/// Solved by Householder QR of X rather than the normal equations XᵀX·a = Xᵀy, which would
/// square X's condition number; the cost is O(n·p²) for p parameters.
public enum LeastSquares {
    /// The least-squares parameters for `design` and `targets`.
    ///
    /// Throws ``LeastSquaresError/rankDeficient`` when X's columns are linearly dependent
    /// (for example all x equal): the minimiser is then not unique.
    public static func solve(design: DesignMatrix, targets: [Double]) throws(LeastSquaresError) -> [Double] {
        let rows = design.rowCount
        let columns = design.columnCount
        guard rows == targets.count else { throw .sizeMismatch(rows: rows, targets: targets.count) }
        guard rows >= columns else { throw .tooFewPoints(points: rows, parameters: columns) }

        // Column-major copy of X, and of y, both reduced in place.
        var a = [Double](repeating: 0, count: rows * columns)
        for column in 0..<columns {
            for row in 0..<rows { a[column * rows + row] = design[row, column] }
        }
        var b = targets
        var diagonal = [Double](repeating: 0, count: columns)
        var largestNorm = 0.0

        for k in 0..<columns {
            var norm = 0.0
            for row in k..<rows { norm += a[k * rows + row] * a[k * rows + row] }
            norm = norm.squareRoot()
            largestNorm = max(largestNorm, columnNorm(a, column: k, rows: rows))
            // Rank test relative to the matrix's scale and size.
            guard norm > Double(rows) * Double.ulpOfOne * largestNorm, norm.isFinite else {
                throw .rankDeficient
            }
            let head = a[k * rows + k]
            let alpha = head > 0 ? -norm : norm
            // Householder vector v = x − alpha·e_k, stored in place of column k; the sign of
            // alpha avoids cancellation, and |v|² = 2·norm·(norm + |head|).
            a[k * rows + k] = head - alpha
            let vNormSquared = 2 * norm * (norm + abs(head))
            diagonal[k] = alpha
            for column in (k + 1)..<columns {
                var dot = 0.0
                for row in k..<rows { dot += a[k * rows + row] * a[column * rows + row] }
                let factor = 2 * dot / vNormSquared
                for row in k..<rows { a[column * rows + row] -= factor * a[k * rows + row] }
            }
            var dot = 0.0
            for row in k..<rows { dot += a[k * rows + row] * b[row] }
            let factor = 2 * dot / vNormSquared
            for row in k..<rows { b[row] -= factor * a[k * rows + row] }
        }

        // Back substitution with R (strict upper part in `a`, diagonal in `diagonal`).
        var solution = [Double](repeating: 0, count: columns)
        for k in stride(from: columns - 1, through: 0, by: -1) {
            var sum = b[k]
            for column in (k + 1)..<columns {
                sum -= a[column * rows + k] * solution[column]
            }
            solution[k] = sum / diagonal[k]
        }
        return solution
    }

    /// The least-squares fit of a polynomial of `degree` to `data`.
    public static func solve(data: DataSet, degree: Int = 1) throws(LeastSquaresError) -> [Double] {
        let design: DesignMatrix
        do {
            design = try DesignMatrix(x: data.x, degree: degree)
        } catch {
            throw .unsupportedDegree(degree)
        }
        return try solve(design: design, targets: data.y)
    }

    private static func columnNorm(_ a: [Double], column: Int, rows: Int) -> Double {
        var sum = 0.0
        for row in 0..<rows { sum += a[column * rows + row] * a[column * rows + row] }
        return sum.squareRoot()
    }
}

/// Why the least-squares problem has no unique solution.
public enum LeastSquaresError: Error, Equatable, CustomStringConvertible {
    /// The design matrix's columns are linearly dependent (e.g. every x is equal).
    case rankDeficient
    /// Fewer points than parameters.
    case tooFewPoints(points: Int, parameters: Int)
    /// A design matrix and a target vector of different lengths.
    case sizeMismatch(rows: Int, targets: Int)
    /// A polynomial degree outside 1…``DesignMatrix/maximumDegree``.
    case unsupportedDegree(Int)

    /// A message that says why no unique fit exists.
    public var description: String {
        switch self {
        case .rankDeficient:
            return "the design matrix's columns are linearly dependent (for example all x are "
                + "equal), so no unique least-squares fit exists"
        case .tooFewPoints(let points, let parameters):
            return "\(points) points cannot determine \(parameters) parameters; "
                + "at least \(parameters) are needed"
        case .sizeMismatch(let rows, let targets):
            return "the design matrix has \(rows) rows but there are \(targets) targets"
        case .unsupportedDegree(let degree):
            return "polynomial degree \(degree) is not supported; use 1 to \(DesignMatrix.maximumDegree)"
        }
    }
}
