import FitPNG

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One pass over two same-size images that computes what the RMS, the worst tile and
/// pixelmatch need, on every core, touching only the pixels that differ.
///
/// Equal pixels contribute nothing to any of the three metrics, so the scan compares 32 bytes
/// (eight pixels) at a time and does arithmetic only where they differ. It also notes whether
/// any alpha is below 255 (which decides RGB or RGBA, see `ComparedChannels`) from the words
/// it loads anyway, so no separate pass looks for transparency. The sums are integers and the
/// counts are counts: the result does not depend on how the rows are split.
struct DifferenceScan {
    /// Sum of the squared differences of R, G and B.
    var squaresRGB = 0
    /// Sum of the squared differences of alpha.
    var squaresAlpha = 0
    /// Per tile (row-major), the sum of absolute differences of R, G and B.
    var tileRGB: [Int]
    /// Per tile, the sum of absolute differences of alpha.
    var tileAlpha: [Int]
    /// Whether either image has a pixel with alpha below 255.
    var translucent = false
    /// pixelmatch's counts.
    var pixelmatch = PixelmatchResult(mismatchedPixels: 0, antiAliasedPixels: 0)

    /// The channels the RMS and the worst tile use.
    var channels: ComparedChannels { translucent ? .rgba : .rgb }

    /// Sum of squared differences over the compared channels.
    var sumOfSquares: Int { translucent ? squaresRGB &+ squaresAlpha : squaresRGB }

    /// Per tile, the sum of absolute differences over the compared channels.
    var tileSums: [Int] {
        translucent ? zip(tileRGB, tileAlpha).map { $0 &+ $1 } : tileRGB
    }

    init(tiles: Int) {
        tileRGB = [Int](repeating: 0, count: tiles)
        tileAlpha = [Int](repeating: 0, count: tiles)
    }

    /// Scans `expected` against `actual` (sizes already checked). When `classes` is given
    /// (width × height bytes, zero-filled) each differing pixel's `PixelClass` is written there.
    static func run(
        _ expected: RGBAImage, _ actual: RGBAImage, tileSize: Int, options: PixelmatchOptions,
        classes: UnsafeMutableBufferPointer<UInt8>? = nil, knownOpaque: Bool = false
    ) -> DifferenceScan {
        let width = expected.width
        let height = expected.height
        let columns = (width + tileSize - 1) / tileSize
        let tileRows = (height + tileSize - 1) / tileSize
        let bands = RowBands.split(height: height, alignment: tileSize, targetRows: 96)
        let maxDelta = Pixelmatch.maximumDelta * options.threshold * options.threshold
        let partials: [DifferenceScan] = expected.pixels.withUnsafeBufferPointer { e in
            actual.pixels.withUnsafeBufferPointer { a in
                let ep = SharedReadPointer(base: e.baseAddress!)
                let ap = SharedReadPointer(base: a.baseAddress!)
                let cp = classes.map { SharedPointer(base: $0.baseAddress!) }
                return RowBands.map(bands) { band in
                    let e = UnsafeBufferPointer(start: ep.base, count: width * height * 4)
                    let a = UnsafeBufferPointer(start: ap.base, count: width * height * 4)
                    let img1 = PixelView(bytes: e, width: width, height: height)
                    let img2 = PixelView(bytes: a, width: width, height: height)
                    let eRaw = UnsafeRawPointer(ep.base)
                    let aRaw = UnsafeRawPointer(ap.base)
                    var partial = DifferenceScan(tiles: columns * tileRows)
                    var squares = 0
                    var alphaSquares = 0
                    // AND of every expected word the fast path skipped: its alpha bytes stay
                    // 0xFF only if every such pixel is opaque (the actual's are equal to them).
                    var opaqueWords: UInt64 = .max
                    var translucent = false
                    var mismatched = 0
                    var antiAliased = 0
                    for y in band {
                        let tileRow = (y / tileSize) * columns
                        var x = 0
                        while x < width {
                            let index = y * width + x
                            // Opaque images (known from their PNG headers) need no alpha
                            // bookkeeping, so runs of 64 equal pixels are skipped with libc's
                            // memcmp, which uses the widest vector unit of the machine.
                            if knownOpaque && x + 64 <= width
                                && memcmp(eRaw + index * 4, aRaw + index * 4, 256) == 0
                            {
                                x += 64
                                continue
                            }
                            // Eight equal pixels at once (the common case): 32 bytes, four words.
                            if x + 8 <= width {
                                let o = index * 4
                                let d0 =
                                    eRaw.loadUnaligned(fromByteOffset: o, as: UInt64.self)
                                    ^ aRaw.loadUnaligned(fromByteOffset: o, as: UInt64.self)
                                let d1 =
                                    eRaw.loadUnaligned(fromByteOffset: o + 8, as: UInt64.self)
                                    ^ aRaw.loadUnaligned(fromByteOffset: o + 8, as: UInt64.self)
                                let d2 =
                                    eRaw.loadUnaligned(fromByteOffset: o + 16, as: UInt64.self)
                                    ^ aRaw.loadUnaligned(fromByteOffset: o + 16, as: UInt64.self)
                                let d3 =
                                    eRaw.loadUnaligned(fromByteOffset: o + 24, as: UInt64.self)
                                    ^ aRaw.loadUnaligned(fromByteOffset: o + 24, as: UInt64.self)
                                if d0 | d1 | d2 | d3 == 0 {
                                    opaqueWords &=
                                        eRaw.loadUnaligned(fromByteOffset: o, as: UInt64.self)
                                        & eRaw.loadUnaligned(fromByteOffset: o + 8, as: UInt64.self)
                                        & eRaw.loadUnaligned(fromByteOffset: o + 16, as: UInt64.self)
                                        & eRaw.loadUnaligned(fromByteOffset: o + 24, as: UInt64.self)
                                    x += 8
                                    continue
                                }
                            }
                            let end = min(width, x + 8)
                            while x < end {
                                let index = y * width + x
                                let i = index * 4
                                if e[i + 3] & a[i + 3] != 255 { translucent = true }
                                if img1.word(index) == img2.word(index) {
                                    x += 1
                                    continue
                                }
                                let dr = Int(e[i]) - Int(a[i])
                                let dg = Int(e[i + 1]) - Int(a[i + 1])
                                let db = Int(e[i + 2]) - Int(a[i + 2])
                                let da = Int(e[i + 3]) - Int(a[i + 3])
                                squares &+= dr * dr + dg * dg + db * db
                                alphaSquares &+= da * da
                                partial.tileRGB[tileRow + x / tileSize] &+= abs(dr) + abs(dg) + abs(db)
                                partial.tileAlpha[tileRow + x / tileSize] &+= abs(da)
                                let delta = Pixelmatch.colorDelta(
                                    img1, img2, i, i, yOnly: false, checkerboard: options.checkerboard)
                                if abs(delta) > maxDelta {
                                    if !options.includeAntiAliased
                                        && (Pixelmatch.antialiased(
                                            img1, x, y, other: img2, checkerboard: options.checkerboard)
                                            || Pixelmatch.antialiased(
                                                img2, x, y, other: img1, checkerboard: options.checkerboard))
                                    {
                                        antiAliased += 1
                                        cp?.base[index] = PixelClass.antiAliased.rawValue
                                    } else {
                                        mismatched += 1
                                        cp?.base[index] = PixelClass.mismatched.rawValue
                                    }
                                }
                                x += 1
                            }
                        }
                    }
                    partial.squaresRGB = squares
                    partial.squaresAlpha = alphaSquares
                    let alphas: UInt64 = 0xFF00_0000_FF00_0000
                    partial.translucent =
                        translucent || (UInt64(littleEndian: opaqueWords) & alphas) != alphas
                    partial.pixelmatch = PixelmatchResult(
                        mismatchedPixels: mismatched, antiAliasedPixels: antiAliased)
                    return partial
                }
            }
        }
        var total = DifferenceScan(tiles: columns * tileRows)
        for partial in partials {
            total.squaresRGB &+= partial.squaresRGB
            total.squaresAlpha &+= partial.squaresAlpha
            total.translucent = total.translucent || partial.translucent
            total.pixelmatch.mismatchedPixels += partial.pixelmatch.mismatchedPixels
            total.pixelmatch.antiAliasedPixels += partial.pixelmatch.antiAliasedPixels
            for t in 0..<total.tileRGB.count {
                total.tileRGB[t] &+= partial.tileRGB[t]
                total.tileAlpha[t] &+= partial.tileAlpha[t]
            }
        }
        return total
    }

    /// The RMS over the compared values: `comparedPixels × channels` of them.
    func rootMeanSquare(comparedPixels: Int) -> Double {
        guard comparedPixels > 0 else { return 0 }
        return (Double(sumOfSquares) / Double(comparedPixels * channels.count)).squareRoot()
    }

    /// The tile with the largest mean absolute difference over its compared pixels (ties to
    /// the first in reading order; tiles whose pixels are all ignored are skipped).
    func worstTile(
        width: Int, height: Int, tileSize: Int, mask: ComparisonMask?
    ) -> TileDifference {
        let tileSums = self.tileSums
        let columns = (width + tileSize - 1) / tileSize
        let rows = (height + tileSize - 1) / tileSize
        var compared: [Int]? = nil
        if let mask, mask.ignoredCount > 0 {
            var counts = [Int](repeating: 0, count: columns * rows)
            for y in 0..<height {
                for x in 0..<width where mask.ignored[y * width + x] == 0 {
                    counts[(y / tileSize) * columns + x / tileSize] += 1
                }
            }
            compared = counts
        }
        var worst = TileDifference(
            x: 0, y: 0, width: min(tileSize, width), height: min(tileSize, height),
            meanAbsoluteDifference: -1)
        for row in 0..<rows {
            for column in 0..<columns {
                let x = column * tileSize
                let y = row * tileSize
                let w = min(tileSize, width - x)
                let h = min(tileSize, height - y)
                let pixels = compared?[row * columns + column] ?? w * h
                guard pixels > 0 else { continue }
                let mean = Double(tileSums[row * columns + column]) / Double(pixels * channels.count)
                if mean > worst.meanAbsoluteDifference {
                    worst = TileDifference(x: x, y: y, width: w, height: h, meanAbsoluteDifference: mean)
                }
            }
        }
        if worst.meanAbsoluteDifference < 0 { worst.meanAbsoluteDifference = 0 }
        return worst
    }
}
