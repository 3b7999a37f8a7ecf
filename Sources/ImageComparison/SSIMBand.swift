/// The SSIM of one band of output rows: the horizontal Gaussian pass over the band and
/// `radius` rows on either side, then the vertical pass, the SSIM formula and the sums.
struct SSIMBand {
    let width: Int
    let height: Int
    let rows: Range<Int>

    func run(
        expected: UnsafePointer<UInt8>, actual: UnsafePointer<UInt8>, mask: [UInt8]?,
        crop: (x: Int, y: Int), map: SharedPointer<UInt8>?
    ) -> (sum: Double, count: Int) {
        let r = StructuralSimilarity.radius
        let weights = StructuralSimilarity.weights
        let first = rows.lowerBound - r
        let inputRows = rows.count + 2 * r
        // Five horizontally filtered planes: x, y, x², y², xy; one input row at a time.
        var planes = [Double](repeating: 0, count: 5 * inputRows * width)
        var lumaX = [Double](repeating: 0, count: width + 2 * r)
        var lumaY = [Double](repeating: 0, count: width + 2 * r)
        let plane = inputRows * width
        planes.withUnsafeMutableBufferPointer { p in
            lumaX.withUnsafeMutableBufferPointer { lx in
                lumaY.withUnsafeMutableBufferPointer { ly in
                    for row in 0..<inputRows {
                        let y = StructuralSimilarity.reflect(first + row, height)
                        for x in -r..<(width + r) {
                            let source = (y * width + StructuralSimilarity.reflect(x, width)) * 4
                            lx[x + r] = StructuralSimilarity.luma(expected, source)
                            ly[x + r] = StructuralSimilarity.luma(actual, source)
                        }
                        let out = row * width
                        for x in 0..<width {
                            var sx = 0.0
                            var sy = 0.0
                            var sxx = 0.0
                            var syy = 0.0
                            var sxy = 0.0
                            for k in 0...(2 * r) {
                                let w = weights[k]
                                let vx = lx[x + k]
                                let vy = ly[x + k]
                                sx += w * vx
                                sy += w * vy
                                sxx += w * (vx * vx)
                                syy += w * (vy * vy)
                                sxy += w * (vx * vy)
                            }
                            p[out + x] = sx
                            p[plane + out + x] = sy
                            p[2 * plane + out + x] = sxx
                            p[3 * plane + out + x] = syy
                            p[4 * plane + out + x] = sxy
                        }
                    }
                }
            }
        }
        let c1 = StructuralSimilarity.c1
        let c2 = StructuralSimilarity.c2
        var sum = 0.0
        var count = 0
        planes.withUnsafeBufferPointer { p in
            for y in rows {
                let top = (y - rows.lowerBound) * width
                let inside = y >= crop.y && y < height - crop.y
                for x in 0..<width {
                    var ux = 0.0
                    var uy = 0.0
                    var uxx = 0.0
                    var uyy = 0.0
                    var uxy = 0.0
                    for k in 0...(2 * r) {
                        let w = weights[k]
                        let i = top + k * width + x
                        ux += w * p[i]
                        uy += w * p[plane + i]
                        uxx += w * p[2 * plane + i]
                        uyy += w * p[3 * plane + i]
                        uxy += w * p[4 * plane + i]
                    }
                    let vx = uxx - ux * ux
                    let vy = uyy - uy * uy
                    let vxy = uxy - ux * uy
                    let s =
                        ((2 * ux * uy + c1) * (2 * vxy + c2))
                        / ((ux * ux + uy * uy + c1) * (vx + vy + c2))
                    if let map {
                        let grey = UInt8(max(0, min(1, s)) * 255 + 0.5)
                        let o = (y * width + x) * 4
                        map.base[o] = grey
                        map.base[o + 1] = grey
                        map.base[o + 2] = grey
                    }
                    if inside && x >= crop.x && x < width - crop.x && (mask?[y * width + x] ?? 0) == 0 {
                        sum += s
                        count += 1
                    }
                }
            }
        }
        return (sum, count)
    }
}
