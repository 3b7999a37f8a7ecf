import Foundation

extension TrainingHistory {
    /// The CSV header: `iteration`, the model's parameter names (`a1,a2` for a line;
    /// `w1…wH,b1…bH,v1…vH,c` for `mlp:H`), `loss`, one gradient column per parameter (`grad1…`
    /// for a line or polynomial, `grad_w1…` for a network), then `epoch,batchLoss` with
    /// mini-batches.
    public var csvHeader: String {
        let names = model.makeModel().parameterNames
        let gradients = names.map { name in
            name.first == "a" && name.dropFirst().allSatisfy(\.isNumber) ? "grad" + name.dropFirst() : "grad_" + name
        }
        var columns = ["iteration"] + names + ["loss"] + gradients
        if usesMiniBatches { columns += ["epoch", "batchLoss"] }
        return columns.joined(separator: ",")
    }

    /// The history as CSV: the header, then one LF-terminated row per iteration, every number
    /// in shortest round-trip form (see ``ShortestDecimal``).
    public func csvText() -> String {
        var text = csvHeader + "\n"
        text.reserveCapacity(count * (16 + parameterCount * 40))
        for iteration in indices {
            text += String(iteration)
            for value in parameters(at: iteration) {
                text += "," + ShortestDecimal.format(value)
            }
            text += "," + ShortestDecimal.format(losses[iteration])
            for value in gradient(at: iteration) {
                text += "," + ShortestDecimal.format(value)
            }
            if usesMiniBatches {
                text += "," + String(epochs[iteration]) + "," + ShortestDecimal.format(batchLosses[iteration])
            }
            text += "\n"
        }
        return text
    }

    /// The history as JSON, keys sorted so that the same history gives the same bytes:
    /// `{"batchSize":…,"divergence":…,"model":"mlp:8","optimizer":{"kind":"adam",
    /// "learningRate":…,…},"parameterNames":[…],"requestedIterations":…,"shuffleSeed":…,
    /// "standardization":{…},"steps":[{"batchLoss":…,"epoch":…,"gradient":[…],"iteration":0,
    /// "loss":…,"parameters":[…]},…]}` (batch keys and standardization only when used). Numbers are shortest round-trip
    /// decimals; NaN and infinities (possible only in a diverged last row) are the strings
    /// `"nan"`, `"inf"` and `"-inf"`.
    public func jsonData() throws(HistoryError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try encoder.encode(self)
        } catch {
            throw .invalidJSON(String(describing: error))
        }
    }

    /// Reads a history written by ``jsonData()``.
    public init(jsonData: Data) throws(HistoryError) {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            self = try decoder.decode(TrainingHistory.self, from: jsonData)
        } catch let error as HistoryError {
            throw error
        } catch {
            throw .invalidJSON(String(describing: error))
        }
    }
}

extension TrainingHistory: Codable {
    private enum CodingKeys: String, CodingKey {
        case model, parameterNames, optimizer, batchSize, shuffleSeed, standardization
        case learningRate, requestedIterations, divergence, steps
    }

    /// Decodes a history written by ``encode(to:)``, checking the rows as
    /// ``init(model:optimizer:batchSize:shuffleSeed:standardization:requestedIterations:steps:divergence:)``
    /// does. A history of an earlier version (a `learningRate`, no model) reads as plain
    /// gradient descent on a line or polynomial.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let steps = try container.decode([TrainingStep].self, forKey: .steps)
        let requested = try container.decode(Int.self, forKey: .requestedIterations)
        let divergence = try container.decodeIfPresent(Divergence.self, forKey: .divergence)
        guard let model = try container.decodeIfPresent(ModelKind.self, forKey: .model) else {
            try self.init(
                learningRate: container.decode(Double.self, forKey: .learningRate), requestedIterations: requested,
                steps: steps, divergence: divergence)
            return
        }
        try self.init(
            model: model, optimizer: container.decode(OptimizerConfiguration.self, forKey: .optimizer),
            batchSize: container.decodeIfPresent(Int.self, forKey: .batchSize),
            shuffleSeed: container.decodeIfPresent(UInt64.self, forKey: .shuffleSeed),
            standardization: container.decodeIfPresent(Standardization.self, forKey: .standardization),
            requestedIterations: requested, steps: steps, divergence: divergence)
    }

    /// Encodes the model, its parameter names, the optimizer, the batch schedule, the
    /// standardization, the requested iterations, the divergence (if any) and every step.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(model.makeModel().parameterNames, forKey: .parameterNames)
        try container.encode(optimizer, forKey: .optimizer)
        try container.encodeIfPresent(batchSize, forKey: .batchSize)
        try container.encodeIfPresent(shuffleSeed, forKey: .shuffleSeed)
        try container.encodeIfPresent(standardization, forKey: .standardization)
        try container.encode(requestedIterations, forKey: .requestedIterations)
        try container.encodeIfPresent(divergence, forKey: .divergence)
        try container.encode(Array(self), forKey: .steps)
    }
}
