import ArgumentParser
import FitAnimation
import FitMessages
import FitTrainer

/// `--compare KEY=V1,V2,…`: several runs in one animation, differing in one setting.
public struct CompareOptions: ParsableArguments {
    public static let keys = RunComparison.Key.allCases.map(\.rawValue)
    public static let allowedKeys = keys.dropLast().joined(separator: ", ") + " or " + keys.last!

    @Option(
        help: ArgumentHelp(
            "Train one run per value, differing only in KEY (\(allowedKeys)), and draw them together: one tab10 colour each, \(RunComparison.minimumRuns) to \(RunComparison.maximumRuns) values; --out then holds history-1.csv … in the order given.",
            valueName: "KEY=V1,V2,…"))
    public var compare: String?

    /// The compared values, parsed as the option of the same name parses them.
    public enum Values: Equatable {
        case learningRates([Double])
        case optimizers([OptimizerConfiguration.Kind])
        case batchSizes([Int])
        case models([ModelKind])
    }

    /// The comparison and its parsed values, or nil without --compare; a ValidationError that
    /// names the value and what is allowed otherwise.
    public func parsed() throws -> (comparison: RunComparison, values: Values)? {
        guard let compare else { return nil }
        let option = "--compare '\(MessageText.quoted(compare))'"
        guard let equals = compare.firstIndex(of: "=") else {
            throw ValidationError("\(option) is not allowed; use KEY=V1,V2,… with KEY \(Self.allowedKeys)")
        }
        let name = String(compare[..<equals]).trimmingCharacters(in: .whitespaces)
        guard let key = RunComparison.Key(rawValue: name) else {
            throw ValidationError(
                "\(option): '\(MessageText.quoted(name))' cannot be compared; use \(Self.allowedKeys)")
        }
        let texts = compare[compare.index(after: equals)...].split(
            separator: ",", omittingEmptySubsequences: false
        )
        .map { $0.trimmingCharacters(in: .whitespaces) }
        guard texts.count >= RunComparison.minimumRuns else {
            throw ValidationError(
                "\(option) gives 1 value; give at least \(RunComparison.minimumRuns), separated by commas, such as \(name)=\(Self.example(key))"
            )
        }
        guard texts.count <= RunComparison.maximumRuns else {
            throw ValidationError(
                "\(option) gives \(texts.count) values; at most \(RunComparison.maximumRuns) (one tab10 colour each)"
            )
        }
        let values: Values
        switch key {
        case .learningRate:
            values = .learningRates(
                try texts.map { text in
                    guard let rate = Double(text), LearningRateOption.problem(rate) == nil else {
                        throw ValidationError(
                            "\(option): '\(MessageText.quoted(text))' is not a learning rate; use \(LearningRateOption.allowed)"
                        )
                    }
                    return rate
                })
        case .optimizer:
            values = .optimizers(
                try texts.map { text in
                    guard let kind = OptimizerConfiguration.Kind(argument: text) else {
                        throw ValidationError(
                            "\(option): '\(MessageText.quoted(text))' is not an optimizer; use \(EnumArgument.allowed(OptimizerConfiguration.Kind.self))"
                        )
                    }
                    return kind
                })
        case .batchSize:
            values = .batchSizes(
                try texts.map { text in
                    guard let size = Int(text), size >= 1 else {
                        throw ValidationError(
                            "\(option): '\(MessageText.quoted(text))' is not a batch size; use \(TrainingOptions.allowedBatchSizes)"
                        )
                    }
                    return size
                })
        case .model:
            values = .models(
                try texts.map { text in
                    guard let model = try? ModelKind(parsing: text) else {
                        throw ValidationError(
                            "\(option): '\(MessageText.quoted(text))' is not a model; use \(ModelKind.allowedText)"
                        )
                    }
                    return model
                })
        }
        // The same run twice is a mistake (0.1 and 0.10 included: values are compared parsed).
        let canonical: [String] =
            switch values {
            case .learningRates(let rates): rates.map { "\($0)" }
            case .optimizers(let kinds): kinds.map(\.rawValue)
            case .batchSizes(let sizes): sizes.map(String.init)
            case .models(let models): models.map(\.description)
            }
        for (index, value) in canonical.enumerated() where canonical[..<index].contains(value) {
            throw ValidationError(
                "\(option): '\(MessageText.quoted(texts[index]))' is given twice; each run needs its own value"
            )
        }
        return (RunComparison(key: key, values: texts), values)
    }

    private static func example(_ key: RunComparison.Key) -> String {
        switch key {
        case .learningRate: "0.1,0.5"
        case .optimizer: "gd,adam"
        case .batchSize: "10,100"
        case .model: "line,poly:3"
        }
    }

    public init() {}

    public func validate() throws { _ = try parsed() }
}
