/// Why a CSV file could not be read as an x,y point cloud. Lines and columns count from 1.
public enum CSVDataError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read at all (missing, a directory, no permission).
    case unreadable(path: String, reason: String)
    /// The file holds no data lines (only whitespace, a BOM, or nothing).
    case empty
    /// Fewer than ``CSVDataLoader/minimumPointCount`` data rows.
    case tooFewPoints(found: Int)
    /// A cell that is not a decimal number.
    case nonNumeric(line: Int, column: Int, text: String)
    /// A cell that is a number but NaN or infinite (including overflow such as `1e999`).
    case nonFinite(line: Int, column: Int, text: String)
    /// A row whose number of cells is not 2.
    case raggedRow(line: Int, columns: Int)
    /// More than ``CSVDataLoader/maximumPointCount`` data rows.
    case tooManyRows(line: Int, limit: Int)

    /// A message that names the file, line and column, and what is allowed.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read data file '\(path)': \(reason)"
        case .empty:
            return "the data file is empty; it needs at least 2 lines 'x,y' of numbers"
        case .tooFewPoints(let found):
            return "the data file has \(found) point\(found == 1 ? "" : "s"); at least "
                + "\(CSVDataLoader.minimumPointCount) are needed to fit a line"
        case .nonNumeric(let line, let column, let text):
            return "line \(line), column \(column) (\(Self.columnName(column))): '\(Self.printable(text))' "
                + "is not a number; cells must be decimal numbers such as -0.5 or 2.5e-3"
        case .nonFinite(let line, let column, let text):
            return "line \(line), column \(column) (\(Self.columnName(column))): '\(Self.printable(text))' "
                + "is not finite; NaN and infinite values are not allowed"
        case .raggedRow(let line, let columns):
            return "line \(line) has \(columns) column\(columns == 1 ? "" : "s"); "
                + "every row must have exactly 2 (x,y)"
        case .tooManyRows(let line, let limit):
            return "line \(line) exceeds the limit of \(limit) data rows"
        }
    }

    /// `text` as it can be shown inside a one-line message: control characters (a lone CR, ESC,
    /// DEL, C1), line and paragraph separators and bidirectional overrides become `\u{…}`
    /// escapes, so a cell can neither break the line nor send escape sequences to a terminal
    /// (found by Scripts/fuzz.sh csv).
    static func printable(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars {
            let unprintable: Bool
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: unprintable = true
            default:
                let bidiControls: [ClosedRange<UInt32>] = [0x202A...0x202E, 0x2066...0x2069]
                unprintable = bidiControls.contains { $0.contains(scalar.value) }
            }
            if unprintable {
                shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    private static func columnName(_ column: Int) -> String {
        column == 1 ? "x" : "y"
    }
}
