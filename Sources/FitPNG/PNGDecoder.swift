import CPNGBridge
import Foundation

/// Decodes PNG of every standard colour type, bit depth and interlacing to `RGBAImage`
/// (8-bit RGBA, straight alpha) with libpng. 16-bit samples are scaled with rounding
/// (v·255/65535), palette and tRNS become RGBA, gamma is ignored (stored values are kept).
public struct PNGDecoder: Sendable {
    /// The largest width × height accepted; larger images are refused before any pixel memory
    /// is allocated.
    public let maxPixels: Int
    /// Whether zlib's Adler-32 of the image data is checked. Chunk CRCs are checked either
    /// way, and they already cover every compressed byte, so skipping it (about a tenth of the
    /// decode time) keeps corrupt files refused; `compare-images` skips it.
    public let checksAdler32: Bool

    /// Creates a decoder that refuses images above `maxPixels` pixels (at least 1; 100 million by
    /// default, 400 MB of RGBA).
    public init(maxPixels: Int = 100_000_000, checksAdler32: Bool = true) {
        self.maxPixels = max(1, maxPixels)
        self.checksAdler32 = checksAdler32
    }

    /// Decodes PNG bytes. Throws `PNGError`: `.empty`, `.notPNG`, `.truncated`, `.crcMismatch`,
    /// `.tooLarge`, or `.libpng` with libpng's own message.
    public func decode(_ bytes: [UInt8]) throws -> RGBAImage {
        try precheck(bytes)
        return try bytes.withUnsafeBufferPointer { input in
            var width: UInt32 = 0
            var height: UInt32 = 0
            var status = PNG_BRIDGE_OK
            var error = png_bridge_error()
            guard
                let handle = png_bridge_decoder_create_with_options(
                    input.baseAddress, input.count, UInt64(maxPixels), checksAdler32 ? 0 : 1,
                    &width, &height, &status, &error)
            else {
                throw refine(PNGError(status: status, error: error))
            }
            let session = DecoderSession(handle)
            let count = Int(width) * Int(height) * 4
            var readStatus = PNG_BRIDGE_OK
            let pixels = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                Self.preferHugePages(buffer)
                readStatus = png_bridge_decoder_read_rgba(session.handle, buffer.baseAddress, count, &error)
                // On failure the bytes are dropped right below; zero them so none is uninitialised.
                if readStatus != PNG_BRIDGE_OK { buffer.initialize(repeating: 0) }
                initialized = count
            }
            guard readStatus == PNG_BRIDGE_OK else {
                throw refine(PNGError(status: readStatus, error: error))
            }
            return try RGBAImage(width: Int(width), height: Int(height), pixels: pixels)
        }
    }

    /// Reads and decodes the PNG file at `path`.
    public func decodeFile(atPath path: String) throws -> RGBAImage {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw PNGError.io(path: path, operation: "read", reason: (error as NSError).localizedDescription)
        }
        return try decode([UInt8](data))
    }

    /// Asks the kernel to back a large pixel buffer with 2 MB pages where it can: libpng
    /// touches every page of the buffer once, and for a 4K image the page faults of 4 KB pages
    /// cost about as much as inflating the data. A hint only; nothing changes when it is refused.
    private static func preferHugePages(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        #if os(Linux)
            let huge = 2 << 20
            guard buffer.count >= 4 * huge, let base = buffer.baseAddress else { return }
            let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
            let end = (Int(bitPattern: base) + buffer.count) & ~(huge - 1)
            guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(pointer, end - start, MADV_HUGEPAGE)
        #endif
    }

    /// Cheap checks in Swift before libpng sees the data: an empty input, a wrong signature, and
    /// a header whose claimed size is over the limit (whatever the rest of the file holds).
    private func precheck(_ bytes: [UInt8]) throws {
        if bytes.isEmpty { throw PNGError.empty }
        let signature = PNGChunk.signature
        guard bytes.starts(with: signature) else {
            throw signature.starts(with: bytes) ? PNGError.truncated(atByte: bytes.count) : PNGError.notPNG
        }
        if bytes.count >= 24, bytes[12..<16].elementsEqual("IHDR".utf8) {
            let width = Int(bytes.readBigEndianUInt32(at: 16))
            let height = Int(bytes.readBigEndianUInt32(at: 20))
            let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
            if overflow || pixels > maxPixels {
                throw PNGError.tooLarge(width: width, height: height, limit: maxPixels)
            }
        }
    }

    private func refine(_ error: PNGError) -> PNGError {
        if case .tooLarge(let width, let height, _) = error {
            return .tooLarge(width: width, height: height, limit: maxPixels)
        }
        return error
    }
}

/// Owns libpng's read state for one decode and frees it when done.
private final class DecoderSession {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        png_bridge_decoder_destroy(handle)
    }
}
