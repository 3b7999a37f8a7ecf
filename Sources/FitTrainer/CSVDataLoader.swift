import Foundation

/// Reads an x,y point cloud from CSV text.
///
/// Format: two comma-separated numeric columns, x then y, one point per line.
/// - Line ends may be LF or CRLF; a leading UTF-8 byte order mark is skipped.
/// - The first non-blank line is a header, and skipped, when none of its cells is a number
///   (`x,y`, `"x","y"`, `input,target`); if some of its cells are numbers it is data.
/// - Blank (whitespace-only) lines are skipped; spaces and tabs around a cell are ignored.
/// - Every data row must have exactly 2 cells, each a finite decimal number.
/// Errors carry the 1-based line and column of the first problem.
public enum CSVDataLoader {
    /// A line needs two points.
    public static let minimumPointCount = 2
    /// Ten million rows: about 160 MB of doubles, the most the tool accepts.
    public static let maximumPointCount = 10_000_000

    /// Reads and parses the file at `url`.
    public static func load(contentsOf url: URL) throws(CSVDataError) -> DataSet {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: readFailureReason(url: url, error: error))
        }
        return try parse(bytes)
    }

    /// Parses CSV text.
    public static func parse(_ text: String) throws(CSVDataError) -> DataSet {
        try parse(Data(text.utf8))
    }

    /// Parses CSV bytes (UTF-8).
    public static func parse(_ bytes: Data) throws(CSVDataError) -> DataSet {
        try parse(bytes, rowLimit: maximumPointCount)
    }

    /// Parses with a custom row limit (tests use a small one instead of writing 10⁷ rows).
    static func parse(_ bytes: Data, rowLimit: Int) throws(CSVDataError) -> DataSet {
        let result = bytes.withUnsafeBytes { raw in
            parse(
                UnsafeBufferPointer(
                    start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count),
                rowLimit: rowLimit)
        }
        return try result.get()
    }

    /// The parser proper, over raw bytes (Foundation's `Data` indexing is slow per byte).
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, rowLimit: Int) -> Result<
        DataSet, CSVDataError
    > {
        var x: [Double] = []
        var y: [Double] = []
        var sawContent = false
        var headerAllowed = true
        var lineNumber = 0
        var start = 0
        let end = bytes.count
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }

        while start < end {
            lineNumber += 1
            var lineEnd = start
            while lineEnd < end, bytes[lineEnd] != newline { lineEnd += 1 }
            let next = lineEnd + 1
            var contentEnd = lineEnd
            if contentEnd > start, bytes[contentEnd - 1] == carriageReturn { contentEnd -= 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<contentEnd])
            start = next

            if line.allSatisfy(isBlank) { continue }
            sawContent = true
            if headerAllowed {
                headerAllowed = false
                if isHeader(line) { continue }
            }
            // Exactly one comma: two cells. Scanned by hand because this loop runs for
            // millions of rows and per-row arrays would dominate its cost.
            var firstComma = -1
            var commas = 0
            for index in line.indices where line[index] == comma {
                if commas == 0 { firstComma = index }
                commas += 1
            }
            guard commas == 1 else {
                return .failure(.raggedRow(line: lineNumber, columns: commas + 1))
            }
            let point: (x: Double, y: Double)
            switch (
                cellValue(line[..<firstComma], line: lineNumber, column: 1),
                cellValue(line[(firstComma + 1)...], line: lineNumber, column: 2)
            ) {
            case (.success(let xValue), .success(let yValue)): point = (xValue, yValue)
            case (.failure(let error), _), (_, .failure(let error)): return .failure(error)
            }
            guard x.count < rowLimit else {
                return .failure(.tooManyRows(line: lineNumber, limit: rowLimit))
            }
            x.append(point.x)
            y.append(point.y)
        }
        guard sawContent else { return .failure(.empty) }
        guard x.count >= minimumPointCount else { return .failure(.tooFewPoints(found: x.count)) }
        do {
            return .success(try DataSet(x: x, y: y))
        } catch {
            // Unreachable: the columns have equal, non-zero length and finite values.
            return .failure(.tooFewPoints(found: x.count))
        }
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
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard
            let line = text.split(whereSeparator: \.isNewline).first(where: {
                !$0.allSatisfy { $0 == " " || $0 == "\t" }
            })
        else { return nil }
        let cells = line.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\"'"))
        }
        guard cells.count == 2, cells.allSatisfy({ !$0.isEmpty && number($0) == nil }) else { return nil }
        return (cells[0], cells[1])
    }

    /// The first non-blank line is a header when none of its cells is a number.
    private static func isHeader(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.split(separator: comma, omittingEmptySubsequences: false)
            .allSatisfy { number(String(decoding: trimmed($0), as: UTF8.self)) == nil }
    }

    /// The finite number in `cell`, or the error naming its line and column.
    private static func cellValue(_ cell: Slice<UnsafeBufferPointer<UInt8>>, line: Int, column: Int)
        -> Result<Double, CSVDataError>
    {
        let text = String(decoding: trimmed(cell), as: UTF8.self)
        guard let value = number(text) else {
            return .failure(.nonNumeric(line: line, column: column, text: text))
        }
        guard value.isFinite else {
            return .failure(.nonFinite(line: line, column: column, text: text))
        }
        return .success(value)
    }

    /// The number `text` spells, if it is one. Swift's `Double(String)` stops at a NUL and
    /// would read "3\0abc" as 3, so a cell with a NUL is never a number (found by
    /// Scripts/fuzz.sh csv).
    private static func number(_ text: String) -> Double? {
        text.utf8.contains(0) ? nil : Double(text)
    }

    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let comma = UInt8(ascii: ",")

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == carriageReturn
    }

    private static func trimmed(_ cell: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<
        UnsafeBufferPointer<UInt8>
    > {
        var cell = cell
        while let first = cell.first, isBlank(first) { cell = cell.dropFirst() }
        while let last = cell.last, isBlank(last) { cell = cell.dropLast() }
        return cell
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
