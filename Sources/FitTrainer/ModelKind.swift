/// Which model a run trains, as the command line spells it: `line`, `poly:D` or `mlp:H`.
///
/// It is the model's description in a history (`Codable` as that text), and it builds the
/// model itself (``makeModel()``).
public enum ModelKind: Sendable, Hashable, Codable, CustomStringConvertible {
    /// y = a1·x + a2, the article's model.
    case line
    /// y = a1·x^D + … + a_D·x + a_(D+1), D from 1 to ``PolynomialModel/maximumDegree``.
    case polynomial(degree: Int)
    /// y = Σⱼ vⱼ·tanh(wⱼ·x + bⱼ) + c with H hidden units, H from 1 to ``TanhNetwork/maximumHiddenUnits``.
    case mlp(hiddenUnits: Int)

    /// What `--model` accepts, in the words of its help and errors.
    public static let allowedText =
        "line, poly:D with D from 1 to \(PolynomialModel.maximumDegree), or mlp:H with H from 1 to \(TanhNetwork.maximumHiddenUnits)"

    /// Parses `line`, `poly:D` or `mlp:H`; throws with what is allowed.
    public init(parsing text: String) throws(ModelError) {
        let lowered = text.lowercased()
        if lowered == "line" {
            self = .line
            return
        }
        let parts = lowered.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let size = Int(parts[1]) else { throw .unknownModel(text) }
        switch parts[0] {
        case "poly":
            guard (1...PolynomialModel.maximumDegree).contains(size) else { throw .unsupportedDegree(size) }
            self = .polynomial(degree: size)
        case "mlp":
            guard (1...TanhNetwork.maximumHiddenUnits).contains(size) else {
                throw .unsupportedHiddenUnits(size)
            }
            self = .mlp(hiddenUnits: size)
        default:
            throw .unknownModel(text)
        }
    }

    /// `line`, `poly:3`, `mlp:8`.
    public var description: String {
        switch self {
        case .line: return "line"
        case .polynomial(let degree): return "poly:\(degree)"
        case .mlp(let hiddenUnits): return "mlp:\(hiddenUnits)"
        }
    }

    /// The model.
    public func makeModel() -> any Model {
        switch self {
        case .line: return PolynomialModel(degree: 1)
        case .polynomial(let degree): return PolynomialModel(degree: degree)
        case .mlp(let hiddenUnits): return TanhNetwork(hiddenUnits: hiddenUnits)
        }
    }

    /// Decodes the text form (`"poly:3"`).
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try ModelKind(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
