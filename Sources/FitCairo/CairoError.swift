/// Everything that can go wrong while drawing with Cairo, with messages that say what was
/// wrong and what is allowed.
public enum CairoError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A canvas size that is not finite, not positive, or too large once scaled.
    case invalidCanvasSize(width: Double, height: Double, scale: Double)
    /// A scale factor outside `CairoImageCanvas.scaleRange` or not finite.
    case invalidScale(Double)
    /// Two canvases that must have the same pixel size do not.
    case sizeMismatch(expected: (width: Int, height: Int), actual: (width: Int, height: Int))
    /// A Cairo call reported a failure status.
    case cairoFailure(operation: String, status: String)
    /// The requested font family could not be found through fontconfig.
    case fontNotFound(family: String, weight: String, matched: String?)
    /// fontconfig itself failed (no configuration, out of memory…).
    case fontconfigFailure(String)
    /// The vector document's bytes could not be handed to its sink (or Cairo's SVG was not
    /// what the text layer expects).
    case output(reason: String)
    /// The vector document was already finished; no more drawing or pages.
    case documentFinished

    /// A message that says what was wrong and what is allowed (or how to fix it).
    public var description: String {
        switch self {
        case .invalidCanvasSize(let w, let h, let s):
            return "invalid canvas size \(w)×\(h) at scale \(s): width and height must be finite, "
                + "positive, and at most \(CairoImageCanvas.maximumPixelsPerSide) pixels per side "
                + "once multiplied by the scale"
        case .invalidScale(let s):
            return "invalid scale \(s): it must be finite and within "
                + "\(CairoImageCanvas.scaleRange.lowerBound)…\(CairoImageCanvas.scaleRange.upperBound)"
        case .sizeMismatch(let e, let a):
            return "canvas sizes differ: expected \(e.width)×\(e.height) pixels, got \(a.width)×\(a.height)"
        case .cairoFailure(let op, let status):
            return "cairo failed in \(op): \(status)"
        case .fontNotFound(let family, let weight, let matched):
            let got = matched.map { " (fontconfig offered \"\($0)\" instead)" } ?? ""
            return "font \"\(family)\" (\(weight)) not found through fontconfig\(got); "
                + "install it, e.g. `apt-get install fonts-dejavu-core` for DejaVu Sans"
        case .fontconfigFailure(let message):
            return "fontconfig failed: \(message)"
        case .output(let reason):
            return "cannot write the vector document: \(reason)"
        case .documentFinished:
            return "the vector document is already finished; create a new one to draw more"
        }
    }

    /// Two errors are equal when their messages are (the tuple payloads keep the synthesised
    /// conformance out of reach).
    public static func == (lhs: CairoError, rhs: CairoError) -> Bool {
        lhs.description == rhs.description
    }
}
