/// Everything that can go wrong reading or writing PNG and APNG data.
public enum PNGError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The input holds no bytes at all.
    case empty
    /// The input does not start with the 8-byte PNG signature.
    case notPNG
    /// The input ends before the image does; `atByte` is the input's length.
    case truncated(atByte: Int)
    /// A chunk's stored CRC does not match its contents.
    case crcMismatch(chunk: String)
    /// The header claims more pixels than the decoder's limit allows.
    case tooLarge(width: Int, height: Int, limit: Int)
    /// Any other error, in libpng's own words.
    case libpng(String)
    /// An allocation failed; the message says during what.
    case outOfMemory(String)
    /// An encoder option or argument outside what is allowed; the message says which.
    case invalidArgument(String)
    /// A file could not be read, written or renamed.
    case io(path: String, operation: String, reason: String)
    /// The PNG's structure is wrong in a way the chunk parser or APNG code detected.
    case malformed(String)
    /// An APNG frame does not fit the animation (size, colour type, count, order).
    case animation(String)

    /// A message that says what was wrong and, where it helps, what to do.
    public var description: String {
        switch self {
        case .empty:
            return "not a PNG: the input is empty (a PNG starts with an 8-byte signature)"
        case .notPNG:
            return "not a PNG: the input does not start with the PNG signature 89 50 4E 47 0D 0A 1A 0A"
        case .truncated(let offset):
            return "truncated PNG: the data ends at byte \(offset) before the image is complete"
        case .crcMismatch(let chunk):
            return "corrupt PNG: CRC mismatch in chunk \(chunk)"
        case .tooLarge(let width, let height, let limit):
            // A header may claim up to (2^32 − 1)² pixels, more than Int holds: the product is
            // shown only when it fits (found by Scripts/fuzz.sh png: the message trapped).
            let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
            return
                "PNG too large: \(width)×\(height)\(overflow ? "" : " = \(pixels) pixels") exceeds the limit of \(limit) pixels"
                + " (raise PNGDecoder(maxPixels:) if the image is trusted)"
        case .libpng(let message):
            return "PNG error from libpng: \(message)"
        case .outOfMemory(let message):
            return "out of memory: \(message)"
        case .invalidArgument(let message):
            return "invalid argument: \(message)"
        case .io(let path, let operation, let reason):
            return "cannot \(operation) '\(path)': \(reason)"
        case .malformed(let message):
            return "malformed PNG: \(message)"
        case .animation(let message):
            return "animated PNG: \(message)"
        }
    }
}
