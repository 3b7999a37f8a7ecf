import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// render-fit against folders prepared by an attacker or a careless user, run as a process:
/// planted links, a second run into the same folder, directories and FIFOs at its names,
/// links that alias its folders, files that look like temporaries, dangling links, outputs
/// that clash, and signals in the middle of writing (issue 11, items 1–8).
@Suite("hostile output folders")
struct HostileFolderTests {
    static func renderFit(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run("render-fit", arguments + ["--quiet"])
    }

    /// Symbolic links at every name a temporary could have under the old scheme
    /// (`.NAME.PID.render-fit-tmp` for the next process ids), pointing at `victim`.
    static func plantLinks(in folder: String, for name: String, to victim: String) throws {
        let last =
            Int(
                (try? String(contentsOfFile: "/proc/sys/kernel/ns_last_pid", encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
        for pid in (last + 1)...(last + 3_000) {
            try? FileManager.default.createSymbolicLink(
                atPath: "\(folder)/.\(name).\(pid).render-fit-tmp", withDestinationPath: victim)
        }
        // And a link shaped like the new scheme, which the clean-up must not follow either.
        try FileManager.default.createSymbolicLink(
            atPath: "\(folder)/.\(name)~render-fit-tmp-aaaaaaaaaaaa", withDestinationPath: victim)
    }

    @Test("1. planted symbolic links at temporary names are never written through")
    func plantedLinksAreNotFollowed() throws {
        let dir = try TemporaryDirectory("hostile-links")
        defer { dir.remove() }
        let victim = dir.path("victim.txt")
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        let exports = dir.path("exports")
        try FileManager.default.createDirectory(atPath: exports, withIntermediateDirectories: true)
        try Self.plantLinks(in: exports, for: "history.csv", to: victim)
        try Self.plantLinks(in: exports, for: "fit.png", to: victim)
        let run = try Self.renderFit([
            "--out", dir.path("out"), "--iterations", "3", "--history", exports + "/history.csv",
            "--animation", exports + "/fit.png",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(FileKind.of(exports + "/history.csv") == "file")
        #expect(FileKind.of(exports + "/fit.png") == "file")
    }

    @Test("1. an ffmpeg animation outside --out is not written through a planted link")
    func ffmpegAnimationIsNotWrittenThroughALink() throws {
        let dir = try TemporaryDirectory("hostile-ffmpeg")
        defer { dir.remove() }
        let victim = dir.path("victim.txt")
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        let movies = dir.path("movies")
        try FileManager.default.createDirectory(atPath: movies, withIntermediateDirectories: true)
        try Self.plantLinks(in: movies, for: "fit.mp4", to: victim)
        let run = try Self.renderFit([
            "--out", dir.path("out"), "--iterations", "3", "--animation", movies + "/fit.mp4",
            "--width", "160", "--height", "120",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        let mp4 = try Data(contentsOf: URL(fileURLWithPath: movies + "/fit.mp4"))
        #expect(mp4.count > 100 && mp4[4..<8] == Data("ftyp".utf8))
    }

    @Test("2. a second run into a folder being written exits 73 at once, naming it and the other process")
    func secondRunIsRefusedAndTheLockDiesWithItsProcess() throws {
        let dir = try TemporaryDirectory("hostile-lock")
        defer { dir.remove() }
        let out = dir.path("frames")
        let first = try RunningProcess(
            "render-fit",
            [
                "--out", out, "--iterations", "9000", "--width", "160", "--height", "120", "--jobs", "1",
                "--quiet",
            ])
        #expect(first.wait { FileManager.default.fileExists(atPath: out + "/frame_0003.png") })
        let second = try Self.renderFit(["--out", out, "--iterations", "5"])
        #expect(second.status == 73)
        #expect(second.errorLines.count == 1)
        #expect(second.standardError.contains("'\(out)'"))
        #expect(second.standardError.contains("process \(first.pid)"))
        // The figures of a second run into the same folder are refused too.
        let figures = try Self.renderFit(["--figures", out, "--iterations", "5"])
        #expect(figures.status == 73)
        #expect(!FileManager.default.fileExists(atPath: out + "/figures.json"))
        // SIGKILL: the kernel drops the lock, and the next run proceeds (and owns what the
        // killed run listed in its incomplete manifest).
        #expect(first.stop(with: SIGKILL) == 128 + SIGKILL)
        let third = try Self.renderFit(["--out", out, "--iterations", "5"])
        #expect(third.status == 0, "\(third.standardError)")
        #expect(entries(out).filter { $0.hasPrefix("frame_") }.count == 6)
        #expect(!entries(out).contains(".render-fit.lock"), "a clean run removes its lock file")
    }

    @Test("3. a directory put at a listed name is never deleted: the run stops before writing")
    func directoriesAtOwnedNamesAreForeign() throws {
        let dir = try TemporaryDirectory("hostile-dir")
        defer { dir.remove() }
        let out = dir.path("frames")
        #expect(try Self.renderFit(["--out", out, "--iterations", "5"]).status == 0)
        try FileManager.default.removeItem(atPath: out + "/frame_0004.png")
        try FileManager.default.createDirectory(
            atPath: out + "/frame_0004.png", withIntermediateDirectories: false)
        try "mine\n".write(toFile: out + "/frame_0004.png/notes.txt", atomically: false, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))
        // Fewer iterations: frame_0004.png is stale, and would be removed.
        let shorter = try Self.renderFit(["--out", out, "--iterations", "2"])
        #expect(shorter.status == 73)
        #expect(shorter.standardError.contains("frame_0004.png' is a directory"))
        #expect(try String(contentsOfFile: out + "/frame_0004.png/notes.txt", encoding: .utf8) == "mine\n")
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")) == before, "nothing written")
        // The same iterations: the directory is where a frame would go.
        let same = try Self.renderFit(["--out", out, "--iterations", "5"])
        #expect(same.status == 73)
        #expect(FileManager.default.fileExists(atPath: out + "/frame_0004.png/notes.txt"))
        // A FIFO is foreign too.
        try FileManager.default.removeItem(atPath: out + "/frame_0004.png")
        #expect(mkfifo(out + "/frame_0004.png", 0o644) == 0)
        #expect(try Self.renderFit(["--out", out, "--iterations", "2"]).status == 73)
        #expect(FileKind.of(out + "/frame_0004.png") == "other")
    }

    @Test("4. reserved names are compared as real paths: a link to --out is --out")
    func reservedNamesThroughALink() throws {
        let dir = try TemporaryDirectory("hostile-alias")
        defer { dir.remove() }
        let out = dir.path("frames")
        #expect(try Self.renderFit(["--out", out, "--iterations", "5"]).status == 0)
        try FileManager.default.createSymbolicLink(atPath: dir.path("LINK"), withDestinationPath: out)
        let manifest = try Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))
        let frame = try Data(contentsOf: URL(fileURLWithPath: out + "/frame_0003.png"))
        let history = try Self.renderFit([
            "--out", out, "--iterations", "5", "--history", dir.path("LINK") + "/manifest.json", "--force",
        ])
        #expect(history.status == 64)
        #expect(history.standardError.contains("would replace render-fit's own manifest.json"))
        let animation = try Self.renderFit([
            "--out", out, "--iterations", "5", "--animation", dir.path("LINK") + "/frame_0003.png", "--force",
        ])
        #expect(animation.status == 64)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")) == manifest)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/frame_0003.png")) == frame)
    }

    @Test("5. files a user named like temporaries are not swept away")
    func userFilesThatLookLikeTemporariesStay() throws {
        let dir = try TemporaryDirectory("hostile-sweep")
        defer { dir.remove() }
        let out = dir.path("frames")
        #expect(try Self.renderFit(["--out", out, "--iterations", "5"]).status == 0)
        let mine = [".frame_0003.png.orig.tmp", ".history.csv.x.tmp", ".frame_0001.png.123.render-fit-tmp"]
        for name in mine { try "mine\n".write(toFile: out + "/" + name, atomically: false, encoding: .utf8) }
        let rerun = try Self.renderFit(["--out", out, "--iterations", "5"])
        #expect(rerun.status == 0, "\(rerun.standardError)")
        for name in mine { #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(name)") }
    }

    @Test("6. a dangling symbolic link at an output name is a foreign file")
    func danglingLinksAreForeign() throws {
        let dir = try TemporaryDirectory("hostile-dangling")
        defer { dir.remove() }
        let out = dir.path("frames")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: out + "/frame_0002.png", withDestinationPath: dir.path("nowhere"))
        let frames = try Self.renderFit(["--out", out, "--iterations", "5"])
        #expect(frames.status == 73)
        #expect(frames.standardError.contains("frame_0002.png"))
        #expect(entries(out) == ["frame_0002.png"], "nothing was written")
        try FileManager.default.createSymbolicLink(
            atPath: dir.path("fit.png"), withDestinationPath: dir.path("nowhere2"))
        let animation = try Self.renderFit(["--animation", dir.path("fit.png"), "--iterations", "5"])
        #expect(animation.status == 73)
        #expect(animation.standardError.contains("--force"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("nowhere2")))
        let forced = try Self.renderFit(["--animation", dir.path("fit.png"), "--iterations", "5", "--force"])
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(FileKind.of(dir.path("fit.png")) == "file", "the link is replaced, not followed")
        #expect(!FileManager.default.fileExists(atPath: dir.path("nowhere2")))
    }

    @Test("7. clashing outputs, a parent that is a file, long and non-UTF-8 names: refused before any byte")
    func everyCheckBeforeTheFirstByte() throws {
        let dir = try TemporaryDirectory("hostile-plan")
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.path("f"), withIntermediateDirectories: false)
        let clash = try Self.renderFit([
            "--figures", dir.path("f"), "--animation", dir.path("f") + "/points.png", "--iterations", "5",
        ])
        #expect(clash.status == 64)
        #expect(clash.standardError.contains("points.png"))
        #expect(try dir.contents() == ["f"], "nothing was written")
        try FileManager.default.removeItem(atPath: dir.path("f"))
        try "x".write(toFile: dir.path("afile"), atomically: false, encoding: .utf8)
        let parent = try Self.renderFit([
            "--out", dir.path("frames"), "--figures", dir.path("afile") + "/f", "--iterations", "5",
        ])
        #expect(parent.status == 64)
        #expect(parent.standardError.contains("afile"))
        #expect(try dir.contents() == ["afile"], "no frames before the figures' check")
        let long = String(repeating: "a", count: 240) + ".png"
        let tooLong = try Self.renderFit([
            "--out", dir.path("frames"), "--animation", dir.path(long), "--iterations", "5",
        ])
        #expect(tooLong.status == 64)
        #expect(tooLong.standardError.contains("too long"))
        #expect(try dir.contents() == ["afile"])
        // A path that is not valid UTF-8 ("caf\xE9"), given through the shell.
        let binary = try ProcessRunner.executable(named: "render-fit").path
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "exec \"$0\" --out \"$(printf 'caf\\351')\" --quiet 2>err.txt", binary]
        shell.currentDirectoryURL = dir.url
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 64)
        let message = try String(contentsOfFile: dir.path("err.txt"), encoding: .utf8)
        #expect(message.contains("not valid UTF-8") && message.contains("--out") && message.contains("\\xE9"))
        #expect(try dir.contents() == ["afile", "err.txt"])
    }

    @Test("8. after SIGTERM no temporary remains, SVG figures included")
    func interruptedFiguresLeaveNoTemporary() throws {
        let dir = try TemporaryDirectory("hostile-sigterm")
        defer { dir.remove() }
        let figures = dir.path("figures")
        let run = try RunningProcess(
            "render-fit", ["--figures", figures, "--format", "svg", "--points", "40000", "--quiet"])
        #expect(run.wait { !hiddenLeftovers(figures).isEmpty }, "a temporary appears while writing")
        #expect(run.stop(with: SIGTERM) == 128 + SIGTERM)
        #expect(entries(figures).filter { $0.hasPrefix(".") }.isEmpty, "\(entries(figures))")
    }

    @Test("8. after SIGKILL the next run removes the leftovers, also outside --out")
    func killedRunsLeftoversGoWithTheNextRun() throws {
        let dir = try TemporaryDirectory("hostile-sigkill")
        defer { dir.remove() }
        let movies = dir.path("movies")
        try FileManager.default.createDirectory(atPath: movies, withIntermediateDirectories: true)
        let run = try RunningProcess(
            "render-fit",
            [
                "--out", dir.path("a"), "--animation", movies + "/fit.png", "--iterations", "5000",
                "--width", "160", "--height", "120", "--jobs", "1", "--quiet",
            ])
        #expect(run.wait { !hiddenLeftovers(movies).isEmpty })
        run.stop(with: SIGKILL)
        #expect(!hiddenLeftovers(movies).isEmpty, "SIGKILL leaves the temporary")
        let next = try Self.renderFit([
            "--out", dir.path("b"), "--animation", movies + "/fit.png", "--iterations", "3",
        ])
        #expect(next.status == 0, "\(next.standardError)")
        #expect(entries(movies) == ["fit.png"])
    }
}

/// The kind of a path, without following a final link: "file", "link", "directory", "other".
enum FileKind {
    static func of(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else { return "missing" }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return "file"
        case S_IFLNK: return "link"
        case S_IFDIR: return "directory"
        default: return "other"
        }
    }
}
