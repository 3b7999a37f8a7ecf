import FitPlot

/// Many axis-aligned segments (residuals: one vertical segment per point) stroked as one
/// coverage mask, in time linear in the number of segments.
///
/// Why: Cairo fills a stroke of one path with n overlapping sub-paths in time that grows
/// about as n² (its scan converter walks the edges active on each row; measured with Cairo
/// 1.16, one `cairo_stroke` of n random vertical segments: 5,000 → 0.13 s, 10,000 → 0.62 s,
/// 20,000 → 2.4 s, and the same with `cairo_fill` of rectangles), so 100,000 residuals took
/// about a minute a frame. A butt-capped axis-aligned segment of width w is a rectangle, whose
/// exact area coverage of each pixel is its column overlap times its row overlap. The
/// rectangles are added into per-column running sums (a difference array down each column:
/// O(1) per covered column and segment, whatever its length), the sums clamped to 1 (the
/// union, as one stroke's non-zero fill gives, up to pixels where two segments partly
/// overlap), and the mask painted once with the stroke's colour.
enum SegmentCoverage {
    /// Batches smaller than this are stroked by Cairo, which is fast enough for them (and
    /// keeps small figures, such as the article's squared errors, drawn exactly as before).
    static let minimumSegmentCount = 256
    /// The largest mask (pixels) built; a larger clip region falls back to Cairo.
    static let maximumMaskPixels = 1 << 26

    /// The device-space rectangles of `path`'s segments stroked `deviceWidth` wide with butt
    /// caps, or nil unless the path is only `move, line` pairs of finite, axis-aligned
    /// segments (in device space: layout × `scale`). Zero-length segments draw nothing, as a
    /// butt-capped stroke.
    static func rectangles(of path: Path, scale: Double, deviceWidth: Double) -> [Rect]? {
        let elements = path.elements
        guard elements.count % 2 == 0, deviceWidth.isFinite, deviceWidth > 0 else { return nil }
        let half = deviceWidth / 2
        var rects: [Rect] = []
        rects.reserveCapacity(elements.count / 2)
        var i = 0
        while i < elements.count {
            guard case .move(let a) = elements[i], case .line(let b) = elements[i + 1] else { return nil }
            i += 2
            let (ax, ay, bx, by) = (a.x * scale, a.y * scale, b.x * scale, b.y * scale)
            guard ax.isFinite, ay.isFinite, bx.isFinite, by.isFinite else { return nil }
            if ax == bx {
                guard ay != by else { continue }
                rects.append(Rect(x: ax - half, y: min(ay, by), width: deviceWidth, height: abs(by - ay)))
            } else if ay == by {
                rects.append(Rect(x: min(ax, bx), y: ay - half, width: abs(bx - ax), height: deviceWidth))
            } else {
                return nil
            }
        }
        return rects
    }

    /// The pixel box of a device clip rectangle: whole pixels touching it.
    static func maskBox(clip: Rect) -> (x: Int, y: Int, width: Int, height: Int)? {
        guard clip.width > 0, clip.height > 0 else { return nil }
        let x0 = Int(clip.minX.rounded(.down))
        let y0 = Int(clip.minY.rounded(.down))
        let x1 = Int(clip.maxX.rounded(.up))
        let y1 = Int(clip.maxY.rounded(.up))
        guard x1 > x0, y1 > y0, (x1 - x0) * (y1 - y0) <= maximumMaskPixels else { return nil }
        return (x0, y0, x1 - x0, y1 - y0)
    }

    /// The coverage of `rects` (device pixels) over the box at (`x`, `y`) of `width × height`
    /// pixels: row-major alpha bytes, `width` per row, 255 for a fully covered pixel.
    static func mask(_ rects: [Rect], x: Int, y: Int, width: Int, height: Int) -> [UInt8] {
        // diff[r * width + c]: change of column c's coverage from row r − 1 to row r.
        var diff = [Float](repeating: 0, count: width * (height + 1))
        let (left, top) = (Double(x), Double(y))
        let (right, bottom) = (Double(x + width), Double(y + height))
        diff.withUnsafeMutableBufferPointer { d in
            for r in rects {
                let x0 = max(r.minX, left)
                let x1 = min(r.maxX, right)
                let y0 = max(r.minY, top)
                let y1 = min(r.maxY, bottom)
                guard x1 > x0, y1 > y0 else { continue }
                let row0 = Int(y0.rounded(.down)) - y
                let row1 = Int(y1.rounded(.down)) - y  // the row holding the bottom edge
                // Coverage of the first and last rows, and of the full rows between them.
                let firstRowCover: Double
                let lastRowCover: Double
                if row0 == row1 {
                    firstRowCover = y1 - y0
                    lastRowCover = 0
                } else {
                    firstRowCover = Double(row0 + y + 1) - y0
                    lastRowCover = y1 - Double(row1 + y)
                }
                var column = Int(x0.rounded(.down))
                while Double(column) < x1 {
                    let cover = min(x1, Double(column + 1)) - max(x0, Double(column))
                    let c = column - x
                    column += 1
                    guard cover > 0 else { continue }
                    func add(row: Int, _ value: Double) {
                        let v = Float(value * cover)
                        d[row * width + c] += v
                        d[(row + 1) * width + c] -= v
                    }
                    add(row: row0, firstRowCover)
                    if row1 > row0 {
                        if row1 > row0 + 1 {
                            // Rows row0 + 1 ..< row1 are covered fully: one step up, one down.
                            d[(row0 + 1) * width + c] += Float(cover)
                            d[row1 * width + c] -= Float(cover)
                        }
                        if row1 < height, lastRowCover > 0 { add(row: row1, lastRowCover) }
                    }
                }
            }
        }
        var out = [UInt8](repeating: 0, count: width * height)
        var running = [Float](repeating: 0, count: width)
        for row in 0..<height {
            let base = row * width
            for c in 0..<width {
                running[c] += diff[base + c]
                let v = min(1, max(0, running[c]))
                out[base + c] = UInt8((v * 255).rounded())
            }
        }
        return out
    }
}
