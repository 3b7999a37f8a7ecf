/// One frame of an animated PNG as it is shown: the whole canvas after compositing.
public struct APNGFrame: Equatable, Sendable {
    /// The full canvas as shown at this frame.
    public var image: RGBAImage
    /// Delay numerator: the frame shows for numerator / denominator seconds.
    public var delayNumerator: UInt16
    /// Delay denominator (0 means 100, i.e. hundredths of a second).
    public var delayDenominator: UInt16

    /// The delay in seconds.
    public var delaySeconds: Double {
        Double(delayNumerator) / Double(delayDenominator == 0 ? 100 : delayDenominator)
    }
}

/// An animated PNG read back: its frames, composited, and its loop count.
public struct APNGAnimation: Equatable, Sendable {
    /// The frames in display order.
    public var frames: [APNGFrame]
    /// acTL's num_plays: 0 loops forever.
    public var loopCount: UInt32
}

/// Reads animated PNG (acTL, fcTL, fdAT) into composited frames, honouring offsets, dispose ops
/// (none, background, previous) and blend ops (source, over). Sequence numbers must run 0, 1, 2, …
/// without gaps, and the number of fcTL chunks must equal acTL's frame count. A PNG without
/// acTL reads as one frame with delay 0/0.
public enum APNGReader {
    /// The frames of `bytes` with their delays; throws `PNGError`.
    public static func frames(of bytes: [UInt8], decoder: PNGDecoder = PNGDecoder()) throws -> [APNGFrame] {
        try animation(of: bytes, decoder: decoder).frames
    }

    /// The frames and loop count of `bytes`; throws `PNGError`.
    public static func animation(of bytes: [UInt8], decoder: PNGDecoder = PNGDecoder()) throws
        -> APNGAnimation
    {
        let chunks = try PNGChunk.parse(bytes)
        guard let ihdr = chunks.first, ihdr.type == "IHDR", ihdr.data.count == 13 else {
            throw PNGError.malformed("the first chunk is not a 13-byte IHDR")
        }
        guard let actl = chunks.first(where: { $0.type == "acTL" }) else {
            return APNGAnimation(
                frames: [APNGFrame(image: try decoder.decode(bytes), delayNumerator: 0, delayDenominator: 0)],
                loopCount: 0)
        }
        guard actl.data.count == 8 else {
            throw PNGError.malformed("acTL holds \(actl.data.count) bytes, expected 8")
        }
        let declaredFrames = Int(actl.data.readBigEndianUInt32(at: 0))
        let controls = try collectFrames(chunks)
        guard controls.count == declaredFrames else {
            throw PNGError.animation(
                "acTL declares \(declaredFrames) frames but the file holds \(controls.count) fcTL chunks")
        }
        // Chunks that every frame's stand-alone PNG needs (palette, transparency, …).
        let shared = chunks.prefix { $0.type != "IDAT" }.filter {
            !["IHDR", "acTL", "fcTL", "fdAT", "IDAT", "IEND"].contains($0.type)
        }
        let width = Int(ihdr.data.readBigEndianUInt32(at: 0))
        let height = Int(ihdr.data.readBigEndianUInt32(at: 4))
        // The canvas is allocated before any frame is decoded, so the decoder's pixel limit is
        // checked here (found by Scripts/fuzz.sh png: a 197-byte file with a 250×4278190082
        // header asked for a 4 TB canvas).
        guard width > 0, height > 0 else {
            throw PNGError.malformed("IHDR gives an empty \(width)×\(height) canvas")
        }
        let (canvasPixels, overflow) = width.multipliedReportingOverflow(by: height)
        guard !overflow, canvasPixels <= decoder.maxPixels else {
            throw PNGError.tooLarge(width: width, height: height, limit: decoder.maxPixels)
        }
        // Every frame is checked against the canvas before the canvas is allocated and filled
        // (found by Scripts/fuzz.sh png: 163-byte files made a 50-megapixel canvas, 200 MB,
        // only for their first frame to be refused).
        for (index, control) in controls.enumerated() {
            guard control.x + control.width <= width, control.y + control.height <= height else {
                throw PNGError.animation(
                    "frame \(index + 1) (\(control.width)×\(control.height) at \(control.x),\(control.y)) leaves the \(width)×\(height) canvas"
                )
            }
        }
        var canvas = try RGBAImage(width: width, height: height, fill: (0, 0, 0, 0))
        var frames: [APNGFrame] = []
        for (index, control) in controls.enumerated() {
            var frameIHDR = ihdr.data
            frameIHDR.replaceSubrange(
                0..<8, with: bigEndian(UInt32(control.width)) + bigEndian(UInt32(control.height)))
            var png = PNGChunk.signature + PNGChunk(type: "IHDR", data: frameIHDR).serialized
            for chunk in shared { png += chunk.serialized }
            png +=
                PNGChunk(type: "IDAT", data: control.data).serialized
                + PNGChunk(type: "IEND", data: []).serialized
            let image = try decoder.decode(png)
            let before = canvas
            canvas.draw(image, atX: control.x, y: control.y, blendOver: control.blendOp == 1)
            frames.append(
                APNGFrame(
                    image: canvas, delayNumerator: control.delayNumerator,
                    delayDenominator: control.delayDenominator))
            switch control.disposeOp {
            case 1: canvas.clear(x: control.x, y: control.y, width: control.width, height: control.height)
            case 2 where index > 0: canvas = before
            case 2: canvas.clear(x: control.x, y: control.y, width: control.width, height: control.height)
            default: break
            }
        }
        return APNGAnimation(frames: frames, loopCount: actl.data.readBigEndianUInt32(at: 4))
    }

    /// One frame's fcTL fields and its compressed data.
    private struct FrameControl {
        var width = 0, height = 0, x = 0, y = 0
        var delayNumerator: UInt16 = 0, delayDenominator: UInt16 = 0
        var disposeOp: UInt8 = 0, blendOp: UInt8 = 0
        var data: [UInt8] = []
    }

    private static func collectFrames(_ chunks: [PNGChunk]) throws -> [FrameControl] {
        var frames: [FrameControl] = []
        var expectedSequence: UInt32 = 0
        func checkSequence(_ data: [UInt8], in type: String) throws {
            guard data.count >= 4 else {
                throw PNGError.malformed("\(type) is too short for a sequence number")
            }
            let sequence = data.readBigEndianUInt32(at: 0)
            guard sequence == expectedSequence else {
                throw PNGError.animation(
                    "\(type) has sequence number \(sequence), expected \(expectedSequence)")
            }
            expectedSequence += 1
        }
        for chunk in chunks {
            switch chunk.type {
            case "fcTL":
                try checkSequence(chunk.data, in: "fcTL")
                guard chunk.data.count == 26 else {
                    throw PNGError.malformed("fcTL holds \(chunk.data.count) bytes, expected 26")
                }
                let d = chunk.data
                frames.append(
                    FrameControl(
                        width: Int(d.readBigEndianUInt32(at: 4)), height: Int(d.readBigEndianUInt32(at: 8)),
                        x: Int(d.readBigEndianUInt32(at: 12)), y: Int(d.readBigEndianUInt32(at: 16)),
                        delayNumerator: d.readBigEndianUInt16(at: 20),
                        delayDenominator: d.readBigEndianUInt16(at: 22),
                        disposeOp: d[24], blendOp: d[25]))
                guard frames[frames.count - 1].width > 0, frames[frames.count - 1].height > 0 else {
                    throw PNGError.animation("fcTL of frame \(frames.count) has an empty size")
                }
            case "IDAT":
                // IDAT is the first frame only when an fcTL came before it; otherwise it is a
                // default image that is not part of the animation.
                if frames.count == 1 { frames[0].data += chunk.data }
            case "fdAT":
                try checkSequence(chunk.data, in: "fdAT")
                guard !frames.isEmpty else { throw PNGError.animation("fdAT before any fcTL") }
                frames[frames.count - 1].data += chunk.data[4...]
            default:
                break
            }
        }
        if let empty = frames.firstIndex(where: { $0.data.isEmpty }) {
            throw PNGError.animation("frame \(empty + 1) has no image data")
        }
        return frames
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        var out: [UInt8] = []
        out.appendBigEndian(value)
        return out
    }
}
