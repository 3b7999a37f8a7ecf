import FitMessages

/// How a CSV file separates its fields, found from its first non-blank line.
///
/// The delimiter is `;` when that line has a `;` outside double quotes (a spreadsheet export in
/// a language with decimal commas, where `,` is part of the numbers), else tab when it has a
/// tab, else `,`. With `;` or tab, a decimal comma is accepted in numbers (`1013,25`); a decimal
/// point always is.
public struct CSVDialect: Sendable, Equatable {
    /// The field separator byte.
    public let delimiter: UInt8
    /// Whether `,` may stand for the decimal point.
    public var acceptsDecimalComma: Bool { delimiter != UInt8(ascii: ",") }

    /// A dialect with `delimiter` (`,`, `;` or tab).
    public init(delimiter: UInt8) {
        self.delimiter = delimiter
    }

    /// The dialect of a file whose first non-blank line is `line`.
    static func detect(_ line: UnsafeBufferPointer<UInt8>) -> CSVDialect {
        var inQuotes = false
        var semicolons = 0
        var tabs = 0
        for byte in line {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            guard !inQuotes else { continue }
            if byte == UInt8(ascii: ";") { semicolons += 1 }
            if byte == UInt8(ascii: "\t") { tabs += 1 }
        }
        if semicolons > 0 && semicolons >= tabs { return CSVDialect(delimiter: UInt8(ascii: ";")) }
        if tabs > 0 { return CSVDialect(delimiter: UInt8(ascii: "\t")) }
        return CSVDialect(delimiter: UInt8(ascii: ","))
    }

    /// How the delimiter is named in messages: `','`, `';'`, `tab`.
    public var name: String {
        switch delimiter {
        case UInt8(ascii: "\t"): return "tabs"
        default: return "'\(Character(Unicode.Scalar(delimiter)))'"
        }
    }
}

/// Which two columns of a CSV file are x and y (`--columns X,Y`): each a header name or a
/// 1-based column number.
public struct CSVColumnSelection: Sendable, Equatable {
    /// One column reference.
    public enum Reference: Sendable, Equatable, CustomStringConvertible {
        /// The column with this header name (exact, then ignoring case).
        case name(String)
        /// The column with this 1-based number.
        case number(Int)

        public var description: String {
            switch self {
            case .name(let name): return "'\(name)'"
            case .number(let number): return "\(number)"
            }
        }
    }

    /// The x column.
    public var x: Reference
    /// The y column.
    public var y: Reference

    /// Two references.
    public init(x: Reference, y: Reference) {
        self.x = x
        self.y = y
    }

    /// Parses `X,Y` (names or numbers; a name that is all digits counts as a number).
    public init(parsing text: String) throws(CSVDataError) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty }) else {
            throw .invalidColumnSelection(MessageText.quoted(text))
        }
        func reference(_ part: String) throws(CSVDataError) -> Reference {
            if part.allSatisfy(\.isNumber) {
                guard let number = Int(part), number >= 1 else {
                    throw .invalidColumnSelection(MessageText.quoted(text))
                }
                return .number(number)
            }
            return .name(part)
        }
        self.init(x: try reference(parts[0]), y: try reference(parts[1]))
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

extension Set where Element == Character {
    fileprivate static let whitespaces: Set<Character> = [" ", "\t"]
}
