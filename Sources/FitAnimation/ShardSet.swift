import Dispatch
import FitMessages
import FitOutput
import FitPNG
import Foundation

/// The shards that `render-fit merge` was given: every shard manifest in the folders, checked
/// to be the parts of one run — one version, one set of arguments and settings, one history —
/// that together cover every frame exactly once. Each check names the first shard that fails
/// it (``ShardError``); nothing is written until all passed.
public struct ShardSet: Sendable, Equatable {
    /// One shard: its folder, its manifest's path and contents.
    public struct Member: Sendable, Equatable {
        /// The folder the shard wrote into.
        public var folder: OutputDirectory
        /// Its manifest's path.
        public var path: String
        /// Its manifest.
        public var manifest: ShardManifest
        /// The manifest's bytes as read: the merge checks them again under the shard folders'
        /// locks without decoding them a second time (see ``ShardSet/isUnchangedOnDisk()``).
        package var bytes: [UInt8]

        public static func == (a: Member, b: Member) -> Bool {
            a.folder.path == b.folder.path && a.path == b.path && a.bytes == b.bytes
        }
    }

    /// The shards, in order (shard 1 first).
    public let members: [Member]
    /// The folders searched, as given.
    public let folders: [String]

    /// The run's arguments (the same in every shard).
    public var arguments: [String] { members[0].manifest.arguments }
    /// The run's frame count.
    public var frameCount: Int { members[0].manifest.frameCount }
    /// The run's history digest.
    public var history: ShardManifest.Digest { members[0].manifest.history }

    /// Reads every `shard-I-of-N.json` in `folders` and checks that they are the parts of one
    /// run written by this version, covering every frame exactly once.
    public static func load(folders: [String]) throws(ShardError) -> ShardSet {
        var members: [Member] = []
        for (folder, entry) in try manifestFiles(in: folders) {
            let manifestPath = folder.filePath(entry)
            let bytes = try ShardManifest.readBytes(atPath: manifestPath)
            let manifest = try ShardManifest.decode(bytes, path: manifestPath)
            guard manifest.shard.manifestName == entry else {
                throw .unreadable(
                    path: manifestPath, reason: "it describes \(manifest.shard.description)")
            }
            members.append(Member(folder: folder, path: manifestPath, manifest: manifest, bytes: bytes))
        }
        guard !members.isEmpty else { throw .noShards(folders: folders) }
        members.sort { ($0.manifest.shard.index, $0.path) < ($1.manifest.shard.index, $1.path) }
        try check(members, folders: folders)
        return ShardSet(members: members, folders: folders)
    }

    /// The shard manifests' names in `folders`, folder by folder, each name sorted.
    private static func manifestFiles(in folders: [String]) throws(ShardError) -> [(OutputDirectory, String)]
    {
        var files: [(OutputDirectory, String)] = []
        var seenFolders: Set<String> = []
        for path in folders {
            guard FileKind.isDirectory(path) else { throw .notAFolder(path: path) }
            let folder = OutputDirectory(path: path)
            // One folder given twice (or under two spellings) is searched once.
            guard seenFolders.insert(folder.resolvedPath).inserted else { continue }
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            for entry in entries where FrameShard(manifestName: entry) != nil {
                files.append((folder, entry))
            }
        }
        return files
    }

    /// Whether the folders still hold exactly these shard manifests, byte for byte: what the
    /// merge checks again under the shard folders' locks. Comparing bytes instead of decoding
    /// again halves the JSON work of a merge (10,000 frames: about 7 % of its time).
    public func isUnchangedOnDisk() throws(ShardError) -> Bool {
        let paths = try Self.manifestFiles(in: folders).map { $0.0.filePath($0.1) }
        guard Set(paths) == Set(members.map(\.path)), paths.count == members.count else { return false }
        for member in members where try ShardManifest.readBytes(atPath: member.path) != member.bytes {
            return false
        }
        return true
    }

    private static func check(_ members: [Member], folders: [String]) throws(ShardError) {
        for member in members {
            guard member.manifest.complete else { throw .incomplete(path: member.path) }
            guard member.manifest.version == RenderFitVersion.current else {
                throw .otherVersion(
                    path: member.path, version: member.manifest.version, expected: RenderFitVersion.current)
            }
        }
        let reference = members[0]
        let count = reference.manifest.shard.count
        for member in members.dropFirst() {
            let m = member.manifest
            guard m.shard.count == count else {
                throw .otherCount(
                    path: member.path, count: m.shard.count, expected: count, reference: reference.path)
            }
            if let difference = Self.difference(m, reference.manifest) {
                throw .otherSettings(path: member.path, reference: reference.path, difference: difference)
            }
            guard m.history == reference.manifest.history else {
                throw .otherHistory(path: member.path, reference: "'\(reference.path)'")
            }
        }
        var byIndex: [Int: Member] = [:]
        for member in members {
            if let first = byIndex[member.manifest.shard.index] {
                throw .doubled(shard: member.manifest.shard, first: first.path, second: member.path)
            }
            byIndex[member.manifest.shard.index] = member
        }
        for index in 1...count where byIndex[index] == nil {
            // FrameShard(index:count:) cannot fail here: 1 ≤ index ≤ count ≤ the maximum.
            if let missing = FrameShard(index: index, count: count) {
                throw .missing(shard: missing, folders: folders)
            }
        }
        let frameCount = reference.manifest.frameCount
        let naming = FrameNaming(lastIndex: frameCount - 1)
        for member in members {
            let m = member.manifest
            let expected = m.shard.frames(of: frameCount)
            let files = m.frames
            guard m.frameRange == expected, files.count == expected.count,
                zip(files, expected).allSatisfy({ $0.index == $1 && $0.file == naming.name($1) })
            else {
                let listed =
                    files.isEmpty ? m.frameRange : files[0].index..<(files[files.count - 1].index + 1)
                let recorded = m.frameRange != expected ? m.frameRange : listed
                throw .wrongFrames(path: member.path, range: recorded, expected: expected)
            }
        }
    }

    /// How `a`'s run differs from `b`'s, or nil when they are the same run.
    private static func difference(_ a: ShardManifest, _ b: ShardManifest) -> String? {
        if a.arguments != b.arguments { return differingArguments(a.arguments, b.arguments) }
        if a.frameCount != b.frameCount {
            return "\(a.frameCount) frames where the other has \(b.frameCount)"
        }
        if a.settings != b.settings { return "its recorded settings differ" }
        return nil
    }

    /// Where two shards' command lines differ: the first differing argument with its neighbours
    /// on each side, each argument quoted by `MessageText` (so every one of them shows, however
    /// long its neighbour, and the message stays one line).
    package static func differingArguments(_ a: [String], _ b: [String]) -> String {
        let common = min(a.count, b.count)
        let i = (0..<common).first { a[$0] != b[$0] } ?? common
        func around(_ list: [String]) -> String {
            let shown = list[max(0, i - 1)..<min(list.count, i + 2)].map { MessageText.quoted($0) }
            return shown.isEmpty ? "nothing" : "'\(shown.joined(separator: " "))'"
        }
        return "\(around(a)) where the other has \(around(b))"
    }

    /// The largest frame file read back (the PNG decoder's own limit).
    public static let maximumFrameBytes = PNGDecoder.maximumFileBytes

    /// Reads every frame file and checks its size and CRC-32 against the shard's record, with
    /// `jobs` threads; the error reported is that of the first frame (in frame order) that
    /// fails, whatever the thread count.
    public func verifyFrames(jobs: Int) throws(ShardError) {
        let work: [(member: Int, frame: Int)] = members.indices.flatMap { m in
            members[m].manifest.frames.indices.map { (m, $0) }
        }
        let failures = Locked<[Int: ShardError]>([:])
        let workers = max(1, min(jobs, 64, work.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < work.count {
                let (m, f) = work[index]
                if let failure = check(members[m], members[m].manifest.frames[f]) {
                    failures.withLock { $0[index] = failure }
                }
                index += workers
            }
        }
        if let first = failures.withLock({ $0.min { $0.key < $1.key } }) { throw first.value }
    }

    private func check(_ member: Member, _ frame: ShardManifest.FrameFile) -> ShardError? {
        let path = member.folder.filePath(frame.file)
        let bytes: [UInt8]
        do {
            bytes = try BoundedFile.read(atPath: path, limit: Self.maximumFrameBytes)
        } catch {
            let reason = error == .missing ? "was removed" : "cannot be read (\(error.reason))"
            return .frameChanged(path: member.path, frame: path, reason: reason)
        }
        guard bytes.count == frame.bytes, CRC32.fileChecksum(bytes) == frame.crc32 else {
            return .frameChanged(path: member.path, frame: path, reason: "has changed")
        }
        return nil
    }
}

extension ShardSet {
    /// The frames that the shards inside `folder` claim (none when `folder` is nil or holds
    /// no shard): in a merge into the folder the shards shared, they are render-fit's own.
    public func ownedFrames(in folder: String?) -> Set<String> {
        guard let folder else { return [] }
        let resolved = ResolvedPath.resolve(folder)
        return Set(members.filter { $0.folder.resolvedPath == resolved }.flatMap(\.manifest.files))
    }
}
