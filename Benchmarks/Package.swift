// swift-tools-version: 6.1
import PackageDescription

/// DocSift's performance suites (ordo-one/package-benchmark), kept in their own package so
/// that building or testing the library never builds the benchmark tooling.
/// Run from this folder: `swift package --allow-writing-to-package-directory benchmark`.
let package = Package(
    name: "DocSiftBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "DocSift", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "DocSiftBenchmarks",
            dependencies: [
                .product(name: "DocSift", package: "DocSift"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Suites/DocSiftBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
