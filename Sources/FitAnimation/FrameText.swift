import FitPlot
import FitTrainer

/// The words and numbers written on frames and figures, in English or French (decimal comma,
/// "Itération 12 — perte 0,4911"). Numbers use a true minus sign (U+2212).
public struct FrameText: Sendable {
    /// English or French.
    public let language: RenderSettings.Language
    /// The language's number format (decimal comma in French).
    public let numbers: NumberFormatting

    /// The texts of `language`.
    public init(language: RenderSettings.Language) {
        self.language = language
        self.numbers = language == .fr ? .french : .english
    }

    /// A loss with 4 significant decimals, or in scientific form when large or tiny.
    public func loss(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : "∞" }
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude >= 1e5 || magnitude < 1e-4) {
            let exponent = Int((log10Floor(magnitude)))
            let mantissa = value / pow10(exponent)
            return numbers.format(mantissa, decimals: 2) + "·10" + superscript(exponent)
        }
        return numbers.format(value, decimals: 4)
    }

    /// "Iteration 12 — loss 0.4911" / "Itération 12 — perte 0,4911".
    public func frameTitle(iteration: Int, loss: Double) -> String {
        switch language {
        case .en: return "Iteration \(iteration) — loss \(self.loss(loss))"
        case .fr: return "Itération \(iteration) — perte \(self.loss(loss))"
        }
    }

    /// The title of frames once training has diverged.
    public func divergedTitle(iteration: Int, loss: Double) -> String {
        switch language {
        case .en: return "Diverged at iteration \(iteration) — loss \(self.loss(loss))"
        case .fr: return "Divergence à l’itération \(iteration) — perte \(self.loss(loss))"
        }
    }

    /// ": " in English, " : " in French, whose typography puts a no-break space (U+00A0) before
    /// `:` `;` `!` `?` (so that the sign never starts a line).
    public var colon: String { language == .fr ? "\u{00A0}: " : ": " }

    /// A parameter vector from its formatted components: "(−1, 1)" in English, "(−1 ; 1)" in
    /// French (the comma is the decimal separator there; no-break space before the semicolon).
    public func tuple(_ components: [String]) -> String {
        "(" + components.joined(separator: language == .fr ? "\u{00A0}; " : ", ") + ")"
    }

    /// "y = 2.97x + 2.51" (a true minus sign for negative coefficients).
    public func equation(slope: Double, intercept: Double) -> String {
        guard slope.isFinite, intercept.isFinite else { return "y = ?" }
        let sign = intercept < 0 ? " − " : " + "
        return "y = " + numbers.format(slope, decimals: 2) + "x" + sign
            + numbers.format(abs(intercept), decimals: 2)
    }

    /// The model's own formula with `parameters`, coefficients with 2 decimals in this
    /// language's number format ("y = 2.97x + 2.51" for the line, as ``equation(slope:intercept:)``).
    public func formula(of model: any Model, parameters: [Double]) -> String {
        let numbers = self.numbers
        return model.formula(parameters) { numbers.format($0, decimals: 2) }
    }

    /// Legend label of the point cloud: "data" / "données".
    public var dataLabel: String { language == .fr ? "données" : "data" }
    /// Legend label of the fitted line: "fitted line" / "droite ajustée".
    public var fitLabel: String { language == .fr ? "droite ajustée" : "fitted line" }
    /// Legend label of a fitted curve (polynomial, network): "fitted curve" / "courbe ajustée".
    public var fitCurveLabel: String { language == .fr ? "courbe ajustée" : "fitted curve" }
    /// Legend label of the true line: "true line" / "vraie droite".
    public var trueLineLabel: String { language == .fr ? "vraie droite" : "true line" }
    /// Legend label of the predictions ŷ = X·a.
    public var predictionsLabel: String { language == .fr ? "prédictions ŷ = X·a" : "predictions ŷ = X·a" }
    /// Legend label of the residual segments: "errors" / "erreurs".
    public var residualsLabel: String { language == .fr ? "erreurs" : "errors" }
    /// Axis label of iterations: "iteration" / "itération".
    public var iterationLabel: String { language == .fr ? "itération" : "iteration" }
    /// The loss's name: MSE, or EQM (erreur quadratique moyenne) in French.
    public var mseLabel: String { language == .fr ? "EQM" : "MSE" }
    /// Axis label of the loss: "loss (MSE)" / "perte (EQM)".
    public var lossLabel: String { language == .fr ? "perte (EQM)" : "loss (MSE)" }
    /// Axis label of the loss on a log axis: "loss (MSE), log scale" / "perte (EQM), échelle log".
    public var logScaleLossLabel: String {
        language == .fr ? "perte (EQM), échelle log" : "loss (MSE), log scale"
    }

    private func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(String(n.magnitude).compactMap { $0.wholeNumberValue.map { digits[$0] } })
        return (n < 0 ? "⁻" : "") + body
    }

    private func log10Floor(_ v: Double) -> Double {
        var e = 0.0
        var m = v
        while m >= 10 {
            m /= 10
            e += 1
        }
        while m < 1 {
            m *= 10
            e -= 1
        }
        return e
    }

    private func pow10(_ e: Int) -> Double {
        var r = 1.0
        if e >= 0 { for _ in 0..<e { r *= 10 } } else { for _ in 0..<(-e) { r /= 10 } }
        return r
    }
}
