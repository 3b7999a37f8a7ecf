import FitPNG

/// Synthetic test images built with integer arithmetic only, so that the same images can be
/// rebuilt bit for bit in Python (numpy) to compute expected metrics with matplotlib and the
/// `pixelmatch` package.
enum TestImages {
    typealias RGBA = (r: UInt8, g: UInt8, b: UInt8, a: UInt8)

    static let white: RGBA = (255, 255, 255, 255)

    /// A `width × height` image of one colour.
    static func filled(_ width: Int, _ height: Int, _ color: RGBA) throws -> RGBAImage {
        try RGBAImage(width: width, height: height, fill: color)
    }

    /// `image` with the pixels of the rectangle (x, y, w, h) set to `color`.
    static func painting(_ image: RGBAImage, x: Int, y: Int, width: Int = 1, height: Int = 1, _ color: RGBA)
        -> RGBAImage
    {
        var copy = image
        for row in y..<(y + height) {
            for column in x..<(x + width) {
                let i = (row * image.width + column) * 4
                copy.pixels[i] = color.r
                copy.pixels[i + 1] = color.g
                copy.pixels[i + 2] = color.b
                copy.pixels[i + 3] = color.a
            }
        }
        return copy
    }

    /// A disc of radius `r4 / 4` pixels centred at (`cx4 / 4`, `cy4 / 4`), anti-aliased by 4×4
    /// supersampling: a pixel covered by k of its 16 samples gets (fg·k + bg·(16 − k)) / 16 per
    /// channel, with integer division. The Python twin used for the golden values:
    ///
    ///     px = 8*x + 2*sx + 1 - 2*cx4; py = 8*y + 2*sy + 1 - 2*cy4   # 1/8-pixel units
    ///     inside = px*px + py*py <= (2*r4)**2
    static func disc(_ width: Int, _ height: Int, cx4: Int, cy4: Int, r4: Int, fg: RGBA, bg: RGBA) throws
        -> RGBAImage
    {
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        let fgs = [fg.r, fg.g, fg.b, fg.a].map(Int.init)
        let bgs = [bg.r, bg.g, bg.b, bg.a].map(Int.init)
        for y in 0..<height {
            for x in 0..<width {
                var k = 0
                for sy in 0..<4 {
                    for sx in 0..<4 {
                        let px = 8 * x + 2 * sx + 1 - 2 * cx4
                        let py = 8 * y + 2 * sy + 1 - 2 * cy4
                        if px * px + py * py <= (2 * r4) * (2 * r4) { k += 1 }
                    }
                }
                for c in 0..<4 {
                    pixels[(y * width + x) * 4 + c] = UInt8((fgs[c] * k + bgs[c] * (16 - k)) / 16)
                }
            }
        }
        return try RGBAImage(width: width, height: height, pixels: pixels)
    }

    /// The disc pair of the cross-checks: a blue disc on white, and the same disc one pixel to the
    /// right with a red 3×3 square painted at (3, 3).
    static func discPair() throws -> (expected: RGBAImage, actual: RGBAImage) {
        let blue: RGBA = (30, 60, 200, 255)
        let expected = try disc(40, 30, cx4: 80, cy4: 60, r4: 40, fg: blue, bg: white)
        let shifted = try disc(40, 30, cx4: 84, cy4: 60, r4: 40, fg: blue, bg: white)
        return (expected, painting(shifted, x: 3, y: 3, width: 3, height: 3, (255, 0, 0, 255)))
    }

    /// A translucent disc pair (alpha 200 over fully transparent), shifted by one pixel.
    static func translucentDiscPair() throws -> (expected: RGBAImage, actual: RGBAImage) {
        let blue: RGBA = (30, 60, 200, 200)
        let clear: RGBA = (0, 0, 0, 0)
        return (
            try disc(40, 30, cx4: 80, cy4: 60, r4: 40, fg: blue, bg: clear),
            try disc(40, 30, cx4: 84, cy4: 60, r4: 40, fg: blue, bg: clear)
        )
    }
}
