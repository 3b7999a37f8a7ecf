import ArgumentParser
import FitMessages
import FitTrainer

/// What is fitted and where it starts.
public struct ModelOptions: ParsableArguments {
    @Option(
        name: .customLong("model"),
        help: ArgumentHelp(
            "The model: line (y = a1·x + a2), poly:D (degree D from 1 to \(PolynomialModel.maximumDegree)) or mlp:H (Σ v·tanh(w·x + b) + c, H from 1 to \(TanhNetwork.maximumHiddenUnits) units) (default line).",
            valueName: "line|poly:D|mlp:H"),
        transform: { text in
            do {
                return try ModelKind(parsing: text)
            } catch {
                throw ValidationError("use \(ModelKind.allowedText)")
            }
        })
    public var modelOption: ModelKind?

    /// The model (line unless given). Optional underneath so that `--compare model=…` can tell
    /// a given --model from the default.
    public var model: ModelKind { modelOption ?? .line }

    @Option(
        name: .customLong("init"), parsing: .unconditional,
        help: ArgumentHelp(
            "Initial parameters, exactly as many as the model has, comma-separated in its order (line: a1,a2, default -1,1; poly:D: a1…a(D+1), default zeros; mlp:H: w1…wH,b1…bH,v1…vH,c, default --init-seed's draw).",
            valueName: "a1,a2,…"))
    public var initialParameters: String?

    @Option(
        name: .customLong("init-seed"), parsing: .unconditional,
        help: ArgumentHelp(
            "Seed of mlp:H's initial weights (Glorot-uniform w and v, zero b and c), \(DataOptions.allowedSeeds) (default 0).",
            valueName: "s"),
        transform: { try NumberArgument.seed($0, allowed: DataOptions.allowedSeeds) })
    public var initSeed: UInt64?

    public init() {}

    /// The numbers of `--init`, checked against the model's parameter count.
    public func parsedInitialParameters() throws -> [Double]? {
        guard let text = initialParameters else { return nil }
        let names = model.makeModel().parameterNames
        let example =
            names.count == 2 ? "a1,a2 separated by a comma, such as -1,1" : names.joined(separator: ",")
        let cells = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let values = cells.compactMap(Double.init)
        guard cells.count == names.count, values.count == names.count, values.allSatisfy(\.isFinite) else {
            throw ValidationError(
                "--init '\(MessageText.quoted(text))' is not allowed; the model \(model) needs exactly \(names.count) finite numbers \(example)"
            )
        }
        return values
    }

    public func validate() throws {
        _ = try parsedInitialParameters()
        if initSeed != nil, initialParameters != nil {
            throw ValidationError(
                "--init-seed cannot be combined with --init; it draws the initial parameters --init gives")
        }
    }
}
