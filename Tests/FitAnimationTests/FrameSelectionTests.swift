import FitAnimation
import Foundation
import Testing

/// Which iterations become frames (`--frames`, `--every`, `--max-frames`), the plan that maps
/// frames to iterations for several runs, and the animation's frame delays.
@Suite struct FrameSelectionTests {
    /// Every rule's promises: starts at 0, ends at the last state, strictly increasing.
    private func expectWellFormed(
        _ iterations: [Int], last: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(iterations.first == 0, sourceLocation: sourceLocation)
        #expect(iterations.last == last, sourceLocation: sourceLocation)
        #expect(
            zip(iterations, iterations.dropFirst()).allSatisfy { $0 < $1 }, sourceLocation: sourceLocation)
    }

    @Test(arguments: [0, 1, 7, 100])
    func allIsEveryState(last: Int) {
        #expect(FrameSelection.all.iterations(through: last) == Array(0...last))
    }

    @Test(arguments: [(1, 5), (7, 30), (10, 100), (3, 2), (1000, 100)])
    func everyKeepsMultiplesAndTheLast(step: Int, last: Int) {
        let iterations = FrameSelection(spacing: .every(step)).iterations(through: last)
        expectWellFormed(iterations, last: last)
        let multiples = (0...last).filter { $0 % step == 0 }
        #expect(iterations == (multiples.last == last ? multiples : multiples + [last]))
    }

    /// The log spacing against a direct evaluation with the platform's `pow`: 0 … 10, then
    /// 10^(1 + k/25) rounded, each new value once, then the last state.
    @Test(arguments: [0, 5, 10, 11, 12, 100, 1_000, 99_999, 100_000, 1_000_000])
    func logSpacingMatchesPowersOfTen(last: Int) {
        var expected = Array(0...min(10, last))
        if last > 10 {
            var k = 1
            while true {
                let value = pow(10, 1 + Double(k) / 25)
                if value >= Double(last) { break }
                let iteration = Int(value.rounded())
                if iteration > expected.last!, iteration < last { expected.append(iteration) }
                k += 1
            }
            expected.append(last)
        }
        let iterations = FrameSelection(spacing: .logarithmic).iterations(through: last)
        expectWellFormed(iterations, last: last)
        #expect(iterations == expected)
    }

    /// A 100,000-iteration run becomes an animation of a few seconds: 11 linear states, 25 a
    /// decade for four decades (minus the last step, which is the last state itself).
    @Test func aHundredThousandIterationsGiveAWatchableAnimation() {
        let iterations = FrameSelection(spacing: .logarithmic).iterations(through: 100_000)
        #expect(iterations.count == 11 + 4 * 25)
        #expect(iterations.contains(100) && iterations.contains(1_000) && iterations.contains(10_000))
    }

    @Test(arguments: [2, 3, 10, 50, 100])
    func aCapKeepsFirstAndLastAndPicksEvenly(cap: Int) {
        for spacing in [FrameSelection.Spacing.all, .every(3), .logarithmic] {
            let uncapped = FrameSelection(spacing: spacing).iterations(through: 1_000)
            let capped = FrameSelection(spacing: spacing, maximumFrames: cap).iterations(through: 1_000)
            expectWellFormed(capped, last: 1_000)
            #expect(capped.count == min(cap, uncapped.count))
            #expect(Set(capped).isSubset(of: uncapped))
            // Evenly among the chosen: position j is round(j·(n−1)/(cap−1)).
            let n = Double(uncapped.count - 1)
            for (j, iteration) in capped.enumerated() where capped.count == cap {
                let position = (Double(j) * n / Double(cap - 1)).rounded()
                #expect(iteration == uncapped[Int(position)], "\(spacing) cap \(cap) j \(j)")
            }
        }
    }

    @Test func aCapAboveTheCountChangesNothing() {
        #expect(FrameSelection(spacing: .all, maximumFrames: 500).iterations(through: 100) == Array(0...100))
    }

    @Test func theManifestFormRoundTrips() throws {
        let selections = [
            FrameSelection.all, FrameSelection(spacing: .every(7), maximumFrames: 40),
            FrameSelection(spacing: .logarithmic),
        ]
        for selection in selections {
            let data = try JSONEncoder().encode(selection)
            #expect(try JSONDecoder().decode(FrameSelection.self, from: data) == selection)
        }
        let log = String(
            decoding: try JSONEncoder().encode(FrameSelection(spacing: .logarithmic)), as: UTF8.self)
        #expect(log.contains("\"logFramesPerDecade\":25") && log.contains("\"spacing\":\"log\""))
        for bad in [
            #"{"spacing":"every","every":0}"#, #"{"spacing":"sometimes"}"#,
            #"{"spacing":"all","maxFrames":1}"#,
        ] {
            #expect(throws: DecodingError.self) {
                try JSONDecoder().decode(FrameSelection.self, from: Data(bad.utf8))
            }
        }
    }

    /// Runs of different lengths share the frames of the longest; one that stopped (diverged)
    /// stays on its last state.
    @Test func aPlanHoldsShorterRunsOnTheirLastState() {
        let settings = Fixtures.settings()
        let plan = FramePlan(
            selection: FrameSelection(spacing: .every(4)),
            runs: [
                .init(label: "a", settings: settings, lastIteration: 10),
                .init(label: "b", settings: settings, lastIteration: 5),
            ])
        #expect(plan.iterations == [0, 4, 8, 10])
        #expect((0..<plan.frameCount).map { plan.state(ofRun: 1, forFrame: $0) } == [0, 4, 5, 5])
        #expect((0..<plan.frameCount).map { plan.state(ofRun: 0, forFrame: $0) } == [0, 4, 8, 10])
    }

    @Test func framesWithoutPausesKeepTheRateDelay() {
        let timing = FrameTiming(fps: 25)
        for index in 0..<3 {
            #expect(timing.apngDelay(forFrame: index, of: 3) == (1, 25))
        }
    }

    /// The pause and the hold are exact in the APNG delay when the fraction fits 16 bits, and
    /// within half a millisecond otherwise.
    @Test(arguments: [1, 3, 24, 25, 30, 50, 97, 100])
    func pausesGoIntoTheFirstAndLastDelays(fps: Int) {
        for (pause, hold) in [(0.5, 2.0), (0.001, 60.0), (1.234, 0.0), (60.0, 60.0)] {
            let timing = FrameTiming(fps: fps, pauseStart: pause, holdLast: hold)
            for (index, count) in [(0, 5), (4, 5), (2, 5), (0, 1)] {
                let delay = timing.apngDelay(forFrame: index, of: count)
                let seconds = Double(delay.numerator) / Double(delay.denominator)
                let expected = timing.seconds(forFrame: index, of: count)
                let tolerance = count == 1 ? 0.005 : 0.0005
                #expect(abs(seconds - expected) <= tolerance, "fps \(fps) frame \(index)/\(count): \(delay)")
            }
        }
    }

    @Test func videoPadsAreWholeFrames() {
        let pads = FrameTiming(fps: 25, pauseStart: 0.5, holdLast: 2).videoPadFrames
        #expect(pads.start == 13 && pads.end == 50)  // 12.5 frames round away from zero
    }

    @Test func timingOutsideTheLimitsIsRefused() {
        for timing in [
            FrameTiming(fps: 0), FrameTiming(fps: 25, pauseStart: -1), FrameTiming(fps: 25, holdLast: 61),
            FrameTiming(fps: 25, holdLast: .nan), FrameTiming(fps: 25, pauseStart: .infinity),
        ] {
            #expect(throws: AnimationError.self) { try timing.validate() }
        }
    }
}
