import Foundation
import ImageSnapshotTesting
import Testing

/// The line diff against GNU diff (`diff --minimal`, an independent implementation): the same
/// number of removed and added lines on seeded random texts, and an edit script that turns
/// the expected text into the actual one.
@Suite("line diff")
struct LineDiffTests {
    /// A small deterministic generator (SplitMix64), so that failures reproduce.
    struct SplitMix {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static func randomText(_ random: inout SplitMix, lines: Int) -> [String] {
        (0..<lines).map { _ in ["stroke", "fill", "text", "save", "restore", "clip"][random.next(6)] }
    }

    /// (removed, added) lines of `diff --minimal` between two texts.
    static func gnuDiffCounts(_ a: [String], _ b: [String]) throws -> (Int, Int) {
        let folder = NSTemporaryDirectory() + "line-diff-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data((a.map { $0 + "\n" }.joined()).utf8).write(to: URL(fileURLWithPath: folder + "/a"))
        try Data((b.map { $0 + "\n" }.joined()).utf8).write(to: URL(fileURLWithPath: folder + "/b"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        process.arguments = ["--minimal", "-U0", folder + "/a", folder + "/b"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = output.split(separator: "\n")
        let removed = lines.filter { $0.hasPrefix("-") && !$0.hasPrefix("---") }.count
        let added = lines.filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }.count
        return (removed, added)
    }

    @Test("edit counts equal GNU diff's minimal ones, and the script rebuilds both texts")
    func againstGNUDiff() throws {
        var random = SplitMix(state: 2024)
        for _ in 0..<40 {
            let a = Self.randomText(&random, lines: random.next(30))
            var b = a
            for _ in 0..<random.next(8) {
                switch random.next(3) {
                case 0 where !b.isEmpty: b.remove(at: random.next(b.count))
                case 1: b.insert(["line", "fill", "markers"][random.next(3)], at: random.next(b.count + 1))
                default: if !b.isEmpty { b[random.next(b.count)] = "changed" }
                }
            }
            let diff = LineDiff(expected: a, actual: b)
            var removed = 0
            var added = 0
            var rebuiltA: [String] = []
            var rebuiltB: [String] = []
            for line in diff.lines {
                switch line {
                case .same(let s):
                    rebuiltA.append(s)
                    rebuiltB.append(s)
                case .removed(let s):
                    removed += 1
                    rebuiltA.append(s)
                case .added(let s):
                    added += 1
                    rebuiltB.append(s)
                }
            }
            #expect(rebuiltA == a && rebuiltB == b)
            let (gnuRemoved, gnuAdded) = try Self.gnuDiffCounts(a, b)
            #expect(removed == gnuRemoved && added == gnuAdded, "\(a) → \(b)")
        }
    }

    @Test("a missing final newline is shown, not hidden")
    func finalNewline() {
        let diff = LineDiff(expected: "a\nb\n", actual: "a\nb")
        #expect(diff.editCount == 2)
        #expect(diff.unified().contains("+b \\ No newline at end of file"))
        #expect(LineDiff(expected: "a\n", actual: "a\n").editCount == 0)
    }
}
