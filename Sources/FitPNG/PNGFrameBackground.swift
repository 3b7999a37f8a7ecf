import CPNGBridge

/// The static background of a sequence of frames (axes, labels, a point cloud), kept
/// compressed in bands of rows, so that ``PNGEncoder/encode(premultipliedARGB32:stride:over:)``
/// re-compresses only the bands a frame changes and copies the others.
///
/// A frame of the tutorial's animation differs from its background in the title, the moving
/// line and its equation: about 70 % of its rows. Encoding it over the background does about
/// 30 % less compression work than encoding it alone, and the file decodes to the same
/// pixels. Each band is compressed as an independent run of deflate blocks, which costs a
/// little size (1.5 % on the tutorial's frames); the background itself is compressed harder
/// (`DeflateTuning.frameBackground`) to win it back, since that is done only once.
///
/// Immutable once made: any number of threads may encode over one background at once.
public final class PNGFrameBackground: @unchecked Sendable {
    // @unchecked: the C background is written only by `init` and read-only afterwards.
    let pointer: OpaquePointer
    /// Width and height in pixels; frames over it must have the same.
    public let width: Int, height: Int
    /// The colour type frames over it are written with: `.rgb` or `.rgba`.
    public let colorMode: PNGColorMode

    /// Copies and compresses Cairo ARGB32 pixels (as ``PNGEncoder/encode(premultipliedARGB32:width:height:stride:)``
    /// takes them) with `options`' compression level, strategy and deflate tuning.
    /// - Throws: `PNGError.invalidArgument` unless `options.colorMode` is `.rgb` or `.rgba`
    ///   and `options.filter` is `.none`, or for a bad size or buffer; `PNGError.outOfMemory`.
    public init(
        premultipliedARGB32 base: UnsafeRawBufferPointer, width: Int, height: Int, stride: Int,
        options: PNGEncoder.Options
    ) throws {
        try PNGEncoder.checkARGB32(base, width: width, height: height, stride: stride)
        try Self.checkFilter(options.filter)
        guard options.colorMode != .automatic else {
            throw PNGError.invalidArgument("a frame background needs colour mode rgb or rgba, not automatic")
        }
        var created: OpaquePointer?
        try PNGEncoder(options: options).withBridgeOptions { bridgeOptions in
            var error = png_bridge_error()
            let status = png_bridge_background_create(
                base.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt32(width), UInt32(height), stride,
                bridgeOptions, &created, &error)
            guard status == PNG_BRIDGE_OK else { throw PNGError(status: status, error: error) }
        }
        guard let created else { throw PNGError.libpng("the frame background was not created") }
        pointer = created
        self.width = width
        self.height = height
        colorMode = options.colorMode
    }

    deinit { png_bridge_background_destroy(pointer) }

    /// Bands are stored with the row filter none, so frames over them use none too.
    static func checkFilter(_ filter: PNGRowFilter) throws {
        guard filter == .none else {
            throw PNGError.invalidArgument(
                "row filter \(filter.rawValue) cannot be used over a frame background: its bands are unfiltered (none)"
            )
        }
    }

    /// Rows per band (about 61 KB of scanlines: 32 rows of a 640-pixel RGB frame).
    public var bandRows: Int { Int(png_bridge_background_band_rows(pointer)) }
}
