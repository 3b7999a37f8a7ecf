import ArgumentParser
import FitMessages
import FitTrainer

/// Where the points come from: a generated set or a CSV file, and how to read and scale them.
public struct DataOptions: ParsableArguments {
    public static let pointRange = 2...10_000_000
    public static let allowedPoints =
        "a whole number from \(pointRange.lowerBound) to \(pointRange.upperBound)"
    public static let allowedSeeds = "a whole number from 0 to \(UInt64.max)"

    @Option(
        help: ArgumentHelp(
            "CSV file of points to fit instead of generated ones: ',', ';' or tab separated (detected), decimal commas with ';' or tab, optional header.",
            valueName: "file.csv"))
    public var data: String?

    @Option(
        help: ArgumentHelp(
            "The two columns of --data to use as x and y, by header name or 1-based number (default: the only two).",
            valueName: "x,y"))
    public var columns: String?

    @Option(
        help: ArgumentHelp(
            "Generated points: line (y = 3x + 2 + noise, the article's), quadratic (2x² − x + 0.5) or sine (sin πx) (default line); not with --data.",
            valueName: "line|quadratic|sine"),
        transform: { try EnumArgument.parse($0, as: GeneratedDataSet.Kind.self) })
    public var dataset: GeneratedDataSet.Kind?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Points to generate, \(allowedPoints) (default \(TutorialDataSet.defaultCount)); not with --data.",
            valueName: "n"),
        transform: { try NumberArgument.integer($0, allowed: allowedPoints) })
    public var points: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Seed of the generated points, \(allowedSeeds) (default \(TutorialDataSet.defaultSeed)); not with --data.",
            valueName: "s"),
        transform: { try NumberArgument.seed($0, allowed: allowedSeeds) })
    public var seed: UInt64?

    @Flag(
        help:
            "Train on standardized x and y (mean 0, standard deviation 1); frames, figures and the report stay in the data's units."
    )
    public var standardize = false

    public init() {}

    public func validate() throws {
        if let points, !Self.pointRange.contains(points) {
            throw ValidationError("--points \(points) is not allowed; use \(Self.allowedPoints)")
        }
        if let data {
            for (flag, given) in [
                ("points", points != nil), ("seed", seed != nil), ("dataset", dataset != nil),
            ]
            where given {
                throw ValidationError(
                    "--\(flag) cannot be combined with --data '\(MessageText.quoted(data, limit: MessageText.pathLimit))'; they describe generated points"
                )
            }
        } else if let columns {
            throw ValidationError(
                "--columns '\(MessageText.quoted(columns))' needs --data; generated points have no columns")
        }
    }
}
