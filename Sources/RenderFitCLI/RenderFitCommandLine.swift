import FitAnimation
import FitTrainer

/// The settings of a run as `render-fit` flags: the `Description` of every frame, so that a
/// frame can be reproduced from itself. Only the CLI knows its flags, so this lives here.
///
/// The article's settings give exactly the line of earlier versions; flags of later features
/// appear only when they differ from their defaults.
struct RenderFitCommandLine {
    let settings: RenderSettings

    var text: String {
        let training = settings.training
        let optimizer = training.optimizer
        var parts = [
            "--iterations \(training.iterations)", "--learning-rate \(optimizer.learningRate)",
            "--init " + settings.initialParameters.map { "\($0)" }.joined(separator: ","),
        ]
        if settings.model.model != .line { parts.append("--model \(settings.model.model)") }
        switch optimizer.kind {
        case .gd: break
        case .momentum, .nesterov: parts += ["--optimizer \(optimizer.kind.rawValue)", "--momentum \(optimizer.momentum)"]
        case .rmsprop: parts += ["--optimizer rmsprop", "--rho \(optimizer.rho)", "--epsilon \(optimizer.epsilon)"]
        case .adam:
            parts += [
                "--optimizer adam", "--beta1 \(optimizer.beta1)", "--beta2 \(optimizer.beta2)",
                "--epsilon \(optimizer.epsilon)",
            ]
        }
        if let batchSize = training.batchSize {
            parts.append("--batch-size \(batchSize)")
            if let seed = training.shuffleSeed { parts.append("--shuffle-seed \(seed)") }
        }
        let data = settings.data
        if let dataFile = data.dataFile {
            parts.append("--data \(dataFile)")
            if let columns = data.columns { parts.append("--columns \(columns)") }
        } else {
            if data.dataset != .line { parts.append("--dataset \(data.dataset.rawValue)") }
            parts.append("--points \(data.points)")
            parts.append("--seed \(data.seed)")
        }
        if data.standardize { parts.append("--standardize") }
        let image = settings.image
        parts += [
            "--width \(image.width)", "--height \(image.height)", "--scale \(image.scale)",
            "--lang \(image.language.rawValue)",
        ]
        if image.residuals { parts.append("--residuals") }
        parts.append("--fps \(image.fps)")
        if image.panels != PanelKind.defaultList { parts.append("--panels \(PanelKind.listText(image.panels))") }
        return "render-fit " + parts.joined(separator: " ")
    }
}
