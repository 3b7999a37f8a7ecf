import FitPlot

/// The words of the loss and landscape panels, and of frames that compare runs.
extension FrameText {
    /// "Iteration 12" / "Itération 12": the title of a frame comparing several runs.
    public func iterationTitle(_ iteration: Int) -> String {
        language == .fr ? "Itération \(iteration)" : "Iteration \(iteration)"
    }

    /// The loss panel's title.
    public var lossPanelTitle: String { language == .fr ? "Courbe de perte" : "Loss curve" }

    /// The landscape panel's title.
    public var landscapePanelTitle: String { language == .fr ? "Paysage de la perte" : "Loss landscape" }

    /// The legend text of mini-batch losses.
    public var batchLossLabel: String { language == .fr ? "perte du mini-lot" : "mini-batch loss" }

    /// Axis label of the i-th principal direction (1-based) with its share of the variance:
    /// "direction 1 (87.3 % of variance)" / "direction 1 (87,3 % de la variance)" (a narrow
    /// no-break space before %, as French and SI typography want).
    public func principalDirectionLabel(_ index: Int, share: Double) -> String {
        let percent = numbers.format(100 * share, decimals: 1) + "\u{202F}%"
        return language == .fr
            ? "direction \(index) (\(percent) de la variance)" : "direction \(index) (\(percent) of variance)"
    }

    /// The value where a curve left the view: "ŷ = 2473.95 at x = −1.04", "ŷ = 1.23·10⁶ at x = 0.50"
    /// (two decimals, scientific from 10⁵ on, like the losses).
    public func offViewValue(_ value: Double, at x: Double) -> String {
        let at = language == .fr ? "en x =" : "at x ="
        let magnitude = abs(value)
        let text = magnitude >= 1e5 || !value.isFinite ? self.loss(value) : numbers.format(value, decimals: 2)
        return "ŷ = \(text) \(at) \(numbers.format(x, decimals: 2))"
    }
}
