import FitPNG

/// One pass over two same-size images that computes what the RMS, the worst tile and
/// pixelmatch need, on every core, touching only the pixels that differ.
///
/// Equal pixels contribute nothing to any of the three metrics, so the scan compares eight
/// bytes (two pixels) at a time and does arithmetic only where they differ. The sums are
/// integers and the counts are counts: the result does not depend on how the rows are split.
struct DifferenceScan {
    /// Sum over compared pixels of the squared channel differences (RGB, or RGBA).
    var sumOfSquares = 0
    /// Per tile (row-major), the sum of absolute channel differences.
    var tileSums: [Int]
    /// pixelmatch's counts.
    var pixelmatch = PixelmatchResult(mismatchedPixels: 0, antiAliasedPixels: 0)

    /// Scans `expected` against `actual` (sizes already checked). When `classes` is given
    /// (width × height bytes, zero-filled) each differing pixel's `PixelClass` is written there.
    static func run(
        _ expected: RGBAImage, _ actual: RGBAImage, channels: ComparedChannels, tileSize: Int,
        options: PixelmatchOptions, classes: UnsafeMutableBufferPointer<UInt8>? = nil
    ) -> DifferenceScan {
        let width = expected.width
        let height = expected.height
        let columns = (width + tileSize - 1) / tileSize
        let tileRows = (height + tileSize - 1) / tileSize
        let bands = RowBands.split(height: height, alignment: tileSize, targetRows: 96)
        let maxDelta = Pixelmatch.maximumDelta * options.threshold * options.threshold
        let countAlpha = channels == .rgba
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
                    var partial = DifferenceScan(tileSums: [Int](repeating: 0, count: columns * tileRows))
                    var squares = 0
                    var mismatched = 0
                    var antiAliased = 0
                    for y in band {
                        let tileRow = (y / tileSize) * columns
                        var x = 0
                        while x < width {
                            let index = y * width + x
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
                                    x += 8
                                    continue
                                }
                            }
                            let end = min(width, x + 8)
                            while x < end {
                                let index = y * width + x
                                if img1.word(index) == img2.word(index) {
                                    x += 1
                                    continue
                                }
                                let i = index * 4
                                let dr = Int(e[i]) - Int(a[i])
                                let dg = Int(e[i + 1]) - Int(a[i + 1])
                                let db = Int(e[i + 2]) - Int(a[i + 2])
                                var absolute = abs(dr) + abs(dg) + abs(db)
                                squares &+= dr * dr + dg * dg + db * db
                                if countAlpha {
                                    let da = Int(e[i + 3]) - Int(a[i + 3])
                                    squares &+= da * da
                                    absolute += abs(da)
                                }
                                partial.tileSums[tileRow + x / tileSize] &+= absolute
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
                    partial.sumOfSquares = squares
                    partial.pixelmatch = PixelmatchResult(
                        mismatchedPixels: mismatched, antiAliasedPixels: antiAliased)
                    return partial
                }
            }
        }
        var total = DifferenceScan(tileSums: [Int](repeating: 0, count: columns * tileRows))
        for partial in partials {
            total.sumOfSquares &+= partial.sumOfSquares
            total.pixelmatch.mismatchedPixels += partial.pixelmatch.mismatchedPixels
            total.pixelmatch.antiAliasedPixels += partial.pixelmatch.antiAliasedPixels
            for t in 0..<total.tileSums.count { total.tileSums[t] &+= partial.tileSums[t] }
        }
        return total
    }

    /// The RMS over the compared values: `comparedPixels × channels` of them.
    func rootMeanSquare(comparedPixels: Int, channels: ComparedChannels) -> Double {
        guard comparedPixels > 0 else { return 0 }
        return (Double(sumOfSquares) / Double(comparedPixels * channels.count)).squareRoot()
    }

    /// The tile with the largest mean absolute difference over its compared pixels (ties to
    /// the first in reading order; tiles whose pixels are all ignored are skipped).
    func worstTile(
        width: Int, height: Int, tileSize: Int, channels: ComparedChannels, mask: ComparisonMask?
    ) -> TileDifference {
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
