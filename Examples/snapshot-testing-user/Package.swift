// swift-tools-version: 6.1
// A package that uses render-fit's image strategies for swift-snapshot-testing, as a user's
// package does: render-fit with the trait SwiftSnapshotTesting, and swift-snapshot-testing.
// Scripts/test.sh runs its tests (`swift test --package-path Examples/snapshot-testing-user`);
// a user's package names render-fit by URL instead of by path:
//   .package(url: "https://github.com/OWNER/render-fit.git", branch: "main", traits: ["SwiftSnapshotTesting"])
import PackageDescription

let package = Package(
    name: "snapshot-testing-user",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "render-fit", path: "../..", traits: ["SwiftSnapshotTesting"]),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
    ],
    targets: [
        .testTarget(
            name: "RenderFitStrategiesTests",
            dependencies: [
                .product(name: "SnapshotTestingRenderFit", package: "render-fit"),
                .product(name: "FigureSnapshotTesting", package: "render-fit"),
                .product(name: "FitPlot", package: "render-fit"),
                .product(name: "FitPNG", package: "render-fit"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        )
    ],
    swiftLanguageModes: [.v6]
)
