import Foundation

/// Writes to standard error without buffering, after flushing standard output, so that
/// messages appear in order even when both streams go to one file.
enum StandardError {
    static func writeLine(_ line: String) {
        fflush(nil)  // nil: every output stream, i.e. stdout
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
