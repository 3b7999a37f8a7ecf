import FigureSnapshotTesting
import FitAnimation
import Testing

/// The image regression test the README teaches, verbatim, so that it keeps compiling and
/// passing. (Its reference is `__Snapshots__/ReadmeExampleTests/tenthFrame.png`.)
@Test func tenthFrame() throws {
    assertSnapshot(of: try TrainingScene.tutorialFrame(10), as: .png)
}
