import Foundation

/// A value guarded by a lock.
///
/// Built on `NSLock` (a pthread mutex) rather than `Synchronization.Mutex`: on Linux,
/// ThreadSanitizer does not see `Mutex`'s futex-based locking and reports races inside
/// correctly locked code (even a 15-line program), while it understands pthread mutexes.
/// With this, `swift test --sanitize=thread` reports only real races in the frame renderer.
package final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value.
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
