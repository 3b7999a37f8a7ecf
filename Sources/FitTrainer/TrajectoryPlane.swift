import Foundation

/// The plane of a training trajectory's first two principal directions, through its final
/// parameters (Li et al. 2018, "Visualizing the Loss Landscape of Neural Nets", §7): the
/// directions of largest variance of θᵢ − θ_final over the path, so that the projected path
/// shows as much of the real one as any plane can.
///
/// Deterministic by construction: rows are taken at fixed strides (at most
/// ``maximumRows``), the eigenvectors come from a fixed number (``iterations``) of orthogonal
/// iterations from a fixed start followed by an exact 2 × 2 Rayleigh–Ritz rotation, and each
/// direction's sign makes its largest-magnitude component positive (the first such on ties).
public struct TrajectoryPlane: Sendable, Equatable {
    /// Rows of the trajectory used (evenly strided, the first always in).
    public static let maximumRows = 2_000
    /// Orthogonal iterations of the eigen-solver: a fixed count, never a tolerance.
    public static let iterations = 500

    /// θ_final, the plane's origin.
    public let origin: [Double]
    /// The two unit directions, orthogonal, the first of larger variance.
    public let directions: ([Double], [Double])
    /// Each direction's share of the trajectory's total variance (0…1).
    public let varianceShares: (Double, Double)

    /// The plane of `trajectory` (rows of p ≥ 2 parameters, all finite) through `origin`.
    public init(trajectory: [[Double]], origin: [Double]) {
        let p = origin.count
        self.origin = origin
        let stride = max(1, (trajectory.count + Self.maximumRows - 1) / Self.maximumRows)
        var covariance = [Double](repeating: 0, count: p * p)
        for index in Swift.stride(from: 0, to: trajectory.count, by: stride) {
            let d = zip(trajectory[index], origin).map { $0 - $1 }
            for r in 0..<p where d[r] != 0 {
                for c in r..<p { covariance[r * p + c] += d[r] * d[c] }
            }
        }
        for r in 0..<p { for c in 0..<r { covariance[r * p + c] = covariance[c * p + r] } }
        let trace = (0..<p).reduce(0) { $0 + covariance[$1 * p + $1] }
        func apply(_ v: [Double]) -> [Double] {
            (0..<p).map { r in (0..<p).reduce(0) { $0 + covariance[r * p + $1] * v[$1] } }
        }
        func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        func unitBasis(_ k: Int) -> [Double] { (0..<p).map { $0 == k ? 1 : 0 } }
        // Gram–Schmidt of (a, b); a degenerate vector is replaced by the basis vector least
        // aligned with what is already there, so the pair stays orthonormal.
        func orthonormalize(_ a: [Double], _ b: [Double]) -> ([Double], [Double]) {
            var first = a
            var n = dot(first, first).squareRoot()
            if !(n > 1e-300) {
                first = unitBasis(0)
                n = 1
            }
            first = first.map { $0 / n }
            func orthogonal(_ v: [Double]) -> [Double] {
                let k = dot(v, first)
                return zip(v, first).map { $0 - k * $1 }
            }
            var second = orthogonal(b)
            var m = dot(second, second).squareRoot()
            if !(m > 1e-12 * max(1, dot(b, b).squareRoot())) {
                let k = (0..<p).min { abs(first[$0]) < abs(first[$1]) } ?? 0
                second = orthogonal(unitBasis(k))
                m = dot(second, second).squareRoot()
            }
            return (first, second.map { $0 / m })
        }
        // A fixed start: a ramp and cos(k + 1), generic enough to have a component along any
        // principal direction.
        var (v1, v2) = orthonormalize(
            (0..<p).map { 1 + Double($0) / Double(p) }, (0..<p).map { cos(Double($0 + 1)) })
        if trace > 0 {
            for _ in 0..<Self.iterations { (v1, v2) = orthonormalize(apply(v1), apply(v2)) }
            // Rayleigh–Ritz in span(v1, v2): rotate so that v1 has the larger eigenvalue exactly.
            let c1 = apply(v1)
            let c2 = apply(v2)
            let (h11, h12, h22) = (dot(v1, c1), dot(v1, c2), dot(v2, c2))
            let angle = 0.5 * atan2(2 * h12, h11 - h22)
            let (c, s) = (cos(angle), sin(angle))
            (v1, v2) = (zip(v1, v2).map { c * $0 + s * $1 }, zip(v1, v2).map { -s * $0 + c * $1 })
        }
        func signed(_ v: [Double]) -> [Double] {
            var k = 0
            for i in 0..<v.count where abs(v[i]) > abs(v[k]) { k = i }
            return v[k] < 0 ? v.map { -$0 } : v
        }
        v1 = signed(v1)
        v2 = signed(v2)
        directions = (v1, v2)
        if trace > 0 {
            varianceShares = (dot(v1, apply(v1)) / trace, dot(v2, apply(v2)) / trace)
        } else {
            varianceShares = (0, 0)
        }
    }

    /// The plane coordinates (u, v) of `parameters`.
    public func project(_ parameters: [Double]) -> (u: Double, v: Double) {
        var u = 0.0
        var v = 0.0
        for k in 0..<origin.count {
            let d = parameters[k] - origin[k]
            u += d * directions.0[k]
            v += d * directions.1[k]
        }
        return (u, v)
    }

    /// The parameters at plane coordinates (u, v).
    public func parameters(u: Double, v: Double) -> [Double] {
        (0..<origin.count).map { origin[$0] + u * directions.0[$0] + v * directions.1[$0] }
    }

    /// Equal origins, directions and shares.
    public static func == (a: TrajectoryPlane, b: TrajectoryPlane) -> Bool {
        a.origin == b.origin && a.directions.0 == b.directions.0 && a.directions.1 == b.directions.1
            && a.varianceShares.0 == b.varianceShares.0 && a.varianceShares.1 == b.varianceShares.1
    }
}
