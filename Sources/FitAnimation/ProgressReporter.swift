import FitOutput
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Frame progress on stderr: a bar with frames done/total, frames per second and time left
/// when stderr is a terminal; nothing when it is not (the caller prints a summary) or when
/// quiet. Redraws at most ten times a second so that it never slows rendering.
public final class ProgressReporter: Sendable {
    /// A progress bar on a terminal, or nothing.
    public enum Mode: Sendable {
        /// A progress bar redrawn on stderr (a terminal, not quiet).
        case bar
        /// Nothing is shown.
        case silent
    }

    private struct State {
        var done = 0
        var lastDraw: UInt64 = 0
    }

    private let total: Int
    private let mode: Mode
    private let start: UInt64
    private let state = Locked(State())

    /// `quiet` silences it; otherwise a bar is shown only when stderr is a terminal.
    public init(total: Int, quiet: Bool) {
        self.total = total
        self.mode = (!quiet && isatty(STDERR_FILENO) == 1) ? .bar : .silent
        self.start = DispatchTime.now().uptimeNanoseconds
    }

    /// Seconds since the reporter was created.
    public var elapsedSeconds: Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Records one finished frame.
    public func frameDone() {
        guard mode == .bar else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let line: String? = state.withLock { s in
            s.done += 1
            guard s.done == total || now - s.lastDraw > 100_000_000 else { return nil }
            s.lastDraw = now
            return Self.bar(done: s.done, total: total, seconds: Double(now - start) / 1e9)
        }
        if let line { StandardError.write("\r" + line) }
    }

    /// Ends the bar's line.
    public func finish() {
        if mode == .bar { StandardError.write("\n") }
    }

    static func bar(done: Int, total: Int, seconds: Double) -> String {
        let width = 30
        let filled = total > 0 ? done * width / total : width
        let fps = seconds > 0 ? Double(done) / seconds : 0
        let left = fps > 0 ? Double(total - done) / fps : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        return
            "\(bar) \(done)/\(total) frames  \(String(format: "%.0f", fps)) fps  \(String(format: "%.1f", left)) s left "
    }
}
