import ArgumentParser
import FitAnimation

/// `--lang en|fr`: the language of titles and labels.
public struct LanguageOption<Defaults: OptionDefaults>: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Language of titles and labels, en or fr (default \(Defaults.language.rawValue); fr also uses a decimal comma: \"Itération 12 — perte 0,4911\").",
            valueName: "en|fr"),
        transform: { try EnumArgument.parse($0, as: RenderSettings.Language.self) })
    public var lang: RenderSettings.Language = Defaults.language

    public init() {}
}
