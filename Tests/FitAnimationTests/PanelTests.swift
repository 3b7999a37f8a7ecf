import FitAnimation
import FitCairo
import FitOutput
import FitPNG
import FitPlot
import FitTrainer
import Foundation
import ImageSnapshotTesting
import Testing

/// Frames of several panels side by side (`--panels`), and scenes of several runs.
///
/// Golden images live in `__Snapshots__/PanelTests/` (each looked at before it was accepted;
/// tolerances as in ``FrameSnapshotTests``). Geometry is checked through the recording renderer
/// and the manifest's panel numbers, the landscape's numbers against direct computations.
@Suite struct PanelTests {
    // MARK: Fixtures

    static let threePanels: [PanelKind] = [.fit, .loss, .landscape]

    static func data(points: Int = TutorialDataSet.defaultCount) throws -> DataSet {
        try TutorialDataSet(count: points, seed: TutorialDataSet.defaultSeed).generate()
    }

    static func settings(
        panels: [PanelKind], language: RenderSettings.Language = .en, scale: Double = 1
    ) -> RenderSettings {
        var settings = Fixtures.settings(language: language, scale: scale)
        settings.image.panels = panels
        return settings
    }

    static func history(
        _ trainer: Trainer = Trainer(), data: DataSet
    ) throws -> TrainingHistory {
        try trainer.train(on: data)
    }

    static func scene(
        panels: [PanelKind] = threePanels, trainer: Trainer = Trainer(),
        language: RenderSettings.Language = .en
    ) throws -> TrainingScene {
        let data = try data()
        return try TrainingScene(
            data: data, history: try history(trainer, data: data),
            settings: settings(panels: panels, language: language))
    }

    /// Frame `index` of `scene` as `render-fit` draws it.
    static func frame(_ index: Int, of scene: TrainingScene) throws -> RGBAImage {
        let renderer = try FrameRenderer(source: scene)
        return try PNGDecoder().decode(try renderer.renderFrame(index, on: renderer.makeCanvas()))
    }

    /// The dynamic layer of frame `index`, recorded.
    static func recordedDynamicLayer(_ index: Int, of scene: TrainingScene) throws -> [String] {
        let recorder = RecordingRenderer(size: scene.canvasSize)
        try scene.figure(forFrame: index).draw(on: recorder, layers: .dynamicOnly)
        return recorder.lines
    }

    // MARK: The panel list

    @Test func panelListsParseInOrder() throws {
        #expect(try PanelKind.parseList("fit") == [.fit])
        #expect(try PanelKind.parseList("landscape,fit") == [.landscape, .fit])
        #expect(try PanelKind.parseList("fit,loss,landscape") == [.fit, .loss, .landscape])
    }

    @Test(arguments: [
        ("", PanelListError.empty), ("fit,,loss", .emptyName(list: "fit,,loss")),
        ("fit,surface", .unknown(name: "surface")), ("fit,loss,fit", .duplicate(name: "fit")),
        ("Fit", .unknown(name: "Fit")),
    ])
    func badPanelListsAreRefused(text: String, expected: PanelListError) {
        #expect(throws: expected) { try PanelKind.parseList(text) }
        let message = expected.description
        #expect(!message.contains("\n"))
        #expect(message.contains("fit, loss, landscape"))
    }

    @Test func controlCharactersInAPanelNameStayOnOneLine() {
        let message = PanelListError.unknown(name: "fit\nrm -rf").description
        #expect(!message.contains("\n"))
        #expect(message.contains("'fit\\u{A}rm -rf'"))
    }

    /// A right-to-left override in a `--panels` value would reverse the rest of the line on a
    /// terminal: it is escaped, in the list and in the name, and long values are cut at 60.
    @Test func aBidiOverrideInAPanelListIsEscaped() {
        #expect(throws: PanelListError.unknown(name: "\u{202E}evil")) {
            try PanelKind.parseList("fit,\u{202E}evil")
        }
        let unknown = PanelListError.unknown(name: "\u{202E}evil").description
        #expect(unknown.hasPrefix("--panels: unknown panel '\\u{202E}evil'; use "), "\(unknown)")
        let empty = PanelListError.emptyName(list: "fit,,\u{202E}loss\u{2029}").description
        #expect(empty.hasPrefix("--panels 'fit,,\\u{202E}loss\\u{2029}' has an empty name"), "\(empty)")
        for message in [unknown, empty] {
            #expect(
                !message.unicodeScalars.contains {
                    $0.properties.generalCategory == .format || $0.value < 0x20
                })
        }
        let long = PanelListError.unknown(name: String(repeating: "x", count: 100)).description
        #expect(long.contains("'" + String(repeating: "x", count: 60) + "…'"))
    }

    // MARK: Layout

    @Test func eachPanelKeepsTheOnePanelLayout() throws {
        let one = try Self.scene(panels: [.fit])
        let three = try Self.scene()
        #expect(one.canvasSize == Size(width: 640, height: 480))
        #expect(three.canvasSize == Size(width: 1920, height: 480))
        let single = one.frameFigure.plotArea()
        for column in 0..<3 {
            var area = three.frameFigure.plotArea(column: column)
            area.x -= 640 * Double(column)
            #expect(area == single)
        }
        let names = three.panelGeometry().map(\.name)
        #expect(names == ["fit", "loss", "landscape"])
    }

    /// The landscape's limits hold the whole path, a diverging one included, and its optimum.
    @Test func landscapeLimitsHoldTheWholePath() throws {
        for rate in [0.1, 0.9, 1.05] {
            let scene = try Self.scene(
                panels: [.landscape], trainer: Trainer(optimizer: OptimizerConfiguration(learningRate: rate)))
            let landscape = try #require(scene.landscape)
            for row in 0..<scene.history.count where scene.history.parameters(at: row).allSatisfy(\.isFinite)
            {
                let p = scene.history.parameters(at: row)
                #expect(
                    landscape.xLimits.lower < p[0] && p[0] < landscape.xLimits.upper, "lr \(rate) row \(row)")
                #expect(
                    landscape.yLimits.lower < p[1] && p[1] < landscape.yLimits.upper, "lr \(rate) row \(row)")
            }
            let optimum = try #require(landscape.optimum)
            #expect(landscape.xLimits.lower < optimum.x && optimum.x < landscape.xLimits.upper)
            // The marked optimum is the least-squares solution (Householder QR, computed apart).
            let best = try LeastSquares.solve(data: scene.data, degree: 1)
            #expect(abs(optimum.x - best[0]) < 1e-9 && abs(optimum.y - best[1]) < 1e-9)
        }
    }

    // MARK: The landscape's numbers

    /// The path drawn on the landscape goes through the history's parameters exactly: the
    /// recorded stroke's points are the layout transform of each row, to the recorder's 3 decimals.
    @Test(arguments: [0, 1, 17, 100])
    func landscapePathIsTheHistory(index: Int) throws {
        let scene = try Self.scene(panels: [.loss, .landscape])
        let transform = scene.frameFigure.layout(column: 1).transform
        let rows = (0...index).map { scene.history.parameters(at: $0) }
        let expected = rows.enumerated().map { row, p in
            (row == 0 ? "M" : "L") + Self.point(transform.point(x: p[0], y: p[1]))
        }.joined(separator: " ")
        let strokes = try Self.recordedDynamicLayer(index, of: scene).filter {
            $0.hasPrefix("stroke #1f77b4ff w=2.083")  // the run's path, 1.5 pt
        }
        if index == 0 {
            // A lone point draws no line (matplotlib's rule); the current point's marker shows it.
            #expect(!strokes.contains { $0.hasSuffix(expected) })
        } else {
            #expect(strokes.contains { $0.hasSuffix(" " + expected) })
        }
        let lines = try Self.recordedDynamicLayer(index, of: scene)
        // The current point's marker sits exactly on the row's parameters.
        let current = scene.history.parameters(at: index)
        let marker = Self.point(transform.point(x: current[0], y: current[1]))
        #expect(lines.contains { $0.hasPrefix("markers circle") && $0.hasSuffix("n=1 " + marker) })
    }

    static func point(_ p: Point) -> String { "(\(RecordingRenderer.n(p.x)),\(RecordingRenderer.n(p.y)))" }

    /// The quadratic form built from XᵀX, Xᵀy, yᵀy equals the mean of squared errors computed
    /// point by point, for the line and a cubic, at parameters near and far from the optimum.
    @Test(arguments: [1, 3])
    func quadraticFormIsTheMeanSquaredError(degree: Int) throws {
        let data = try GeneratedDataSet(kind: .quadratic, count: 257, seed: 7).generate()
        let form = try QuadraticLoss(x: data.x, y: data.y, degree: degree)
        var generator = SplitMix64(seed: 11)
        for _ in 0..<20 {
            let theta = (0...degree).map { _ in Double.random(in: -50...50, using: &generator) }
            var direct = 0.0
            for i in 0..<data.count {
                var prediction = 0.0
                for (k, coefficient) in theta.enumerated() {
                    prediction += coefficient * Foundation.pow(data.x[i], Double(degree - k))
                }
                direct += (prediction - data.y[i]) * (prediction - data.y[i])
            }
            direct /= Double(data.count)
            #expect(abs(form.loss(theta) - direct) <= 1e-10 * max(1, direct))
        }
    }

    /// On a plane θ = origin + u·d₁ + v·d₂ the restricted quadratic equals the direct mean too.
    @Test func planeQuadraticIsTheMeanSquaredErrorOnThePlane() throws {
        let data = try Self.data()
        let form = try QuadraticLoss(x: data.x, y: data.y, degree: 2)
        let origin = [0.3, 2.9, 2.4]
        let d1 = [0.6, 0.8, 0.0]
        let d2 = [0.0, 0.0, 1.0]
        let plane = form.restricted(origin: origin, directions: (d1, d2))
        for (u, v) in [(0.0, 0.0), (1.5, -2.0), (-3.0, 0.25), (10.0, 10.0)] {
            let theta = (0..<3).map { origin[$0] + u * d1[$0] + v * d2[$0] }
            var direct = 0.0
            for i in 0..<data.count {
                let r = theta[0] * data.x[i] * data.x[i] + theta[1] * data.x[i] + theta[2] - data.y[i]
                direct += r * r
            }
            direct /= Double(data.count)
            #expect(abs(plane.value(u: u, v: v) - direct) <= 1e-10 * max(1, direct))
        }
    }

    /// The principal plane of a trajectory that lies in a known plane is that plane, its
    /// directions are orthonormal with the sign convention, and two computations agree bit for bit.
    @Test func trajectoryPlaneIsDeterministicAndFindsThePlane() {
        let origin = [1.0, -2.0, 0.5, 3.0]
        let a = [0.5, 0.5, 0.5, 0.5]
        let b = [0.5, -0.5, 0.5, -0.5]
        let rows =
            (0..<200).map { k -> [Double] in
                let t = Double(k) / 20
                let (u, v) = (
                    8 * Foundation.exp(-t / 3) * Foundation.cos(t),
                    2 * Foundation.exp(-t / 3) * Foundation.sin(t)
                )
                return (0..<4).map { origin[$0] + u * a[$0] + v * b[$0] }
            } + [origin]
        let plane = TrajectoryPlane(trajectory: rows, origin: origin)
        #expect(plane == TrajectoryPlane(trajectory: rows, origin: origin))
        func dot(_ x: [Double], _ y: [Double]) -> Double { zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } }
        let (d1, d2) = plane.directions
        #expect(abs(dot(d1, d1) - 1) < 1e-12 && abs(dot(d2, d2) - 1) < 1e-12 && abs(dot(d1, d2)) < 1e-12)
        // Both directions lie in span(a, b): nothing of them is left after projecting onto it.
        for d in [d1, d2] {
            let (pa, pb) = (dot(d, a), dot(d, b))
            let rest = (0..<4).map { d[$0] - pa * a[$0] - pb * b[$0] }
            #expect(dot(rest, rest).squareRoot() < 1e-9)
            let largest = d.indices.max { abs(d[$0]) < abs(d[$1]) }!
            #expect(d[largest] > 0)
        }
        #expect(plane.varianceShares.0 >= plane.varianceShares.1)
        #expect(abs(plane.varianceShares.0 + plane.varianceShares.1 - 1) < 1e-9)
        // The projection and the way back agree.
        let (u, v) = plane.project(rows[37])
        let back = plane.parameters(u: u, v: v)
        #expect(zip(back, rows[37]).allSatisfy { abs($0 - $1) < 1e-9 })
    }

    // MARK: The manifest's geometry

    /// The manifest's panel numbers map the current point to the pixel where it is drawn:
    /// within 1 px of the recorded marker centre, and that pixel has the run's colour.
    @Test(arguments: [3, 40])
    func manifestGeometryLocatesTheCurrentPoint(index: Int) throws {
        let scene = try Self.scene()
        let geometry = scene.panelGeometry()
        let image = try Self.frame(index, of: scene)
        let lines = try Self.recordedDynamicLayer(index, of: scene)
        let parameters = scene.history.parameters(at: index)
        let loss = scene.history.losses[index]
        for (panel, point) in [
            ("loss", (Double(index), loss)), ("landscape", (parameters[0], parameters[1])),
        ] {
            let g = try #require(geometry.first { $0.name == panel })
            func fraction(_ value: Double, _ limits: [Double], _ scale: String) -> Double {
                scale == "log10"
                    ? (Foundation.log10(value) - Foundation.log10(limits[0]))
                        / (Foundation.log10(limits[1]) - Foundation.log10(limits[0]))
                    : (value - limits[0]) / (limits[1] - limits[0])
            }
            let px = g.plotArea.x + fraction(point.0, g.dataLimits.x, g.xScale) * g.plotArea.width
            let py = g.plotArea.y + (1 - fraction(point.1, g.dataLimits.y, g.yScale)) * g.plotArea.height
            // The recorded marker centre of that panel's current point.
            let markers = lines.filter { $0.hasPrefix("markers circle") && $0.contains("n=1 ") }
            let centres = markers.compactMap { line -> (Double, Double)? in
                let text = line.split(separator: " ").last!.dropFirst().dropLast()
                let parts = text.split(separator: ",").compactMap { Double($0) }
                return parts.count == 2 ? (parts[0], parts[1]) : nil
            }
            #expect(centres.contains { abs($0.0 - px) <= 1 && abs($0.1 - py) <= 1 }, "\(panel): \(px), \(py)")
            let pixel = image[Int(px), Int(py)]
            #expect(
                abs(Int(pixel.r) - 0x1f) <= 12 && abs(Int(pixel.g) - 0x77) <= 12
                    && abs(Int(pixel.b) - 0xb4) <= 12,
                "\(panel) pixel at \(px), \(py): \(pixel)")
        }
    }

    // MARK: Several runs

    /// Two runs through the multi-run API: one curve, loss curve and path per run in its colour,
    /// a legend with both labels, frames as many as the longer run's rows.
    @Test func twoRunScene() throws {
        let data = try Self.data()
        let slow = try Self.history(
            Trainer(optimizer: OptimizerConfiguration(learningRate: 0.1), iterations: 60), data: data)
        let fast = try Self.history(
            Trainer(optimizer: OptimizerConfiguration(learningRate: 0.9), iterations: 30), data: data)
        let runs = [
            RunView(history: slow, color: RunView.tab10[0], label: "lr = 0.1"),
            RunView(history: fast, color: RunView.tab10[1], label: "lr = 0.9"),
        ]
        let scene = try TrainingScene(
            data: data, runs: runs, settings: Self.settings(panels: Self.threePanels))
        #expect(scene.frameCount == 61)
        #expect(runs[1].row(atIteration: 50) == 30)
        let recorder = RecordingRenderer(size: scene.canvasSize)
        scene.staticFigure().draw(on: recorder, layers: .staticOnly)
        #expect(recorder.lines.contains { $0.contains("\"lr = 0.1\"") })
        #expect(recorder.lines.contains { $0.contains("\"lr = 0.9\"") })
        let dynamic = try Self.recordedDynamicLayer(45, of: scene)
        // The orange run stopped at its last row: its marker sits on its last parameters.
        let transform = scene.frameFigure.layout(column: 2).transform
        let last = fast.parameters(at: 30)
        #expect(
            dynamic.contains {
                $0.hasPrefix("markers circle") && $0.contains("fill=#ff7f0eff")
                    && $0.hasSuffix(Self.point(transform.point(x: last[0], y: last[1])))
            })
        assertImageSnapshot(of: try Self.frame(20, of: scene), named: "two-runs-frame-20")
    }

    // MARK: The fit panel

    /// The tutorial's formula stays in the upper left (today's frame); data going down moves it
    /// to a corner without points.
    @Test func formulaGoesToTheCornerWithFewestPoints() throws {
        #expect(try Self.scene(panels: [.fit]).formulaCorner == .upperLeft)
        let data = try Self.data()
        let falling = try DataSet(x: data.x, y: data.y.map { -$0 })
        let scene = try TrainingScene(
            data: falling, history: try Self.history(data: falling), settings: Self.settings(panels: [.fit]))
        #expect(scene.formulaCorner == .upperRight)
    }

    /// In a diverging run every frame shows the line, or an arrow and its value at the edge.
    @Test func divergingLineIsNeverLost() throws {
        let scene = try Self.scene(
            panels: [.fit], trainer: Trainer(optimizer: OptimizerConfiguration(learningRate: 1.05)))
        var marked = 0
        for index in 0..<scene.frameCount {
            let lines = try Self.recordedDynamicLayer(index, of: scene)
            let p = scene.parametersInDataUnits(at: index)
            let visible =
                [scene.xLimits.lower, scene.xLimits.upper].contains { x in
                    let y = p[0] * x + p[1]
                    return y >= scene.yLimits.lower && y <= scene.yLimits.upper
                } || Self.lineCrossesView(slope: p[0], intercept: p[1], scene: scene)
            let hasMarker = lines.contains { $0.contains("text \"ŷ = ") }
            #expect(visible != hasMarker, "frame \(index)")
            if hasMarker { marked += 1 }
        }
        #expect(marked > 10)
    }

    /// Whether y = slope·x + intercept meets the view between its x limits (for a line entering
    /// through the top or bottom edge).
    static func lineCrossesView(slope: Double, intercept: Double, scene: TrainingScene) -> Bool {
        guard slope != 0, slope.isFinite, intercept.isFinite else { return false }
        let a = (scene.yLimits.lower - intercept) / slope
        let b = (scene.yLimits.upper - intercept) / slope
        return max(min(a, b), scene.xLimits.lower) <= min(max(a, b), scene.xLimits.upper)
    }

    // MARK: Golden images

    @Test(arguments: [0, 10, 100])
    func threePanelFrame(index: Int) throws {
        assertImageSnapshot(
            of: try Self.frame(index, of: try Self.scene()), named: "three-panels-frame-\(index)")
    }

    @Test(arguments: [PanelKind.loss, .landscape])
    func panelAlone(kind: PanelKind) throws {
        let image = try Self.frame(10, of: try Self.scene(panels: [kind]))
        #expect(image.width == 640 && image.height == 480)
        assertImageSnapshot(of: image, named: "\(kind.rawValue)-alone-frame-10")
    }

    @Test func divergingThreePanelRun() throws {
        let scene = try Self.scene(trainer: Trainer(optimizer: OptimizerConfiguration(learningRate: 1.05)))
        assertImageSnapshot(of: try Self.frame(30, of: scene), named: "diverging-three-panels-frame-30")
        assertImageSnapshot(
            of: try Self.frame(scene.frameCount - 1, of: scene), named: "diverging-three-panels-last-frame")
    }

    @Test func mlpLandscape() throws {
        let data = try GeneratedDataSet(kind: .sine, count: 100, seed: 42).generate()
        let history = try Self.history(
            Trainer(
                model: .mlp(hiddenUnits: 4),
                optimizer: OptimizerConfiguration(kind: .adam, learningRate: 0.05), iterations: 200),
            data: data)
        let scene = try TrainingScene(
            data: data, history: history, settings: Self.settings(panels: Self.threePanels))
        let landscape = try #require(scene.landscape)
        let plane = try #require(landscape.plane)
        #expect(landscape.labels.x.contains("direction 1") && landscape.labels.x.contains("%"))
        #expect(plane.varianceShares.0 > plane.varianceShares.1)
        assertImageSnapshot(of: try Self.frame(100, of: scene), named: "mlp-three-panels-frame-100")
    }

    @Test func frenchThreePanelFrame() throws {
        let scene = try Self.scene(language: .fr)
        assertImageSnapshot(of: try Self.frame(10, of: scene), named: "french-three-panels-frame-10")
    }

    // MARK: Determinism

    /// Three-panel frames have the same bytes for one and two threads.
    @Test func threePanelBytesDoNotDependOnJobs() throws {
        let data = try Self.data()
        let history = try Self.history(Trainer(iterations: 12), data: data)
        let scene = try TrainingScene(
            data: data, history: history, settings: Self.settings(panels: Self.threePanels))
        func render(jobs: Int) throws -> [[UInt8]] {
            let frames = Locked([[UInt8]](repeating: [], count: scene.frameCount))
            try FrameRenderer(source: scene).run(jobs: jobs) { index, png in
                frames.withLock { $0[index] = png }
            }
            return frames.withLock { $0 }
        }
        let one = try render(jobs: 1)
        #expect(one.allSatisfy { !$0.isEmpty })
        #expect(one == (try render(jobs: 2)))
    }
}
