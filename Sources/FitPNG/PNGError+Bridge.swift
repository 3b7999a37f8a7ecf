import CPNGBridge

extension PNGError {
    /// The Swift error for a failed bridge call.
    init(status: png_bridge_status, error: png_bridge_error) {
        let message = Self.string(fromTuple: error.message)
        switch status {
        case PNG_BRIDGE_NOT_PNG: self = .notPNG
        case PNG_BRIDGE_TRUNCATED: self = .truncated(atByte: Int(error.byte_offset))
        case PNG_BRIDGE_CRC_MISMATCH:
            let chunk = Self.string(fromTuple: error.chunk)
            self = .crcMismatch(chunk: chunk.isEmpty ? message : chunk)
        case PNG_BRIDGE_TOO_LARGE:
            self = .tooLarge(width: Int(error.width), height: Int(error.height), limit: 0)
        case PNG_BRIDGE_OUT_OF_MEMORY: self = .outOfMemory(message)
        case PNG_BRIDGE_INVALID_ARGUMENT: self = .invalidArgument(message)
        default: self = .libpng(message)
        }
    }

    /// A NUL-terminated C string stored in a fixed-size char array (imported as a tuple).
    private static func string<T>(fromTuple tuple: T) -> String {
        withUnsafeBytes(of: tuple) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
