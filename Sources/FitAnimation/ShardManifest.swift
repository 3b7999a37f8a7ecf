import FitOutput
import FitPNG
import Foundation

/// `shard-I-of-N.json`: what one shard of a run (`render-fit --shard I/N`) wrote, and
/// everything `render-fit merge` checks before it trusts the frames: the tool's version, the
/// run's settings and the arguments that reproduce it, the history the shard trained (its
/// size and CRC-32), the frames it covers, and each frame file's size and CRC-32.
///
/// It is also the shard's ownership list (`tool` and `files`, like `manifest.json`): a rerun
/// of a shard, or another shard in the same folder, may replace the frames a shard manifest
/// lists and nothing else. Written first with `complete` false (so a killed shard still owns
/// its frames), then complete once every frame is written.
public struct ShardManifest: Codable, Equatable, Sendable {
    /// The largest shard manifest read back (the manifest of a one-shard, 1,000,001-frame run
    /// is about 56 MB).
    public static let maximumBytes = 256 << 20

    /// One frame file the shard wrote.
    public struct FrameFile: Codable, Equatable, Sendable {
        /// The frame's index in the whole run.
        public var index: Int
        /// Its file name, e.g. `frame_0042.png`.
        public var file: String
        /// Its size in bytes.
        public var bytes: Int
        /// The CRC-32 (zlib's) of its bytes.
        public var crc32: UInt32
    }

    /// The size and CRC-32 of some bytes (the history as `history.csv` holds it).
    public struct Digest: Codable, Equatable, Sendable {
        /// Size in bytes.
        public var bytes: Int
        /// The CRC-32 (zlib's) of the bytes.
        public var crc32: UInt32

        /// The digest of `bytes`.
        public init(of bytes: [UInt8]) {
            self.bytes = bytes.count
            crc32 = CRC32.fileChecksum(bytes)
        }
    }

    /// Always "render-fit" (the ownership-list marker).
    public var tool = "render-fit"
    /// The version of render-fit that wrote the shard.
    public var version: String
    /// False while the shard writes.
    public var complete: Bool
    /// Which part of the run this is.
    public var shard: FrameShard
    /// The run's arguments without those that do not change the bytes (`--shard`, `--out`,
    /// `--jobs`, `--quiet`, `--force`), paths of input files made absolute: `render-fit merge`
    /// trains the run again from them.
    public var arguments: [String]
    /// The run's settings, as its `manifest.json` records them.
    public var settings: RenderSettings
    /// The number of frames of the whole run.
    public var frameCount: Int
    /// The first frame this shard covers.
    public var firstFrame: Int
    /// One past the last frame this shard covers.
    public var endFrame: Int
    /// The run's history (`history.csv`'s bytes): size and CRC-32.
    public var history: Digest
    /// The frames written, in order; empty while incomplete.
    public var frames: [FrameFile]
    /// Every file the shard wrote or may have written (its ownership list).
    public var files: [String]

    /// The frames it covers.
    public var frameRange: Range<Int> { firstFrame..<max(firstFrame, endFrame) }

    /// The memberwise initializer (the Codable one below replaces the synthesized one).
    init(
        tool: String = "render-fit", version: String, complete: Bool, shard: FrameShard, arguments: [String],
        settings: RenderSettings, frameCount: Int, firstFrame: Int, endFrame: Int, history: Digest,
        frames: [FrameFile], files: [String]
    ) {
        self.tool = tool
        self.version = version
        self.complete = complete
        self.shard = shard
        self.arguments = arguments
        self.settings = settings
        self.frameCount = frameCount
        self.firstFrame = firstFrame
        self.endFrame = endFrame
        self.history = history
        self.frames = frames
        self.files = files
    }

    // MARK: The file's form

    /// ``frames`` as the file holds them: two columns, sizes and CRC-32s, for the frames from
    /// ``firstFrame`` on (each frame's index and name follow from its place). A merge decodes
    /// every shard manifest before anything else; one JSON object per frame made that 38 ms
    /// of a 10,000-frame merge, the columns take 8.
    private struct FrameColumns: Codable {
        var bytes: [Int]
        var crc32: [UInt32]
    }

    private enum CodingKeys: String, CodingKey {
        case tool, version, complete, shard, arguments, settings, frameCount, firstFrame, endFrame, history
        case frames, files
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tool = try c.decode(String.self, forKey: .tool)
        version = try c.decode(String.self, forKey: .version)
        complete = try c.decode(Bool.self, forKey: .complete)
        shard = try c.decode(FrameShard.self, forKey: .shard)
        arguments = try c.decode([String].self, forKey: .arguments)
        settings = try c.decode(RenderSettings.self, forKey: .settings)
        frameCount = try c.decode(Int.self, forKey: .frameCount)
        firstFrame = try c.decode(Int.self, forKey: .firstFrame)
        endFrame = try c.decode(Int.self, forKey: .endFrame)
        history = try c.decode(Digest.self, forKey: .history)
        files = try c.decode([String].self, forKey: .files)
        let columns = try c.decode(FrameColumns.self, forKey: .frames)
        // A file anyone could have edited: the frames must fit in the run, so that no index
        // below overflows; how they compare with the shard's part is ShardSet's check.
        guard columns.bytes.count == columns.crc32.count, frameCount >= 1, firstFrame >= 0,
            columns.bytes.count <= frameCount, firstFrame <= frameCount - columns.bytes.count
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .frames, in: c, debugDescription: "the frames do not fit in the run")
        }
        let naming = FrameNaming(lastIndex: frameCount - 1)
        let first = firstFrame
        frames = zip(columns.bytes, columns.crc32).enumerated().map { i, frame in
            FrameFile(index: first + i, file: naming.name(first + i), bytes: frame.0, crc32: frame.1)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let naming = FrameNaming(lastIndex: frameCount - 1)
        for (i, frame) in frames.enumerated()
        where frame.index != firstFrame + i || frame.file != naming.name(frame.index) {
            throw EncodingError.invalidValue(
                frame,
                .init(
                    codingPath: c.codingPath,
                    debugDescription: "frames must follow each other from firstFrame"))
        }
        try c.encode(arguments, forKey: .arguments)
        try c.encode(complete, forKey: .complete)
        try c.encode(endFrame, forKey: .endFrame)
        try c.encode(files, forKey: .files)
        try c.encode(firstFrame, forKey: .firstFrame)
        try c.encode(frameCount, forKey: .frameCount)
        try c.encode(FrameColumns(bytes: frames.map(\.bytes), crc32: frames.map(\.crc32)), forKey: .frames)
        try c.encode(history, forKey: .history)
        try c.encode(settings, forKey: .settings)
        try c.encode(shard, forKey: .shard)
        try c.encode(tool, forKey: .tool)
        try c.encode(version, forKey: .version)
    }

    /// The manifest as JSON (sorted keys, pretty printed, final newline), as written.
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [10]
    }

    /// Reads the shard manifest at `path`.
    /// - Throws: ``ShardError/unreadable(path:reason:)``.
    public static func read(atPath path: String) throws(ShardError) -> ShardManifest {
        try decode(try readBytes(atPath: path), path: path)
    }

    /// The bytes of the manifest at `path`, at most ``maximumBytes``.
    static func readBytes(atPath path: String) throws(ShardError) -> [UInt8] {
        do {
            return try BoundedFile.read(atPath: path, limit: maximumBytes)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
    }

    /// The manifest in `bytes`, read from `path` (named in errors).
    static func decode(_ bytes: [UInt8], path: String) throws(ShardError) -> ShardManifest {
        do {
            let manifest = try JSONDecoder().decode(ShardManifest.self, from: Data(bytes))
            guard manifest.tool == "render-fit" else {
                throw ShardError.unreadable(path: path, reason: "its tool is not render-fit")
            }
            return manifest
        } catch let error as ShardError {
            throw error
        } catch {
            throw .unreadable(path: path, reason: "it is not a render-fit shard manifest")
        }
    }
}
