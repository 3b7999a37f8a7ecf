/// An immutable copy of an image canvas's pixels (premultiplied native-endian ARGB32, rows of
/// `stride` bytes), e.g. an animation's static layer rendered once and blitted into every
/// frame's canvas with `CairoImageCanvas.copyPixels(from:)`. A value that never changes, so it
/// is `Sendable` and can be shared by the threads rendering frames.
public final class CairoPixelLayer: Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Bytes per row (at least `width × 4`, as Cairo chose).
    public let stride: Int
    /// `stride × height` bytes of premultiplied native-endian ARGB32.
    public let bytes: [UInt8]

    init(width: Int, height: Int, stride: Int, bytes: [UInt8]) {
        self.width = width
        self.height = height
        self.stride = stride
        self.bytes = bytes
    }
}

/// Conversions of Cairo's premultiplied ARGB32 pixels.
public enum PremultipliedARGB {
    /// One native-endian ARGB32 pixel as straight-alpha RGBA bytes (rounded to nearest).
    public static func straightRGBA(_ p: UInt32) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        let a = p >> 24
        guard a > 0 else { return (0, 0, 0, 0) }
        func un(_ c: UInt32) -> UInt8 { UInt8(min(255, (c * 255 + a / 2) / a)) }
        return (un((p >> 16) & 0xff), un((p >> 8) & 0xff), un(p & 0xff), UInt8(a))
    }
}
