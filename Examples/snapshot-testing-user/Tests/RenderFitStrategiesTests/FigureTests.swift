import FitPlot
import SnapshotTesting
import SnapshotTestingRenderFit
import Testing

/// What a swift-snapshot-testing user writes: `assertSnapshot(of:as:)` with render-fit's
/// `.image` strategy, against a committed reference (`__Snapshots__/FigureTests/`).
@Test func samplePlot() throws {
    assertSnapshot(of: try Sample.figure(slope: 1), as: .image)
}
