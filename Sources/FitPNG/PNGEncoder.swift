import CPNGBridge
import Foundation

/// Encodes images as 8-bit RGB or RGBA PNG with libpng.
public struct PNGEncoder: Sendable {
    /// Compression, filter, colour type and metadata settings.
    public var options: Options

    /// Creates an encoder; the default options favour speed at matplotlib-like file sizes.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// The PNG bytes of `image`: RGB when it is fully opaque, RGBA otherwise (see `Options.colorMode`).
    /// Throws `PNGError`.
    public func encode(_ image: RGBAImage) throws -> [UInt8] {
        try image.pixels.withUnsafeBufferPointer { pixels in
            try callBridge { bridgeOptions, out, error in
                png_bridge_encode_rgba(
                    pixels.baseAddress, UInt32(image.width), UInt32(image.height), bridgeOptions, out, error)
            }
        }
    }

    /// Encodes straight from Cairo's `CAIRO_FORMAT_ARGB32` surface data: one native-endian
    /// UInt32 a pixel, alpha in the high byte, colour premultiplied; rows `stride` bytes apart.
    /// Colour is un-premultiplied as Cairo's own PNG writer does; no intermediate image is made.
    public func encode(premultipliedARGB32 base: UnsafeRawBufferPointer, width: Int, height: Int, stride: Int)
        throws -> [UInt8]
    {
        try Self.checkARGB32(base, width: width, height: height, stride: stride)
        return try callBridge { bridgeOptions, out, error in
            png_bridge_encode_argb32(
                base.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt32(width), UInt32(height),
                stride, bridgeOptions, out, error)
        }
    }

    /// Encodes a frame drawn over `background` (same size): the bands of rows that equal the
    /// background's are copied from it compressed, the others compressed with these options.
    /// The colour mode must be the background's, and the row filter none (the bands are
    /// stored unfiltered). Decodes to exactly the frame's pixels.
    public func encode(
        premultipliedARGB32 base: UnsafeRawBufferPointer, stride: Int, over background: PNGFrameBackground
    )
        throws -> [UInt8]
    {
        try Self.checkARGB32(base, width: background.width, height: background.height, stride: stride)
        try PNGFrameBackground.checkFilter(options.filter)
        guard options.colorMode == background.colorMode else {
            throw PNGError.invalidArgument(
                "colour mode \(options.colorMode.rawValue) differs from the background's \(background.colorMode.rawValue)"
            )
        }
        return try callBridge { bridgeOptions, out, error in
            png_bridge_encode_argb32_over(
                background.pointer, base.baseAddress?.assumingMemoryBound(to: UInt8.self), stride,
                bridgeOptions, out, error)
        }
    }

    static func checkARGB32(_ base: UnsafeRawBufferPointer, width: Int, height: Int, stride: Int) throws {
        guard width > 0, height > 0, width <= 0x7FFF_FFFF, height <= 0x7FFF_FFFF else {
            throw PNGError.invalidArgument("image size \(width)×\(height): both must be in 1...2147483647")
        }
        guard stride >= width * 4 else {
            throw PNGError.invalidArgument("stride \(stride) is smaller than width × 4 = \(width * 4)")
        }
        let (rows, overflow) = stride.multipliedReportingOverflow(by: height - 1)
        guard !overflow, base.count >= rows + width * 4, base.baseAddress != nil else {
            throw PNGError.invalidArgument(
                "buffer of \(base.count) bytes is too small for \(width)×\(height) with stride \(stride)")
        }
        guard Int(bitPattern: base.baseAddress) % 4 == 0, stride % 4 == 0 else {
            throw PNGError.invalidArgument("ARGB32 data must be 4-byte aligned (stride \(stride))")
        }
    }

    /// Runs an encoding `body` with the C options, and turns its result into bytes or a `PNGError`.
    private func callBridge(
        _ body: (
            UnsafePointer<png_bridge_encode_options>, UnsafeMutablePointer<png_bridge_buffer>,
            UnsafeMutablePointer<png_bridge_error>
        ) -> png_bridge_status
    ) throws -> [UInt8] {
        var buffer = png_bridge_buffer()
        var error = png_bridge_error()
        let status = try withBridgeOptions { body($0, &buffer, &error) }
        defer { png_bridge_buffer_free(&buffer) }
        guard status == PNG_BRIDGE_OK else { throw PNGError(status: status, error: error) }
        guard let data = buffer.data else { throw PNGError.libpng("encoder returned no data") }
        return Array(UnsafeBufferPointer(start: data, count: buffer.size))
    }

    /// Validates the options and runs `body` with their C form (the C strings alive for the call).
    func withBridgeOptions<R>(_ body: (UnsafePointer<png_bridge_encode_options>) throws -> R) throws -> R {
        try options.validate()
        var cStrings: [UnsafeMutablePointer<CChar>] = []
        defer { for string in cStrings { free(string) } }
        var texts: [png_bridge_text] = []
        for chunk in options.text {
            // Each copy is recorded at once so that the defer frees it whatever fails next.
            guard let key = strdup(chunk.keyword) else { throw PNGError.outOfMemory("copying text keyword") }
            cStrings.append(key)
            guard let value = strdup(chunk.value) else { throw PNGError.outOfMemory("copying text value") }
            cStrings.append(value)
            texts.append(
                png_bridge_text(key: key, value: value, international: chunk.needsInternational ? 1 : 0))
        }
        let ppm = try options.pixelsPerMeter()
        return try texts.withUnsafeBufferPointer { texts in
            var bridgeOptions = png_bridge_encode_options(
                compression_level: Int32(options.compressionLevel), filters: options.filter.bridgeMask,
                strategy: options.strategy.bridgeValue, color: options.colorMode.bridgeValue,
                texts: texts.baseAddress, text_count: texts.count, pixels_per_meter: ppm,
                tune_good_length: Int32(options.deflateTuning?.goodLength ?? 0),
                tune_max_lazy: Int32(options.deflateTuning?.maxLazy ?? 0),
                tune_nice_length: Int32(options.deflateTuning?.niceLength ?? 0),
                tune_max_chain: Int32(options.deflateTuning?.maxChain ?? 0))
            return try body(&bridgeOptions)
        }
    }
}
