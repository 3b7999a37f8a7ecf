extension RGBAImage {
    /// An image from Cairo's `CAIRO_FORMAT_ARGB32` data: one native-endian UInt32 a pixel
    /// (alpha in bits 24–31, then red, green, blue), colour premultiplied by alpha, rows
    /// `stride` bytes apart. Colour is un-premultiplied as Cairo's PNG writer does,
    /// c = (c·255 + a/2) / a, and a fully transparent pixel becomes (0, 0, 0, 0).
    public init(premultipliedARGB32 base: UnsafeRawBufferPointer, width: Int, height: Int, stride: Int) throws
    {
        try PNGEncoder.checkARGB32(base, width: width, height: height, stride: stride)
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        pixels.withUnsafeMutableBufferPointer { out in
            var i = 0
            for y in 0..<height {
                for x in 0..<width {
                    let p = base.load(fromByteOffset: y * stride + x * 4, as: UInt32.self)
                    let a = p >> 24
                    var r = (p >> 16) & 0xFF
                    var g = (p >> 8) & 0xFF
                    var b = p & 0xFF
                    if a == 0 {
                        r = 0
                        g = 0
                        b = 0
                    } else if a != 255 {
                        r = (r * 255 + a / 2) / a
                        g = (g * 255 + a / 2) / a
                        b = (b * 255 + a / 2) / a
                    }
                    out[i] = UInt8(truncatingIfNeeded: r)
                    out[i + 1] = UInt8(truncatingIfNeeded: g)
                    out[i + 2] = UInt8(truncatingIfNeeded: b)
                    out[i + 3] = UInt8(truncatingIfNeeded: a)
                    i += 4
                }
            }
        }
        try self.init(width: width, height: height, pixels: pixels)
    }

    /// The pixels as Cairo's `CAIRO_FORMAT_ARGB32` data: `width × height` native-endian UInt32,
    /// rows top to bottom with no padding (stride = width × 4 bytes), alpha in bits 24–31,
    /// colour premultiplied as Cairo does it, c·a/255 rounded to nearest.
    /// Opaque pixels round-trip exactly through `init(premultipliedARGB32:…)`.
    public func premultipliedARGB32() -> [UInt32] {
        var out = [UInt32](repeating: 0, count: width * height)
        pixels.withUnsafeBufferPointer { pixels in
            for i in 0..<(width * height) {
                let a = UInt32(pixels[i * 4 + 3])
                func premultiply(_ c: UInt8) -> UInt32 {
                    // Cairo's exact rounding of c·a/255.
                    let t = UInt32(c) * a + 0x80
                    return ((t >> 8) + t) >> 8
                }
                out[i] =
                    a << 24 | premultiply(pixels[i * 4]) << 16 | premultiply(pixels[i * 4 + 1]) << 8
                    | premultiply(pixels[i * 4 + 2])
            }
        }
        return out
    }
}
