import CPNGBridge

/// The CRC-32 of PNG chunks (ISO 3309 / ITU-T V.42, polynomial 0xEDB88320 reflected, the
/// same as zlib's `crc32`), table-driven.
public enum CRC32 {
    /// One entry per byte value: the CRC register after shifting that byte through 8 rounds.
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The CRC of `bytes` appended to data whose CRC was `crc` (0 to start).
    public static func update<Bytes: Sequence>(_ crc: UInt32, with bytes: Bytes) -> UInt32
    where Bytes.Element == UInt8 {
        var c = ~crc
        table.withUnsafeBufferPointer { table in
            for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        }
        return ~c
    }

    /// The CRC of `bytes`.
    public static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        update(0, with: bytes)
    }
}

extension CRC32 {
    /// The CRC of `bytes`, the same value as ``checksum(_:)`` computed several times faster
    /// (carry-less multiplication where the processor has it, zlib otherwise): for checking
    /// whole files, such as a shard's frames before a merge.
    public static func fileChecksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { fileChecksum($0) }
    }

    /// ``fileChecksum(_:)-([UInt8])`` of bytes anywhere in memory, at any alignment.
    package static func fileChecksum(_ buffer: UnsafeRawBufferPointer) -> UInt32 {
        png_bridge_crc32(0, buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count)
    }
}
