import ArgumentParser
import FitAnimation

/// How the frames and figures look.
public struct ImageOptions: ParsableArguments {
    public static let sizeRange = 16...16_384
    public static let allowedSizes = "a whole number from \(sizeRange.lowerBound) to \(sizeRange.upperBound)"
    public static let scaleRange = 0.25...8.0
    public static let allowedScales = "a number from 0.25 to 8"
    /// Longest side of an image in device pixels (Cairo's and the PNG decoder's comfort zone).
    public static let maximumPixelsPerSide = 16_384.0

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Image width in layout pixels, \(allowedSizes) (default 640).", valueName: "px"),
        transform: { try NumberArgument.integer($0, allowed: allowedSizes) })
    public var width: Int = 640

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Image height in layout pixels, \(allowedSizes) (default 480).", valueName: "px"),
        transform: { try NumberArgument.integer($0, allowed: allowedSizes) })
    public var height: Int = 480

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Pixels per layout pixel for HiDPI, \(allowedScales) (default 1; 2 doubles the pixels, same layout).",
            valueName: "s"),
        transform: { try NumberArgument.double($0, allowed: allowedScales) })
    public var scale: Double = 1

    @OptionGroup public var language: LanguageOption<RenderFitDefaults>

    @Flag(help: "Draw each point's residual (vertical segment to the current curve) on the frames.")
    public var residuals = false

    @OptionGroup public var frameRate: FrameRateOption<RenderFitDefaults>

    @Option(
        help: ArgumentHelp(
            "Panels of each frame, side by side in this order: any of fit, loss, landscape, each at most once "
                + "(default fit). --width and --height are each panel's: fit,loss,landscape at the default size "
                + "makes 1920×480 frames.",
            valueName: "list"))
    public var panels: String?

    public init() {}

    /// `--lang`.
    public var lang: RenderSettings.Language { language.lang }
    /// `--fps`.
    public var fps: Int { frameRate.fps }
    /// The validated `--panels` list.
    public var panelList: [PanelKind] {
        panels.flatMap { try? PanelKind.parseList($0) } ?? PanelKind.defaultList
    }

    public func validate() throws {
        var panelKinds = PanelKind.defaultList
        if let panels {
            do {
                panelKinds = try PanelKind.parseList(panels)
            } catch {
                throw ValidationError(error.description)
            }
        }
        for (name, value) in [("width", width), ("height", height)] {
            guard Self.sizeRange.contains(value) else {
                throw ValidationError("--\(name) \(value) is not allowed; use \(Self.allowedSizes)")
            }
        }
        guard scale.isFinite, Self.scaleRange.contains(scale) else {
            throw ValidationError("--scale \(scale) is not allowed; use \(Self.allowedScales)")
        }
        let longest = Double(max(width, height)) * scale
        guard longest <= Self.maximumPixelsPerSide else {
            throw ValidationError(
                "--width \(width) --height \(height) at --scale \(scale) gives \(Int(longest.rounded(.up))) pixels on a side; "
                    + "the most allowed is \(Int(Self.maximumPixelsPerSide))")
        }
        let frameWidth = Double(width * panelKinds.count) * scale
        guard frameWidth <= Self.maximumPixelsPerSide else {
            throw ValidationError(
                "--panels \(PanelKind.listText(panelKinds)) at --width \(width) --scale \(scale) gives frames "
                    + "\(Int(frameWidth.rounded(.up))) pixels wide; the most allowed is "
                    + "\(Int(Self.maximumPixelsPerSide)) (--width is each panel's)")
        }
    }
}
