import FitMessages

/// Why a CSV file could not be read as an x,y point cloud. Lines and columns count from 1.
/// Every cell and header name is quoted by `MessageText.quoted(_:limit:)` (at most 60
/// Unicode scalars, control, format and separator characters written as `\u{…}`), so a
/// hostile file cannot flood or rewrite the terminal.
public enum CSVDataError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read at all (missing, a directory, no permission).
    case unreadable(path: String, reason: String)
    /// The file is larger than ``CSVDataLoader/maximumFileSize``.
    case fileTooLarge(path: String, bytes: Int, limit: Int)
    /// The file holds no data lines (only whitespace, a BOM, or nothing).
    case empty
    /// Fewer than ``CSVDataLoader/minimumPointCount`` data rows.
    case tooFewPoints(found: Int)
    /// A cell that is not a decimal number (`text` already quoted for messages).
    case nonNumeric(line: Int, column: Int, text: String)
    /// A cell that is a number but NaN or infinite (including overflow such as `1e999`).
    case nonFinite(line: Int, column: Int, text: String)
    /// With `--columns`: a cell of the x or y column (`role`) that is not a finite number.
    case badSelectedCell(line: Int, column: Int, role: String, text: String, finite: Bool)
    /// A row whose number of cells is not 2 (no `--columns`).
    case raggedRow(line: Int, columns: Int)
    /// The first line has `fields` fields: more than 2 need `--columns`.
    case needsColumns(line: Int, fields: Int, delimiter: String)
    /// A row whose field count differs from the first line's.
    case fieldCountMismatch(line: Int, found: Int, expected: Int, delimiter: String)
    /// More than ``CSVDataLoader/maximumPointCount`` data rows.
    case tooManyRows(line: Int, limit: Int)
    /// A line longer than ``CSVDataLoader/maximumLineLength`` bytes.
    case lineTooLong(line: Int, limit: Int)
    /// A double quote that opens a field and is not closed on the same line.
    case unterminatedQuote(line: Int, column: Int)
    /// `--columns` text that is not two names or numbers.
    case invalidColumnSelection(String)
    /// A `--columns` name the header does not have (or the file has no header).
    case unknownColumn(name: String, header: [String])
    /// A `--columns` number beyond the fields of the file.
    case columnOutOfRange(number: Int, fields: Int)

    /// A message that names the file, line and column, the likely cause, and what is allowed.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read data file '\(path)': \(reason)"
        case .fileTooLarge(let path, let bytes, let limit):
            return "data file '\(path)' has \(bytes) bytes; the most allowed is \(limit) (1 GiB)"
        case .empty:
            return "the data file is empty; it needs at least 2 lines 'x,y' of numbers"
        case .tooFewPoints(let found):
            return "the data file has \(found) point\(found == 1 ? "" : "s"); at least "
                + "\(CSVDataLoader.minimumPointCount) are needed to fit a line"
        case .nonNumeric(let line, let column, let text):
            return "line \(line), column \(column) (\(Self.columnName(column))): '\(text)' "
                + "is not a number; cells must be decimal numbers such as -0.5 or 2.5e-3"
                + Self.numberHint(text)
        case .nonFinite(let line, let column, let text):
            return "line \(line), column \(column) (\(Self.columnName(column))): '\(text)' "
                + "is not finite; NaN and infinite values are not allowed"
        case .badSelectedCell(let line, let column, let role, let text, let isNumber):
            return "line \(line), column \(column) (\(role)): '\(text)' "
                + (isNumber
                    ? "is not finite; NaN and infinite values are not allowed"
                    : "is not a number; cells must be decimal numbers such as -0.5 or 2.5e-3"
                        + Self.numberHint(text))
        case .raggedRow(let line, let columns):
            return "line \(line) has \(columns) column\(columns == 1 ? "" : "s"); "
                + "every row must have exactly 2 (x,y)"
        case .needsColumns(let line, let fields, let delimiter):
            return
                "line \(line) has \(fields) fields separated by \(delimiter): pass --columns X,Y to choose "
                + "x and y by header name or number, or keep exactly 2 columns"
        case .fieldCountMismatch(let line, let found, let expected, let delimiter):
            return
                "line \(line) has \(found) field\(found == 1 ? "" : "s") separated by \(delimiter) but the first "
                + "line has \(expected); a separator is missing or extra in this row"
        case .tooManyRows(let line, let limit):
            return "line \(line) exceeds the limit of \(limit) data rows"
        case .lineTooLong(let line, let limit):
            return
                "line \(line) is longer than \(limit) bytes, the most a line may have; is this a CSV file of numbers?"
        case .unterminatedQuote(let line, let column):
            return
                "line \(line), column \(column): a double quote opens a field that is not closed on the same line"
        case .invalidColumnSelection(let text):
            return
                "'\(text)' is not allowed; give two columns X,Y, each a header name or a 1-based number, such as year,price or 1,3"
        case .unknownColumn(let name, let header):
            guard !header.isEmpty else {
                return
                    "column '\(MessageText.quoted(name))' cannot be found: the file has no header line; give column numbers such as 1,2"
            }
            let shown = header.prefix(12).map { "'\(MessageText.quoted($0))'" }.joined(separator: ", ")
            return
                "column '\(MessageText.quoted(name))' is not in the header; it has \(shown)\(header.count > 12 ? ", …" : "")"
        case .columnOutOfRange(let number, let fields):
            return
                "column \(number) does not exist; the file has \(fields) field\(fields == 1 ? "" : "s") per line"
        }
    }

    private static func columnName(_ column: Int) -> String {
        column == 1 ? "x" : "y"
    }

    /// The likely cause of a cell that is not a number.
    private static func numberHint(_ text: String) -> String {
        if text.contains(";") || text.contains("\t") {
            return " (the separator was taken from the first line; is the file mixing separators?)"
        }
        return ""
    }
}
