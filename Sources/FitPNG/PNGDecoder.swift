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

    /// The most bytes ``decodeFile(atPath:)`` reads from a file before its image is complete.
    public static let maximumFileBytes = 1 << 30

    /// Reads and decodes the PNG file at `path`, streaming: the file is read as the decoder
    /// needs it and reading stops after the image's last row, so data after it (more image
    /// data, later chunks, junk after IEND) is never read; at most ``maximumFileBytes`` are.
    public func decodeFile(atPath path: String) throws -> RGBAImage {
        let input = try FileInput(path: path, limit: Self.maximumFileBytes)
        if input.size == 0 { throw PNGError.empty }
        return try decode(streaming: input)
    }

    private func decode(streaming input: FileInput) throws -> RGBAImage {
        var width: UInt32 = 0
        var height: UInt32 = 0
        var status = PNG_BRIDGE_OK
        var error = png_bridge_error()
        let context = Unmanaged.passUnretained(input).toOpaque()
        let read: png_bridge_read_fn = { context, out, length in
            guard let context, let out else { return 0 }
            return Unmanaged<FileInput>.fromOpaque(context).takeUnretainedValue().read(
                into: out, count: length)
        }
        let created = withExtendedLifetime(input) {
            png_bridge_decoder_create_streaming_with_options(
                read, context, UInt64(maxPixels), checksAdler32 ? 0 : 1, &width, &height, &status, &error)
        }
        if let failure = input.failure { throw failure }
        guard let handle = created else {
            if status == PNG_BRIDGE_NOT_PNG || (status == PNG_BRIDGE_TRUNCATED && input.consumed < 8) {
                throw input.consumed < 8 && status == PNG_BRIDGE_TRUNCATED
                    ? PNGError.truncated(atByte: input.consumed) : PNGError.notPNG
            }
            throw refine(PNGError(status: status, error: error))
        }
        let session = DecoderSession(handle)
        let count = Int(width) * Int(height) * 4
        var readStatus = PNG_BRIDGE_OK
        let pixels = withExtendedLifetime(input) {
            [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                Self.preferHugePages(buffer)
                readStatus = png_bridge_decoder_read_rgba(session.handle, buffer.baseAddress, count, &error)
                if readStatus != PNG_BRIDGE_OK { buffer.initialize(repeating: 0) }
                initialized = count
            }
        }
        if let failure = input.failure { throw failure }
        guard readStatus == PNG_BRIDGE_OK else { throw refine(PNGError(status: readStatus, error: error)) }
        return try RGBAImage(width: Int(width), height: Int(height), pixels: pixels)
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

/// A file read on demand by the streaming decoder, up to a byte limit. Read errors are kept
/// (the C callback can only return a short count) and thrown once the decoder returned.
private final class FileInput {
    let path: String
    let size: Int
    private let fd: Int32
    private let limit: Int
    private(set) var consumed = 0
    private(set) var failure: PNGError?

    init(path: String, limit: Int) throws {
        self.path = path
        self.limit = limit
        // Non-blocking so that a FIFO cannot hang the open; it is refused just below.
        fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            throw PNGError.io(path: path, operation: "read", reason: String(cString: strerror(errno)))
        }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw PNGError.io(path: path, operation: "read", reason: "not a regular file")
        }
        size = Int(info.st_size)
    }

    deinit { close(fd) }

    func read(into out: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        guard failure == nil else { return 0 }
        guard consumed + count <= limit else {
            failure = .io(
                path: path, operation: "read",
                reason: "the image needs more than \(limit) bytes of the file; larger PNGs are refused")
            return 0
        }
        var filled = 0
        while filled < count {
            #if canImport(Glibc)
                let n = Glibc.read(fd, out + filled, count - filled)
            #else
                let n = Darwin.read(fd, out + filled, count - filled)
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                failure = .io(path: path, operation: "read", reason: String(cString: strerror(errno)))
                break
            }
            if n == 0 { break }
            filled += n
        }
        consumed += filled
        return filled
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
