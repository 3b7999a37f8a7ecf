import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes the temporary files being written when the process is interrupted (SIGINT,
/// SIGTERM), so that Ctrl-C leaves neither half files nor hidden leftovers. The handler
/// runs on a dispatch queue, not in signal context, so it may take locks and unlink.
/// (SIGKILL cannot be caught: the next run removes such leftovers, see ``OutputDirectory``.)
public final class InterruptCleanup: Sendable {
    /// The process-wide instance (signal handlers are process-wide).
    public static let shared = InterruptCleanup()

    private let pending = Mutex<Set<String>>([])
    private let sources = Mutex<[DispatchSourceSignal]>([])

    private init() {}

    func register(_ path: String) { pending.withLock { _ = $0.insert(path) } }
    func unregister(_ path: String) { pending.withLock { _ = $0.remove(path) } }

    /// Installs the handlers (idempotent). Exit status follows the shell convention 128 + signal.
    public func install() {
        sources.withLock { sources in
            guard sources.isEmpty else { return }
            for sig in [SIGINT, SIGTERM] {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler { [self] in
                    let paths = pending.withLock { $0 }
                    for path in paths { unlink(path) }
                    StandardError.write("\nrender-fit: interrupted; no partial files left\n")
                    exit(128 + sig)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
