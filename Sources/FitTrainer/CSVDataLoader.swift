import Foundation

/// Reads an x,y point cloud from CSV text.
///
/// Format:
/// - The delimiter is detected from the first non-blank line (``CSVDialect``): `;` or tab when
///   present (then `1013,25` is a number with a decimal comma), else `,`.
/// - Fields may be double-quoted (`"1,5"`, `"a ""b"""`); a quoted field ends on its line.
/// - Line ends may be LF or CRLF; a leading UTF-8 byte order mark is skipped.
/// - The first non-blank line is a header, and skipped, when none of its cells is a number
///   (`x,y`, `"x";"y"`, `input\ttarget`); if some of its cells are numbers it is data.
/// - Blank (whitespace-only) lines are skipped; spaces and tabs around a cell are ignored.
/// - Every row has the first line's number of fields: exactly 2 (x, y), or any number with a
///   ``CSVColumnSelection`` (`--columns`) naming the two to use; those cells are finite numbers.
/// - Limits: ``maximumFileSize`` bytes, ``maximumLineLength`` bytes per line,
///   ``maximumPointCount`` rows.
/// Errors carry the 1-based line and column of the first problem and its likely cause.
public enum CSVDataLoader {
    /// A line needs two points.
    public static let minimumPointCount = 2
    /// Ten million rows: about 160 MB of doubles, the most the tool accepts.
    public static let maximumPointCount = 10_000_000
    /// The longest line, in bytes: far more than any row of numbers needs, small enough that
    /// a file without line breaks is refused at once.
    public static let maximumLineLength = 65_536
    /// The largest file, 1 GiB (ten million rows of two 40-digit numbers fit).
    public static let maximumFileSize = 1 << 30

    /// A parsed file: its points and, when it has a header, the names of the columns used.
    public struct Table: Sendable, Equatable {
        /// The points.
        public var data: DataSet
        /// The header names of the x and y columns, quotes and spaces trimmed; nil without header.
        public var columnNames: (x: String, y: String)? {
            names.map { ($0[0], $0[1]) }
        }
        /// The dialect found.
        public var dialect: CSVDialect
        private var names: [String]?

        init(data: DataSet, names: (String, String)?, dialect: CSVDialect) {
            self.data = data
            self.names = names.map { [$0.0, $0.1] }
            self.dialect = dialect
        }
    }

    /// Reads and parses the file at `url` (its first two columns).
    public static func load(contentsOf url: URL) throws(CSVDataError) -> DataSet {
        try load(contentsOf: url, columns: nil).data
    }

    /// Reads and parses the file at `url`, taking x and y from `columns` (nil: the only two).
    public static func load(contentsOf url: URL, columns: CSVColumnSelection?) throws(CSVDataError) -> Table {
        let bytes: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if let size = attributes[.size] as? Int, size > maximumFileSize {
                throw CSVDataError.fileTooLarge(path: url.path, bytes: size, limit: maximumFileSize)
            }
            bytes = try Data(contentsOf: url)
        } catch let error as CSVDataError {
            throw error
        } catch {
            throw .unreadable(path: url.path, reason: readFailureReason(url: url, error: error))
        }
        return try parseTable(bytes, columns: columns)
    }

    /// Parses CSV text.
    public static func parse(_ text: String) throws(CSVDataError) -> DataSet {
        try parse(Data(text.utf8))
    }

    /// Parses CSV bytes (UTF-8).
    public static func parse(_ bytes: Data) throws(CSVDataError) -> DataSet {
        try parseTable(bytes, columns: nil).data
    }

    /// Parses CSV bytes with a column selection.
    public static func parseTable(_ bytes: Data, columns: CSVColumnSelection?) throws(CSVDataError) -> Table {
        try parseTable(bytes, columns: columns, rowLimit: maximumPointCount)
    }

    /// Parses with a custom row limit (tests use a small one instead of writing 10⁷ rows).
    static func parse(_ bytes: Data, rowLimit: Int) throws(CSVDataError) -> DataSet {
        try parseTable(bytes, columns: nil, rowLimit: rowLimit).data
    }

    static func parseTable(_ bytes: Data, columns: CSVColumnSelection?, rowLimit: Int) throws(CSVDataError) -> Table {
        let result = bytes.withUnsafeBytes { raw in
            var parser = CSVParser(
                bytes: UnsafeBufferPointer(
                    start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count),
                selection: columns, rowLimit: rowLimit)
            return parser.run()
        }
        return try result.get()
    }

    /// The two column names of a CSV file's header line (quotes and spaces trimmed), or nil
    /// when the file has no header, cannot be read, or its header does not name two columns.
    /// Reads only the start of the file.
    public static func columnNames(contentsOf url: URL) -> (x: String, y: String)? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 4096) else { return nil }
        return columnNames(in: head)
    }

    /// The header's two column names in `bytes` (see ``columnNames(contentsOf:)``).
    public static func columnNames(in bytes: Data) -> (x: String, y: String)? {
        // Only the first non-blank line matters; cut at the last line break so that a header
        // cut in the middle of the 4 KiB read is not mistaken for a whole one.
        var head = bytes
        if head.count >= 4096, let lastBreak = head.lastIndex(of: UInt8(ascii: "\n")) {
            head = head.prefix(upTo: lastBreak + 1)
        }
        guard let names = try? head.withUnsafeBytes({ raw -> [String]? in
            var parser = CSVParser(
                bytes: UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count),
                selection: nil, rowLimit: 0)
            return parser.headerNames()
        }) else { return nil }
        guard names.count == 2, names.allSatisfy({ !$0.isEmpty }) else { return nil }
        return (names[0], names[1])
    }

    private static func readFailureReason(url: URL, error: any Error) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            return "no such file"
        }
        if isDirectory.boolValue { return "it is a directory, not a file" }
        if !FileManager.default.isReadableFile(atPath: url.path) { return "permission denied" }
        return error.localizedDescription
    }
}
