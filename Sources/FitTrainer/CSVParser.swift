import FitMessages

/// The byte-level reader behind ``CSVDataLoader``: lines, fields, quotes, numbers.
/// It works on raw bytes (Foundation's `Data` indexing is slow per byte) and reuses one field
/// buffer for every line, so a ten-million-row file costs no allocation per row beyond the
/// two growing columns.
struct CSVParser {
    private struct Field {
        var start: Int
        var end: Int
        var quoted: Bool
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let selection: CSVColumnSelection?
    private let rowLimit: Int
    private var position = 0
    private var lineNumber = 0
    private var fields: [Field] = []

    init(bytes: UnsafeBufferPointer<UInt8>, selection: CSVColumnSelection?, rowLimit: Int) {
        self.bytes = bytes
        self.selection = selection
        self.rowLimit = rowLimit
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let quote = UInt8(ascii: "\"")

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == carriageReturn
    }

    /// The next line's content range (without CR/LF), or nil at the end.
    private mutating func nextLine() -> Result<Range<Int>, CSVDataError>? {
        guard position < bytes.count else { return nil }
        lineNumber += 1
        var end = position
        let limit = min(bytes.count, position + CSVDataLoader.maximumLineLength + 2)
        while end < limit, bytes[end] != Self.newline { end += 1 }
        var contentEnd = end
        if contentEnd > position, bytes[contentEnd - 1] == Self.carriageReturn { contentEnd -= 1 }
        guard contentEnd - position <= CSVDataLoader.maximumLineLength else {
            return .failure(.lineTooLong(line: lineNumber, limit: CSVDataLoader.maximumLineLength))
        }
        let range = position..<contentEnd
        position = end + 1
        return .success(range)
    }

    private func isBlankLine(_ range: Range<Int>) -> Bool {
        range.allSatisfy { Self.isBlank(bytes[$0]) }
    }

    /// Splits `range` into trimmed fields; a quoted field's range excludes its quotes.
    private mutating func split(_ range: Range<Int>, dialect: CSVDialect) -> CSVDataError? {
        fields.removeAll(keepingCapacity: true)
        var index = range.lowerBound
        let delimiter = dialect.delimiter
        let blankDelimiter = delimiter == UInt8(ascii: "\t")
        while true {
            // Leading blanks (a tab delimiter is never a blank here).
            while index < range.upperBound,
                bytes[index] == UInt8(ascii: " ") || (!blankDelimiter && Self.isBlank(bytes[index]))
            {
                index += 1
            }
            if index < range.upperBound, bytes[index] == Self.quote {
                let open = index
                index += 1
                let start = index
                var closed = false
                while index < range.upperBound {
                    if bytes[index] == Self.quote {
                        if index + 1 < range.upperBound, bytes[index + 1] == Self.quote {
                            index += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    index += 1
                }
                guard closed else {
                    return .unterminatedQuote(line: lineNumber, column: open - range.lowerBound + 1)
                }
                let end = index
                index += 1
                while index < range.upperBound, bytes[index] != delimiter { index += 1 }
                fields.append(Field(start: start, end: end, quoted: true))
            } else {
                let start = index
                while index < range.upperBound, bytes[index] != delimiter { index += 1 }
                var end = index
                while end > start, Self.isBlank(bytes[end - 1]) { end -= 1 }
                fields.append(Field(start: start, end: end, quoted: false))
            }
            guard index < range.upperBound else { break }
            index += 1  // past the delimiter
            if index == range.upperBound {
                fields.append(Field(start: index, end: index, quoted: false))
                break
            }
        }
        return nil
    }

    private func text(_ field: Field) -> String {
        let raw = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self)
        return field.quoted ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }

    private func number(_ field: Field, dialect: CSVDialect) -> Double? {
        var text = text(field)
        if field.quoted { text = text.trimmingBlanks() }
        if dialect.acceptsDecimalComma, text.utf8.contains(UInt8(ascii: ",")) {
            text = text.replacingOccurrences(of: ",", with: ".")
        }
        // Swift's `Double(String)` stops at a NUL and would read "3\0abc" as 3, so a cell with
        // a NUL is never a number (found by Scripts/fuzz.sh csv).
        return text.utf8.contains(0) ? nil : Double(text)
    }

    /// The first non-blank line's cells when none is a number, else nil.
    mutating func headerNames() -> [String]? {
        while let next = nextLine() {
            guard case .success(let range) = next else { return nil }
            if isBlankLine(range) { continue }
            let dialect = CSVDialect.detect(UnsafeBufferPointer(rebasing: bytes[range]))
            guard split(range, dialect: dialect) == nil else { return nil }
            guard fields.allSatisfy({ number($0, dialect: dialect) == nil }) else { return nil }
            return fields.map { text($0).trimmingBlanks().trimmingQuotes() }
        }
        return nil
    }

    /// Reads the whole file.
    mutating func run() -> Result<CSVDataLoader.Table, CSVDataError> {
        var x: [Double] = []
        var y: [Double] = []
        var dialect: CSVDialect?
        var expectedFields = 0
        var columns = (x: 0, y: 1)
        var header: [String]?
        while let next = nextLine() {
            let range: Range<Int>
            switch next {
            case .failure(let error): return .failure(error)
            case .success(let r): range = r
            }
            if isBlankLine(range) { continue }
            let isFirst = dialect == nil
            if isFirst { dialect = CSVDialect.detect(UnsafeBufferPointer(rebasing: bytes[range])) }
            guard let dialect else { continue }
            if let error = split(range, dialect: dialect) { return .failure(error) }
            if isFirst {
                expectedFields = fields.count
                if fields.allSatisfy({ number($0, dialect: dialect) == nil }) {
                    header = fields.map { text($0).trimmingBlanks().trimmingQuotes() }
                }
                switch resolveColumns(header: header, dialect: dialect) {
                case .failure(let error): return .failure(error)
                case .success(let resolved): columns = resolved
                }
                if header != nil { continue }
            }
            guard fields.count == expectedFields else {
                if selection == nil && expectedFields == 2 && isFirst == false && fields.count == 1 {
                    return .failure(.raggedRow(line: lineNumber, columns: 1))
                }
                return .failure(
                    .fieldCountMismatch(
                        line: lineNumber, found: fields.count, expected: expectedFields,
                        delimiter: dialect.name))
            }
            let xValue: Double
            let yValue: Double
            switch (
                cell(columns.x, role: "x", dialect: dialect), cell(columns.y, role: "y", dialect: dialect)
            ) {
            case (.success(let a), .success(let b)): (xValue, yValue) = (a, b)
            case (.failure(let error), _), (_, .failure(let error)): return .failure(error)
            }
            guard x.count < rowLimit else {
                return .failure(.tooManyRows(line: lineNumber, limit: rowLimit))
            }
            x.append(xValue)
            y.append(yValue)
        }
        guard let dialect else { return .failure(.empty) }
        guard x.count >= CSVDataLoader.minimumPointCount else {
            return .failure(.tooFewPoints(found: x.count))
        }
        do {
            let names = header.map { ($0[columns.x], $0[columns.y]) }
            return .success(
                CSVDataLoader.Table(data: try DataSet(x: x, y: y), names: names, dialect: dialect))
        } catch {
            // Unreachable: the columns have equal, non-zero length and finite values.
            return .failure(.tooFewPoints(found: x.count))
        }
    }

    /// 0-based x and y field indices.
    private func resolveColumns(header: [String]?, dialect: CSVDialect) -> Result<
        (x: Int, y: Int), CSVDataError
    > {
        guard let selection else {
            if fields.count == 2 { return .success((0, 1)) }
            if fields.count > 2 {
                return .failure(
                    .needsColumns(line: lineNumber, fields: fields.count, delimiter: dialect.name))
            }
            return .failure(.raggedRow(line: lineNumber, columns: fields.count))
        }
        func index(_ reference: CSVColumnSelection.Reference) -> Result<Int, CSVDataError> {
            switch reference {
            case .number(let number):
                guard number <= fields.count else {
                    return .failure(.columnOutOfRange(number: number, fields: fields.count))
                }
                return .success(number - 1)
            case .name(let name):
                guard let header else { return .failure(.unknownColumn(name: name, header: [])) }
                if let exact = header.firstIndex(of: name) { return .success(exact) }
                if let loose = header.firstIndex(where: { $0.lowercased() == name.lowercased() }) {
                    return .success(loose)
                }
                return .failure(.unknownColumn(name: name, header: header))
            }
        }
        switch (index(selection.x), index(selection.y)) {
        case (.success(let a), .success(let b)): return .success((a, b))
        case (.failure(let error), _), (_, .failure(let error)): return .failure(error)
        }
    }

    /// The finite number in field `index`, or the error naming its line and column.
    private func cell(_ index: Int, role: String, dialect: CSVDialect) -> Result<Double, CSVDataError> {
        let field = fields[index]
        if let value = number(field, dialect: dialect) {
            if value.isFinite { return .success(value) }
        }
        let isNumber = number(field, dialect: dialect) != nil
        let shown = MessageText.quoted(text(field))
        if selection == nil {
            return .failure(
                isNumber
                    ? .nonFinite(line: lineNumber, column: index + 1, text: shown)
                    : .nonNumeric(line: lineNumber, column: index + 1, text: shown))
        }
        return .failure(
            .badSelectedCell(line: lineNumber, column: index + 1, role: role, text: shown, finite: isNumber))
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    fileprivate func trimmingBlanks() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" {
            scalars = scalars.dropLast()
        }
        return String(scalars)
    }

    /// Without one pair of surrounding single quotes (`'x'` headers).
    fileprivate func trimmingQuotes() -> String {
        var text = Substring(self)
        while let first = text.first, first == "'" || first == "\"" { text = text.dropFirst() }
        while let last = text.last, last == "'" || last == "\"" { text = text.dropLast() }
        return String(text)
    }
}
