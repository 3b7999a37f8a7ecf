import FitPlot

/// Composites marker stamps into premultiplied ARGB32 pixels with the Porter-Duff "over"
/// operator, exactly as pixman (Cairo's rasteriser) does for an integer-offset
/// `cairo_set_source_surface` + `cairo_paint`: per channel d' = s + d·(255 − sₐ)/255, the
/// division rounded the way pixman's `MUL_UN8` rounds. Stamping is thus byte-identical to
/// painting the same stamps with Cairo, only without Cairo's per-call overhead.
enum MarkerCompositor {
    /// Pixel rectangle (half-open) the stamps may write, e.g. the clip.
    struct PixelBounds {
        var x0: Int, y0: Int, x1: Int, y1: Int
    }

    /// Stamps every finite centre (layout units × `scale` = device pixels); returns how many
    /// centres were skipped for being non-finite.
    static func composite(
        centers: [Point], scale: Double, stamps: [MarkerStamp], into data: UnsafeMutableRawPointer,
        stride: Int, bounds: PixelBounds
    ) -> Int {
        guard bounds.x0 < bounds.x1, bounds.y0 < bounds.y1, let first = stamps.first else {
            return centers.reduce(0) { $0 + ($1.x.isFinite && $1.y.isFinite ? 0 : 1) }
        }
        let phases = Double(MarkerStamp.phases)
        let side = first.side
        let pad = first.pad
        var skipped = 0
        // Centres this far outside can never touch the canvas; also keeps Int() in range.
        let limit = 1e9
        for center in centers {
            let qx = (center.x * scale * phases).rounded()
            let qy = (center.y * scale * phases).rounded()
            guard qx.isFinite, qy.isFinite else {
                skipped += 1
                continue
            }
            guard abs(qx) < limit, abs(qy) < limit else { continue }
            let iqx = Int(qx)
            let iqy = Int(qy)
            let ix = iqx >> 2
            let iy = iqy >> 2  // floor division by 4 (arithmetic shift)
            let stamp = stamps[(iqy & 3) * MarkerStamp.phases + (iqx & 3)]
            let ox = ix - pad
            let oy = iy - pad
            let rowStart = max(oy, bounds.y0)
            let rowEnd = min(oy + side, bounds.y1)
            guard rowStart < rowEnd, ox + side > bounds.x0, ox < bounds.x1 else { continue }
            stamp.pixels.withUnsafeBufferPointer { src in
                for y in rowStart..<rowEnd {
                    let sy = y - oy
                    let span = stamp.rowSpans[sy]
                    let xStart = max(ox + span.lowerBound, bounds.x0)
                    let xEnd = min(ox + span.upperBound, bounds.x1)
                    guard xStart < xEnd else { continue }
                    let row = (data + y * stride).assumingMemoryBound(to: UInt32.self)
                    let srcRow = sy * side - ox
                    for x in xStart..<xEnd {
                        let s = src[srcRow + x]
                        let alpha = s >> 24
                        if alpha == 255 {
                            row[x] = s
                        } else if s != 0 {
                            row[x] = over(s, row[x], inverseAlpha: 255 - alpha)
                        }
                    }
                }
            }
        }
        return skipped
    }

    /// s + d × ia / 255 on the four 8-bit channels, two at a time (pixman's
    /// `UN8x4_MUL_UN8_ADD_UN8x4`, saturating add included).
    @inline(__always)
    static func over(_ s: UInt32, _ d: UInt32, inverseAlpha ia: UInt32) -> UInt32 {
        let lo = mulAdd(d & 0x00ff_00ff, ia, s & 0x00ff_00ff)
        let hi = mulAdd((d >> 8) & 0x00ff_00ff, ia, (s >> 8) & 0x00ff_00ff)
        return lo | (hi << 8)
    }

    @inline(__always)
    private static func mulAdd(_ x: UInt32, _ a: UInt32, _ y: UInt32) -> UInt32 {
        var t = x &* a &+ 0x0080_0080
        t = ((t &+ ((t >> 8) & 0x00ff_00ff)) >> 8) & 0x00ff_00ff
        t = t &+ y
        t |= 0x0100_0100 &- ((t >> 8) & 0x00ff_00ff)
        return t & 0x00ff_00ff
    }
}
