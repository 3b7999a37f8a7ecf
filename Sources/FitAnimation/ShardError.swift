/// Why shards cannot be merged (or a shard cannot be written): each message is one line that
/// names the shard (its manifest's path) and says what to do. `render-fit` exits 73 with it,
/// having written nothing.
public enum ShardError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A shard manifest that cannot be read or is not one.
    case unreadable(path: String, reason: String)
    /// No shard manifest in the folders given.
    case noShards(folders: [String])
    /// A shard folder that does not exist or is not a folder.
    case notAFolder(path: String)
    /// A shard that was interrupted or is still being written.
    case incomplete(path: String)
    /// A shard written by another version of render-fit.
    case otherVersion(path: String, version: String, expected: String)
    /// A shard of a split into another number of parts.
    case otherCount(path: String, count: Int, expected: Int, reference: String)
    /// A shard of a run with other settings.
    case otherSettings(path: String, reference: String, difference: String)
    /// A shard whose history differs from the others' (or from the one the merge trained).
    case otherHistory(path: String, reference: String)
    /// Two manifests for one shard.
    case doubled(shard: FrameShard, first: String, second: String)
    /// A shard no folder holds.
    case missing(shard: FrameShard, folders: [String])
    /// A shard whose frames are not the part its number gives.
    case wrongFrames(path: String, range: Range<Int>, expected: Range<Int>)
    /// A frame file that is missing or differs from what the shard recorded.
    case frameChanged(path: String, frame: String, reason: String)
    /// A shard folder that a shard (or any render-fit run) is writing into.
    case beingWritten(folder: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return
                "shard manifest '\(path)' cannot be read (\(reason)); rerun that shard or move the file away; nothing was written"
        case .noShards(let folders):
            return
                "no shard manifest (shard-I-of-N.json) in \(Self.list(folders)); give the folders the shards wrote into; nothing was written"
        case .notAFolder(let path):
            return
                "shard folder '\(path)' is not a folder; give the folders the shards wrote into; nothing was written"
        case .incomplete(let path):
            return
                "shard '\(path)' is incomplete (it was interrupted or is still running); rerun that shard; nothing was written"
        case .otherVersion(let path, let version, let expected):
            return
                "shard '\(path)' was written by render-fit \(version), not \(expected); rerun it with render-fit \(expected); nothing was written"
        case .otherCount(let path, let count, let expected, let reference):
            return
                "shard '\(path)' is one of \(count) shards but '\(reference)' is one of \(expected); merge the shards of one split; nothing was written"
        case .otherSettings(let path, let reference, let difference):
            return
                "shard '\(path)' has other settings than '\(reference)' (\(difference)); rerun it with the same options; nothing was written"
        case .otherHistory(let path, let reference):
            return
                "shard '\(path)' trained another history than \(reference) (was the --data file changed?); rerun the shards; nothing was written"
        case .doubled(let shard, let first, let second):
            return
                "\(shard.description) is given twice: '\(first)' and '\(second)'; give each shard once; nothing was written"
        case .missing(let shard, let folders):
            return
                "\(shard.description) is missing: no \(shard.manifestName) in \(Self.list(folders)); run it or give its folder; nothing was written"
        case .wrongFrames(let path, let range, let expected):
            return
                "shard '\(path)' covers frames \(range.lowerBound)…\(range.upperBound - 1) but its part of the run is \(expected.lowerBound)…\(expected.upperBound - 1) (overlapping or missing frames); rerun it; nothing was written"
        case .frameChanged(let path, let frame, let reason):
            return
                "shard '\(path)': its frame '\(frame)' \(reason) since the shard wrote it; rerun that shard; nothing was written"
        case .beingWritten(let folder, let reason):
            return "shard folder '\(folder)' cannot be merged now: \(reason)"
        }
    }

    private static func list(_ folders: [String]) -> String {
        let quoted = folders.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
        return folders.count > 3 ? quoted + " and \(folders.count - 3) more" : quoted
    }
}
