/// Contour segments of a grid of values at one level (marching squares).
///
/// Grid coordinates: column i, row j (row 0 first). Each cell of four neighbouring samples
/// whose corners straddle the level gets one or two segments, with ends linearly
/// interpolated on the cell's edges. Saddles (opposite corners on the same side) are
/// resolved with the mean of the four corners, the usual disambiguation. Cells with a
/// non-finite corner get no segment. Segments are not joined into polylines.
public struct MarchingSquares: Sendable {
    /// Number of samples along a row.
    public let columns: Int
    /// Number of rows of samples.
    public let rows: Int
    /// `columns × rows` samples, row-major (`values[row * columns + column]`).
    public let values: [Double]

    /// Wraps a grid of samples; a grid with a wrong shape simply yields no segments.
    public init(columns: Int, rows: Int, values: [Double]) {
        self.columns = columns
        self.rows = rows
        self.values = values
    }

    /// A position in grid coordinates: `x` is a fractional column, `y` a fractional row.
    public struct GridPoint: Hashable, Sendable {
        /// Fractional column index.
        public var x: Double
        /// Fractional row index.
        public var y: Double
    }

    /// The contour segments where the interpolated values cross `level`, in grid coordinates;
    /// empty for a grid smaller than 2 × 2, a wrong shape or a non-finite level.
    public func segments(level: Double) -> [(GridPoint, GridPoint)] {
        guard columns >= 2, rows >= 2, values.count == columns * rows, level.isFinite else { return [] }
        var out: [(GridPoint, GridPoint)] = []
        for j in 0..<(rows - 1) {
            for i in 0..<(columns - 1) {
                // Corners counter-clockwise from (i, j): a=(i,j) b=(i+1,j) c=(i+1,j+1) d=(i,j+1).
                let a = values[j * columns + i]
                let b = values[j * columns + i + 1]
                let c = values[(j + 1) * columns + i + 1]
                let d = values[(j + 1) * columns + i]
                guard a.isFinite, b.isFinite, c.isFinite, d.isFinite else { continue }
                let x0 = Double(i)
                let y0 = Double(j)
                func lerp(_ p: Double, _ q: Double) -> Double { (level - p) / (q - p) }
                let bottom = { GridPoint(x: x0 + lerp(a, b), y: y0) }
                let right = { GridPoint(x: x0 + 1, y: y0 + lerp(b, c)) }
                let top = { GridPoint(x: x0 + lerp(d, c), y: y0 + 1) }
                let left = { GridPoint(x: x0, y: y0 + lerp(a, d)) }
                let code =
                    (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0)
                switch code {
                case 0, 15: break
                case 1, 14: out.append((left(), bottom()))
                case 2, 13: out.append((bottom(), right()))
                case 3, 12: out.append((left(), right()))
                case 4, 11: out.append((right(), top()))
                case 6, 9: out.append((bottom(), top()))
                case 7, 8: out.append((left(), top()))
                case 5, 10:
                    // Saddle: a and c on one side, b and d on the other.
                    let centreHigh = (a + b + c + d) / 4 >= level
                    if (code == 5) == centreHigh {
                        out.append((left(), top()))
                        out.append((bottom(), right()))
                    } else {
                        out.append((left(), bottom()))
                        out.append((right(), top()))
                    }
                default: break
                }
            }
        }
        return out
    }
}
