/// The hot loops of ``MeanSquaredError``: raw sums over contiguous storage.
///
/// Summation order is fixed by the code (four interleaved lanes, then the lanes added
/// pairwise, then the tail), so results are identical on every run and machine. The lanes
/// break the add-latency chain of a single accumulator and roughly triple the speed.
enum LossKernels {
    struct LinearSums {
        var squaredResidual: Double
        var residualTimesX: Double
        var residual: Double
    }

    /// Σr², Σr·x and Σr with r = slope·x + intercept − y.
    static func linear(x: [Double], y: [Double], slope: Double, intercept: Double) -> LinearSums {
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                let count = min(x.count, y.count)
                var squared = SIMD4<Double>()
                var timesX = SIMD4<Double>()
                var plain = SIMD4<Double>()
                let slopes = SIMD4<Double>(repeating: slope)
                let intercepts = SIMD4<Double>(repeating: intercept)
                var index = 0
                while index + 4 <= count {
                    let xs = SIMD4(x[index], x[index + 1], x[index + 2], x[index + 3])
                    let ys = SIMD4(y[index], y[index + 1], y[index + 2], y[index + 3])
                    let residual = slopes * xs + intercepts - ys
                    squared += residual * residual
                    timesX += residual * xs
                    plain += residual
                    index += 4
                }
                var sums = LinearSums(
                    squaredResidual: (squared[0] + squared[1]) + (squared[2] + squared[3]),
                    residualTimesX: (timesX[0] + timesX[1]) + (timesX[2] + timesX[3]),
                    residual: (plain[0] + plain[1]) + (plain[2] + plain[3]))
                while index < count {
                    let residual = slope * x[index] + intercept - y[index]
                    sums.squaredResidual += residual * residual
                    sums.residualTimesX += residual * x[index]
                    sums.residual += residual
                    index += 1
                }
                return sums
            }
        }
    }

    /// Σr² for r = X·a − y with X given as row-major `powers` (ones column implicit);
    /// `gradient` receives the raw sums Σ r·X[i, j].
    static func polynomial(
        powers: [Double], degree: Int, y: [Double], parameters: [Double], gradient: inout [Double]
    ) -> Double {
        for index in gradient.indices { gradient[index] = 0 }
        var squared = 0.0
        powers.withUnsafeBufferPointer { powers in
            y.withUnsafeBufferPointer { y in
                parameters.withUnsafeBufferPointer { a in
                    gradient.withUnsafeMutableBufferPointer { g in
                        for row in 0..<y.count {
                            let base = row * degree
                            var prediction = a[degree]
                            for column in 0..<degree {
                                prediction += a[column] * powers[base + column]
                            }
                            let residual = prediction - y[row]
                            squared += residual * residual
                            for column in 0..<degree {
                                g[column] += residual * powers[base + column]
                            }
                            g[degree] += residual
                        }
                    }
                }
            }
        }
        return squared
    }
}
