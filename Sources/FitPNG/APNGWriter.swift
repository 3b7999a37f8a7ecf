/// Writes an animated PNG (PNG Third Edition: acTL, fcTL, fdAT) frame by frame, handing the
/// bytes, in order, to the sink it was given (the codec opens no file: a caller streams them
/// into an output file, which it publishes once ``finish()`` returned).
///
/// - Every frame covers the whole canvas (offsets 0, 0), with dispose op NONE and blend op
///   SOURCE, and the writer's ``delay`` unless a frame is appended with its own (a pause on
///   the first frame, a hold on the last). The first frame is stored as IDAT, so a reader that knows
///   nothing of APNG shows frame 1; later frames are fdAT chunks.
/// - Frame data comes from libpng (one `PNGEncoder` encode per frame) whose IDAT payloads are
///   lifted into fdAT chunks. All frames share the IHDR colour type: `encoder.colorMode` when
///   it is `.rgb` or `.rgba`; with `.automatic`, the first frame decides (RGB when opaque), and
///   a later frame with transparency is then an error that names `.rgba`.
/// - acTL is written before the first frame with `frameCount` from the initialiser; `finish()`
///   throws unless exactly that many frames were appended (and writes no IEND).
/// - Ancillary chunks of the first encoded frame (text, pHYs) are copied once into the header.
/// - After an error the writer is closed; the bytes already sent make no valid file, and the
///   caller discards them.
public final class APNGWriter {
    /// Receives the file's bytes in order; a throw stops the writer.
    public typealias Sink = ([UInt8]) throws -> Void
    /// Canvas width in pixels; every frame must have it.
    public let width: Int
    /// Canvas height in pixels; every frame must have it.
    public let height: Int
    /// The number of frames announced in acTL; ``finish()`` requires exactly this many.
    public let frameCount: Int
    /// The delay of every frame appended without one of its own, in seconds as a fraction
    /// (denominator 0 means 100).
    public let delay: (numerator: UInt16, denominator: UInt16)
    /// How many times the animation plays; 0 loops forever.
    public let loopCount: UInt32
    private var encoder: PNGEncoder
    private let sink: Sink
    /// The IHDR of the first frame; every later frame must match it.
    private var header: [UInt8]?
    private var framesWritten = 0
    private var sequenceNumber: UInt32 = 0
    private var isClosed = false
    /// True when the caller left the colour type to the first frame (`.automatic`).
    private let firstFrameChoosesColor: Bool

    /// A writer whose bytes go to `sink`. `delay` is in seconds as a fraction (a denominator
    /// of 0 means 1/100 s units, as the APNG spec says); `loopCount` 0 loops forever.
    public init(
        width: Int, height: Int, frameCount: Int,
        delay: (numerator: UInt16, denominator: UInt16), loopCount: UInt32 = 0,
        encoder: PNGEncoder.Options = PNGEncoder.Options(), sink: @escaping Sink
    ) throws {
        guard width > 0, height > 0, width <= 0x7FFF_FFFF, height <= 0x7FFF_FFFF else {
            throw PNGError.invalidArgument(
                "animation size \(width)×\(height): both must be in 1...2147483647")
        }
        guard frameCount >= 1, frameCount <= 0x7FFF_FFFF else {
            throw PNGError.invalidArgument("frame count \(frameCount) must be at least 1")
        }
        try encoder.validate()
        self.width = width
        self.height = height
        self.frameCount = frameCount
        self.delay = delay
        self.loopCount = loopCount
        self.encoder = PNGEncoder(options: encoder)
        self.firstFrameChoosesColor = encoder.colorMode == .automatic
        self.sink = sink
    }

    /// Encodes and appends one frame of `width × height`.
    public func append(_ image: RGBAImage) throws {
        try checkSize(width: image.width, height: image.height)
        try checkAlphaFits(opaque: image.isOpaque)
        try appendEncodedPNG(encoder.encode(image))
    }

    /// Appends one frame from Cairo's premultiplied ARGB32 data (see `PNGEncoder`).
    public func append(premultipliedARGB32 base: UnsafeRawBufferPointer, width: Int, height: Int, stride: Int)
        throws
    {
        try checkSize(width: width, height: height)
        // An RGB animation whose colour type the first frame chose encodes with .automatic, so
        // that a translucent frame comes out RGBA and is refused below instead of losing alpha.
        var options = encoder.options
        if firstFrameChoosesColor, header?[9] == 2 { options.colorMode = .automatic }
        try appendEncodedPNG(
            PNGEncoder(options: options).encode(
                premultipliedARGB32: base, width: width, height: height, stride: stride))
    }

    /// Appends a frame that is already a PNG of `width × height`, shown for `delay` (nil: the
    /// writer's ``delay``). An 8-bit, non-interlaced RGB or RGBA PNG of the animation's colour
    /// type has its IDAT data lifted without re-encoding; any other PNG is decoded and
    /// re-encoded to fit.
    public func appendEncodedPNG(_ png: [UInt8], delay: (numerator: UInt16, denominator: UInt16)? = nil)
        throws
    {
        try checkOpen()
        let chunks = try PNGChunk.parse(png)
        guard let ihdr = chunks.first, ihdr.type == "IHDR", ihdr.data.count == 13 else {
            throw PNGError.malformed("the frame's first chunk is not a 13-byte IHDR")
        }
        let frameWidth = Int(ihdr.data.readBigEndianUInt32(at: 0))
        let frameHeight = Int(ihdr.data.readBigEndianUInt32(at: 4))
        try checkSize(width: frameWidth, height: frameHeight)
        let depth = ihdr.data[8]
        let colorType = ihdr.data[9]
        let interlace = ihdr.data[12]
        let requiredColorType: UInt8? =
            switch encoder.options.colorMode {
            case .rgb: 2
            case .rgba: 6
            case .automatic: nil
            }
        let fits =
            if let header {
                header == ihdr.data
            } else {
                depth == 8 && interlace == 0 && (colorType == 2 || colorType == 6)
                    && (requiredColorType ?? colorType) == colorType
            }
        if !fits {
            // Convert through the decoder; the encoder's output always fits (8-bit, not
            // interlaced, the animation's colour type), so this recursion ends at once.
            let image = try PNGDecoder().decode(png)
            try checkAlphaFits(opaque: image.isOpaque)
            return try appendEncodedPNG(encoder.encode(image), delay: delay)
        }
        let idat = chunks.filter { $0.type == "IDAT" }
        guard !idat.isEmpty else { throw PNGError.malformed("the frame PNG has no IDAT chunk") }
        do {
            if header == nil { try writeHeader(ihdr: ihdr, chunks: chunks) }
            try sink(frameControl(delay: delay ?? self.delay))
            for chunk in idat {
                if framesWritten == 0 {
                    try sink(chunk.serialized)
                } else {
                    var data: [UInt8] = []
                    data.reserveCapacity(4 + chunk.data.count)
                    data.appendBigEndian(nextSequenceNumber())
                    data += chunk.data
                    try sink(PNGChunk(type: "fdAT", data: data).serialized)
                }
            }
            framesWritten += 1
        } catch {
            close()
            throw error
        }
    }

    /// Checks the frame count and writes IEND: the sink then holds the whole file.
    public func finish() throws {
        try checkOpen()
        guard framesWritten == frameCount else {
            close()
            throw PNGError.animation(
                "\(framesWritten) frames were appended but the animation was created for \(frameCount); the animation is incomplete"
            )
        }
        do {
            try sink(PNGChunk(type: "IEND", data: []).serialized)
            isClosed = true
        } catch {
            close()
            throw error
        }
    }

    private func writeHeader(ihdr: PNGChunk, chunks: [PNGChunk]) throws {
        header = ihdr.data
        if encoder.options.colorMode == .automatic {
            encoder.options.colorMode = ihdr.data[9] == 6 ? .rgba : .rgb
        }
        var actl: [UInt8] = []
        actl.appendBigEndian(UInt32(frameCount))
        actl.appendBigEndian(loopCount)
        var bytes = PNGChunk.signature + ihdr.serialized + PNGChunk(type: "acTL", data: actl).serialized
        let animationChunks: Set<String> = ["IHDR", "acTL", "fcTL", "fdAT", "IDAT", "IEND"]
        for chunk in chunks.prefix(while: { $0.type != "IDAT" }) where !animationChunks.contains(chunk.type) {
            bytes += chunk.serialized
        }
        try sink(bytes)
    }

    private func frameControl(delay: (numerator: UInt16, denominator: UInt16)) -> [UInt8] {
        var data: [UInt8] = []
        data.appendBigEndian(nextSequenceNumber())
        data.appendBigEndian(UInt32(width))
        data.appendBigEndian(UInt32(height))
        data.appendBigEndian(UInt32(0))  // x offset
        data.appendBigEndian(UInt32(0))  // y offset
        data.appendBigEndian(delay.numerator)
        data.appendBigEndian(delay.denominator)
        data.append(0)  // dispose op: APNG_DISPOSE_OP_NONE
        data.append(0)  // blend op: APNG_BLEND_OP_SOURCE
        return PNGChunk(type: "fcTL", data: data).serialized
    }

    private func nextSequenceNumber() -> UInt32 {
        defer { sequenceNumber += 1 }
        return sequenceNumber
    }

    private func checkOpen() throws {
        guard !isClosed else {
            throw PNGError.animation("the animation writer is already finished or failed")
        }
    }

    private func checkSize(width: Int, height: Int) throws {
        try checkOpen()
        guard width == self.width, height == self.height else {
            throw PNGError.animation(
                "frame \(framesWritten + 1) is \(width)×\(height) but the animation is \(self.width)×\(self.height)"
            )
        }
        guard framesWritten < frameCount else {
            throw PNGError.animation(
                "frame \(framesWritten + 1) is one more than the \(frameCount) frames the animation was created for"
            )
        }
    }

    private func checkAlphaFits(opaque: Bool) throws {
        if !opaque, firstFrameChoosesColor, header?[9] == 2 {
            throw PNGError.animation(
                "frame \(framesWritten + 1) has transparent pixels but the animation is RGB (its first frame was opaque); create the writer with encoder colorMode .rgba"
            )
        }
    }

    private func close() {
        isClosed = true
    }
}
