/// A model ŷ = f(x; θ) that the trainer can fit: its parameters, its prediction, its formula,
/// and the fused pass over the data that the loss needs.
///
/// Nothing above the trainer needs to know which model it is: a scene draws
/// ``predict(_:parameters:)`` and writes ``formula(_:format:)``.
public protocol Model: Sendable {
    /// What the model is (`line`, `poly:3`, `mlp:8`).
    var kind: ModelKind { get }
    /// The number of parameters θ.
    var parameterCount: Int { get }
    /// One name per parameter, in order; the history's column names.
    var parameterNames: [String] { get }
    /// True when ŷ is linear in θ (line, polynomial): the MSE is then quadratic, its minimum
    /// is the least-squares solution and gradient descent's largest stable rate is known.
    var isLinearInParameters: Bool { get }

    /// ŷ at `x`; `parameters` has ``parameterCount`` values.
    func predict(_ x: Double, parameters: [Double]) -> Double

    /// The model's formula with these parameters, such as `y = 2.97x + 2.51`; `format` writes
    /// one coefficient in the reader's number format (signs of later terms are written here).
    func formula(_ parameters: [Double], format: (Double) -> String) -> String

    /// The parameters at iteration 0 when the user gives none; `seed` drives any random draw.
    func initialParameters(seed: UInt64) -> [Double]

    /// The same function in other units: given θ for y = f(u) with u = α·x + β (standardized
    /// inputs) and outputs scaled as γ·f + δ, the θ′ with f(x; θ′) = γ·f(α·x + β; θ) + δ.
    func reparameterized(
        _ parameters: [Double], input: (scale: Double, offset: Double),
        output: (scale: Double, offset: Double)
    ) -> [Double]

    /// The fused pass behind the mean squared error: returns Σ rᵢ² with rᵢ = ŷ(xᵢ) − yᵢ over
    /// the points `indices` names (all points when nil), and stores Σ rᵢ·∂ŷ(xᵢ)/∂θₖ into
    /// `gradient` (which has ``parameterCount`` slots). Summation order is fixed by the model,
    /// whatever the thread count, so the same inputs give the same bits.
    func squaredResidualSums(
        x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>,
        indices: UnsafeBufferPointer<Int>?, parameters: UnsafeBufferPointer<Double>,
        gradient: UnsafeMutableBufferPointer<Double>, workspace: ModelWorkspace
    ) -> Double

    /// Scratch memory that ``squaredResidualSums(x:y:indices:parameters:gradient:workspace:)``
    /// reuses on every call, so that a step allocates nothing.
    func makeWorkspace(pointCount: Int) -> ModelWorkspace
}

extension Model {
    /// The straight line y = slope·x + intercept that the model is for `parameters`, when it
    /// is one (a line; a polynomial whose higher coefficients are zero). A plot draws such a
    /// curve as one exact segment instead of sampling it.
    public func straightLine(_ parameters: [Double]) -> (slope: Double, intercept: Double)? {
        guard case .line = kind, parameters.count == 2 else { return nil }
        return (parameters[0], parameters[1])
    }
}

/// Scratch buffers a model reuses between passes (per-chunk partial sums of a parallel pass).
/// One per training run; not shared between concurrent runs.
public final class ModelWorkspace: @unchecked Sendable {
    /// Doubles the model may use freely between calls.
    let storage: UnsafeMutableBufferPointer<Double>

    /// A workspace of `count` doubles, 64-byte aligned (so that SIMD values may live in it).
    public init(count: Int) {
        let capacity = max(1, count)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: capacity * 8, alignment: 64)
        storage = UnsafeMutableBufferPointer(start: raw.bindMemory(to: Double.self, capacity: capacity), count: capacity)
        storage.initialize(repeating: 0)
    }

    deinit {
        UnsafeMutableRawPointer(storage.baseAddress!).deallocate()
    }
}
