import FitAnimation

/// The defaults that differ between the tools sharing an option group: the article example
/// writes French by default and the learning-rates animation runs at 10 frames per second,
/// where render-fit's defaults are English and 25. A tool names its defaults as a type
/// (`LanguageOption<ArticleDefaults>`), so that the group's help states the tool's own default.
public protocol OptionDefaults {
    /// The default of `--lang`.
    static var language: RenderSettings.Language { get }
    /// The default of `--fps`.
    static var framesPerSecond: Int { get }
}

extension OptionDefaults {
    public static var language: RenderSettings.Language { .en }
    public static var framesPerSecond: Int { 25 }
}

/// render-fit's defaults: English, 25 frames per second.
public enum RenderFitDefaults: OptionDefaults {}
