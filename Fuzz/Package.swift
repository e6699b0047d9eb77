// swift-tools-version: 6.0
// libFuzzer targets for SalesDojo, kept out of the main build. Build and run them with
// `make fuzz SECONDS=600` from the repository root (see README.md here).
import PackageDescription

let targets = ["FuzzScenarioLoader", "FuzzConditionParser", "FuzzJSONLine", "FuzzTranscript", "FuzzEvaluator"]

let package = Package(
    name: "SalesDojoFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "SalesDojo", path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver", .product(name: "DojoKit", package: "SalesDojo")]),
    ] + targets.map {
        .executableTarget(name: $0, dependencies: ["FuzzSupport", .product(name: "DojoKit", package: "SalesDojo")])
    },
    swiftLanguageModes: [.v6]
)
