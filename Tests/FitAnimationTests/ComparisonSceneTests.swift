import FitAnimation
import FitCairo
import FitOutput
import FitPNG
import FitPlot
import FitTrainer
import Foundation
import ImageSnapshotTesting
import Testing

/// Several runs in one animation (`--compare`): the golden frames of the optimizer race, each
/// run's curve at the frame's iteration, runs that stop early, and what the frames say.
@Suite struct ComparisonSceneTests {
    static let optimizers: [OptimizerConfiguration.Kind] = [.gd, .momentum, .adam]

    /// The race of `kinds` on the tutorial data, each run as `render-fit --optimizer K` trains
    /// it, in tab10's colours, as `render-fit --compare optimizer=…` lays them out.
    static func race(
        _ kinds: [OptimizerConfiguration.Kind] = optimizers, learningRate: Double = 0.1,
        iterations: Int = 100,
        frames: FrameSelection = .all, panels: [PanelKind] = [.fit]
    ) throws -> TrainingScene {
        var settings = Fixtures.settings(iterations: iterations, learningRate: learningRate)
        settings.image.panels = panels
        let data = try TutorialDataSet(count: settings.points, seed: settings.seed).generate()
        var runs: [RunView] = []
        var runSettings: [RenderSettings] = []
        for (index, kind) in kinds.enumerated() {
            var optimizer = OptimizerConfiguration()
            optimizer.kind = kind
            optimizer.learningRate = learningRate
            var run = settings
            run.training.optimizer = optimizer
            let history = try Trainer(
                optimizer: optimizer, iterations: iterations, initialParameters: [-1, 1]
            )
            .train(on: data)
            runs.append(RunView(history: history, color: RunView.tab10[index], label: kind.rawValue))
            runSettings.append(run)
        }
        return try TrainingScene(
            data: data, runs: runs, settings: runSettings[0], frames: frames,
            comparison: RunComparison(key: .optimizer, values: kinds.map(\.rawValue)),
            runSettings: runSettings)
    }

    func frame(_ index: Int, of scene: TrainingScene) throws -> RGBAImage {
        let renderer = try FrameRenderer(source: scene)
        let canvas = try renderer.makeCanvas()
        return try PNGDecoder().decode(try renderer.renderFrame(index, on: canvas))
    }

    /// gd, momentum and adam at iteration 10: three curves in tab10's first three colours over
    /// grey points, a legend naming each. Looked at before it was accepted.
    @Test func theOptimizerRaceGoldenFrame() throws {
        assertImageSnapshot(of: try frame(10, of: try Self.race()), named: "compare-optimizers-frame-10")
    }

    /// The race on one surface (`--panels fit,landscape`): every run's path so far, its point
    /// and its next step on the shared loss landscape. Looked at before it was accepted.
    @Test func theOptimizerRaceOnTheLandscapeGoldenFrame() throws {
        let scene = try Self.race(panels: [.fit, .landscape])
        assertImageSnapshot(of: try frame(15, of: scene), named: "compare-optimizers-landscape-frame-15")
    }

    /// Frame k draws run r's curve from row `state(ofRun: r, forFrame: k)` of its history, in its
    /// colour: checked on the recorded marks, exactly.
    @Test func eachRunsCurveIsItsStateAtTheFramesIteration() throws {
        let scene = try Self.race(frames: FrameSelection(spacing: .every(7)))
        #expect(scene.framePlan.iterations == Array(stride(from: 0, through: 98, by: 7)) + [100])
        for index in [0, 3, scene.frameCount - 1] {
            let figure = scene.figure(forFrame: index)
            let lines = figure.mainAxes.marks.compactMap { $0 as? InfiniteLineMark }.filter(\.isDynamic)
            #expect(lines.count == 3)
            // Drawn last run first, so that the first run is on top.
            for (r, line) in lines.reversed().enumerated() {
                let parameters = scene.runs[r].history.parameters(
                    at: scene.framePlan.state(ofRun: r, forFrame: index))
                #expect(line.slope == parameters[0] && line.intercept == parameters[1])
                #expect(line.appearance.color == Theme.matplotlib.colorCycle[r])
            }
            #expect(figure.mainAxes.title == "Iteration \(scene.framePlan.iteration(forFrame: index))")
        }
    }

    /// Without a fit panel the first panel names the runs, so a `--panels loss` or
    /// `--panels landscape,loss` comparison still says which colour is which run; with one,
    /// only the fit panel does.
    @Test(arguments: [
        ([PanelKind.loss], 0), ([.landscape, .loss], 0), ([.loss, .fit], 1), ([.fit, .loss, .landscape], 0),
    ])
    func theRunsLegendIsOnTheFitPanelOrElseTheFirst(panels: [PanelKind], legendColumn: Int) throws {
        let scene = try Self.race(panels: panels)
        let figure = try scene.staticFigure()
        for (column, axes) in figure.axes.enumerated() {
            let labels = axes.marks.compactMap(\.label).filter {
                Self.optimizers.map(\.rawValue).contains($0)
            }
            if column == legendColumn {
                #expect(axes.legendLocation == .best)
                #expect(labels == Self.optimizers.map(\.rawValue))
            } else {
                #expect(labels.isEmpty, "panel \(panels[column]) repeats the runs' legend")
            }
        }
    }

    /// A diverging run stops early; the race goes on with it frozen on its last state.
    @Test func aRunThatDivergesStaysOnItsLastState() throws {
        let scene = try Self.race([.gd, .momentum], learningRate: 1.05)
        let gd = scene.runs[0].history
        #expect(gd.didDiverge)
        #expect(scene.frameCount == max(scene.runs[0].history.count, scene.runs[1].history.count))
        let last = scene.frameCount - 1
        #expect(scene.framePlan.state(ofRun: 0, forFrame: last) == gd.count - 1)
    }

    @Test func eachFrameNamesEveryRunsState() throws {
        let scene = try Self.race()
        let text = Dictionary(
            uniqueKeysWithValues: scene.metadata(forFrame: 5).map { ($0.keyword, $0.value) })
        #expect(text["Iteration"] == "5")
        let adam = scene.runs[2].history[5]
        #expect(text["Run 3"]?.hasPrefix("adam; iteration 5; parameters \(adam.parameters[0]),") == true)
        #expect(text["Run 3"]?.hasSuffix("loss \(adam.loss)") == true)
    }

    /// The streamed manifest of a comparison with chosen frames and a hold is the document
    /// JSONEncoder writes for the same job, and lists each run and each frame's run states.
    @Test func theStreamedManifestOfAComparisonIsTheEncodedOne() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scene = try Self.race(
            learningRate: 1.05, iterations: 80,
            frames: FrameSelection(spacing: .logarithmic, maximumFrames: 12))
        let job = FramesJob(
            scene: scene, output: OutputDirectory(path: folder), animation: nil, jobs: 2, quiet: true,
            timing: FrameTiming(fps: 25, pauseStart: 0.5, holdLast: 1.5))
        #expect(try job.run().frames == 12)
        let streamed = try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))
        let manifest = try JSONDecoder().decode(RunManifest.self, from: streamed)
        #expect(manifest == job.manifest(complete: true, files: manifest.files))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let encoded = try encoder.encode(job.manifest(complete: true, files: manifest.files))
        #expect(
            try JSONSerialization.jsonObject(with: streamed) as? NSDictionary
                == JSONSerialization.jsonObject(with: encoded) as? NSDictionary)
        #expect(manifest.compare == RunComparison(key: .optimizer, values: ["gd", "momentum", "adam"]))
        #expect(manifest.runs?.map(\.history) == ["history-1.csv", "history-2.csv", "history-3.csv"])
        #expect(manifest.runs?[0].divergedAtIteration == scene.runs[0].history.divergence?.iteration)
        #expect(manifest.frameSelection == FrameSelection(spacing: .logarithmic, maximumFrames: 12))
        #expect(manifest.holdLast == 1.5 && manifest.pauseStart == 0.5)
        #expect(manifest.frames.map(\.iteration) == scene.framePlan.iterations)
        #expect(manifest.frames.allSatisfy { $0.parameters == nil && $0.runs?.count == 3 })
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(!names.contains("history.csv"))
        #expect(
            try String(contentsOfFile: folder + "/history-2.csv", encoding: .utf8)
                == scene.runs[1].history.csvText())
    }

    @Test func runSettingsMustMatchTheRuns() throws {
        let race = try Self.race()
        #expect(throws: AnimationError.self) {
            try TrainingScene(
                data: race.data, runs: race.runs, settings: race.settings, runSettings: [race.settings])
        }
    }
}
