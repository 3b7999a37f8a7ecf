/// One PNG chunk: a four-letter type and its data (length and CRC are derived).
public struct PNGChunk: Equatable, Sendable {
    /// Four ASCII letters, e.g. "IHDR".
    public var type: String
    /// The chunk's payload, without length or CRC.
    public var data: [UInt8]

    /// Creates a chunk (not validated: `type` should be four ASCII letters).
    public init(type: String, data: [UInt8]) {
        self.type = type
        self.data = data
    }

    /// The eight bytes every PNG starts with.
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The chunk as stored: length (big-endian), type, data, CRC of type and data.
    public var serialized: [UInt8] {
        let typeBytes = Array(type.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(12 + data.count)
        out.appendBigEndian(UInt32(data.count))
        out += typeBytes
        out += data
        out.appendBigEndian(CRC32.update(CRC32.checksum(typeBytes), with: data))
        return out
    }

    /// Splits a PNG file into its chunks, checking the signature, every length and every CRC.
    /// Stops after IEND; throws `PNGError` for a missing signature, a cut chunk or a bad CRC.
    public static func parse(_ bytes: [UInt8]) throws -> [PNGChunk] {
        if bytes.isEmpty { throw PNGError.empty }
        guard bytes.starts(with: signature) else {
            throw signature.starts(with: bytes) ? PNGError.truncated(atByte: bytes.count) : PNGError.notPNG
        }
        var chunks: [PNGChunk] = []
        var offset = 8
        while offset < bytes.count {
            guard bytes.count - offset >= 12 else { throw PNGError.truncated(atByte: bytes.count) }
            let length = Int(bytes.readBigEndianUInt32(at: offset))
            guard length <= 0x7FFF_FFFF else {
                throw PNGError.malformed("chunk length \(length) at byte \(offset) exceeds 2^31 − 1")
            }
            let typeBytes = bytes[(offset + 4)..<(offset + 8)]
            guard typeBytes.allSatisfy({ (65...90).contains($0) || (97...122).contains($0) }) else {
                throw PNGError.malformed("chunk type at byte \(offset + 4) is not four ASCII letters")
            }
            let type = String(decoding: typeBytes, as: UTF8.self)
            guard bytes.count - offset - 12 >= length else { throw PNGError.truncated(atByte: bytes.count) }
            let data = Array(bytes[(offset + 8)..<(offset + 8 + length)])
            let stored = bytes.readBigEndianUInt32(at: offset + 8 + length)
            guard stored == CRC32.update(CRC32.checksum(typeBytes), with: data) else {
                throw PNGError.crcMismatch(chunk: type)
            }
            chunks.append(PNGChunk(type: type, data: data))
            offset += 12 + length
            if type == "IEND" { return chunks }
        }
        throw PNGError.truncated(atByte: bytes.count)
    }
}

extension [UInt8] {
    mutating func appendBigEndian(_ value: UInt32) {
        append(UInt8(truncatingIfNeeded: value >> 24))
        append(UInt8(truncatingIfNeeded: value >> 16))
        append(UInt8(truncatingIfNeeded: value >> 8))
        append(UInt8(truncatingIfNeeded: value))
    }

    mutating func appendBigEndian(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value >> 8))
        append(UInt8(truncatingIfNeeded: value))
    }

    /// The big-endian UInt32 at `offset`; the caller guarantees 4 bytes are there.
    func readBigEndianUInt32(at offset: Int) -> UInt32 {
        UInt32(self[offset]) << 24 | UInt32(self[offset + 1]) << 16 | UInt32(self[offset + 2]) << 8
            | UInt32(self[offset + 3])
    }

    func readBigEndianUInt16(at offset: Int) -> UInt16 {
        UInt16(self[offset]) << 8 | UInt16(self[offset + 1])
    }
}
