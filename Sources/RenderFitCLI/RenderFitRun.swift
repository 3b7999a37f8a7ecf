import FitTrainer
import Foundation

/// One `render-fit` run from validated settings: load or generate the data, train, report,
/// write. Output is created only after every input has been read and checked.
struct RenderFitRun {
    let settings: RenderFitSettings

    func perform() throws {
        let data = try loadData()
        let history: TrainingHistory
        do {
            history = try settings.training.train(on: data)
        } catch {
            // The settings were validated, so this means the data cannot be modelled.
            throw UsageError(error.description)
        }
        let report = TrainingReport(history: history, data: data)
        if !settings.quiet {
            for line in report.progressLines() { print(line) }
            print(report.finalParametersLine())
            if let reference = report.leastSquaresLine() { print(reference) }
        }
        try writeOutputs(history)
        if !settings.quiet {
            print("wrote \(settings.historyCSV.path)")
        }
        // A diverging run is a lesson, not a failure: warn, and still exit 0.
        if let divergence = history.divergence {
            StandardError.writeLine(report.divergenceWarning(divergence))
        }
    }

    private func loadData() throws -> DataSet {
        switch settings.dataSource {
        case .generated(let tutorial):
            do {
                return try tutorial.generate()
            } catch {
                throw UsageError(error.description)
            }
        case .csvFile(let url):
            do {
                return try CSVDataLoader.load(contentsOf: url)
            } catch {
                throw UsageError("--data '\(url.path)': \(error.description)")
            }
        }
    }

    private func writeOutputs(_ history: TrainingHistory) throws {
        do {
            try FileManager.default.createDirectory(
                at: settings.outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw OutputError(
                "cannot create directory '\(settings.outputDirectory.path)': \(error.localizedDescription)")
        }
        do {
            try AtomicFileWriter.write(history.csvText(), to: settings.historyCSV)
            if let export = settings.historyExport {
                switch export.format {
                case .csv: try AtomicFileWriter.write(history.csvText(), to: export.url)
                case .json: try AtomicFileWriter.write(try history.jsonData(), to: export.url)
                }
            }
        } catch let error as FileWriteError {
            throw OutputError(error.description)
        } catch {
            throw OutputError("cannot write the history: \(error)")
        }
    }
}
