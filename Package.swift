// swift-tools-version: 6.1
// render-fit: fit a line by gradient descent and show it, frame by frame.
// Targets follow the layering of DESIGN.md: data flows down, nothing imports upward.
import PackageDescription

let package = Package(
    name: "render-fit",
    platforms: [.macOS(.v13)],
    products: [
        // Public libraries, one per layer.
        .library(name: "FitTrainer", targets: ["FitTrainer"]),
        .library(name: "FitOutput", targets: ["FitOutput"]),
        .library(name: "FitPlot", targets: ["FitPlot"]),
        .library(name: "FitCairo", targets: ["FitCairo"]),
        .library(name: "FitPNG", targets: ["FitPNG"]),
        .library(name: "ImageComparison", targets: ["ImageComparison"]),
        .library(name: "FitAnimation", targets: ["FitAnimation"]),
        .library(name: "ImageSnapshotTesting", targets: ["ImageSnapshotTesting"]),
        .library(name: "FigureSnapshotTesting", targets: ["FigureSnapshotTesting"]),
        // Image strategies for swift-snapshot-testing; empty unless the trait
        // SwiftSnapshotTesting is enabled (see the README).
        .library(name: "SnapshotTestingRenderFit", targets: ["SnapshotTestingRenderFit"]),
        // Command-line tools.
        .executable(name: "render-fit", targets: ["RenderFitCLI"]),
        .executable(name: "compare-images", targets: ["CompareImagesCLI"]),
        // Benchmarks (release builds only make sense; see Scripts/bench.sh).
        .executable(name: "render-fit-bench", targets: ["RenderFitBench"]),
        // Examples (see Examples/README.md).
        .executable(name: "article", targets: ["ArticleExample"]),
        .executable(name: "learning-rates", targets: ["LearningRatesExample"]),
        .executable(name: "your-data", targets: ["YourDataExample"]),
        .executable(name: "library", targets: ["LibraryExample"]),
    ],
    traits: [
        .trait(
            name: "SwiftSnapshotTesting",
            description: "Builds SnapshotTestingRenderFit: render-fit's image strategies for "
                + "pointfreeco/swift-snapshot-testing (which is then built too)."
        )
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
    ],
    targets: [
        // MARK: System libraries (C only)
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"]), .brew(["cairo"])]
        ),
        .systemLibrary(
            name: "CPNG",
            pkgConfig: "libpng16",
            providers: [.apt(["libpng-dev"]), .brew(["libpng"])]
        ),
        // libpng reports errors with longjmp; this C target keeps every setjmp/longjmp
        // inside C frames so that no jump ever crosses a Swift frame.
        // zlib directly too: frames are compressed with deflateTune, which libpng does not expose.
        .target(name: "CPNGBridge", dependencies: ["CPNG"], linkerSettings: [.linkedLibrary("z")]),

        // MARK: Layers
        // One way to show user-controlled text in a one-line message (escapes, length limit).
        // It imports nothing: the trainer and the output layer, side by side at the bottom,
        // both quote user text (cells, file names), and neither may import the other.
        .target(name: "FitMessages"),
        .target(name: "FitTrainer", dependencies: ["FitMessages"]),
        // Every file the project writes goes through here: exclusive temporaries renamed into
        // place, interrupt clean-up, the per-folder lock, ownership lists. Foundation and libc.
        .target(name: "FitOutput", dependencies: ["FitMessages"]),
        .target(name: "FitPlot"),
        .target(name: "FitCairo", dependencies: ["FitPlot", "CCairo"]),
        .target(name: "FitPNG", dependencies: ["CPNGBridge"]),
        .target(name: "ImageComparison", dependencies: ["FitPNG", "FitOutput"]),
        .target(
            name: "FitAnimation",
            dependencies: ["FitMessages", "FitTrainer", "FitPlot", "FitCairo", "FitPNG", "FitOutput"]
        ),
        .target(name: "ImageSnapshotTesting", dependencies: ["ImageComparison", "FitPNG", "FitOutput"]),
        // Figure strategies need the Cairo backend to draw: they sit above test support and the
        // Cairo backend, beside the frame pipeline, so that ImageSnapshotTesting stays on image
        // comparison alone.
        .target(
            name: "FigureSnapshotTesting",
            dependencies: ["ImageSnapshotTesting", "ImageComparison", "FitPlot", "FitCairo", "FitPNG"]
        ),
        .target(
            name: "SnapshotTestingRenderFit",
            dependencies: [
                "FigureSnapshotTesting", "ImageSnapshotTesting", "ImageComparison", "FitPlot", "FitPNG",
                "FitOutput",
                .product(
                    name: "SnapshotTesting", package: "swift-snapshot-testing",
                    condition: .when(traits: ["SwiftSnapshotTesting"])),
            ]
        ),

        // MARK: Executables (thin)
        // render-fit's option groups (data, model, training, image, output, and the single
        // options they share with the examples), each checking its own values: the CLI and the
        // examples take them with @OptionGroup instead of repeating the range checks.
        .target(
            name: "RenderFitOptions",
            dependencies: [
                "FitMessages", "FitTrainer", "FitAnimation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "RenderFitCLI",
            dependencies: [
                "FitMessages", "FitTrainer", "FitAnimation", "FitOutput", "RenderFitOptions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "CompareImagesCLI",
            dependencies: [
                "FitMessages", "ImageComparison", "FitPNG", "FitOutput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Benchmarks and examples
        .executableTarget(
            name: "RenderFitBench",
            dependencies: [
                "FitTrainer", "FitPlot", "FitCairo", "FitPNG", "FitAnimation", "FitOutput", "ImageComparison",
            ]
        ),
        .executableTarget(
            name: "ArticleExample",
            dependencies: [
                "FitTrainer", "FitPlot", "FitAnimation", "FitOutput",
                "RenderFitOptions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Examples/article"
        ),
        .executableTarget(
            name: "LearningRatesExample",
            dependencies: [
                "FitMessages", "FitTrainer", "FitPlot", "FitCairo", "FitPNG", "FitAnimation", "FitOutput",
                "RenderFitOptions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Examples/learning-rates"
        ),
        .executableTarget(
            name: "YourDataExample",
            dependencies: [
                "FitTrainer", "FitAnimation", "FitOutput",
                "RenderFitOptions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Examples/your-data",
            exclude: ["README.md", "points.csv"]
        ),
        .executableTarget(
            name: "LibraryExample",
            dependencies: [
                "FitPlot", "FitAnimation", "FitOutput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Examples/library"
        ),

        // MARK: Tests
        .testTarget(name: "FitMessagesTests", dependencies: ["FitMessages"]),
        .testTarget(name: "FitTrainerTests", dependencies: ["FitTrainer"], exclude: ["PeerReferences"]),
        .testTarget(
            name: "FitPlotTests",
            dependencies: ["FitPlot"],
            exclude: ["PeerReferences"]
        ),
        .testTarget(
            name: "FitCairoTests",
            dependencies: ["FitCairo", "FitPlot", "FitPNG", "ImageSnapshotTesting"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "FitPNGTests", dependencies: ["FitPNG"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ImageComparisonTests",
            dependencies: ["ImageComparison", "FitPNG", "ImageSnapshotTesting"],
            exclude: ["__Snapshots__", "SSIMReferences"]
        ),
        // ffprobe for the test targets that read animations back.
        .target(name: "FFprobeSupport", path: "Tests/FFprobeSupport"),
        .testTarget(
            name: "FitAnimationTests",
            dependencies: [
                "FitAnimation", "FitTrainer", "FitPNG", "FitOutput", "ImageSnapshotTesting",
                "FigureSnapshotTesting", "FFprobeSupport",
                // Built so that ExamplesTests can run them as users do.
                "ArticleExample", "LearningRatesExample", "YourDataExample", "LibraryExample",
            ],
            exclude: ["__Snapshots__"]
        ),
        // Replays the committed fuzz corpus through the fuzzers' own entry functions
        // (Scripts/fuzz.sh builds the fuzzers; CI runs only this).
        .testTarget(
            name: "FuzzCorpusTests",
            dependencies: ["FitTrainer", "FitPNG", "ImageComparison", "CompareImagesCLI"],
            resources: [.copy("Corpus")]
        ),
        .testTarget(
            name: "ImageSnapshotTestingTests",
            dependencies: [
                "ImageSnapshotTesting", "FigureSnapshotTesting", "ImageComparison", "FitAnimation", "FitPlot",
                "FitPNG",
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "RenderFitCLI", "CompareImagesCLI", "FitTrainer", "FitPNG", "FitOutput", "FFprobeSupport",
            ],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
