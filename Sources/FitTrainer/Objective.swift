/// What a trainer minimises: a loss and its gradient, over all points or a batch of them,
/// computed in one fused pass into caller-owned buffers (no allocation per step).
public protocol Objective: Sendable {
    /// The number of parameters the loss takes.
    var parameterCount: Int { get }
    /// The number of points a batch's indices may name (0 ..< pointCount).
    var pointCount: Int { get }
    /// Scratch memory for ``evaluate(parameters:batch:gradient:workspace:)``, made once per run.
    func makeWorkspace() -> ModelWorkspace
    /// The loss at `parameters` over the points `batch` names (all when nil); the gradient is
    /// stored into `gradient`.
    func evaluate(
        parameters: UnsafeBufferPointer<Double>, batch: UnsafeBufferPointer<Int>?,
        gradient: UnsafeMutableBufferPointer<Double>, workspace: ModelWorkspace
    ) -> Double
}
