import FitAnimation
import FitPlot
import FitTrainer

/// The article's index.html: its figures in the article's order, each with a French and an
/// English caption whose numbers come from the run (so `--quick` captions stay true), the
/// animation as a `<video>` (MP4) or an `<img>` (APNG).
/// Every `src` and `href` is relative and names a file the run wrote.
struct ArticlePage {
    let figures: ArticleFigures
    let frameCount: Int
    /// The animation's path relative to the page: an MP4 (shown with `<video>`) or an APNG.
    let animation: String

    private struct Section {
        var image: String
        var vector: String?
        var french: String
        var english: String
    }

    private var history: TrainingHistory { figures.scene.history }

    /// `value` with `decimals` decimals in French or English notation.
    private func number(_ value: Double, _ decimals: Int, french: Bool) -> String {
        (french ? NumberFormatting.french : NumberFormatting.english).format(value, decimals: decimals)
    }

    /// French typography: a no-break space (U+00A0) before `:` `;` `!` `?`, so that the sign
    /// never starts a line; the figures use the same space (`FrameText.colon`, `FrameText.tuple`).
    static func frenchSpacing(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for c in text {
            if c == " " {
                if pendingSpace { out.append(" ") }
                pendingSpace = true
                continue
            }
            if pendingSpace { out.append(":;!?".contains(c) ? "\u{00A0}" : " ") }
            pendingSpace = false
            out.append(c)
        }
        if pendingSpace { out.append(" ") }
        return out
    }

    private var sections: [Section] {
        let settings = figures.scene.settings
        let first = history[0].loss
        let last = history[history.count - 1]
        let a1 = last.parameters[0]
        let a2 = last.parameters[1]
        let lr = settings.learningRate
        func n(_ v: Double, _ d: Int, _ fr: Bool) -> String { number(v, d, french: fr) }
        // The parameters written as in the figures: "(−1, 1)" / "(−1 ; 1)".
        let french = FrameText(language: .fr)
        let english = FrameText(language: .en)
        let initial = figures.scene.parametersInDataUnits(at: 0)
        func start(_ text: FrameText) -> String {
            text.tuple(initial.map { text.numbers.formatTrimmed($0, maximumDecimals: 4) })
        }
        func figure(_ name: ArticleFigures.Name, _ fr: String, _ en: String) -> Section {
            Section(
                image: "figures/\(name.rawValue).png", vector: "figures/\(name.rawValue).svg", french: fr,
                english: en)
        }
        return [
            figure(
                .points,
                "Le nuage de points : \(figures.scene.data.count) points (x, y) avec y = 3x + 2 "
                    + "plus un bruit tiré au hasard entre 0 et 1. On cherche la droite y = a₁·x + a₂ qui passe au plus près.",
                "The point cloud: \(figures.scene.data.count) points (x, y) with y = 3x + 2 plus a random noise "
                    + "between 0 and 1. We look for the line y = a₁·x + a₂ that passes closest to them."),
            figure(
                .initialGuess,
                "Premier essai : a = \(start(french)). Les points bleus sont les prédictions ŷ = X·a ; l’erreur quadratique "
                    + "moyenne (EQM) entre prédictions et données vaut \(n(first, 2, true)).",
                "First guess: a = \(start(english)). The blue points are the predictions ŷ = X·a; the mean squared error (MSE) "
                    + "between predictions and data is \(n(first, 2, false))."),
            figure(
                .squaredErrors,
                "Les erreurs au carré : chaque trait rouge est une erreur ŷᵢ − yᵢ, chaque carré a pour aire son carré. "
                    + "La moyenne de ces aires, l’EQM, est la fonction de coût à rendre la plus petite possible.",
                "The squared errors: each red segment is an error ŷᵢ − yᵢ, each square has its square as area. "
                    + "The mean of these areas, the MSE, is the cost function to make as small as possible."),
            Section(
                image: animation, vector: nil,
                french: "La descente de gradient, pas à pas (\(frameCount) images) : à chaque itération, "
                    + "a ← a − \(n(lr, 1, true))·∇EQM(a). La droite tourne et monte vers le nuage, la perte diminue ; "
                    + "la dernière image reste affichée deux secondes.",
                english: "Gradient descent, step by step (\(frameCount) frames): at each iteration, "
                    + "a ← a − \(n(lr, 1, false))·∇MSE(a). The line turns and rises towards the cloud, the loss falls; "
                    + "the last frame stays two seconds."
            ),
            figure(
                .result,
                "Après \(last.iteration) itérations : a ≈ \(french.tuple([n(a1, 2, true), n(a2, 2, true)])), et la vraie droite "
                    + "y = 3x + 2 en tirets. L’ordonnée à l’origine trouvée est proche de 2,5 et non de 2 : le bruit, "
                    + "entre 0 et 1, vaut 0,5 en moyenne.",
                "After \(last.iteration) iterations: a ≈ \(english.tuple([n(a1, 2, false), n(a2, 2, false)])), and the true line "
                    + "y = 3x + 2 dashed. The fitted intercept is near 2.5, not 2: the noise, between 0 and 1, "
                    + "averages 0.5."),
            figure(
                .loss,
                "La perte au fil des itérations : de \(n(first, 2, true)) à \(n(last.loss, 3, true)). Elle ne peut "
                    + "pas descendre sous 1/12 ≈ 0,083, la variance du bruit.",
                "The loss over the iterations: from \(n(first, 2, false)) to \(n(last.loss, 3, false)). It cannot "
                    + "go below 1/12 ≈ 0.083, the variance of the noise."),
            figure(
                .lossLog,
                "La même perte en échelle logarithmique : elle décroît d’abord géométriquement (une droite), "
                    + "puis s’approche de son plancher.",
                "The same loss on a log scale: it first falls geometrically (a straight line), then nears its floor."
            ),
        ]
    }

    /// The page, UTF-8 HTML5 with no external resources.
    func html() -> String {
        var body = ""
        for (index, section) in sections.enumerated() {
            let svg = section.vector.map { " · <a href=\"\(escape($0))\">SVG</a>" } ?? ""
            let french = Self.frenchSpacing(section.french)
            let isVideo = section.image.hasSuffix(".mp4") || section.image.hasSuffix(".webm")
            // The page is French (lang="fr"): so are the texts that stand for the images.
            let media =
                isVideo
                ? "<video src=\"\(escape(section.image))\" autoplay loop muted playsinline controls "
                    + "aria-label=\"\(escape(french))\"></video>"
                : "<img src=\"\(escape(section.image))\" alt=\"\(escape(french))\">"
            let kind = section.image.split(separator: ".").last.map { $0.uppercased() } ?? "PNG"
            body += """
                  <figure id="fig\(index + 1)">
                    \(media)
                    <figcaption>
                      <p lang="fr"><b>Figure \(index + 1).</b> \(escape(french))</p>
                      <p lang="en"><b>Figure \(index + 1).</b> \(escape(section.english))</p>
                      <p class="files"><a href="\(escape(section.image))">\(kind)</a>\(svg)</p>
                    </figcaption>
                  </figure>

                """
        }
        let command = figures.scene.settings.commandLine ?? "swift run article"
        return """
            <!DOCTYPE html>
            <!-- Written by the render-fit article example (swift run article); rewritten on each run. -->
            <html lang="fr">
            <head>
              <meta charset="utf-8">
              <title>Ajuster une droite par descente de gradient · Fitting a line by gradient descent</title>
              <style>
                body { font-family: "DejaVu Sans", sans-serif; max-width: 760px; margin: 2em auto; padding: 0 1em; color: #222; }
                figure { margin: 2.5em 0; }
                img, video { max-width: 100%; border: 1px solid #ddd; }
                p[lang="en"] { color: #555; font-style: italic; }
                .files, footer { font-size: 0.85em; color: #777; }
                code { font-size: 0.9em; }
              </style>
            </head>
            <body>
              <h1>Ajuster une droite par descente de gradient</h1>
              <p lang="en"><i>Fitting a line by gradient descent</i></p>

            \(body)  <footer>
                <p>Réglages · settings: <code>\(escape(command))</code></p>
                <p><a href="frames/history.csv">history.csv</a> · <a href="frames/manifest.json">manifest.json</a></p>
              </footer>
            </body>
            </html>

            """
    }

    private func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        // Characters XML forbids (control characters) never reach the page.
        return XMLText.replacingForbidden(out)
    }
}
