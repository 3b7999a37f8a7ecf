/// How a value becomes a snapshot and how two snapshots are compared: a value, as in
/// swift-snapshot-testing's `Snapshotting<Value, Format>`.
///
/// `Value` is what a test asserts (an `RGBAImage`, a `Figure`, a file path); `Format` is what
/// is stored as the reference and compared (an `RGBAImage` kept as PNG, a `String` kept as
/// text, an SVG document). New strategies are made from old ones with ``pullback(_:)``:
///
/// ```swift
/// extension SnapshotStrategy where Value == MyChart, Format == RGBAImage {
///     static let chart = SnapshotStrategy<RGBAImage, RGBAImage>.image.pullback { try $0.render() }
/// }
/// ```
public struct SnapshotStrategy<Value, Format>: Sendable {
    /// Stores, loads and compares the snapshot format.
    public var diffing: SnapshotDiffing<Format>
    /// Turns the asserted value into the snapshot format; may throw (a failed rendering is
    /// reported as the test's failure).
    public var snapshot: @Sendable (Value) throws -> Format

    /// A strategy from a diffing and a snapshot function.
    public init(diffing: SnapshotDiffing<Format>, snapshot: @escaping @Sendable (Value) throws -> Format) {
        self.diffing = diffing
        self.snapshot = snapshot
    }

    /// The extension of the reference file (`png`, `svg`, `txt`).
    public var pathExtension: String { diffing.pathExtension }

    /// A strategy for `NewValue` that first turns it into a `Value` with `transform`.
    public func pullback<NewValue>(_ transform: @escaping @Sendable (NewValue) throws -> Value)
        -> SnapshotStrategy<NewValue, Format>
    {
        let snapshot = self.snapshot
        return SnapshotStrategy<NewValue, Format>(diffing: diffing) { try snapshot(transform($0)) }
    }
}

extension SnapshotStrategy where Value == Format {
    /// A strategy whose value is its own snapshot.
    public init(diffing: SnapshotDiffing<Format>) {
        self.init(diffing: diffing) { $0 }
    }
}
