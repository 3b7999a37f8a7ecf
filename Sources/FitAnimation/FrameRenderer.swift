import Dispatch
import FitCairo
import FitOutput
import FitPNG
import FitPlot
import Foundation

/// Renders a ``FrameSource``'s frames to PNG bytes, in parallel, with identical bytes for any
/// number of threads.
///
/// The static layer (background, axes, ticks, labels, a point cloud) is drawn once into a
/// shared, immutable pixel layer (two when an axes has a dynamic underlay: the static items
/// under it, and a transparent overlay of those above it, composited over each frame's
/// underlay); each worker thread owns one canvas that it reuses for all
/// its frames: copy the layer in, draw the frame's dynamic marks, encode straight from
/// Cairo's pixels. Frame k depends only on k, so the thread count cannot change a byte.
///
/// Work is handed out frame by frame from a counter. Consumers that need frames in order
/// (an APNG, ffmpeg) get them through a reorder buffer of at most `window` frames, so memory
/// stays bounded however many frames there are.
public final class FrameRenderer: Sendable {
    /// The source whose frames this renderer draws.
    public let source: any FrameSource
    private let layer: CairoPixelLayer
    /// The static items drawn over the dynamic underlay (points over residuals), on a
    /// transparent layer; nil when no axes of the source has a dynamic underlay.
    private let overlay: CairoPixelLayer?
    /// The static layer compressed in bands; each frame copies the bands it leaves unchanged.
    /// Nil when the source's ``FrameSource/frameEncoding`` compresses frames whole.
    public let background: PNGFrameBackground?
    private let encoderOptions: PNGEncoder.Options

    /// Called for each frame as soon as it is encoded, on the worker thread, in any order.
    public typealias FrameHandler = @Sendable (_ index: Int, _ png: [UInt8]) throws -> Void
    /// Called for each frame in frame order; `pixels` holds the raw ARGB32 rows
    /// (`width × 4` bytes each, no padding) when they were asked for.
    public typealias OrderedHandler =
        @Sendable (_ index: Int, _ png: [UInt8], _ pixels: [UInt8]?) throws -> Void

    /// The frames' encoder settings: zlib level 3, no row filter, and a match search tuned
    /// for plots (`DeflateTuning.plotFrames`) that makes frames smaller than matplotlib's
    /// (see `render-fit-bench encode`). Frames are RGB, written over the static layer's
    /// `PNGFrameBackground`, which is compressed once with `DeflateTuning.frameBackground`.
    public static let defaultEncoderOptions = PNGEncoder.Options(deflateTuning: .plotFrames)

    /// Draws the static layer of `source` once; frames are encoded as its
    /// ``FrameSource/frameEncoding`` says.
    /// - Throws: ``AnimationError/rendering(_:)`` when the source has no frame, or its static
    ///   layer cannot be drawn or compressed.
    public init(source: any FrameSource) throws(AnimationError) {
        guard source.frameCount >= 1 else {
            throw .rendering("a frame source must have at least one frame (it has \(source.frameCount))")
        }
        self.source = source
        var options = source.frameEncoding.options
        options.colorMode = .rgb  // frames are opaque: skip the per-pixel alpha scan
        self.encoderOptions = options
        let canvas: CairoImageCanvas
        do {
            canvas = try Self.makeCanvas(source)
            let figure = try source.staticFigure()
            if figure.hasDynamicUnderlay {
                // Frames draw the base, their underlay, this overlay, then the rest; the band
                // background below is the whole static image (base and overlay).
                figure.draw(on: canvas, layers: .staticBase)
                try canvas.checkStatus()
                layer = canvas.makeLayer()
                let overlayCanvas = try Self.makeCanvas(source)
                figure.draw(on: overlayCanvas, layers: .staticOverlay)
                try overlayCanvas.checkStatus()
                let overlay = overlayCanvas.makeLayer()
                try canvas.composite(overlay)
                self.overlay = overlay
            } else {
                figure.draw(on: canvas, layers: .staticOnly)
                try canvas.checkStatus()
                layer = canvas.makeLayer()
                overlay = nil
            }
        } catch {
            throw .rendering("cannot draw the static layer: \(error)")
        }
        guard case .overStaticLayer = source.frameEncoding else {
            background = nil
            return
        }
        do {
            var backgroundOptions = options
            backgroundOptions.deflateTuning = .frameBackground
            backgroundOptions.text = []
            background = try canvas.withPixelData { buffer, width, height, stride in
                try PNGFrameBackground(
                    premultipliedARGB32: buffer, width: width, height: height, stride: stride,
                    options: backgroundOptions)
            }
        } catch {
            throw .rendering("cannot compress the static layer: \(error)")
        }
    }

    /// Pixel size of the frames.
    public var pixelSize: (width: Int, height: Int) { (layer.width, layer.height) }

    /// A canvas of the frames' size, for ``renderFrame(_:on:)``.
    public func makeCanvas() throws(CairoError) -> CairoImageCanvas { try Self.makeCanvas(source) }

    static func makeCanvas(_ source: any FrameSource) throws(CairoError) -> CairoImageCanvas {
        try CairoImageCanvas(
            width: source.canvasSize.width, height: source.canvasSize.height, scale: source.scale)
    }

    /// The encoder settings of frame `index`: the source's encoding (RGB), plus the frame's
    /// text chunks from ``FrameSource/metadata(forFrame:)``.
    public func encoderOptions(forFrame index: Int) -> PNGEncoder.Options {
        var options = encoderOptions
        options.text += source.metadata(forFrame: index)
        return options
    }

    /// Draws frame `index` on `canvas` (which must have the frame size) and encodes it.
    public func renderFrame(_ index: Int, on canvas: CairoImageCanvas) throws -> [UInt8] {
        try canvas.copyPixels(from: layer)
        let figure = try source.figure(forFrame: index)
        if let overlay {
            figure.draw(on: canvas, layers: .dynamicUnderlay)
            try canvas.composite(overlay)
            figure.draw(on: canvas, layers: .dynamicOverlay)
        } else {
            figure.draw(on: canvas, layers: .dynamicOnly)
        }
        try canvas.checkStatus()
        let encoder = PNGEncoder(options: encoderOptions(forFrame: index))
        return try canvas.withPixelData { buffer, width, height, stride in
            if let background {
                return try encoder.encode(premultipliedARGB32: buffer, stride: stride, over: background)
            }
            return try encoder.encode(
                premultipliedARGB32: buffer, width: width, height: height, stride: stride)
        }
    }

    /// The most threads ``run(jobs:window:needsPixels:onFrame:ordered:progress:)`` starts.
    public static let maximumJobs = 64

    /// The memory all workers' frame buffers may take together: 2 GiB. Each worker holds
    /// one canvas (width × height × 4 bytes) and, when raw pixels are delivered (ffmpeg), a
    /// packed copy; frames waiting for in-order delivery count too.
    public static let frameMemoryBudget = 2 << 30

    /// How many of `jobs` workers fit the ``frameMemoryBudget`` for frames of
    /// `width × height` (at least 1, at most ``maximumJobs``).
    public static func workerCount(jobs: Int, width: Int, height: Int, needsPixels: Bool) -> Int {
        let requested = min(max(1, jobs), maximumJobs)
        let frame = max(1, width * height * 4)
        // A worker's canvas, its packed pixels, and one frame waiting in the reorder window.
        let perWorker = frame * (needsPixels ? 3 : 1)
        return max(1, min(requested, frameMemoryBudget / perWorker))
    }

    /// The reorder window for `workers` workers: at least `window` frames, fewer when raw
    /// pixels of large frames wait in it, so the window stays within the budget too.
    static func reorderWindow(_ window: Int, workers: Int, frameBytes: Int, needsPixels: Bool) -> Int {
        let requested = max(window, workers)
        guard needsPixels else { return requested }
        return max(workers, min(requested, frameMemoryBudget / max(1, frameBytes)))
    }

    /// `bytes` for a message: "1 GiB", "300 MiB".
    public static func describe(bytes: Int) -> String {
        if bytes >= 1 << 30, bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
        return "\(max(1, (bytes + (1 << 19)) >> 20)) MiB"
    }

    /// Renders every frame of `frames` (default: all) with `jobs` threads (1...``maximumJobs``:
    /// more are clamped); ordered delivery starts at the range's first frame. A frame's bytes
    /// depend only on its index, so rendering a range (a shard) gives the same bytes as
    /// rendering everything.
    public func run(
        jobs: Int, window: Int = 16, needsPixels: Bool = false, frames: Range<Int>? = nil,
        onFrame: @escaping FrameHandler, ordered: OrderedHandler? = nil, progress: ProgressReporter? = nil
    ) throws {
        let range = frames ?? 0..<source.frameCount
        guard range.lowerBound >= 0, range.upperBound <= source.frameCount, !range.isEmpty else {
            throw AnimationError.rendering(
                "frames \(range.lowerBound)..<\(range.upperBound) are not within the source's \(source.frameCount) frames"
            )
        }
        let workers = min(max(1, jobs), Self.maximumJobs)
        let frameBytes = layer.width * layer.height * 4
        let work = FrameWork(
            frames: range,
            window: ordered == nil
                ? nil
                : Self.reorderWindow(
                    window, workers: workers, frameBytes: frameBytes, needsPixels: needsPixels),
            workers: workers)
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let thread = Thread { [self] in
                defer { group.leave() }
                worker(work, needsPixels: needsPixels, onFrame: onFrame, ordered: ordered, progress: progress)
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        if let error = work.firstError { throw error }
    }

    private func worker(
        _ work: FrameWork, needsPixels: Bool, onFrame: FrameHandler, ordered: OrderedHandler?,
        progress: ProgressReporter?
    ) {
        let canvas: CairoImageCanvas
        do {
            canvas = try Self.makeCanvas(source)
        } catch {
            work.fail(error)
            return
        }
        while let index = work.claim() {
            do {
                let png = try renderFrame(index, on: canvas)
                try onFrame(index, png)
                if let ordered {
                    let pixels = needsPixels ? Self.packedPixels(canvas) : nil
                    try work.deliver(index: index, png: png, pixels: pixels, to: ordered)
                }
                progress?.frameDone()
            } catch {
                work.fail(error)
                return
            }
        }
    }

    /// The canvas's ARGB32 rows without stride padding.
    static func packedPixels(_ canvas: CairoImageCanvas) -> [UInt8] {
        canvas.withPixelData { buffer, width, height, stride in
            let row = width * 4
            if row == stride { return [UInt8](buffer) }
            var out = [UInt8](repeating: 0, count: row * height)
            out.withUnsafeMutableBytes { dst in
                for y in 0..<height {
                    dst.baseAddress!.advanced(by: y * row).copyMemory(
                        from: buffer.baseAddress!.advanced(by: y * stride), byteCount: row)
                }
            }
            return out
        }
    }
}

/// The shared state of one rendering run: the next frame to hand out, the reorder buffer of
/// finished frames waiting for their turn, and the first error.
final class FrameWork: Sendable {
    private struct State {
        var next: Int
        var nextToDeliver: Int
        var pending: [Int: ([UInt8], [UInt8]?)] = [:]
        var error: (any Error)?
    }

    private let end: Int
    private let workers: Int
    private let state: Locked<State>
    /// Bounds how far rendering may run ahead of in-order delivery (nil: unbounded, no delivery).
    private let slots: DispatchSemaphore?
    /// Held while delivering. A plain lock, not a `Locked<Void>`: ThreadSanitizer took the
    /// zero-sized value's accesses, which share their address with the object's header, for
    /// a race with the retains of that object on other threads.
    private let deliveryLock = NSLock()

    init(frames: Range<Int>, window: Int?, workers: Int) {
        self.end = frames.upperBound
        self.state = Locked(State(next: frames.lowerBound, nextToDeliver: frames.lowerBound))
        self.workers = workers
        // libdispatch traps when a semaphore is freed with a value below its initial one
        // (workers end having taken slots), so start at 0 and add the slots by signalling.
        self.slots = window.map { window in
            let semaphore = DispatchSemaphore(value: 0)
            for _ in 0..<window { semaphore.signal() }
            return semaphore
        }
    }

    var firstError: (any Error)? { state.withLock { $0.error } }

    /// The next frame to render, or nil when all are handed out or a worker failed.
    func claim() -> Int? {
        slots?.wait()
        return state.withLock { s -> Int? in
            guard s.error == nil, s.next < end else { return nil }
            defer { s.next += 1 }
            return s.next
        }
    }

    func fail(_ error: any Error) {
        state.withLock { s in
            if s.error == nil { s.error = error }
        }
        // Wake every worker waiting for a slot (each waits on at most one) so that it sees the
        // failure and stops.
        if let slots { for _ in 0..<workers { slots.signal() } }
    }

    /// Queues a finished frame and delivers, in order, every frame that is now ready.
    func deliver(index: Int, png: [UInt8], pixels: [UInt8]?, to handler: FrameRenderer.OrderedHandler) throws
    {
        state.withLock { $0.pending[index] = (png, pixels) }
        // One deliverer at a time keeps the handler's calls in order.
        deliveryLock.lock()
        defer { deliveryLock.unlock() }
        while true {
            let ready: (Int, [UInt8], [UInt8]?)? = state.withLock { s in
                guard s.error == nil, let item = s.pending.removeValue(forKey: s.nextToDeliver) else {
                    return nil
                }
                defer { s.nextToDeliver += 1 }
                return (s.nextToDeliver, item.0, item.1)
            }
            guard let ready else { return }
            try handler(ready.0, ready.1, ready.2)
            slots?.signal()
        }
    }
}
