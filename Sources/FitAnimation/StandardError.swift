#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes text to standard error with one `write(2)`, so that lines from several threads
/// never interleave mid-line (and without touching C's shared `stderr` FILE).
public enum StandardError {
    /// Writes `text` (UTF-8) to file descriptor 2, retrying partial writes; an error drops the
    /// rest silently, since there is nowhere left to report it.
    public static func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
