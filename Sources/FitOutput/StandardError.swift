#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes text to standard error with one `write(2)`, so that lines from several threads
/// never interleave mid-line (and without touching C's shared `stderr` FILE).
public enum StandardError {
    /// Writes `text` (UTF-8) to file descriptor 2; an error drops the rest silently, since
    /// there is nowhere left to report it.
    public static func write(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { writeAll(STDERR_FILENO, $0) }
    }

    /// Writes `line` and a newline after flushing standard output, so that messages and
    /// printed output appear in order even when both streams go to one file.
    public static func writeLine(_ line: String) {
        fflush(nil)  // nil: every C output stream, i.e. stdout
        write(line + "\n")
    }
}
