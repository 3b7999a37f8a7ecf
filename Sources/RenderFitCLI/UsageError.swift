/// A bad command line found after parsing (for example an invalid --data file): one line
/// naming the value and what is allowed; exit status 64 (EX_USAGE), and nothing is written.
struct UsageError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// A failure while writing output: exit status 73 (EX_CANTCREAT).
struct OutputError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
