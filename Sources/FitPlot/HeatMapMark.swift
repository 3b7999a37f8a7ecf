/// A function z(x, y) sampled on a grid and painted as coloured cells (matplotlib's `imshow`
/// with an extent, viridis by default), with optional contour lines at given levels.
///
/// The cells become one `Raster` drawn with `drawRaster` over the extent (nearest
/// neighbour unless `smooth`); non-finite values are transparent cells, counted. Contour
/// lines are computed by marching squares on the cell centres (see `MarchingSquares`).
///
/// Heat maps are for linear axes: on a log axis the raster is stretched between its
/// transformed corners, not resampled, so its cells do not line up with their data values
/// (contour lines, drawn through the transform, do).
public struct HeatMapMark: Mark {
    /// The data rectangle covered by the cells.
    public var x: AxisRange
    /// The data range of y covered by the cells (see `x`).
    public var y: AxisRange
    /// Number of cells along x.
    public var columns: Int
    /// Number of cells along y.
    public var rows: Int
    /// `columns × rows` values, row-major, row 0 at the *lowest* y (data order).
    public var values: [Double]
    /// The values mapped to the colormap's ends; nil uses the finite minimum and maximum.
    public var valueRange: AxisRange?
    /// Maps values to colours; viridis by default.
    public var colormap: Colormap
    /// Whether the renderer interpolates between cells (bilinear) instead of showing sharp cells.
    public var smooth: Bool
    /// Values at which contour lines are drawn; empty for none.
    public var contourLevels: [Double]
    /// Colour, width and dashes of all contour lines.
    public var contourAppearance: LineAppearance
    /// The legend text; nil keeps the heat map out of the legend.
    public var label: String?
    /// Whether the mark changes from frame to frame (see ``Mark/isDynamic``).
    public var isDynamic: Bool
    /// Painting order (see ``ZOrder``).
    public var zOrder: Double

    /// Creates a heat map from `columns × rows` values, row-major with row 0 at the lowest y.
    /// - Throws: ``PlotError/invalidGridShape(description:)`` when `columns` or `rows` is below 1
    ///   or `values.count` is not `columns × rows`.
    public init(
        x: AxisRange, y: AxisRange, columns: Int, rows: Int, values: [Double],
        valueRange: AxisRange? = nil, colormap: Colormap = .viridis, smooth: Bool = false,
        contourLevels: [Double] = [],
        contourAppearance: LineAppearance = LineAppearance(color: .white, widthPoints: 0.8),
        label: String? = nil, isDynamic: Bool = false, zOrder: Double = ZOrder.heatMap
    ) throws(PlotError) {
        guard columns >= 1, rows >= 1, values.count == columns * rows else {
            throw .invalidGridShape(
                description: "\(values.count) values for \(columns) columns × \(rows) rows; "
                    + "columns and rows must be ≥ 1 and values.count = columns × rows")
        }
        self.x = x
        self.y = y
        self.columns = columns
        self.rows = rows
        self.values = values
        self.valueRange = valueRange
        self.colormap = colormap
        self.smooth = smooth
        self.contourLevels = contourLevels
        self.contourAppearance = contourAppearance
        self.label = label
        self.isDynamic = isDynamic
        self.zOrder = zOrder
    }

    /// Samples `function` at the centre of each of `columns × rows` cells covering x × y.
    /// - Throws: ``PlotError/invalidGridShape(description:)`` when `columns` or `rows` is
    ///   outside 1…16384.
    public static func sampling(
        x: AxisRange, y: AxisRange, columns: Int, rows: Int,
        function: (Double, Double) -> Double
    ) throws(PlotError) -> HeatMapMark {
        guard columns >= 1, rows >= 1, columns <= 16_384, rows <= 16_384 else {
            throw .invalidGridShape(description: "\(columns) columns × \(rows) rows; each must be in 1…16384")
        }
        var values: [Double] = []
        values.reserveCapacity(columns * rows)
        for j in 0..<rows {
            let cy = y.lower + (Double(j) + 0.5) / Double(rows) * y.span
            for i in 0..<columns {
                values.append(function(x.lower + (Double(i) + 0.5) / Double(columns) * x.span, cy))
            }
        }
        return try HeatMapMark(x: x, y: y, columns: columns, rows: rows, values: values)
    }

    /// Number of NaN or infinite values (painted as transparent cells).
    public var skippedNonFiniteCount: Int { values.count - values.filter(\.isFinite).count }
    /// The extent `x × y`.
    public var dataBounds: DataBounds? {
        DataBounds(minX: x.lower, maxX: x.upper, minY: y.lower, maxY: y.upper)
    }
    /// The extent is sticky: automatic limits fit it exactly, without margins (as `imshow`).
    public var stickyBounds: DataBounds? { dataBounds }
    /// A patch in the colormap's middle colour.
    public func legendHandle(points: PointScale) -> LegendHandle? {
        .patch(fill: colormap.color(0.5, lower: 0, upper: 1), edge: nil)
    }

    /// The value range mapped to the colormap.
    public var resolvedValueRange: (lower: Double, upper: Double) {
        if let valueRange { return (valueRange.lower, valueRange.upper) }
        let finite = values.filter(\.isFinite)
        return (finite.min() ?? 0, finite.max() ?? 1)
    }

    /// The cells as RGBA, rows top (highest y) to bottom.
    public func raster() -> Raster {
        let (lo, hi) = resolvedValueRange
        var pixels = [UInt8](repeating: 0, count: columns * rows * 4)
        for row in 0..<rows {
            let dataRow = rows - 1 - row
            for column in 0..<columns {
                guard let (r, g, b) = colormap.rgb(values[dataRow * columns + column], lower: lo, upper: hi)
                else { continue }
                let k = (row * columns + column) * 4
                pixels[k] = r
                pixels[k + 1] = g
                pixels[k + 2] = b
                pixels[k + 3] = 255
            }
        }
        return Raster(width: columns, height: rows, pixels: pixels)
    }

    /// Contour segments in data coordinates, one list per level.
    public func contourSegments() -> [[DataSegment]] {
        let grid = MarchingSquares(columns: columns, rows: rows, values: values)
        let dx = x.span / Double(columns)
        let dy = y.span / Double(rows)
        return contourLevels.map { level in
            grid.segments(level: level).map { s in
                DataSegment(
                    start: DataPoint(x: x.lower + (s.0.x + 0.5) * dx, y: y.lower + (s.0.y + 0.5) * dy),
                    end: DataPoint(x: x.lower + (s.1.x + 0.5) * dx, y: y.lower + (s.1.y + 0.5) * dy))
            }
        }
    }

    /// Draws the cells as one raster over the extent, then all contour lines as one stroke.
    public func draw(in context: MarkContext) {
        let t = context.transform
        let rect = t.rect(from: DataPoint(x: x.lower, y: y.lower), to: DataPoint(x: x.upper, y: y.upper))
        context.renderer.drawRaster(raster(), in: rect, smooth: smooth)
        var path = Path()
        for level in contourSegments() {
            for s in level {
                path.move(to: t.point(s.start))
                path.line(to: t.point(s.end))
            }
        }
        if !path.isEmpty {
            context.renderer.stroke(path, style: contourAppearance.strokeStyle(context.points))
        }
    }
}
