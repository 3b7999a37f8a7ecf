import FitPlot

/// Moves the vertices of a straight-segment path, in device pixels, so that a stroke of an
/// integer device width covers whole pixels: a 1-px line lies on pixel centres, a 2-px line on
/// pixel edges (odd widths → centres, even → edges), with matplotlib's rounding so that
/// spines and ticks land on the same pixel rows as in matplotlib's Agg output.
///
/// For each vertex, a coordinate across an axis-aligned segment (x of a vertical segment, y
/// of a horizontal one) follows that width-parity rule. A coordinate along a segment (where
/// butt caps end it) is rounded to a pixel edge, so the line ends on a pixel boundary;
/// with square caps, which add half the width, it follows the parity rule instead.
enum PixelSnapping {
    /// A subpath of device-space vertices.
    struct Polyline: Equatable {
        var points: [Point]
        var closed: Bool
    }

    /// The stroke width in device pixels a snapped stroke uses: the width rounded to whole
    /// pixels, at least one.
    static func deviceWidth(_ width: Double) -> Double {
        max(1, width.rounded())
    }

    /// `polylines` with every vertex snapped for a stroke `deviceWidth` pixels wide.
    static func snap(_ polylines: [Polyline], deviceWidth: Double, squareCaps: Bool) -> [Polyline] {
        let odd = Int(deviceWidth) % 2 == 1
        // matplotlib's Agg snapping (PathSnapper): floor(v + 0.5), plus 0.5 for odd widths,
        // in top-down device coordinates. A 1-px line at 57.6 lands on the centre of row 58
        // (57.5 would be the nearer centre, but following matplotlib keeps our spines on its
        // rows). Rounding half up, not to even, so that equal inputs snap the same way.
        func nearestEdge(_ v: Double) -> Double { (v + 0.5).rounded(.down) }
        func across(_ v: Double) -> Double { odd ? nearestEdge(v) + 0.5 : nearestEdge(v) }
        func along(_ v: Double) -> Double { squareCaps ? across(v) : nearestEdge(v) }

        return polylines.map { line in
            let pts = line.points
            let n = pts.count
            var snapped = pts
            for i in 0..<n {
                var neighbours: [Point] = []
                if i > 0 {
                    neighbours.append(pts[i - 1])
                } else if line.closed && n > 1 {
                    neighbours.append(pts[n - 1])
                }
                if i < n - 1 {
                    neighbours.append(pts[i + 1])
                } else if line.closed && n > 1 {
                    neighbours.append(pts[0])
                }
                let p = pts[i]
                let onVertical = neighbours.contains { abs($0.x - p.x) < 1e-9 && abs($0.y - p.y) >= 1e-9 }
                let onHorizontal = neighbours.contains { abs($0.y - p.y) < 1e-9 && abs($0.x - p.x) >= 1e-9 }
                snapped[i] = Point(
                    x: onVertical ? across(p.x) : along(p.x),
                    y: onHorizontal ? across(p.y) : along(p.y))
            }
            return Polyline(points: snapped, closed: line.closed)
        }
    }

    /// The path as device-space polylines (layout coordinates × `scale`), or nil when it holds
    /// curves or arcs, which are not snapped. Non-finite vertices end the current polyline
    /// and are counted in `skipped`.
    static func polylines(of path: Path, scale: Double, skipped: inout Int) -> [Polyline]? {
        var result: [Polyline] = []
        var current: [Point] = []
        func flush(closed: Bool) {
            if !current.isEmpty { result.append(Polyline(points: current, closed: closed)) }
            current = []
        }
        for element in path.elements {
            switch element {
            case .move(let p):
                flush(closed: false)
                if p.x.isFinite && p.y.isFinite {
                    current.append(Point(x: p.x * scale, y: p.y * scale))
                } else {
                    skipped += 1
                }
            case .line(let p):
                if p.x.isFinite && p.y.isFinite {
                    current.append(Point(x: p.x * scale, y: p.y * scale))
                } else {
                    skipped += 1
                    flush(closed: false)
                }
            case .close:
                let start = current.first
                flush(closed: true)
                // Cairo continues from the closed subpath's start point.
                if let start { current = [start] }
            case .curve, .arc:
                return nil
            }
        }
        flush(closed: false)
        // A lone point left over after `close` is no segment; drop single-point polylines.
        return result.filter { $0.points.count > 1 }
    }
}
