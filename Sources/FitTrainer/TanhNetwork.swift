import Dispatch
import Foundation

/// A network with one hidden layer of H tanh units: ŷ = Σⱼ vⱼ·tanh(wⱼ·x + bⱼ) + c.
///
/// Parameters, and history columns, in exactly this order: `w1…wH, b1…bH, v1…vH, c`.
/// The gradient is analytic: with r = ŷ − y and tⱼ = tanh(wⱼ·x + bⱼ),
/// ∂ŷ/∂vⱼ = tⱼ, ∂ŷ/∂c = 1, ∂ŷ/∂bⱼ = vⱼ·(1 − tⱼ²), ∂ŷ/∂wⱼ = vⱼ·(1 − tⱼ²)·x.
///
/// The pass over the data is split into chunks of ``chunkSize`` points, a number fixed here
/// and not by the thread count; each chunk sums into its own slot and the slots are added in
/// chunk order, so two cores and one give the same bits. tanh is ``PortableTanh``.
public struct TanhNetwork: Model, Hashable {
    /// The most hidden units `mlp:H` allows.
    public static let maximumHiddenUnits = 64
    /// Points per chunk of the parallel pass: small enough that 10,000 points make ten
    /// chunks, which two cores share evenly (five chunks of 2,048 left one core idle for a
    /// fifth of the pass), large enough that a chunk's sums cost nothing next to its tanh.
    public static let chunkSize = 1024
    /// Below this many points a pass runs on the calling thread (threads would cost more).
    static let parallelThreshold = 8192

    /// H.
    public let hiddenUnits: Int
    /// Threads of a pass over ``parallelThreshold`` points or more; 1 runs every pass on the
    /// calling thread (tests check that the thread count changes no bit).
    var threads = TanhNetwork.workerCount

    /// The network with `hiddenUnits` units (clamped to 1…``maximumHiddenUnits``).
    public init(hiddenUnits: Int) {
        self.hiddenUnits = min(max(hiddenUnits, 1), Self.maximumHiddenUnits)
    }

    /// `mlp:H`.
    public var kind: ModelKind { .mlp(hiddenUnits: hiddenUnits) }
    /// 3H + 1.
    public var parameterCount: Int { 3 * hiddenUnits + 1 }
    /// `w1…wH, b1…bH, v1…vH, c`.
    public var parameterNames: [String] {
        let units = 1...hiddenUnits
        return units.map { "w\($0)" } + units.map { "b\($0)" } + units.map { "v\($0)" } + ["c"]
    }
    /// No: tanh makes the loss non-convex.
    public var isLinearInParameters: Bool { false }

    /// Σⱼ vⱼ·tanh(wⱼ·x + bⱼ) + c.
    public func predict(_ x: Double, parameters: [Double]) -> Double {
        let h = hiddenUnits
        var sum = parameters[3 * h]
        for j in 0..<h {
            sum += parameters[2 * h + j] * PortableTanh.tanh(parameters[j] * x + parameters[h + j])
        }
        return sum
    }

    /// One unit in full (`y = 1.20·tanh(0.50x − 0.10) + 0.30`); more as a sum with the
    /// output bias (`y = Σ₈ v·tanh(w·x + b) + 0.30`).
    public func formula(_ parameters: [Double], format: (Double) -> String) -> String {
        guard parameters.count == parameterCount, parameters.allSatisfy(\.isFinite) else { return "y = ?" }
        let c = parameters[3 * hiddenUnits]
        let tail = (c < 0 ? " − " : " + ") + format(abs(c))
        guard hiddenUnits == 1 else {
            return "y = Σ" + Superscript.subscriptDigits(hiddenUnits) + " v·tanh(w·x + b)" + tail
        }
        let (w, b, v) = (parameters[0], parameters[1], parameters[2])
        return "y = " + format(v) + "·tanh(" + format(w) + "x" + (b < 0 ? " − " : " + ") + format(abs(b))
            + ")"
            + tail
    }

    /// Glorot-uniform weights, zero biases: w1…wH then v1…vH drawn in that order from
    /// ``Xoshiro256StarStar`` seeded with `seed`, uniform in [−L, L) with
    /// L = √(6/(fan_in + fan_out)) = √(6/(1 + H)) for both layers; b and c are 0.
    public func initialParameters(seed: UInt64) -> [Double] {
        let h = hiddenUnits
        let limit = (6.0 / Double(1 + h)).squareRoot()
        var generator = Xoshiro256StarStar(seed: seed)
        var parameters = [Double](repeating: 0, count: parameterCount)
        for j in 0..<h { parameters[j] = generator.nextDouble(from: -limit, upTo: limit) }
        for j in 0..<h { parameters[2 * h + j] = generator.nextDouble(from: -limit, upTo: limit) }
        return parameters
    }

    /// w′ = α·w, b′ = w·β + b, v′ = γ·v, c′ = γ·c + δ.
    public func reparameterized(
        _ parameters: [Double], input: (scale: Double, offset: Double),
        output: (scale: Double, offset: Double)
    ) -> [Double] {
        let h = hiddenUnits
        var result = parameters
        for j in 0..<h {
            result[j] = input.scale * parameters[j]
            result[h + j] = parameters[j] * input.offset + parameters[h + j]
            result[2 * h + j] = output.scale * parameters[2 * h + j]
        }
        result[3 * h] = output.scale * parameters[3 * h] + output.offset
        return result
    }

    /// Per chunk a slot of Σr² and the 3H + 1 gradient sums; then, per worker, 5H lanes of
    /// four doubles of scratch (three running sums per unit, and t of two lane groups), so
    /// that a pass allocates nothing. The scratch is per worker, not per chunk, so that the
    /// workspace of 10 million points stays small.
    public func makeWorkspace(pointCount: Int) -> ModelWorkspace {
        let chunks = max(1, (pointCount + Self.chunkSize - 1) / Self.chunkSize)
        return ModelWorkspace(count: chunks * sumsStride + max(1, threads) * scratchStride)
    }

    /// Threads of a parallel pass by default: the cores, at most eight. Which chunks a worker
    /// takes changes no bit (each chunk sums into its own slot).
    static let workerCount = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))

    /// Doubles per chunk slot: the sums, padded to a multiple of four (so that the scratch
    /// after the slots is 32-byte aligned for SIMD values).
    var sumsStride: Int { (parameterCount + 1 + 3) / 4 * 4 }
    /// Doubles of one worker's scratch.
    var scratchStride: Int { 20 * hiddenUnits }

    public func squaredResidualSums(
        x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>,
        indices: UnsafeBufferPointer<Int>?, parameters: UnsafeBufferPointer<Double>,
        gradient: UnsafeMutableBufferPointer<Double>, workspace: ModelWorkspace
    ) -> Double {
        let count = indices?.count ?? y.count
        let chunks = max(1, (count + Self.chunkSize - 1) / Self.chunkSize)
        let stride = sumsStride
        let slots = workspace.storage
        let workers = count >= Self.parallelThreshold ? max(1, min(threads, chunks)) : 1
        precondition(
            slots.count >= chunks * stride + workers * scratchStride, "workspace made for fewer points")
        let job = ChunkJob(
            network: self, x: x, y: y, indices: indices, parameters: parameters, slots: slots, count: count,
            chunks: chunks, workers: workers)
        if workers > 1 {
            DispatchQueue.concurrentPerform(iterations: workers) { job.run(worker: $0) }
        } else {
            job.run(worker: 0)
        }
        for k in 0..<parameterCount { gradient[k] = 0 }
        var squared = 0.0
        for chunk in 0..<chunks {
            let base = chunk * stride
            squared += slots[base]
            for k in 0..<parameterCount { gradient[k] += slots[base + 1 + k] }
        }
        return squared
    }

    /// The pointers of one pass, shared read-only by the workers (each writes the slots of
    /// its own chunks and its own scratch).
    private struct ChunkJob: @unchecked Sendable {
        let network: TanhNetwork
        let x: UnsafeBufferPointer<Double>
        let y: UnsafeBufferPointer<Double>
        let indices: UnsafeBufferPointer<Int>?
        let parameters: UnsafeBufferPointer<Double>
        let slots: UnsafeMutableBufferPointer<Double>
        let count: Int
        let chunks: Int
        let workers: Int

        /// Chunks worker, worker + workers, …: equal shares of equal chunks.
        func run(worker: Int) {
            let stride = network.sumsStride
            let scratchStart = chunks * stride + worker * network.scratchStride
            let scratch = UnsafeMutableBufferPointer(
                rebasing: slots[scratchStart..<(scratchStart + network.scratchStride)])
            for chunk in Swift.stride(from: worker, to: chunks, by: workers) {
                let start = chunk * TanhNetwork.chunkSize
                let end = min(count, start + TanhNetwork.chunkSize)
                let slot = UnsafeMutableBufferPointer(
                    rebasing: slots[(chunk * stride)..<((chunk + 1) * stride)])
                network.chunkSums(
                    x: x, y: y, indices: indices, range: start..<end, parameters: parameters, into: slot,
                    scratch: scratch)
            }
        }
    }

    /// One chunk, eight points (two lane groups of four) per step, so that the two groups'
    /// tanh chains overlap in the processor; a last group of fewer than eight points is taken
    /// four at a time, missing points with r = 0. Each lane sums its points in point order
    /// (group A's before group B's), whatever the grouping. `slot` receives Σr² then the
    /// gradient sums in parameter order.
    fileprivate func chunkSums(
        x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>, indices: UnsafeBufferPointer<Int>?,
        range: Range<Int>, parameters p: UnsafeBufferPointer<Double>,
        into slot: UnsafeMutableBufferPointer<Double>,
        scratch scratchDoubles: UnsafeMutableBufferPointer<Double>
    ) {
        let h = hiddenUnits
        // 5H SIMD4 values; the workspace is 64-byte aligned and the slots and scratches before
        // this one are multiples of four doubles, so the scratch is 32-byte aligned.
        let scratch = UnsafeMutableBufferPointer(
            start: UnsafeMutableRawPointer(scratchDoubles.baseAddress!).bindMemory(
                to: SIMD4<Double>.self, capacity: 5 * h),
            count: 5 * h)
        for i in scratch.indices { scratch[i] = SIMD4<Double>() }
        // scratch: Σ r·v(1−t²)·x (h), Σ r·v(1−t²) (h), Σ r·t (h), t of group A (h), t of group B (h)
        var squared = SIMD4<Double>()
        var residualSum = SIMD4<Double>()
        let c = p[3 * h]
        var k = range.lowerBound
        // Two groups at a step: consecutive points, loaded directly.
        if indices == nil {
            while k + 8 <= range.upperBound {
                let xa = SIMD4(x[k], x[k + 1], x[k + 2], x[k + 3])
                let xb = SIMD4(x[k + 4], x[k + 5], x[k + 6], x[k + 7])
                var predictionA = SIMD4<Double>(repeating: c)
                var predictionB = predictionA
                for j in 0..<h {
                    let (w, b, v) = (p[j], p[h + j], p[2 * h + j])
                    let ta = PortableTanh.tanh(w * xa + b)
                    let tb = PortableTanh.tanh(w * xb + b)
                    scratch[3 * h + j] = ta
                    scratch[4 * h + j] = tb
                    predictionA += v * ta
                    predictionB += v * tb
                }
                let ra = predictionA - SIMD4(y[k], y[k + 1], y[k + 2], y[k + 3])
                let rb = predictionB - SIMD4(y[k + 4], y[k + 5], y[k + 6], y[k + 7])
                squared += ra * ra
                squared += rb * rb
                residualSum += ra
                residualSum += rb
                for j in 0..<h {
                    let v = p[2 * h + j]
                    let (ta, tb) = (scratch[3 * h + j], scratch[4 * h + j])
                    let sa = ra * v * (1 - ta * ta)
                    let sb = rb * v * (1 - tb * tb)
                    scratch[j] = (scratch[j] + sa * xa) + sb * xb
                    scratch[h + j] = (scratch[h + j] + sa) + sb
                    scratch[2 * h + j] = (scratch[2 * h + j] + ra * ta) + rb * tb
                }
                k += 8
            }
        }
        // The rest (and mini-batches, whose points are gathered): one group at a step.
        while k < range.upperBound {
            var xs = SIMD4<Double>()
            var ys = SIMD4<Double>()
            var mask = SIMD4<Double>(repeating: 1)
            for lane in 0..<4 {
                guard k + lane < range.upperBound else {
                    mask[lane] = 0
                    continue
                }
                let row = indices?[k + lane] ?? (k + lane)
                xs[lane] = x[row]
                ys[lane] = y[row]
            }
            var prediction = SIMD4<Double>(repeating: c)
            for j in 0..<h {
                let t = PortableTanh.tanh(p[j] * xs + p[h + j])
                scratch[3 * h + j] = t
                prediction += p[2 * h + j] * t
            }
            let r = (prediction - ys) * mask
            squared += r * r
            residualSum += r
            for j in 0..<h {
                let t = scratch[3 * h + j]
                let s = r * p[2 * h + j] * (1 - t * t)
                scratch[j] += s * xs
                scratch[h + j] += s
                scratch[2 * h + j] += r * t
            }
            k += 4
        }
        func total(_ v: SIMD4<Double>) -> Double { (v[0] + v[1]) + (v[2] + v[3]) }
        slot[0] = total(squared)
        for j in 0..<h {
            slot[1 + j] = total(scratch[j])
            slot[1 + h + j] = total(scratch[h + j])
            slot[1 + 2 * h + j] = total(scratch[2 * h + j])
        }
        slot[1 + 3 * h] = total(residualSum)
    }
}
