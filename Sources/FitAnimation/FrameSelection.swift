/// Which recorded training states become frames: all of them (the default), one every N
/// iterations, or log-spaced iterations, optionally capped to a number of frames.
///
/// Every rule keeps iteration 0 and the last iteration, and gives strictly increasing
/// iterations, so that frame files stay numbered 0, 1, 2, … and a frame's iteration is read
/// from the manifest (or the frame's own `Iteration` text). The rule is pure arithmetic on
/// whole numbers (the log spacing's few powers of ten are exactly rounded), so a shard of a
/// run computes the same frames as the whole run.
public struct FrameSelection: Sendable, Equatable {
    /// How iterations are spaced.
    public enum Spacing: Sendable, Equatable {
        /// Every recorded state: 0, 1, 2, …, last.
        case all
        /// 0, N, 2N, …, and the last state.
        case every(Int)
        /// Every state up to ``FrameSelection/logLinearPrefix``, then
        /// ``FrameSelection/logFramesPerDecade`` iterations per decade, and the last state.
        case logarithmic
    }

    /// The spacing.
    public var spacing: Spacing
    /// When set (at least 2), no more frames than this: see ``iterations(through:)``.
    public var maximumFrames: Int?

    /// Every state is a frame (`render-fit`'s default).
    public static let all = FrameSelection(spacing: .all)

    /// The log spacing's rate: 25 iterations per decade, so that at the default 25 fps every
    /// decade of training takes one second of animation. 100,000 iterations give 111 frames.
    public static let logFramesPerDecade = 25
    /// The log spacing shows every state up to this iteration (0 … 10), where log steps would
    /// be shorter than one iteration.
    public static let logLinearPrefix = 10

    /// A selection with `spacing`, capped at `maximumFrames` when given.
    public init(spacing: Spacing, maximumFrames: Int? = nil) {
        self.spacing = spacing
        self.maximumFrames = maximumFrames
    }

    /// True for the default: every state, no cap.
    public var isAll: Bool { spacing == .all && maximumFrames == nil }

    /// The iterations shown, in order, for a run whose last recorded state is `last` (≥ 0):
    /// strictly increasing, starting at 0 and ending at `last`.
    ///
    /// With ``maximumFrames`` M and more than M iterations chosen by the spacing, M of them
    /// are kept, evenly spaced in the spacing's list: the j-th kept one (j = 0 … M − 1) is
    /// the one at position round(j·(n − 1)/(M − 1)) of the n chosen, so the first and the
    /// last always stay and a log spacing stays log-like.
    public func iterations(through last: Int) -> [Int] {
        let last = max(0, last)
        var chosen: [Int]
        switch spacing {
        case .all:
            chosen = Array(0...last)
        case .every(let step):
            chosen = Array(stride(from: 0, through: last, by: max(1, step)))
            if chosen.last != last { chosen.append(last) }
        case .logarithmic:
            chosen = Self.logarithmicIterations(through: last)
        }
        guard let cap = maximumFrames, chosen.count > cap else { return chosen }
        guard cap >= 2 else { return [chosen[0]] }
        let n = chosen.count
        // Integer rounding of j·(n − 1)/(cap − 1): exact, and strictly increasing since cap < n.
        return (0..<cap).map { j in chosen[(j * (n - 1) * 2 + (cap - 1)) / ((cap - 1) * 2)] }
    }

    /// 0 … min(10, last), then round(10^(1 + k/25)) for k = 1, 2, … (each new iteration
    /// once: 10^(1+1/25) rounds to 11, …), below `last`, then `last`.
    static func logarithmicIterations(through last: Int) -> [Int] {
        var chosen = Array(0...min(logLinearPrefix, last))
        guard last > logLinearPrefix else { return chosen }
        // Powers of ten from a table of the 25 steps of one decade: 10^(r/25) for r = 0 … 24,
        // times the decade's power, so every value is one multiplication of exact inputs.
        var decade = Double(logLinearPrefix)
        var k = 1
        while true {
            let r = k % logFramesPerDecade
            if r == 0 { decade *= 10 }
            let value = decade * decadeSteps[r]
            guard value < Double(last) else { break }
            let iteration = Int(value.rounded())
            if iteration > chosen[chosen.count - 1], iteration < last { chosen.append(iteration) }
            k += 1
        }
        chosen.append(last)
        return chosen
    }

    /// 10^(r/25), r = 0 … 24.
    private static let decadeSteps: [Double] = (0..<logFramesPerDecade).map { r in
        r == 0 ? 1 : pow10(Double(r) / Double(logFramesPerDecade))
    }

    /// 10^x for 0 < x < 1 as the Taylor series of exp(x·ln 10), in plain IEEE arithmetic
    /// rather than the platform's libm (whose last bit may differ between systems), so that
    /// every machine rounds to the same iterations.
    private static func pow10(_ x: Double) -> Double {
        var result = 1.0
        var term = 1.0
        let y = x * 2.302585092994045684
        // Taylor series of e^y for 0 < y < 2.31: 40 terms reach far below one ulp.
        for n in 1...40 {
            term *= y / Double(n)
            result += term
        }
        return result
    }
}

extension FrameSelection.Spacing {
    /// The spacing's name in `manifest.json` and on the command line: `all`, `every`, `log`.
    public var name: String {
        switch self {
        case .all: "all"
        case .every: "every"
        case .logarithmic: "log"
        }
    }
}

/// The `frameSelection` of `manifest.json`: `{"spacing": "all"}`, `{"every": 10, "spacing":
/// "every"}` or `{"logFramesPerDecade": 25, "logLinearPrefix": 10, "spacing": "log"}`, with
/// `maxFrames` when capped. The log spacing's constants are written so that a reader can tell
/// the rule; reading refuses constants other than this version's.
extension FrameSelection: Codable {
    private enum CodingKeys: String, CodingKey {
        case every, logFramesPerDecade, logLinearPrefix, maxFrames, spacing
    }

    /// Reads the manifest's form.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .spacing)
        let spacing: Spacing
        switch name {
        case "all": spacing = .all
        case "every":
            let step = try c.decode(Int.self, forKey: .every)
            guard step >= 1 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .every, in: c, debugDescription: "every must be at least 1, not \(step)")
            }
            spacing = .every(step)
        case "log":
            let perDecade =
                try c.decodeIfPresent(Int.self, forKey: .logFramesPerDecade) ?? Self.logFramesPerDecade
            let prefix = try c.decodeIfPresent(Int.self, forKey: .logLinearPrefix) ?? Self.logLinearPrefix
            guard perDecade == Self.logFramesPerDecade, prefix == Self.logLinearPrefix else {
                throw DecodingError.dataCorruptedError(
                    forKey: .logFramesPerDecade, in: c,
                    debugDescription:
                        "this version spaces log frames \(Self.logFramesPerDecade) a decade after \(Self.logLinearPrefix), not \(perDecade) after \(prefix)"
                )
            }
            spacing = .logarithmic
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .spacing, in: c, debugDescription: "spacing must be all, every or log, not \(name)")
        }
        let cap = try c.decodeIfPresent(Int.self, forKey: .maxFrames)
        if let cap, cap < 2 {
            throw DecodingError.dataCorruptedError(
                forKey: .maxFrames, in: c, debugDescription: "maxFrames must be at least 2, not \(cap)")
        }
        self.init(spacing: spacing, maximumFrames: cap)
    }

    /// Writes the manifest's form.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch spacing {
        case .all: break
        case .every(let step): try c.encode(step, forKey: .every)
        case .logarithmic:
            try c.encode(Self.logFramesPerDecade, forKey: .logFramesPerDecade)
            try c.encode(Self.logLinearPrefix, forKey: .logLinearPrefix)
        }
        try c.encodeIfPresent(maximumFrames, forKey: .maxFrames)
        try c.encode(spacing.name, forKey: .spacing)
    }
}
