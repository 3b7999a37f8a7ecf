import FitOutput

/// Writes each frame as its own file in a folder (`frame_0000.png`, … named by
/// ``FrameNaming``), each through `OutputFile` (an exclusive temporary renamed into place),
/// on the worker that drew it: files are written in parallel, in any order. The caller has
/// checked and locked the folder (see ``FramesJob``); a cancelled run leaves the frames already
/// written, each complete, which the folder's manifest owns.
public final class FrameFolderSink: FrameSink {
    /// The folder written into.
    public let folder: OutputDirectory
    /// The file names.
    public let naming: FrameNaming

    /// A sink writing `naming`'s files into `folder`.
    public init(folder: OutputDirectory, naming: FrameNaming) {
        self.folder = folder
        self.naming = naming
    }

    /// False: each frame is its own file.
    public var needsOrder: Bool { false }
    /// False.
    public var needsPixels: Bool { false }

    /// Writes the frame's file.
    public func consume(_ frame: RenderedFrame) throws {
        try OutputFile.write(frame.png, toPath: folder.filePath(naming.name(frame.index)))
    }

    /// Nothing to complete: every file is in place once written.
    public func finish() {}

    /// Nothing to remove: the files written are complete.
    public func cancel() {}
}
