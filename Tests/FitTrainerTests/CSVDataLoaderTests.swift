import Foundation
import Testing

@testable import FitTrainer

@Suite struct CSVDataLoaderTests {
    private let plain = "1.5,2\n-0.25,3e-2\n4,-5\n"

    @Test func readsTwoNumericColumns() throws {
        let data = try CSVDataLoader.parse(plain)
        #expect(data.x == [1.5, -0.25, 4])
        #expect(data.y == [2, 0.03, -5])
    }

    @Test(arguments: [
        "x,y\n1.5,2\n-0.25,3e-2\n4,-5\n",  // header
        "1.5,2\r\n-0.25,3e-2\r\n4,-5\r\n",  // CRLF
        "\u{FEFF}1.5,2\n-0.25,3e-2\n4,-5\n",  // BOM
        "\u{FEFF}\"x\",\"y\"\r\n1.5,2\r\n-0.25,3e-2\r\n4,-5",  // BOM, quoted header, CRLF, no final newline
        "input , target\n 1.5 ,\t2\n\n-0.25,3e-2\n   \n4,-5\n\n",  // spaces, blank lines
    ])
    func formatVariantsLoadTheSameValues(text: String) throws {
        let expected = try CSVDataLoader.parse(plain)
        #expect(try CSVDataLoader.parse(text) == expected)
    }

    @Test func headerColumnNamesAreReadForAxisLabels() throws {
        let named = CSVDataLoader.columnNames(in: Data("\u{FEFF}\"hours\", grade \r\n1,2\n".utf8))
        #expect(named?.x == "hours" && named?.y == "grade")
        #expect(CSVDataLoader.columnNames(in: Data("1,2\n3,4\n".utf8)) == nil)
        #expect(CSVDataLoader.columnNames(in: Data("a,b,c\n1,2\n".utf8)) == nil)
        #expect(CSVDataLoader.columnNames(in: Data("\n  \nx,\n".utf8)) == nil)
    }

    @Test func everyErrorCaseHasItsSpecificMessage() {
        let cases: [(String, String)] = [
            ("", "the data file is empty; it needs at least 2 lines 'x,y' of numbers"),
            ("\u{FEFF}\n  \r\n", "the data file is empty; it needs at least 2 lines 'x,y' of numbers"),
            ("x,y\n", "the data file has 0 points; at least 2 are needed to fit a line"),
            ("x,y\n1,2\n", "the data file has 1 point; at least 2 are needed to fit a line"),
            (
                "x,y\n1,2\n3,abc\n",
                "line 3, column 2 (y): 'abc' is not a number; cells must be decimal numbers such as -0.5 or 2.5e-3"
            ),
            (
                "1,2\n,4\n",
                "line 2, column 1 (x): '' is not a number; cells must be decimal numbers such as -0.5 or 2.5e-3"
            ),
            (
                "1,2\nnan,4\n",
                "line 2, column 1 (x): 'nan' is not finite; NaN and infinite values are not allowed"
            ),
            (
                "1,2\n3,inf\n",
                "line 2, column 2 (y): 'inf' is not finite; NaN and infinite values are not allowed"
            ),
            (
                "1,2\n3,1e999\n",
                "line 2, column 2 (y): '1e999' is not finite; NaN and infinite values are not allowed"
            ),
            (
                "1,2\n3,4,5\n",
                "line 2 has 3 fields separated by ',' but the first line has 2; a separator is missing or extra in this row"
            ),
            (
                "year;price;volume\n1990;1013,5;3\n",
                "line 1 has 3 fields separated by ';': pass --columns X,Y to choose x and y by header name or number, or keep exactly 2 columns"
            ),
            ("x,y\n1,2\n3\n", "line 3 has 1 column; every row must have exactly 2 (x,y)"),
            ("1,2\r\n3,4\r\n5;6\r\n", "line 3 has 1 column; every row must have exactly 2 (x,y)"),
        ]
        for (text, message) in cases {
            #expect(errorMessage(parsing: text) == message, "\(text.debugDescription)")
        }
    }

    /// The error message for `text`, or nil if it parses.
    private func errorMessage(parsing text: String) -> String? {
        do {
            _ = try CSVDataLoader.parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aHeaderWithSomeNumericCellsIsDataAndReportedAtItsCell() {
        #expect(throws: CSVDataError.nonNumeric(line: 1, column: 2, text: "y")) {
            try CSVDataLoader.parse("1,y\n2,3\n4,5\n")
        }
        // Only the first non-blank line may be a header.
        #expect(throws: CSVDataError.nonNumeric(line: 3, column: 1, text: "x")) {
            try CSVDataLoader.parse("\n1,2\nx,y\n")
        }
    }

    @Test func rowsBeyondTheLimitAreRejectedAtTheFirstExtraRow() throws {
        // The real limit is 10 million rows; the same code path runs here with a limit of 5
        // (writing 10⁷ rows would make this test take ~20 s in a debug build).
        #expect(CSVDataLoader.maximumPointCount == 10_000_000)
        let fiveRows = Data("x,y\n1,1\n2,2\n3,3\n4,4\n5,5\n".utf8)
        #expect(try CSVDataLoader.parse(fiveRows, rowLimit: 5).count == 5)
        #expect(throws: CSVDataError.tooManyRows(line: 7, limit: 5)) {
            try CSVDataLoader.parse(Data("x,y\n1,1\n2,2\n3,3\n4,4\n5,5\n6,6\n".utf8), rowLimit: 5)
        }
        #expect(
            CSVDataError.tooManyRows(line: 10_000_002, limit: 10_000_000).description
                == "line 10000002 exceeds the limit of 10000000 data rows")
    }

    @Test func unreadableFilesNameThePathAndTheReason() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("csv-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let missing = directory.appendingPathComponent("missing.csv")
        #expect(throws: CSVDataError.unreadable(path: missing.path, reason: "no such file")) {
            try CSVDataLoader.load(contentsOf: missing)
        }
        #expect(
            CSVDataError.unreadable(path: missing.path, reason: "no such file").description
                == "cannot read data file '\(missing.path)': no such file")
        #expect(
            throws: CSVDataError.unreadable(path: directory.path, reason: "it is a directory, not a file")
        ) {
            try CSVDataLoader.load(contentsOf: directory)
        }

        let file = directory.appendingPathComponent("points.csv")
        try Data("x,y\r\n0,1\r\n1,3\r\n".utf8).write(to: file)
        let data = try CSVDataLoader.load(contentsOf: file)
        #expect(data.x == [0, 1] && data.y == [1, 3])
    }

    @Test func allEqualXIsAValidDataSet() throws {
        let data = try CSVDataLoader.parse("2,1\n2,3\n2,5\n")
        #expect(data.limits.xSpan == 0)
    }

    @Test(arguments: [
        "year;price\n1990;1013,25\n1991;1020,5\n",  // French spreadsheet: ';' and decimal commas
        "year\tprice\n1990\t1013,25\n1991\t1020.5\n",  // TSV, both decimal marks
        "\"year\",\"price\"\n\"1990\",\"1013.25\"\n1991,\"1020.5\"\n",  // quoted fields
        "\u{FEFF}\"year\";\"price\"\r\n\"1990\";\"1013,25\"\r\n1991;1020,5\r\n",  // quoted, ';', CRLF
    ])
    func dialectsAreDetectedFromTheFirstLine(text: String) throws {
        let data = try CSVDataLoader.parse(text)
        #expect(data.x == [1990, 1991])
        #expect(data.y == [1013.25, 1020.5])
        let table = try CSVDataLoader.parseTable(Data(text.utf8), columns: nil)
        #expect(table.columnNames?.x == "year" && table.columnNames?.y == "price")
    }

    @Test func columnsPickTwoFieldsByNameOrNumber() throws {
        let text = "id;year;price;note\n1;1990;1013,25;a\n2;1991;1020,5;\"b;c\"\n"
        for selection in ["year,price", "2,3", "YEAR,3"] {
            let table = try CSVDataLoader.parseTable(
                Data(text.utf8), columns: CSVColumnSelection(parsing: selection))
            #expect(table.data.x == [1990, 1991] && table.data.y == [1013.25, 1020.5], "\(selection)")
        }
        let reversed = try CSVDataLoader.parseTable(
            Data(text.utf8), columns: CSVColumnSelection(parsing: "price,year"))
        #expect(reversed.data.x == [1013.25, 1020.5] && reversed.columnNames?.x == "price")
        #expect(throws: CSVDataError.unknownColumn(name: "cost", header: ["id", "year", "price", "note"])) {
            try CSVDataLoader.parseTable(Data(text.utf8), columns: CSVColumnSelection(parsing: "year,cost"))
        }
        #expect(throws: CSVDataError.columnOutOfRange(number: 5, fields: 4)) {
            try CSVDataLoader.parseTable(Data(text.utf8), columns: CSVColumnSelection(parsing: "1,5"))
        }
        #expect(throws: CSVDataError.badSelectedCell(line: 2, column: 4, role: "y", text: "a", finite: false))
        {
            try CSVDataLoader.parseTable(Data(text.utf8), columns: CSVColumnSelection(parsing: "2,4"))
        }
        #expect(throws: CSVDataError.self) { try CSVColumnSelection(parsing: "year") }
        #expect(throws: CSVDataError.self) { try CSVColumnSelection(parsing: "0,1") }
    }

    @Test func longLinesAndUnclosedQuotesAreNamed() {
        let long = "x,y\n1,2\n" + String(repeating: "9", count: CSVDataLoader.maximumLineLength) + ",1\n"
        #expect(throws: CSVDataError.lineTooLong(line: 3, limit: CSVDataLoader.maximumLineLength)) {
            try CSVDataLoader.parse(long)
        }
        #expect(throws: CSVDataError.unterminatedQuote(line: 2, column: 3)) {
            try CSVDataLoader.parse("x,y\n1,\"2\n")
        }
    }

    @Test func quotedCellsAreShortAndFreeOfControlCharacters() {
        let hostile = "\u{1B}[2J" + String(repeating: "A", count: 200) + "\u{202E}"
        let message = errorMessage(parsing: "1,2\n3,\"\(hostile)\"\n") ?? ""
        #expect(message.contains("\\u{1B}[2J"), "\(message)")
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E })
        #expect(message.count < 200, "\(message)")
        // 60 scalars: ESC, "[2J" and 56 A, then the cut.
        #expect(message.contains("'\\u{1B}[2J" + String(repeating: "A", count: 56) + "…'"), "\(message)")
    }

    /// A cell and a header name holding a right-to-left override (which would reverse the rest
    /// of the line on a terminal) and a line break: one line, both escaped as `MessageText` does.
    @Test func aBidiOverrideInACellOrAHeaderNameIsEscaped() throws {
        let cell = errorMessage(parsing: "x,y\n1,2\n3,\"4\u{202E}\u{2028}5\"\n") ?? ""
        #expect(cell.contains("'4\\u{202E}\\u{2028}5' is not a number"), "\(cell)")
        #expect(!cell.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{2028}" || $0 == "\n" })
        let text = "id,\"pri\u{202E}ce\"\n1,2\n3,4\n"
        do {
            _ = try CSVDataLoader.parseTable(Data(text.utf8), columns: CSVColumnSelection(parsing: "id,cost"))
            Issue.record("an unknown column was accepted")
        } catch {
            let header = error.description
            #expect(
                header == "column 'cost' is not in the header; it has 'id', 'pri\\u{202E}ce'", "\(header)")
        }
    }
}
