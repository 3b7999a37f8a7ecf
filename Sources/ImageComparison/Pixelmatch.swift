import FitPNG

/// Options of the pixelmatch comparison; the defaults are pixelmatch 7.2.0's.
public struct PixelmatchOptions: Equatable, Sendable {
    /// Matching threshold, 0…1: two pixels differ when their squared YIQ distance exceeds
    /// `threshold² × 35215` (35215 is the largest possible distance). Smaller is stricter.
    public var threshold: Double
    /// Count anti-aliased pixels as mismatched too (pixelmatch's `includeAA`).
    public var includeAntiAliased: Bool
    /// How translucent pixels are flattened before their colours are compared: over
    /// pixelmatch 7.2.0's pattern background (its default, `checkerboard: true`) or over
    /// white (`false`, the behaviour of pixelmatch up to 7.0 and of the Python port).
    public var checkerboard: Bool

    /// Creates options; the defaults are pixelmatch 7.2.0's. The threshold is checked when
    /// images are compared.
    public init(threshold: Double = 0.1, includeAntiAliased: Bool = false, checkerboard: Bool = true) {
        self.threshold = threshold
        self.includeAntiAliased = includeAntiAliased
        self.checkerboard = checkerboard
    }
}

/// What pixelmatch found.
public struct PixelmatchResult: Equatable, Sendable {
    /// Pixels whose colour differs beyond the threshold and that are not anti-aliasing
    /// (pixelmatch's return value).
    public var mismatchedPixels: Int
    /// Pixels that differ beyond the threshold but were recognised as anti-aliasing and so not
    /// counted (always 0 with `includeAntiAliased`).
    public var antiAliasedPixels: Int

    /// Creates a result from its two counts.
    public init(mismatchedPixels: Int, antiAliasedPixels: Int) {
        self.mismatchedPixels = mismatchedPixels
        self.antiAliasedPixels = antiAliasedPixels
    }
}

/// How pixelmatch classified one pixel; the pixelmatch-style diff image is drawn from these.
enum PixelClass: UInt8 {
    case similar = 0
    case mismatched = 1
    case antiAliased = 2
}

/// pixelmatch (mapbox, ISC licence), version 7.2.0, re-implemented: a perceptual per-pixel
/// colour distance in YIQ space with a threshold, plus a detector that excuses pixels that are
/// only anti-aliasing ("Anti-aliased Pixel and Intensity Slope Detector", V. Vyšniauskas 2009).
/// The order of the neighbour scan and the floating-point expressions follow the JavaScript
/// source so that counts agree pixel for pixel.
public enum Pixelmatch {
    /// The largest squared YIQ distance between two colours (black and white).
    public static let maximumDelta = 35215.0

    /// Counts the pixels that differ between two same-size images.
    ///
    /// - Throws: `ImageComparisonError.sizeMismatch`, or `.invalidThreshold` outside 0…1.
    public static func compare(
        expected: RGBAImage, actual: RGBAImage, options: PixelmatchOptions = PixelmatchOptions()
    ) throws(ImageComparisonError) -> PixelmatchResult {
        try ImageComparisonError.checkSameSize(expected, actual)
        guard options.threshold >= 0, options.threshold <= 1 else {
            throw .invalidThreshold(options.threshold)
        }
        return run(expected, actual, options: options, classes: nil)
    }

    /// The comparison proper; when `classes` is given (width × height bytes) every pixel's
    /// `PixelClass` is written into it.
    static func run(
        _ expected: RGBAImage, _ actual: RGBAImage, options: PixelmatchOptions,
        classes: UnsafeMutableBufferPointer<UInt8>?
    ) -> PixelmatchResult {
        let width = expected.width
        let height = expected.height
        let maxDelta = maximumDelta * options.threshold * options.threshold
        var mismatched = 0
        var antiAliased = 0
        expected.pixels.withUnsafeBufferPointer { e in
            actual.pixels.withUnsafeBufferPointer { a in
                let img1 = PixelView(bytes: e, width: width, height: height)
                let img2 = PixelView(bytes: a, width: width, height: height)
                for y in 0..<height {
                    for x in 0..<width {
                        let index = y * width + x
                        if img1.word(index) == img2.word(index) { continue }
                        let pos = index * 4
                        let delta = colorDelta(
                            img1, img2, pos, pos, yOnly: false, checkerboard: options.checkerboard)
                        guard abs(delta) > maxDelta else { continue }
                        if !options.includeAntiAliased
                            && (antialiased(img1, x, y, other: img2, checkerboard: options.checkerboard)
                                || antialiased(img2, x, y, other: img1, checkerboard: options.checkerboard))
                        {
                            antiAliased += 1
                            classes?[index] = PixelClass.antiAliased.rawValue
                        } else {
                            mismatched += 1
                            classes?[index] = PixelClass.mismatched.rawValue
                        }
                    }
                }
            }
        }
        return PixelmatchResult(mismatchedPixels: mismatched, antiAliasedPixels: antiAliased)
    }

    /// Whether the pixel at (x1, y1) of `img` looks like anti-aliasing: among its neighbours
    /// there are both a darker and a brighter one, at most two equal ones, and the darkest or
    /// the brightest neighbour sits in a flat area (3+ equal neighbours) in both images.
    static func antialiased(_ img: PixelView, _ x1: Int, _ y1: Int, other: PixelView, checkerboard: Bool)
        -> Bool
    {
        let x0 = max(x1 - 1, 0)
        let y0 = max(y1 - 1, 0)
        let x2 = min(x1 + 1, img.width - 1)
        let y2 = min(y1 + 1, img.height - 1)
        let pos = (y1 * img.width + x1) * 4
        var zeroes = x1 == x0 || x1 == x2 || y1 == y0 || y1 == y2 ? 1 : 0
        var minimum = 0.0
        var maximum = 0.0
        var minX = 0
        var minY = 0
        var maxX = 0
        var maxY = 0
        // Columns outside, rows inside: the order decides which of two equal extremes is kept.
        for x in x0...x2 {
            for y in y0...y2 where x != x1 || y != y1 {
                let delta = colorDelta(
                    img, img, pos, (y * img.width + x) * 4, yOnly: true, checkerboard: checkerboard)
                if delta == 0 {
                    zeroes += 1
                    if zeroes > 2 { return false }
                } else if delta < minimum {
                    minimum = delta
                    minX = x
                    minY = y
                } else if delta > maximum {
                    maximum = delta
                    maxX = x
                    maxY = y
                }
            }
        }
        if minimum == 0 || maximum == 0 { return false }
        return (hasManySiblings(img, minX, minY) && hasManySiblings(other, minX, minY))
            || (hasManySiblings(img, maxX, maxY) && hasManySiblings(other, maxX, maxY))
    }

    /// Whether the pixel at (x1, y1) has at least three neighbours of exactly its RGBA value
    /// (a pixel on the image border counts one extra, as in pixelmatch).
    static func hasManySiblings(_ img: PixelView, _ x1: Int, _ y1: Int) -> Bool {
        let x0 = max(x1 - 1, 0)
        let y0 = max(y1 - 1, 0)
        let x2 = min(x1 + 1, img.width - 1)
        let y2 = min(y1 + 1, img.height - 1)
        let value = img.word(y1 * img.width + x1)
        var zeroes = x1 == x0 || x1 == x2 || y1 == y0 || y1 == y2 ? 1 : 0
        for x in x0...x2 {
            for y in y0...y2 where x != x1 || y != y1 {
                if img.word(y * img.width + x) == value { zeroes += 1 }
                if zeroes > 2 { return true }
            }
        }
        return false
    }

    /// pixelmatch's colour delta between the pixel at byte offset `k` of `img1` and at `m` of
    /// `img2`: the squared YIQ distance, negative when `img2` is darker, or with `yOnly` the
    /// signed brightness difference. Translucent pixels are first composited over a background
    /// chosen from `k` (7.2.0's pattern) or over white.
    @inline(__always)
    static func colorDelta(
        _ img1: PixelView, _ img2: PixelView, _ k: Int, _ m: Int, yOnly: Bool, checkerboard: Bool
    ) -> Double {
        let r1 = Double(img1.bytes[k])
        let g1 = Double(img1.bytes[k + 1])
        let b1 = Double(img1.bytes[k + 2])
        let a1 = Double(img1.bytes[k + 3])
        let r2 = Double(img2.bytes[m])
        let g2 = Double(img2.bytes[m + 1])
        let b2 = Double(img2.bytes[m + 2])
        let a2 = Double(img2.bytes[m + 3])
        var dr = r1 - r2
        var dg = g1 - g2
        var db = b1 - b2
        let da = a1 - a2
        if dr == 0 && dg == 0 && db == 0 && da == 0 { return 0 }
        if a1 < 255 || a2 < 255 {
            var rb = 255.0
            var gb = 255.0
            var bb = 255.0
            if checkerboard {
                // pixelmatch derives the background from the byte offset; `| 0` truncates.
                rb = 48 + 159 * Double(k % 2)
                gb = 48 + 159 * Double(Int(Double(k) / 1.618033988749895) % 2)
                bb = 48 + 159 * Double(Int(Double(k) / 2.618033988749895) % 2)
            }
            dr = (r1 * a1 - r2 * a2 - rb * da) / 255
            dg = (g1 * a1 - g2 * a2 - gb * da) / 255
            db = (b1 * a1 - b2 * a2 - bb * da) / 255
        }
        let y = dr * 0.29889531 + dg * 0.58662247 + db * 0.11448223
        if yOnly { return y }
        let i = dr * 0.59597799 - dg * 0.27417610 - db * 0.32180189
        let q = dr * 0.21147017 - dg * 0.52261711 + db * 0.31114694
        let delta = 0.5053 * y * y + 0.299 * i * i + 0.1957 * q * q
        return y > 0 ? -delta : delta
    }
}

/// Read-only view of RGBA bytes with 32-bit access to whole pixels.
struct PixelView {
    let bytes: UnsafeBufferPointer<UInt8>
    let width: Int
    let height: Int

    /// The pixel's four bytes as one word, for equality tests.
    @inline(__always)
    func word(_ index: Int) -> UInt32 {
        UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)
    }
}
