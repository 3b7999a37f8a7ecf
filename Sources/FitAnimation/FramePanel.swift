import FitPlot

/// One panel of a frame: it sets up its axes and adds the marks every frame shares once, then
/// adds each frame's dynamic marks to a copy (matplotlib's `animated` artists, Makie's child
/// scenes, plotters' drawing areas). A ``FrameSource`` lays its figure out from panels, one per
/// axes, so that panels compose: the static marks of all of them make the static layer drawn
/// once, the dynamic marks of all of them each frame.
///
/// Layout (limits, scales, labels) must be set by ``addStaticMarks(to:)`` alone: dynamic marks
/// never move the axes (see `Figure.draw(on:layers:)`), which keeps the static layer valid.
public protocol FramePanel: Sendable {
    /// Sets limits, scales and labels of `axes` and adds the marks of every frame.
    func addStaticMarks(to axes: inout Axes) throws(AnimationError)
    /// Adds the dynamic marks of frame `index` (0-based) to `axes`, which holds the static ones.
    func addDynamicMarks(forFrame index: Int, to axes: inout Axes)
}
