/// What an animation shows, frame by frame: the runs drawn together (one, or several compared
/// with `--compare`) and the iteration of each frame. One value that a whole run, a shard of
/// it, and the manifest all compute from the same inputs (the selection rule and each run's
/// last recorded iteration), so that frame k means the same state everywhere.
///
/// Frame k shows iteration ``iterations``[k] of every run; a run that stopped earlier (it
/// diverged) stays on its last state (``state(ofRun:forFrame:)``).
public struct FramePlan: Sendable, Equatable {
    /// One run of the animation.
    public struct Run: Sendable, Equatable {
        /// The run's name in legends (`adam`, `lr = 0.5`); nil for a lone run.
        public var label: String?
        /// Every setting of the run.
        public var settings: RenderSettings
        /// The run's last recorded iteration (its history has `lastIteration + 1` rows).
        public var lastIteration: Int

        /// A run named `label` with `settings`, recorded up to `lastIteration`.
        public init(label: String?, settings: RenderSettings, lastIteration: Int) {
            self.label = label
            self.settings = settings
            self.lastIteration = lastIteration
        }
    }

    /// Which iterations become frames.
    public let selection: FrameSelection
    /// The runs, in the order given (at least one).
    public let runs: [Run]
    /// The setting the runs differ in, for a comparison; nil for a lone run.
    public let comparison: RunComparison?
    /// The iteration of each frame, strictly increasing from 0 to the longest run's last.
    public let iterations: [Int]

    /// The plan of `runs` under `selection`; `comparison` names what they differ in.
    public init(selection: FrameSelection, runs: [Run], comparison: RunComparison? = nil) {
        self.selection = selection
        self.runs = runs
        self.comparison = comparison
        iterations = selection.iterations(through: runs.map(\.lastIteration).max() ?? 0)
    }

    /// Number of frames.
    public var frameCount: Int { iterations.count }

    /// The iteration that frame `index` shows.
    public func iteration(forFrame index: Int) -> Int { iterations[index] }

    /// The row of run `run`'s history that frame `index` shows: the frame's iteration, or the
    /// run's last row when it stopped before.
    public func state(ofRun run: Int, forFrame index: Int) -> Int {
        min(iterations[index], runs[run].lastIteration)
    }
}
