import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes the temporary files being written when the process is interrupted (SIGINT,
/// SIGTERM), so that Ctrl-C leaves neither half files nor hidden leftovers. The handler
/// runs on a dispatch queue, not in signal context, so it may take locks and unlink.
/// (SIGKILL cannot be caught: the next run that writes the same file removes such leftovers,
/// see ``OutputDirectory/removeLeftoverTemporaries(of:)``.)
public final class InterruptCleanup: Sendable {
    /// The process-wide instance (signal handlers are process-wide).
    public static let shared = InterruptCleanup()

    private struct State {
        var pending: Set<String> = []
        /// Lock files this process created and holds (see ``FolderLock``).
        var locks: Set<String> = []
        /// Set by the handler: no new temporary file may start.
        var terminating = false
    }

    private let state = Locked(State())
    private let sources = Locked<[DispatchSourceSignal]>([])

    private init() {}

    /// Records a temporary file about to be created. Returns false once an interrupt is being
    /// handled: the caller must then not create it (so nothing appears after the clean-up).
    @discardableResult
    public func register(_ path: String) -> Bool {
        state.withLock { s in
            guard !s.terminating else { return false }
            s.pending.insert(path)
            return true
        }
    }

    /// When an interrupt is being handled, never returns: the handler removes the temporary
    /// files and exits the process. Error paths call this first, so that a failure caused by
    /// the interrupt cannot exit the process before the clean-up has run.
    public func waitIfTerminating() {
        guard state.withLock({ $0.terminating }) else { return }
        while true { sleep(1) }
    }

    /// Forgets a temporary file that was renamed into place or removed.
    public func unregister(_ path: String) { state.withLock { _ = $0.pending.remove(path) } }

    /// Records a lock file this process holds, removed too when the process is interrupted.
    func registerLock(_ path: String) { state.withLock { _ = $0.locks.insert(path) } }

    /// Forgets a lock file that was released.
    func unregisterLock(_ path: String) { state.withLock { _ = $0.locks.remove(path) } }

    /// Installs the handlers (idempotent). Exit status follows the shell convention 128 + signal.
    public func install() {
        sources.withLock { sources in
            guard sources.isEmpty else { return }
            for sig in [SIGINT, SIGTERM] {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler { [self] in
                    state.withLock { $0.terminating = true }
                    // Let writes in flight finish (each takes about a millisecond) so none
                    // creates its file after the clean-up; then remove what is left.
                    for _ in 0..<30 where !state.withLock({ $0.pending.isEmpty }) {
                        usleep(10_000)
                    }
                    let (pending, locks) = state.withLock { ($0.pending, $0.locks) }
                    for path in pending { unlink(path) }
                    // The locks die with the process; their files go with it.
                    for path in locks { unlink(path) }
                    StandardError.write("\nrender-fit: interrupted; no partial files left\n")
                    exit(128 + sig)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
