import FitPlot

/// Composites marker stamps into premultiplied ARGB32 pixels with the Porter-Duff "over"
/// operator, exactly as pixman (Cairo's rasteriser) does for an integer-offset
/// `cairo_set_source_surface` + `cairo_paint`: per channel d' = s + d·(255 − sₐ)/255, the
/// division rounded the way pixman's `MUL_UN8` rounds. Stamping is thus byte-identical to
/// painting the same stamps with Cairo, only without Cairo's per-call overhead.
///
/// Three things make a dense cloud cheap, each keeping the bytes: markers hidden under
/// later opaque ones are skipped (`visibility`), the 16 stamps are read from flat buffers
/// (`StampAtlas`), and rows are blended four pixels at a time without branches. The
/// tutorial's 100,000-point cloud at 640×480 took 21 ms to composite, now 5.3 ms (release).
enum MarkerCompositor {
    /// Pixel rectangle (half-open) the stamps may write, e.g. the clip.
    struct PixelBounds {
        var x0: Int, y0: Int, x1: Int, y1: Int
    }

    /// One marker to stamp: which of the 16 stamps, and the canvas pixel of its top-left corner.
    fileprivate struct Placement {
        var stamp: Int
        var x: Int
        var y: Int
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
        let atlas = StampAtlas(stamps)
        let (placements, skipped) = place(
            centers, scale: scale, side: first.side, pad: first.pad, bounds: bounds)
        atlas.withPointers { atlas in
            let visible = visibility(of: placements, atlas: atlas, bounds: bounds)
            for (p, isVisible) in zip(placements, visible) where isVisible {
                stamp(p, atlas: atlas, into: data, stride: stride, bounds: bounds)
            }
        }
        return skipped
    }

    /// The stamp and top-left pixel of every finite centre whose stamp overlaps `bounds`, in
    /// drawing order, and the number of non-finite centres.
    private static func place(_ centers: [Point], scale: Double, side: Int, pad: Int, bounds: PixelBounds)
        -> ([Placement], skipped: Int)
    {
        let phases = Double(MarkerStamp.phases)
        var placements: [Placement] = []
        placements.reserveCapacity(centers.count)
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
            let x = (iqx >> 2) - pad  // >> 2: floor division by 4
            let y = (iqy >> 2) - pad
            guard x + side > bounds.x0, x < bounds.x1, y + side > bounds.y0, y < bounds.y1 else { continue }
            placements.append(Placement(stamp: (iqy & 3) * MarkerStamp.phases + (iqx & 3), x: x, y: y))
        }
        return (placements, skipped)
    }

    /// Which placements can change a pixel, found back to front: a marker whose every pixel
    /// is later painted over by the fully opaque pixels of markers drawn after it cannot show
    /// ("over" with an opaque source replaces the pixel, whatever was below), so it is not
    /// drawn. The result is byte for byte the same. In a dense cloud most markers are hidden
    /// this way: 90 % of the tutorial's 100,000 points (the check costs 4 ms, and saves 8).
    private static func visibility(
        of placements: [Placement], atlas: StampAtlas.Pointers, bounds: PixelBounds
    )
        -> [Bool]
    {
        let width = bounds.x1 - bounds.x0
        // One byte per pixel of `bounds`: 1 once a marker drawn later covers it opaquely.
        var covered = [UInt8](repeating: 0, count: width * (bounds.y1 - bounds.y0))
        var visible = [Bool](repeating: false, count: placements.count)
        covered.withUnsafeMutableBufferPointer { covered in
            for index in placements.indices.reversed() {
                let p = placements[index]
                let rows = atlas.usedRows(of: p, in: bounds)  // empty: draws nothing, not visible
                let shows = rows.contains { y in
                    let columns = atlas.columns(atlas.exactSpans, of: p, row: y, in: bounds)
                    let row = covered.baseAddress! + ((y - bounds.y0) * width - bounds.x0)
                    return !columns.isEmpty && !allSet(row + columns.lowerBound, count: columns.count)
                }
                guard shows else { continue }
                visible[index] = true
                for y in rows {
                    let columns = atlas.columns(atlas.opaqueSpans, of: p, row: y, in: bounds)
                    guard !columns.isEmpty else { continue }
                    let row = covered.baseAddress! + ((y - bounds.y0) * width - bounds.x0)
                    (row + columns.lowerBound).update(repeating: 1, count: columns.count)
                }
            }
        }
        return visible
    }

    /// Whether the `count` (≥ 1) bytes at `bytes` are all 1, eight at a time; the last eight
    /// may overlap the ones already checked.
    @inline(__always)
    private static func allSet(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let raw = UnsafeRawPointer(bytes)
        guard count >= 8 else {
            for i in 0..<count where bytes[i] == 0 { return false }
            return true
        }
        var offset = 0
        while offset + 8 < count {
            if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != ones { return false }
            offset += 8
        }
        return raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == ones
    }

    /// Composites the rows of one placed stamp that fall inside `bounds`.
    @inline(__always)
    private static func stamp(
        _ p: Placement, atlas: StampAtlas.Pointers, into data: UnsafeMutableRawPointer, stride: Int,
        bounds: PixelBounds
    ) {
        let stampPixels = atlas.pixels + p.stamp * atlas.side * atlas.side
        for y in atlas.usedRows(of: p, in: bounds) {
            let columns = atlas.columns(atlas.blendSpans, of: p, row: y, in: bounds)
            guard !columns.isEmpty else { continue }
            let row = (data + y * stride).assumingMemoryBound(to: UInt32.self)
            // src[x] is the stamp pixel that lands on canvas column x.
            let src = stampPixels + ((y - p.y) * atlas.side - p.x)
            blend(src, into: row, columns)
        }
    }

    /// "Over" for the columns `range` of one row; `src[x]` lands on `row[x]`. Branch-free: the
    /// formula is exact for the two special cases too (a transparent source leaves the pixel
    /// as it was, an opaque one replaces it), where branching on the alpha of anti-aliased
    /// edge pixels mispredicts often.
    @inline(__always)
    private static func blend(
        _ src: UnsafePointer<UInt32>, into row: UnsafeMutablePointer<UInt32>, _ range: Range<Int>
    ) {
        var x = range.lowerBound
        // Four pixels at a time with the same lane-wise arithmetic as `over`.
        while x + 4 <= range.upperBound {
            let s = UnsafeRawPointer(src + x).loadUnaligned(as: SIMD4<UInt32>.self)
            let d = UnsafeRawPointer(row + x).loadUnaligned(as: SIMD4<UInt32>.self)
            UnsafeMutableRawPointer(row + x).storeBytes(of: over4(s, d), as: SIMD4<UInt32>.self)
            x += 4
        }
        while x < range.upperBound {
            let s = src[x]
            row[x] = over(s, row[x], inverseAlpha: 255 - (s >> 24))
            x += 1
        }
    }

    /// `over` on four pixels: the same per-channel arithmetic as `over`, in 16-bit lanes
    /// (x·ia + 128 ≤ 65,153 fits), which SSE2 multiplies eight at a time.
    @inline(__always)
    static func over4(_ s: SIMD4<UInt32>, _ d: SIMD4<UInt32>) -> SIMD4<UInt32> {
        let ia32 = 255 &- (s &>> 24)
        let ia = unsafeBitCast(ia32 | (ia32 &<< 8) | (ia32 &<< 16) | (ia32 &<< 24), to: SIMD16<UInt8>.self)
        let d8 = unsafeBitCast(d, to: SIMD16<UInt8>.self)
        let s8 = unsafeBitCast(s, to: SIMD16<UInt8>.self)
        let lo = scaled(
            SIMD8<UInt16>(truncatingIfNeeded: d8.lowHalf), SIMD8<UInt16>(truncatingIfNeeded: ia.lowHalf))
        let hi = scaled(
            SIMD8<UInt16>(truncatingIfNeeded: d8.highHalf), SIMD8<UInt16>(truncatingIfNeeded: ia.highHalf))
        let t = SIMD16<UInt8>(
            lowHalf: SIMD8<UInt8>(truncatingIfNeeded: lo), highHalf: SIMD8<UInt8>(truncatingIfNeeded: hi))
        let sum = t &+ s8
        return unsafeBitCast(sum.replacing(with: 255, where: sum .< s8), to: SIMD4<UInt32>.self)
    }

    /// x·a/255 rounded as pixman's MUL_UN8: t = x·a + 128, (t + t/256) / 256.
    @inline(__always)
    private static func scaled(_ x: SIMD8<UInt16>, _ a: SIMD8<UInt16>) -> SIMD8<UInt16> {
        let t = x &* a &+ 0x80
        return (t &+ (t &>> 8)) &>> 8
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

/// The 16 stamps of one style in flat buffers, so that the compositing loops read raw
/// memory: indexing an array of structs of arrays retained and released two arrays a marker.
private struct StampAtlas {
    let side: Int
    /// All stamps' pixels, stamp after stamp.
    var pixels: [UInt32] = []
    /// Per stamp row: first column and end column of the pixels to blend (widened, below).
    var blendSpans: [Int] = []
    /// Per stamp row: first and end column of the pixels that are not transparent.
    var exactSpans: [Int] = []
    /// Per stamp row: first and end column of the longest run of fully opaque pixels.
    var opaqueSpans: [Int] = []
    /// Per stamp: the first row and the end row holding any pixel (0 and 0 for an empty stamp).
    var usedRows: [Int] = []

    init(_ stamps: [MarkerStamp]) {
        side = stamps.first?.side ?? 0
        for stamp in stamps {
            pixels += stamp.pixels
            for (y, span) in stamp.rowSpans.enumerated() {
                exactSpans += [span.lowerBound, span.upperBound]
                let run = Self.longestOpaqueRun(stamp.pixels[(y * stamp.side)..<((y + 1) * stamp.side)])
                opaqueSpans += [run.lowerBound, run.upperBound]
                // Widened to whole groups of four pixels where the stamp allows: the pixels
                // added are transparent, which "over" leaves unchanged, and the blend then
                // needs no one-pixel tail.
                let width = min(stamp.side, (span.count + 3) / 4 * 4)
                let end = min(stamp.side, span.lowerBound + width)
                let wide = span.isEmpty ? span : (end - width)..<end
                blendSpans += [wide.lowerBound, wide.upperBound]
            }
            let used = stamp.rowSpans.indices.filter { !stamp.rowSpans[$0].isEmpty }
            usedRows += [used.first ?? 0, (used.last ?? -1) + 1]
        }
    }

    /// Columns of the longest run of pixels with alpha 255 in one stamp row.
    private static func longestOpaqueRun(_ row: ArraySlice<UInt32>) -> Range<Int> {
        var best = 0..<0
        var start = 0
        for (x, p) in zip(0..., row) {
            if p >> 24 != 255 {
                start = x + 1
            } else if x + 1 - start > best.count {
                best = start..<(x + 1)
            }
        }
        return best
    }

    /// The buffers' memory, valid inside `withPointers`.
    struct Pointers {
        let side: Int
        let pixels: UnsafePointer<UInt32>
        let blendSpans: UnsafePointer<Int>
        let exactSpans: UnsafePointer<Int>
        let opaqueSpans: UnsafePointer<Int>
        let usedRows: UnsafePointer<Int>

        /// The canvas rows where `p`'s stamp has pixels, inside `bounds` (possibly empty).
        @inline(__always)
        func usedRows(of p: MarkerCompositor.Placement, in bounds: MarkerCompositor.PixelBounds) -> Range<Int>
        {
            let start = max(p.y + usedRows[p.stamp * 2], bounds.y0)
            return start..<max(start, min(p.y + usedRows[p.stamp * 2 + 1], bounds.y1))
        }

        /// The canvas columns that `spans` gives for canvas row `y` of `p`'s stamp, inside
        /// `bounds` (possibly empty).
        @inline(__always)
        func columns(
            _ spans: UnsafePointer<Int>, of p: MarkerCompositor.Placement, row y: Int,
            in bounds: MarkerCompositor.PixelBounds
        ) -> Range<Int> {
            let span = spans + (p.stamp * side + y - p.y) * 2
            let start = max(p.x + span[0], bounds.x0)
            return start..<max(start, min(p.x + span[1], bounds.x1))
        }
    }

    func withPointers<R>(_ body: (Pointers) -> R) -> R {
        pixels.withUnsafeBufferPointer { pixels in
            blendSpans.withUnsafeBufferPointer { blend in
                exactSpans.withUnsafeBufferPointer { exact in
                    opaqueSpans.withUnsafeBufferPointer { opaque in
                        usedRows.withUnsafeBufferPointer { rows in
                            body(
                                Pointers(
                                    side: side, pixels: pixels.baseAddress!, blendSpans: blend.baseAddress!,
                                    exactSpans: exact.baseAddress!, opaqueSpans: opaque.baseAddress!,
                                    usedRows: rows.baseAddress!))
                        }
                    }
                }
            }
        }
    }
}
