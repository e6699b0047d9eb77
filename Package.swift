// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "SalesDojo",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dojo", targets: ["dojo"]),
        .library(name: "DojoKit", targets: ["DojoKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(
            name: "DojoKit",
            dependencies: [.product(name: "Yams", package: "Yams")],
            exclude: ["Evaluation/Generated/generate_t2s_table.py", "Evaluation/Generated/NOTICE-OpenCC.txt"]
        ),
        .target(
            name: "DojoStore",
            dependencies: ["DojoKit", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "CTerminalSupport"),
        .target(
            name: "DojoCLI",
            dependencies: [
                "DojoKit",
                "DojoStore",
                "CEditLine",
                "CTerminalSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "dojo", dependencies: ["DojoCLI"]),
        .executableTarget(name: "DojoBench", dependencies: ["DojoKit", "DojoStore"], path: "Benchmarks/DojoBench"),
        .testTarget(
            name: "DojoKitTests",
            dependencies: ["DojoKit", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Golden"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "DojoStoreTests", dependencies: ["DojoKit", "DojoStore", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "CTestSupport", path: "Tests/CTestSupport"),
        .testTarget(name: "EndToEndTests", dependencies: ["DojoKit", "CTestSupport"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
