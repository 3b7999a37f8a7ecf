import Foundation

extension TrainingHistory {
    /// The CSV header: `iteration,a1,…,ap,loss,grad1,…,gradp` (p = 2 for a line).
    public var csvHeader: String {
        let parameters = (1...parameterCount).map { "a\($0)" }
        let gradients = (1...parameterCount).map { "grad\($0)" }
        return (["iteration"] + parameters + ["loss"] + gradients).joined(separator: ",")
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
            text += "\n"
        }
        return text
    }

    /// The history as JSON, keys sorted so that the same history gives the same bytes:
    /// `{"divergence":…,"learningRate":…,"requestedIterations":…,"steps":[{"gradient":[…],
    /// "iteration":0,"loss":…,"parameters":[…]},…]}`. Numbers are shortest round-trip
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
        case learningRate, requestedIterations, divergence, steps
    }

    /// Decodes a history written by ``encode(to:)``, checking the rows as ``init(learningRate:requestedIterations:steps:divergence:)`` does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            learningRate: container.decode(Double.self, forKey: .learningRate),
            requestedIterations: container.decode(Int.self, forKey: .requestedIterations),
            steps: container.decode([TrainingStep].self, forKey: .steps),
            divergence: container.decodeIfPresent(Divergence.self, forKey: .divergence))
    }

    /// Encodes the learning rate, the requested iterations, the divergence (if any) and every step.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(learningRate, forKey: .learningRate)
        try container.encode(requestedIterations, forKey: .requestedIterations)
        try container.encodeIfPresent(divergence, forKey: .divergence)
        try container.encode(Array(self), forKey: .steps)
    }
}
