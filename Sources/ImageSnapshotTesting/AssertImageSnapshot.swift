import FitPNG
import ImageComparison
import Testing

/// Defaults of `assertImageSnapshot`.
///
/// RMS 0.5 absorbs invisible rasterisation noise (a few anti-aliased pixels off by a level or
/// two, as another Cairo/pixman build may produce) while any visible change of a plot exceeds
/// it by far (a one-pixel shift of a 640-pixel line gives an RMS above 10). No mismatched pixel
/// is allowed: a colour change beyond pixelmatch's threshold that is not anti-aliasing fails.
public enum SnapshotDefaults {
    /// Largest RMS difference accepted (0–255 scale).
    public static let rmsTolerance = 0.5
    /// Pixelmatch-mismatched pixels accepted: none.
    public static let maxMismatchedPixels = 0
    /// Pixelmatch threshold (its own default).
    public static let threshold = 0.1
    /// The three limits above as one value.
    public static let tolerance = Tolerance(
        rms: rmsTolerance, maxMismatchedPixels: maxMismatchedPixels, threshold: threshold)
}

/// Asserts that `image` matches the reference snapshot stored beside the test (Swift Testing
/// only; ``assertSnapshot(of:as:named:record:snapshotDirectory:artifactsDirectory:fileID:file:function:line:column:)``
/// with ``SnapshotStrategy/image`` does the same in XCTest too).
///
/// Workflow:
/// - References live in `__Snapshots__/<TestFile>/<name>.png` next to the test file (the test
///   target must `exclude: ["__Snapshots__"]` in Package.swift). `name` defaults to the test
///   function's name.
/// - A missing reference is recorded and the test fails saying so; re-run to compare.
///   `RENDER_FIT_RECORD_SNAPSHOTS=1` (or `all`) re-records every reference the run reaches, and
///   fails those tests too, so a recording run can never pass silently;
///   `RENDER_FIT_RECORD_SNAPSHOTS=never` fails on a missing reference without writing it (CI).
/// - On a mismatch the expected, actual, pixelmatch-style and matplotlib-style diff images are
///   written to `<package root>/.build/snapshot-artifacts/<TestFile>/` (or under
///   `$RENDER_FIT_SNAPSHOT_ARTIFACTS`), and the failure message lists the metrics and the paths.
///
/// - Parameters:
///   - image: The rendered image.
///   - name: File-name stem of the reference; the test function's name when `nil`.
///   - rmsTolerance: Largest acceptable matplotlib RMS (0–255 scale).
///   - maxMismatchedPixels: Largest acceptable pixelmatch count.
///   - threshold: pixelmatch threshold, 0…1.
///   - maxTileDifference: Largest acceptable mean difference in a 32×32 tile; not checked when `nil`.
///   - record: Overrides `RENDER_FIT_RECORD_SNAPSHOTS`.
///   - artifactsDirectory: Overrides `RENDER_FIT_SNAPSHOT_ARTIFACTS` and the default folder.
///   - filePath: The calling test's file, which locates `__Snapshots__`; leave the default.
///   - function: The calling test's name, the default `name`; leave the default.
///   - sourceLocation: Where a failure is reported; leave the default.
/// - Returns: Whether the snapshot matched.
@discardableResult
public func assertImageSnapshot(
    of image: RGBAImage,
    named name: String? = nil,
    rmsTolerance: Double = SnapshotDefaults.rmsTolerance,
    maxMismatchedPixels: Int = SnapshotDefaults.maxMismatchedPixels,
    threshold: Double = SnapshotDefaults.threshold,
    maxTileDifference: Double? = nil,
    record: SnapshotRecordMode? = nil,
    artifactsDirectory: String? = nil,
    filePath: String = #filePath,
    function: String = #function,
    sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
    let tolerance = Tolerance(
        rms: rmsTolerance, maxMismatchedPixels: maxMismatchedPixels, threshold: threshold,
        maxTileDifference: maxTileDifference)
    let failure = SnapshotFailureSink(sourceLocation: sourceLocation)
    do {
        try tolerance.validate()
    } catch {
        failure("Invalid snapshot tolerance: \(error)")
        return false
    }
    let context = SnapshotAssertionContext(
        name: name, function: function, filePath: filePath, pathExtension: "png", record: record,
        snapshotDirectory: nil, artifactsDirectory: artifactsDirectory,
        callSite: "\(sourceLocation.fileID):\(sourceLocation.line):\(sourceLocation.column)")
    return context.run(failure: failure) { verifier, location in
        verifier.verify(image, as: .image(tolerance: tolerance), at: location)
    }
}
