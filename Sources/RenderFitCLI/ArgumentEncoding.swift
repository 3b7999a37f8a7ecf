import FitMessages
import Foundation

/// Command-line arguments must be valid UTF-8: Swift would otherwise repair an invalid byte
/// into U+FFFD, and render-fit would write under a name that is not the one the user gave.
enum ArgumentEncoding {
    /// The message for the first argument that is not valid UTF-8, or nil when all are.
    static func firstInvalid() -> String? {
        var previous: String?
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            if let text = String(validatingCString: pointer) {
                previous = text
                continue
            }
            let shown = escaped(pointer)
            let option: String
            if shown.hasPrefix("--") {
                option = String(shown.prefix { $0 != "=" })
            } else if let previous, previous.hasPrefix("-") {
                option = MessageText.quoted(previous)
            } else {
                option = "argument \(index)"
            }
            return
                "the value of \(option) is not valid UTF-8 ('\(shown)'); render-fit writes files only under"
                + " the names given, so give a UTF-8 path"
        }
        return nil
    }

    /// The argument with every byte of an invalid UTF-8 sequence shown as `\xNN` and its valid
    /// characters as `MessageText` shows them; at most `MessageText.pathLimit` scalars and bytes,
    /// then `…` (the argument is usually a path, and the bad byte may be anywhere in it).
    private static func escaped(_ pointer: UnsafeMutablePointer<CChar>) -> String {
        let bytes = Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map {
            UInt8(bitPattern: $0)
        }
        var out = ""
        var index = 0
        var shown = 0
        while index < bytes.count {
            if shown == MessageText.pathLimit { return out + "…" }
            shown += 1
            // The longest valid UTF-8 sequence starting here (1 to 4 bytes), else one escaped byte.
            var matched = false
            for length in 1...4 where index + length <= bytes.count {
                if let scalar = String(validating: bytes[index..<index + length], as: UTF8.self),
                    scalar.unicodeScalars.count == 1
                {
                    out += MessageText.escaped(scalar)
                    index += length
                    matched = true
                    break
                }
            }
            if !matched {
                out += String(format: "\\x%02X", bytes[index])
                index += 1
            }
        }
        return out
    }
}
