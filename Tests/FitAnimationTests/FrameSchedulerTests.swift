import FitAnimation
import Foundation
import Testing

/// The parallel frame renderer under failure and at sizes that would not fit in memory
/// (issue 11, items 9 and 11).
@Suite struct FrameSchedulerTests {
    struct Planted: Error {}

    /// Frame 0 fails late, after every other worker filled the reorder window and waits for a
    /// slot: the failure must wake them all, however many jobs the caller asked for (the
    /// your-data example passes the core count; the CLI's limit does not apply here).
    @Test(arguments: [3, 100, 200])
    func aFailureWakesEveryWaitingWorker(jobs: Int) throws {
        let renderer = try FrameRenderer(
            scene: Fixtures.scene(Fixtures.settings(iterations: 400, width: 64, height: 48)))
        let finished = DispatchSemaphore(value: 0)
        let outcome = OutcomeBox()
        let thread = Thread {
            do {
                try renderer.run(
                    jobs: jobs, window: 4,
                    onFrame: { index, _ in
                        if index == 0 {
                            Thread.sleep(forTimeInterval: 0.5)
                            throw Planted()
                        }
                    },
                    ordered: { _, _, _ in })
            } catch {
                outcome.set(error)
            }
            finished.signal()
        }
        thread.start()
        let result = finished.wait(timeout: .now() + 60)
        #expect(result == .success, "the renderer hung with \(jobs) jobs")
        #expect(outcome.error is Planted)
    }

    @Test func theFrameBufferBudgetBoundsTheWorkers() {
        let frame = 16_384 * 16_384 * 4
        for jobs in [1, 16, 64, 1_000] {
            for needsPixels in [false, true] {
                let workers = FrameRenderer.workerCount(
                    jobs: jobs, width: 16_384, height: 16_384, needsPixels: needsPixels)
                #expect(workers >= 1 && workers <= min(jobs, FrameRenderer.maximumJobs))
                #expect(
                    workers == 1 || workers * frame * (needsPixels ? 3 : 1) <= FrameRenderer.frameMemoryBudget
                )
            }
        }
        // Small frames keep every job asked for, up to the API's limit.
        #expect(FrameRenderer.workerCount(jobs: 16, width: 640, height: 480, needsPixels: true) == 16)
        #expect(FrameRenderer.workerCount(jobs: 500, width: 640, height: 480, needsPixels: false) == 64)
    }
}

private final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    var error: (any Error)? { lock.withLock { stored } }
    func set(_ error: any Error) { lock.withLock { stored = error } }
}
