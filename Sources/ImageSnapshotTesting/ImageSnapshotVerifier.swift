import FitPNG
import ImageComparison

/// The image-only verifier of earlier versions: ``SnapshotVerifier`` with the
/// ``SnapshotStrategy/image(tolerance:)`` strategy.
public struct ImageSnapshotVerifier: Sendable {
    /// How far an image may differ from its reference and still pass.
    public var tolerance: Tolerance
    /// When references are written instead of compared.
    public var recordMode: SnapshotRecordMode
    /// Where failing snapshots are listed; `nil` writes no HTML report.
    public var runReport: SnapshotRunReport?

    /// Creates a verifier; by default it records only missing references.
    public init(
        tolerance: Tolerance, recordMode: SnapshotRecordMode = .missing,
        runReport: SnapshotRunReport? = .shared
    ) {
        self.tolerance = tolerance
        self.recordMode = recordMode
        self.runReport = runReport
    }

    /// Checks `image` against the PNG reference at `location`.
    public func verify(_ image: RGBAImage, at location: SnapshotLocation) -> SnapshotOutcome {
        SnapshotVerifier(recordMode: recordMode, runReport: runReport).verify(
            image, as: .image(tolerance: tolerance), at: location)
    }
}
