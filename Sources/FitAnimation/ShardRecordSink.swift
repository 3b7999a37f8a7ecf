import FitOutput
import FitPNG

/// Records each frame's file name, size and CRC-32 as the frames folder writes it, for the
/// shard manifest (``ShardManifest/frames``). Takes frames in any order, from any worker.
public final class ShardRecordSink: FrameSink {
    private let naming: FrameNaming
    private let recorded = Locked<[ShardManifest.FrameFile]>([])

    /// A recorder naming frames as `naming` does.
    public init(naming: FrameNaming) {
        self.naming = naming
    }

    /// False: frames come in any order.
    public var needsOrder: Bool { false }
    /// False.
    public var needsPixels: Bool { false }

    /// Records the frame.
    public func consume(_ frame: RenderedFrame) throws {
        let entry = ShardManifest.FrameFile(
            index: frame.index, file: naming.name(frame.index), bytes: frame.png.count,
            crc32: CRC32.fileChecksum(frame.png))
        recorded.withLock { $0.append(entry) }
    }

    /// Nothing to complete.
    public func finish() {}
    /// Nothing to remove.
    public func cancel() {}

    /// The frames recorded, in frame order.
    public var frames: [ShardManifest.FrameFile] {
        recorded.withLock { $0 }.sorted { $0.index < $1.index }
    }
}
