import FitOutput
import Foundation
import Testing

/// `render-fit --shard I/N` and `render-fit merge`: the shards of a run, merged, are the
/// bytes of one run; every bad input stops the merge with one line and nothing written.
@Suite struct RenderFitShardsTests {
    /// The files a frames run with an APNG inside --out leaves, by name.
    static func contents(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return files
    }

    /// One run on one machine: the reference every merge must equal.
    static func singleRun(_ dir: TemporaryDirectory, _ options: [String] = []) throws -> [String: Data] {
        let out = dir.path("single")
        let result = try ProcessRunner.run(
            "render-fit", ["--out", out, "--animation", out + "/fit.png", "--quiet"] + options)
        #expect(result.status == 0, "\(result.standardError)")
        return try contents(out)
    }

    static func shard(_ out: String, _ shard: String, _ options: [String] = []) throws -> ProcessResult {
        try ProcessRunner.run(
            "render-fit", ["--out", out, "--shard", shard, "--jobs", "1", "--quiet"] + options)
    }

    /// Three shards in three folders, separately.
    static func threeShards(_ dir: TemporaryDirectory, _ options: [String] = []) throws -> [String] {
        let folders = (1...3).map { dir.path("part-\($0)") }
        for (i, folder) in folders.enumerated() {
            let result = try shard(folder, "\(i + 1)/3", options)
            #expect(result.status == 0, "\(result.standardError)")
        }
        return folders
    }

    static func merge(_ out: String, _ folders: [String], animation: Bool = true) throws -> ProcessResult {
        try ProcessRunner.run(
            "render-fit",
            ["merge", "--out", out] + folders + (animation ? ["--animation", out + "/fit.png"] : []))
    }

    /// The CI recipe: GNU parallel starts three shards at once into one shared folder, then
    /// merge; frames, history.csv, manifest.json and the APNG equal one run's, byte for byte.
    @Test func gnuParallelShardsInASharedFolderEqualOneRun() throws {
        let dir = try TemporaryDirectory("shards")
        defer { dir.remove() }
        let single = try Self.singleRun(dir)
        let out = dir.path("shared")
        let renderFit = try ProcessRunner.executable(named: "render-fit").path
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/parallel") else {
            Issue.record("GNU parallel is missing: run Scripts/setup.sh --with-parallel")
            return
        }
        let parallel = try ProcessRunner.runTool(
            "/usr/bin/parallel",
            [
                "--will-cite", "--halt", "now,fail=1", renderFit, "--out", out, "--shard", "{}/3", "--jobs",
                "1", "--quiet",
                ":::", "1", "2", "3",
            ])
        #expect(parallel.status == 0, "\(parallel.standardError)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix("shard-") }
                .sorted()
                == ["shard-1-of-3.json", "shard-2-of-3.json", "shard-3-of-3.json"])
        let merged = try Self.merge(out, [])
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(
            merged.outputLines.first?.hasPrefix("merged 3 shards: wrote 101 frames (101 already there)")
                == true)
        let files = try Self.contents(out)
        #expect(files.keys.sorted() == single.keys.sorted())
        for (name, bytes) in single { #expect(files[name] == bytes, "\(name) differs from one run's") }
    }

    /// Shards in folders of their own, merged into a new folder: the same bytes; the frames
    /// are hard links to the shards' (nothing copied, nothing moved).
    /// Option sets of the frames job that shards must reproduce (every frame-changing option
    /// that exists: residuals, panels).
    static let frameOptions: [[String]] = [
        ["--iterations", "30", "--residuals"],
        ["--iterations", "20", "--panels", "fit,loss,landscape"],
        ["--iterations", "60", "--every", "7"],
        ["--iterations", "400", "--frames", "log", "--max-frames", "20"],
        ["--iterations", "25", "--panels", "fit,landscape", "--compare", "optimizer=gd,momentum,adam"],
    ]

    @Test(arguments: frameOptions)
    func separateFoldersMergeIntoTheBytesOfOneRun(options: [String]) throws {
        let dir = try TemporaryDirectory("shards")
        defer { dir.remove() }
        let single = try Self.singleRun(dir, options)
        let folders = try Self.threeShards(dir, options)
        let out = dir.path("merged")
        let merged = try Self.merge(out, folders)
        #expect(merged.status == 0, "\(merged.standardError)")
        let files = try Self.contents(out)
        #expect(files.keys.sorted() == single.keys.sorted())
        for (name, bytes) in single { #expect(files[name] == bytes, "\(name) differs from one run's") }
        // Linked, not moved: the shard's file is still there and is the same inode.
        var shardFile = stat()
        var mergedFile = stat()
        #expect(stat(folders[0] + "/frame_0000.png", &shardFile) == 0)
        #expect(stat(out + "/frame_0000.png", &mergedFile) == 0)
        #expect(shardFile.st_ino == mergedFile.st_ino)
        #expect(FileManager.default.fileExists(atPath: folders[2] + "/shard-3-of-3.json"))
        // A rerun of the merge replaces its own files and gives the same bytes.
        let again = try Self.merge(out, folders)
        #expect(again.status == 0, "\(again.standardError)")
        #expect(try Self.contents(out) == files)
    }

    /// --pause-start and --hold-last time the animation, which the merge writes: given to the
    /// merge, the APNG is a single run's; given to a shard, a usage error says where they go.
    @Test func animationTimingGoesToTheMerge() throws {
        let dir = try TemporaryDirectory("shards")
        defer { dir.remove() }
        let timing = ["--pause-start", "0.5", "--hold-last", "1"]
        let single = try ProcessRunner.run(
            "render-fit",
            [
                "--out", dir.path("single"), "--animation", dir.path("single.png"), "--quiet", "--iterations",
                "12",
            ] + timing)
        #expect(single.status == 0, "\(single.standardError)")
        let refused = try Self.shard(dir.path("refused"), "1/3", ["--iterations", "12", "--hold-last", "1"])
        #expect(refused.status == 64)
        #expect(refused.standardError.contains("give it to the merge"))
        let folders = try Self.threeShards(dir, ["--iterations", "12"])
        let merged = try ProcessRunner.run(
            "render-fit",
            ["merge", "--out", dir.path("merged"), "--animation", dir.path("merged.png")] + timing + folders)
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: dir.path("merged.png")))
                == Data(contentsOf: URL(fileURLWithPath: dir.path("single.png"))))
        let bad = try ProcessRunner.run(
            "render-fit",
            ["merge", "--out", dir.path("bad"), "--animation", dir.path("bad.png"), "--hold-last", "-1"]
                + folders)
        #expect(bad.status == 64, "\(bad.standardError)")
        #expect(bad.standardError.contains("--hold-last"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("bad")))
    }

    /// ffmpeg gets the merged frames' pixels: the GIF is the one a single run writes.
    @Test func mergeWritesTheGIFOfOneRunThroughFFmpeg() throws {
        let dir = try TemporaryDirectory("shards")
        defer { dir.remove() }
        let options = ["--iterations", "12"]
        let single = try ProcessRunner.run(
            "render-fit",
            ["--out", dir.path("single"), "--animation", dir.path("single.gif"), "--quiet"] + options)
        #expect(single.status == 0, "\(single.standardError)")
        let folders = try Self.threeShards(dir, options)
        let merged = try ProcessRunner.run(
            "render-fit",
            ["merge", "--out", dir.path("merged"), "--animation", dir.path("merged.gif")] + folders)
        #expect(merged.status == 0, "\(merged.standardError)")
        let expected = try Data(contentsOf: URL(fileURLWithPath: dir.path("single.gif")))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path("merged.gif"))) == expected)
    }

    /// A merge into a folder that holds a longer run: its extra frames go, as a rerun's would.
    @Test func mergeRemovesStaleFramesOfAnEarlierRun() throws {
        let dir = try TemporaryDirectory("shards")
        defer { dir.remove() }
        let out = dir.path("merged")
        #expect(
            try ProcessRunner.run("render-fit", ["--out", out, "--iterations", "40", "--quiet"]).status == 0)
        let folders = try Self.threeShards(dir, ["--iterations", "20"])
        let merged = try Self.merge(out, folders, animation: false)
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(
            merged.outputLines.contains("removed 20 frames of an earlier run that this one does not produce"))
        let frames = try FileManager.default.contentsOfDirectory(atPath: out).filter {
            $0.hasPrefix("frame_")
        }
        #expect(frames.count == 21)
    }

    /// A merge run again into its own folder: the frames are already links of the shards'
    /// files, so they stay as they are; the folder equals one run's and holds no temporary.
    /// And a frame replaced by another file meanwhile is put back (it is the run's to own).
    @Test func aMergeRunAgainLeavesTheSameFolder() throws {
        let dir = try TemporaryDirectory("shards")
        defer { dir.remove() }
        let expected = try Self.singleRun(dir, ["--iterations", "20"])
        let folders = try Self.threeShards(dir, ["--iterations", "20"])
        let out = dir.path("merged")
        for _ in 0..<2 {
            let merged = try Self.merge(out, folders)
            #expect(merged.status == 0, "\(merged.standardError)")
            #expect(
                merged.outputLines.first?.contains("(21 hard-linked)") == true, "\(merged.standardOutput)")
        }
        #expect(try Self.contents(out) == expected)
        var inOutput = stat()
        var inShard = stat()
        #expect(
            lstat(out + "/frame_0000.png", &inOutput) == 0
                && lstat(folders[0] + "/frame_0000.png", &inShard) == 0)
        #expect(inOutput.st_ino == inShard.st_ino, "frame_0000.png is no longer the shard's file")

        // A run's own frame replaced by another file (the run owns the name; writing into it
        // would change the shard's frame too, which the merge refuses): the merge links the
        // shard's frame over it, and leaves no temporary behind.
        #expect(unlink(out + "/frame_0003.png") == 0)
        try Data("not a frame".utf8).write(to: URL(fileURLWithPath: out + "/frame_0003.png"))
        let again = try Self.merge(out, folders)
        #expect(again.status == 0, "\(again.standardError)")
        #expect(try Self.contents(out) == expected)
    }

    // MARK: Bad input: exit 73, one line naming the shard, nothing written

    static func expectRefused(_ result: ProcessResult, mentioning text: String, nothingAt out: String) {
        #expect(result.status == 73, "\(result.standardError)")
        #expect(result.errorLines.count == 1, "\(result.standardError)")
        #expect(result.standardError.contains(text), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out), "the merge wrote \(out)")
    }

    @Test func aMissingShardIsNamed() throws {
        let dir = try TemporaryDirectory("shards")
        defer { dir.remove() }
        let folders = try Self.threeShards(dir)
        let out = dir.path("merged")
        Self.expectRefused(
            try Self.merge(out, [folders[0], folders[2]]), mentioning: "shard 2 of 3 is missing",
            nothingAt: out)
    }

    @Test func aDoubledShardIsNamed() throws {
        let dir = try TemporaryDirectory("shards")
        defer { dir.remove() }
        let folders = try Self.threeShards(dir)
        let copy = dir.path("copy")
        #expect(try Self.shard(copy, "2/3").status == 0)
        let out = dir.path("merged")
        Self.expectRefused(
            try Self.merge(out, folders + [copy]), mentioning: "shard 2 of 3 is given twice", nothingAt: out)
    }

    @Test func aShardWithOtherSettingsIsNamed() throws {
        let dir = try TemporaryDirectory("shards")
        defer { dir.remove() }
        var folders = try Self.threeShards(dir)
        let other = dir.path("other")
        #expect(try Self.shard(other, "3/3", ["--learning-rate", "0.2"]).status == 0)
        folders[2] = other
        let out = dir.path("merged")
        let result = try Self.merge(out, folders)
        Self.expectRefused(result, mentioning: "other/shard-3-of-3.json' has other settings", nothingAt: out)
        #expect(result.standardError.contains("0.2"))
    }

    @Test func aShardOfAnotherSplitIsNamed() throws {
        let dir = try TemporaryDirectory("shards")
        defer { dir.remove() }
        let folders = try Self.threeShards(dir)
        let other = dir.path("other")
        #expect(try Self.shard(other, "2/4").status == 0)
        let out = dir.path("merged")
        Self.expectRefused(
            try Self.merge(out, folders + [other]), mentioning: "shard-2-of-4.json' is one of 4 shards",
            nothingAt: out)
    }

    /// Edits one field of a shard manifest, as another version or a damaged file would have it.
    static func edit(_ path: String, _ body: (inout [String: Any]) -> Void) throws {
        var json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
            as! [String: Any]
        body(&json)
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
    }

    @Test func aShardOfAnotherVersionIsNamed() throws {
        let dir = try TemporaryDirectory("shards")
        defer { dir.remove() }
        let folders = try Self.threeShards(dir)
        try Self.edit(folders[1] + "/shard-2-of-3.json") { $0["version"] = "0.0.1" }
        let out = dir.path("merged")
        Self.expectRefused(
            try Self.merge(out, folders),
            mentioning: "part-2/shard-2-of-3.json' was written by render-fit 0.0.1",
            nothingAt: out)
    }

    @Test func overlappingShardsAreNamed() throws {
        let dir = try TemporaryDirectory("shards")
        defer { dir.remove() }
        let folders = try Self.threeShards(dir)
        try Self.edit(folders[1] + "/shard-2-of-3.json") { $0["firstFrame"] = 20 }
        let out = dir.path("merged")
        Self.expectRefused(
            try Self.merge(out, folders),
            mentioning: "shard-2-of-3.json' covers frames 20…66 but its part of the run is 33…66",
            nothingAt: out)
    }

    /// The frames' columns of an edited manifest that cannot describe frames of the run (an
    /// index past the run, a size without its CRC): refused as unreadable, never trusted.
    @Test(arguments: [
        "past the run", "a size without its CRC", "more frames than the run", "before the run",
        "a run of no frames",
        "a run of minus one frame",
    ])
    func framesThatDoNotFitTheRunAreRefused(edit: String) throws {
        let dir = try TemporaryDirectory("shards")
        defer { dir.remove() }
        let folders = try Self.threeShards(dir)
        try Self.edit(folders[1] + "/shard-2-of-3.json") { json in
            var frames = json["frames"] as! [String: [Int]]
            switch edit {
            case "past the run": json["firstFrame"] = Int.max - 10
            case "a size without its CRC": frames["crc32"]!.removeLast()
            case "more frames than the run": frames["bytes"]! += Array(repeating: 1, count: 200)
            case "before the run": json["firstFrame"] = -5
            case "a run of no frames": json["frameCount"] = 0
            default: json["frameCount"] = -1
            }
            json["frames"] = frames
        }
        let out = dir.path("merged")
        Self.expectRefused(
            try Self.merge(out, folders),
            mentioning: "shard-2-of-3.json' cannot be read (it is not a render-fit shard manifest)",
            nothingAt: out)
    }

    /// The merge trains the run again from the shards' data file: missing on the merging
    /// machine, it is named with the shard (exit 73), not reported as a usage error about an
    /// option the merge's command line does not have; changed, the histories differ.
    @Test func aDataFileMissingOrChangedWhereTheMergeRunsIsNamed() throws {
        let dir = try TemporaryDirectory("shards")
        defer { dir.remove() }
        var text = "x,y\n"
        for k in 0..<30 { text += "\(Double(k) / 10),\(2 * Double(k) / 10 + 1 + Double(k % 3) / 10)\n" }
        let data = dir.path("points.csv")
        try Data(text.utf8).write(to: URL(fileURLWithPath: data))
        let folders = try Self.threeShards(dir, ["--data", data, "--iterations", "20"])
        let out = dir.path("merged")
        #expect(rename(data, data + ".away") == 0)
        Self.expectRefused(
            try Self.merge(out, folders),
            mentioning:
                "shard-1-of-3.json' was trained on --data '\(data)', which cannot be read on this machine",
            nothingAt: out)
        try Data(text.replacingOccurrences(of: "0.0,1.0", with: "0.0,5.0").utf8).write(
            to: URL(fileURLWithPath: data))
        Self.expectRefused(
            try Self.merge(out, folders), mentioning: "(was the --data file changed?)", nothingAt: out)
    }

    @Test func aChangedOrReplacedFrameIsNamed() throws {
        let dir = try TemporaryDirectory("shards")
        defer { dir.remove() }
        let folders = try Self.threeShards(dir)
        let out = dir.path("merged")
        // Same size, one byte changed.
        let frame = folders[2] + "/frame_0080.png"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: frame))
        bytes[bytes.count - 20] ^= 1
        try bytes.write(to: URL(fileURLWithPath: frame))
        Self.expectRefused(
            try Self.merge(out, folders), mentioning: "frame_0080.png' has changed", nothingAt: out)
        // A symbolic link planted in its place is not followed.
        try FileManager.default.removeItem(atPath: frame)
        try FileManager.default.createSymbolicLink(
            atPath: frame, withDestinationPath: folders[0] + "/frame_0000.png")
        Self.expectRefused(
            try Self.merge(out, folders),
            mentioning: "frame_0080.png' cannot be read (it is a symbolic link)",
            nothingAt: out)
    }

    @Test func aShardFolderBeingWrittenIsNamed() throws {
        let dir = try TemporaryDirectory("shards")
        defer { dir.remove() }
        let folders = try Self.threeShards(dir)
        let out = dir.path("merged")
        // A shard still running holds the folder's lock (shared); this test holds it too.
        let lock = try FolderLock.acquire(folders[1], mode: .shared)
        defer { withExtendedLifetime(lock) {} }
        Self.expectRefused(
            try Self.merge(out, folders), mentioning: "shard folder '\(folders[1])' cannot be merged now",
            nothingAt: out)
    }

    /// A shard manifest is a file anyone can edit: arguments that would make the merge write
    /// elsewhere are refused.
    @Test func recordedOutputOptionsAreRefused() throws {
        let dir = try TemporaryDirectory("shards")
        defer { dir.remove() }
        let folders = try Self.threeShards(dir)
        let figures = dir.path("figures")
        for folder in folders {
            let name = folder + "/shard-\(folders.firstIndex(of: folder)! + 1)-of-3.json"
            try Self.edit(name) { $0["arguments"] = ["--figures", figures] }
        }
        let out = dir.path("merged")
        Self.expectRefused(
            try Self.merge(out, folders), mentioning: "records the output option --figures", nothingAt: out)
        #expect(!FileManager.default.fileExists(atPath: figures))
    }

    @Test func anIncompleteShardIsNamed() throws {
        let dir = try TemporaryDirectory("shards")
        defer { dir.remove() }
        let folders = try Self.threeShards(dir)
        try Self.edit(folders[0] + "/shard-1-of-3.json") { $0["complete"] = false }
        let out = dir.path("merged")
        Self.expectRefused(
            try Self.merge(out, folders), mentioning: "shard-1-of-3.json' is incomplete", nothingAt: out)
    }

    // MARK: Ownership of --out holds for shards and merge

    @Test func shardAndMergeNeverReplaceAUsersFile() throws {
        let dir = try TemporaryDirectory("shards")
        defer { dir.remove() }
        let mine = dir.path("mine")
        try FileManager.default.createDirectory(atPath: mine, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: mine + "/frame_0040.png"))
        let refused = try Self.shard(mine, "2/3")
        #expect(refused.status == 73)
        #expect(refused.standardError.contains("frame_0040.png"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: mine) == ["frame_0040.png"])

        let folders = try Self.threeShards(dir)
        let merged = try Self.merge(mine, folders)
        #expect(merged.status == 73)
        #expect(merged.standardError.contains("frame_0040.png"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: mine) == ["frame_0040.png"])
    }

    // MARK: Usage errors: exit 64, nothing written

    @Test(arguments: [
        (["--shard", "0/3"], "'0/3' is invalid for '--shard <I/N>'"),
        (["--shard", "4/3"], "'4/3' is invalid"),
        (["--shard", "1/0"], "'1/0' is invalid"),
        (["--shard", "1/x"], "'1/x' is invalid"),
        (["--shard", "2/102"], "this run has 101 frames, so N may be at most 101"),
        (["--shard", "1/2", "--animation", "a.png"], "--shard cannot be combined with --animation"),
        (["--shard", "1/2", "--history", "h.csv"], "--shard cannot be combined with --history"),
        (["--shard", "1/2", "--figures", "figs"], "--shard cannot be combined with --figures"),
    ])
    func badShardOptionsAreUsageErrors(arguments: [String], message: String) throws {
        let dir = try TemporaryDirectory("shards")
        defer { dir.remove() }
        let result = try ProcessRunner.run("render-fit", ["--out", dir.path("out")] + arguments, in: dir.url)
        #expect(result.status == 64, "\(result.standardError)")
        #expect(result.errorLines.count == 1)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(try dir.contents().isEmpty)
    }

    @Test func mergeHelpAndVersionWork() throws {
        let help = try ProcessRunner.run("render-fit", ["merge", "--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("USAGE: render-fit merge --out <dir> [<shard-dir> ...]"))
        let root = try ProcessRunner.run("render-fit", ["--help"])
        #expect(root.standardOutput.contains("render-fit merge --out DIR [SHARD_DIR …]"))
        #expect(try ProcessRunner.run("render-fit", ["--version"]).status == 0)
    }
}
