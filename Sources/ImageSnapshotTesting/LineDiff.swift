/// A line diff of two texts (Myers' O(ND) algorithm, 1986), printed as a unified diff.
///
/// Used for text snapshots such as a figure's display list: the failure shows which drawing
/// calls changed, with three lines of context, instead of two walls of text.
public struct LineDiff: Sendable, Equatable {
    /// One line of the edit script.
    public enum Line: Sendable, Equatable {
        /// In both texts.
        case same(String)
        /// Only in the expected text.
        case removed(String)
        /// Only in the actual text.
        case added(String)
    }

    /// The edit script from `expected` to `actual`, in order.
    public let lines: [Line]

    /// Above this many differing lines the script is not searched for: the whole expected text
    /// is shown removed and the actual added (bounds time and memory for unrelated texts).
    public static let maximumEdits = 1_000

    /// The diff of two texts split at `\n` (a final newline ends the last line, as for `diff`).
    public init(expected: String, actual: String) {
        self.init(expected: Self.lines(of: expected), actual: Self.lines(of: actual))
    }

    /// The lines of `text`; a final newline ends the last line instead of starting an empty
    /// one, and a missing final newline shows as a last line marked `\ No newline at end of file`
    /// when the other text has one (so that the difference is visible).
    static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" {
            lines.removeLast()
        } else if !lines.isEmpty {
            lines[lines.count - 1] += " \\ No newline at end of file"
        }
        return lines
    }

    /// The diff of two lists of lines.
    public init(expected a: [String], actual b: [String]) {
        lines = Self.script(a, b)
    }

    /// Number of removed plus added lines.
    public var editCount: Int {
        lines.reduce(0) { count, line in
            if case .same = line { return count }
            return count + 1
        }
    }

    /// A unified diff (`--- expected`, `+++ actual`, `@@` hunks with `context` lines around each
    /// change); at most `maximumLines` lines of hunks, then a line saying how many were left out.
    public func unified(context: Int = 3, maximumLines: Int = .max) -> String {
        var out = ["--- expected", "+++ actual"]
        var hunkLines = 0
        var omitted = 0
        let changed = lines.indices.filter { if case .same = lines[$0] { return false } else { return true } }
        var index = 0
        // Positions in each text (1-based, as diff prints them).
        var expectedLine = [Int](repeating: 0, count: lines.count + 1)
        var actualLine = [Int](repeating: 0, count: lines.count + 1)
        var e = 1
        var a = 1
        for (i, line) in lines.enumerated() {
            expectedLine[i] = e
            actualLine[i] = a
            switch line {
            case .same:
                e += 1
                a += 1
            case .removed: e += 1
            case .added: a += 1
            }
        }
        while index < changed.count {
            let start = max(0, changed[index] - context)
            var end = min(lines.count, changed[index] + context + 1)
            while index + 1 < changed.count, changed[index + 1] - context <= end {
                index += 1
                end = min(lines.count, changed[index] + context + 1)
            }
            index += 1
            let body = lines[start..<end]
            let removed = body.filter { if case .added = $0 { false } else { true } }.count
            let added = body.filter { if case .removed = $0 { false } else { true } }.count
            let hunk =
                ["@@ -\(expectedLine[start]),\(removed) +\(actualLine[start]),\(added) @@"]
                + body.map { line -> String in
                    switch line {
                    case .same(let s): return " " + s
                    case .removed(let s): return "-" + s
                    case .added(let s): return "+" + s
                    }
                }
            if hunkLines + hunk.count > maximumLines {
                omitted += hunk.count
            } else {
                out += hunk
                hunkLines += hunk.count
            }
        }
        if omitted > 0 { out.append("… \(omitted) more diff lines (see the .diff artifact)") }
        return out.joined(separator: "\n")
    }

    /// Myers' greedy shortest edit script, with the common prefix and suffix trimmed first.
    static func script(_ a: [String], _ b: [String]) -> [Line] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
            a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
        {
            suffix += 1
        }
        let x = Array(a[prefix..<(a.count - suffix)])
        let y = Array(b[prefix..<(b.count - suffix)])
        let middle =
            middleScript(x, y)
            ?? (x.map { Line.removed($0) } + y.map { Line.added($0) })
        return a[..<prefix].map { Line.same($0) } + middle + a[(a.count - suffix)...].map { Line.same($0) }
    }

    /// The edit script of `a` to `b`, or `nil` when it needs more than `maximumEdits` edits.
    private static func middleScript(_ a: [String], _ b: [String]) -> [Line]? {
        let n = a.count
        let m = b.count
        if n == 0 || m == 0 { return a.map { .removed($0) } + b.map { .added($0) } }
        let limit = min(n + m, maximumEdits)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        for d in 0...limit {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n && y >= m { return backtrack(a, b, trace: trace, d: d, k: k, offset: offset) }
            }
        }
        return nil
    }

    /// Walks the saved frontiers back from the end to build the script.
    private static func backtrack(_ a: [String], _ b: [String], trace: [[Int]], d: Int, k: Int, offset: Int)
        -> [Line]
    {
        var script: [Line] = []
        var x = a.count
        var y = b.count
        var k = k
        for step in stride(from: d, to: 0, by: -1) {
            let v = trace[step]
            let down = k == -step || (k != step && v[offset + k - 1] < v[offset + k + 1])
            let previousK = down ? k + 1 : k - 1
            let previousX = v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX + (down ? 0 : 1), y > previousY + (down ? 1 : 0) {
                x -= 1
                y -= 1
                script.append(.same(a[x]))
            }
            if down {
                y -= 1
                script.append(.added(b[y]))
            } else {
                x -= 1
                script.append(.removed(a[x]))
            }
            k = previousK
        }
        while x > 0, y > 0 {
            x -= 1
            y -= 1
            script.append(.same(a[x]))
        }
        return script.reversed()
    }
}
