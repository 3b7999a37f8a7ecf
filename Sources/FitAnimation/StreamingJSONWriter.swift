import FitOutput

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes pretty-printed JSON straight to a file descriptor through a small buffer, so that a
/// manifest of 10,000 frames never exists in memory as a whole (JSONEncoder would build it
/// twice over: objects, then text). Output has the same shape as `JSONEncoder` with
/// `.prettyPrinted`: two-space indents and `"key" : value`; callers emit keys sorted.
/// Doubles use Swift's shortest round-trip form; NaN and infinities become the strings
/// "NaN", "Infinity", "-Infinity" (JSON numbers cannot hold them).
final class StreamingJSONWriter {
    private let fd: Int32
    private var buffer: [UInt8] = []
    /// Per open container: whether it already holds an element.
    private var hasElement: [Bool] = []
    private var pendingKey = false
    private(set) var failure: Int32?

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    func beginObject() { open("{") }
    func endObject() { close("}") }
    func beginArray() { open("[") }
    func endArray() { close("]") }

    func key(_ name: String) {
        separate()
        appendString(name)
        append(" : ")
        pendingKey = true
    }

    func value(_ text: String) { scalar { appendString(text) } }
    func value(_ number: Int) { scalar { append(String(number)) } }
    func value(_ number: UInt64) { scalar { append(String(number)) } }
    func value(_ flag: Bool) { scalar { append(flag ? "true" : "false") } }
    func value(_ number: Double) {
        scalar {
            if number.isNaN {
                appendString("NaN")
            } else if number.isInfinite {
                appendString(number < 0 ? "-Infinity" : "Infinity")
            } else if number == number.rounded(), abs(number) < 1e15 {
                append(String(Int64(number)))  // 1 rather than 1.0, as JSONEncoder writes it
            } else {
                append(number.description)
            }
        }
    }
    func value(_ numbers: [Double]) {
        beginArray()
        for n in numbers { value(n) }
        endArray()
    }

    /// Ends the document's last line.
    func newline() { append("\n") }

    /// Writes what is buffered; returns false (and records errno) when the write failed.
    @discardableResult
    func flush() -> Bool {
        if failure == nil {
            failure = buffer.withUnsafeBytes { writeAll(fd, $0) }
        }
        buffer.removeAll(keepingCapacity: true)
        return failure == nil
    }

    // MARK: Layout

    private func open(_ bracket: String) {
        scalar { append(bracket) }
        hasElement.append(false)
    }

    private func close(_ bracket: String) {
        let hadElements = hasElement.removeLast()
        // JSONEncoder writes an empty container as "[\n\n  ]".
        append("\n")
        if !hadElements { append("\n") }
        indent()
        append(bracket)
    }

    /// A value: after a key on the same line, else on a new, indented line.
    private func scalar(_ body: () -> Void) {
        if pendingKey {
            pendingKey = false
        } else if !hasElement.isEmpty {
            separate()
        }
        body()
        if buffer.count >= 1 << 16 { flush() }
    }

    private func separate() {
        guard !hasElement.isEmpty else { return }
        if hasElement[hasElement.count - 1] { append(",") }
        hasElement[hasElement.count - 1] = true
        append("\n")
        indent()
    }

    private func indent() {
        for _ in 0..<hasElement.count { append("  ") }
    }

    private func append(_ text: String) { buffer.append(contentsOf: text.utf8) }

    private func appendString(_ text: String) {
        buffer.append(34)
        for unit in text.utf8 {
            switch unit {
            case 34: append("\\\"")
            case 92: append("\\\\")
            case 10: append("\\n")
            case 13: append("\\r")
            case 9: append("\\t")
            case 0..<32: append("\\u00" + (unit < 16 ? "0" : "") + String(unit, radix: 16))
            default: buffer.append(unit)
            }
        }
        buffer.append(34)
    }
}
