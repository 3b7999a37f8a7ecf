import FitAnimation
import FitOutput
import FitPNG
import FitTrainer
import Foundation
import Testing

/// The split of a run's frames into shards, and rendering one part of a source.
@Suite struct FrameShardTests {
    /// For every run length up to 60 and every shard count up to it: the parts are contiguous,
    /// in order, never empty, differ by at most one frame, and cover every frame exactly once.
    @Test func shardsCoverEveryFrameExactlyOnce() throws {
        for frameCount in 1...60 {
            for count in 1...frameCount {
                var next = 0
                var lengths: [Int] = []
                for index in 1...count {
                    let shard = try #require(FrameShard(index: index, count: count))
                    let range = shard.frames(of: frameCount)
                    #expect(range.lowerBound == next, "\(shard.description) of \(frameCount)")
                    #expect(!range.isEmpty)
                    lengths.append(range.count)
                    next = range.upperBound
                }
                #expect(next == frameCount)
                #expect((lengths.max() ?? 0) - (lengths.min() ?? 0) <= 1)
            }
        }
        // The largest run and the largest split stay exact (no overflow, last part ends at F).
        let last = try #require(FrameShard(index: 1_000_001, count: 1_000_001))
        #expect(last.frames(of: 1_000_001) == 1_000_000..<1_000_001)
    }

    @Test func parsingAcceptsOnlyIOfN() {
        #expect(FrameShard(parsing: "2/8") == FrameShard(index: 2, count: 8))
        #expect(FrameShard(parsing: " 1 / 1 ") == FrameShard(index: 1, count: 1))
        for bad in [
            "0/3", "4/3", "1/0", "-1/3", "1/-3", "+1/3", "1/3/4", "1", "/3", "1/", "a/b", "1.0/3",
            "1/1000002", "99999999999999999999/1",
        ] {
            #expect(FrameShard(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func manifestNamesRoundTripAndNothingElseMatches() {
        for (index, count) in [(1, 1), (3, 8), (1_000_001, 1_000_001)] {
            let shard = FrameShard(index: index, count: count)!
            #expect(FrameShard(manifestName: shard.manifestName) == shard)
        }
        for name in [
            "shard-0-of-3.json", "shard-4-of-3.json", "shard-01-of-3.json", "shard-1-of-3.json.bak",
            "shard-1-of-3", "shard--of-3.json", "shard-1-of-.json", "manifest.json", "shard-1-of-3-of-4.json",
        ] {
            #expect(FrameShard(manifestName: name) == nil, "\(name)")
        }
    }

    /// Two shards' arguments that differ in a value holding a right-to-left override and a line
    /// break: the message names the argument and its neighbours on one line, escaped, and a
    /// long neighbour is cut at 60 scalars instead of hiding the argument that differs.
    @Test func differingShardArgumentsAreQuotedOnOneLine() {
        let a = ["--out", "frames", "--learning-rate", "0.1\u{202E}\n", "--jobs", "2"]
        let b = ["--out", "frames", "--learning-rate", "0.2", "--jobs", "2"]
        let shown = ShardSet.differingArguments(a, b)
        #expect(
            shown
                == "'--learning-rate 0.1\\u{202E}\\u{A} --jobs' where the other has '--learning-rate 0.2 --jobs'",
            "\(shown)")
        #expect(!shown.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\n" })
        let path = "/" + String(repeating: "d", count: 200)
        let long = ShardSet.differingArguments(
            ["--data", path, "--seed", "1"], ["--data", path, "--jobs", "2"])
        #expect(long == "'\(path.prefix(60))… --seed 1' where the other has '\(path.prefix(60))… --jobs 2'")
        #expect(
            ShardSet.differingArguments(["--seed", "1"], ["--seed", "1", "--quiet"])
                == "'1' where the other has '1 --quiet'")
    }

    /// A part rendered alone has the bytes of the same frames rendered with all the others.
    @Test func aRangeRendersTheSameBytesAsTheWholeRun() throws {
        let source = MovingDotSource()
        let whole = CollectingSink(needsOrder: true)
        try FramePipeline(source: source, jobs: 2, quiet: true).run(into: [whole])
        let part = CollectingSink(needsOrder: true)
        try FramePipeline(source: source, jobs: 2, quiet: true).run(into: [part], frames: 3..<7)
        #expect(part.frames.map(\.index) == [3, 4, 5, 6])
        #expect(part.frames.map(\.png) == Array(whole.frames[3..<7]).map(\.png))
        #expect(throws: AnimationError.self) {
            try FramePipeline(source: source, jobs: 1, quiet: true).run(
                into: [CollectingSink(needsOrder: true)], frames: 5..<12)
        }
    }

    /// The fast CRC-32 used for whole files is the PNG chunk CRC (the table-driven one, an
    /// independent implementation): at every length around its 16- and 64-byte steps and the
    /// zlib tail, at every alignment, and on a large buffer.
    @Test func fileChecksumIsTheChunkCRC() {
        var generator = SplitMix64(seed: 15)
        let bytes = (0..<100_003).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(CRC32.fileChecksum(bytes) == CRC32.checksum(bytes))
        #expect(CRC32.fileChecksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.fileChecksum([]) == 0)
        var mismatches: [String] = []
        bytes.withUnsafeBytes { all in
            for offset in 0..<16 {
                for length in 0...600 {
                    let part = UnsafeRawBufferPointer(rebasing: all[offset..<(offset + length)])
                    if CRC32.fileChecksum(part) != CRC32.checksum(part) {
                        mismatches.append("\(length) bytes at offset \(offset)")
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        // All ones and all zeros: the register's start and end inversions matter most there.
        for byte: UInt8 in [0, 0xFF] {
            let run = [UInt8](repeating: byte, count: 4_099)
            #expect(CRC32.fileChecksum(run) == CRC32.checksum(run))
        }
    }

    /// Shards of one run hold the folder's lock together; a full run (exclusive) cannot start
    /// while any of them writes, and the lock file goes with the last one.
    @Test func sharedLocksAdmitEachOtherButNotAnExclusiveHolder() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Another process stands for the shards (one process shares its own locks).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["--shared", folder + "/" + FolderLock.fileName, "sleep", "30"]
        try holder.run()
        defer { holder.terminate() }
        var waited = 0
        while !FileManager.default.fileExists(atPath: folder + "/" + FolderLock.fileName), waited < 100 {
            usleep(20_000)
            waited += 1
        }
        usleep(200_000)
        #expect(throws: OutputError.self) { _ = try FolderLock.acquire(folder) }
        do {
            let shared = try FolderLock.acquire(folder, mode: .shared)
            withExtendedLifetime(shared) {}
        }
        // Not the last holder: the file stays for the other one.
        #expect(FileManager.default.fileExists(atPath: folder + "/" + FolderLock.fileName))
    }
}
