import ArgumentParser
import FitAnimation
import FitTrainer

// The enums that options take. Each conforms to `ExpressibleByArgument` (so help and shell
// completion list the values); options parse them through `EnumArgument.parse`, whose failure
// says what is allowed in the project's words rather than argument-parser's generic ones.

extension OptimizerConfiguration.Kind: ExpressibleByArgument {}
extension GeneratedDataSet.Kind: ExpressibleByArgument {}
extension RenderSettings.Language: ExpressibleByArgument {}
extension FigureFormat: ExpressibleByArgument {}

extension ModelKind: ExpressibleByArgument {
    public init?(argument: String) {
        guard let kind = try? ModelKind(parsing: argument) else { return nil }
        self = kind
    }
}

public enum EnumArgument {
    /// The case named `text`, or a ValidationError listing the allowed names.
    public static func parse<T: ExpressibleByArgument & CaseIterable & RawRepresentable>(
        _ text: String, as type: T.Type
    )
        throws -> T where T.RawValue == String
    {
        guard let value = T(argument: text) else { throw ValidationError("use \(allowed(T.self))") }
        return value
    }

    /// "gd, momentum, nesterov, rmsprop or adam".
    public static func allowed<T: CaseIterable & RawRepresentable>(_ type: T.Type) -> String
    where T.RawValue == String {
        let names = T.allCases.map(\.rawValue)
        guard names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
