/// The hot loops of the models' squared-residual passes: raw sums over contiguous storage.
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
    static func linear(
        x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>, slope: Double, intercept: Double
    ) -> LinearSums {
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

    /// The same sums over the points `indices` names (a mini-batch), in the same lane order.
    static func linear(
        x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>, indices: UnsafeBufferPointer<Int>,
        slope: Double, intercept: Double
    ) -> LinearSums {
        let count = indices.count
        var squared = SIMD4<Double>()
        var timesX = SIMD4<Double>()
        var plain = SIMD4<Double>()
        let slopes = SIMD4<Double>(repeating: slope)
        let intercepts = SIMD4<Double>(repeating: intercept)
        var k = 0
        while k + 4 <= count {
            let (i0, i1, i2, i3) = (indices[k], indices[k + 1], indices[k + 2], indices[k + 3])
            let xs = SIMD4(x[i0], x[i1], x[i2], x[i3])
            let ys = SIMD4(y[i0], y[i1], y[i2], y[i3])
            let residual = slopes * xs + intercepts - ys
            squared += residual * residual
            timesX += residual * xs
            plain += residual
            k += 4
        }
        var sums = LinearSums(
            squaredResidual: (squared[0] + squared[1]) + (squared[2] + squared[3]),
            residualTimesX: (timesX[0] + timesX[1]) + (timesX[2] + timesX[3]),
            residual: (plain[0] + plain[1]) + (plain[2] + plain[3]))
        while k < count {
            let index = indices[k]
            let residual = slope * x[index] + intercept - y[index]
            sums.squaredResidual += residual * residual
            sums.residualTimesX += residual * x[index]
            sums.residual += residual
            k += 1
        }
        return sums
    }

    /// Σr² for r = a1·x^D + … + a_(D+1) − y; `gradient` receives the raw sums Σ r·x^(D+1−k).
    /// `powers` holds at least `degree` doubles of scratch.
    static func polynomial(
        x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>, indices: UnsafeBufferPointer<Int>?,
        degree: Int, parameters a: UnsafeBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>,
        powers: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        for index in g.indices { g[index] = 0 }
        var squared = 0.0
        let count = indices?.count ?? y.count
        for k in 0..<count {
            let row = indices?[k] ?? k
            let value = x[row]
            // powers[column] = x^(degree − column), column 0 … degree − 1.
            var power = value
            for column in stride(from: degree - 1, through: 0, by: -1) {
                powers[column] = power
                power *= value
            }
            var prediction = a[degree]
            for column in 0..<degree {
                prediction += a[column] * powers[column]
            }
            let residual = prediction - y[row]
            squared += residual * residual
            for column in 0..<degree {
                g[column] += residual * powers[column]
            }
            g[degree] += residual
        }
        return squared
    }
}
