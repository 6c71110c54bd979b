// swift-tools-version: 6.0
import PackageDescription

/// DocSift: topic labels and extractive summaries for Chinese news.
///
/// The targets follow the data flow:
/// text preparation → features → model → summary → CLI/API.
let package = Package(
    name: "DocSift",
    products: [
        // Everything, one import: the library a service depends on.
        .library(name: "DocSift", targets: ["DocSift"]),
        // Stages usable on their own. Neither needs BLAS/LAPACK.
        .library(name: "DocSiftText", targets: ["DocSiftText"]),
        .library(name: "DocSiftFeatures", targets: ["DocSiftFeatures"]),
        .executable(name: "docsift", targets: ["docsift"]),
        // The C interface (libDocSiftC.so, header Sources/CDocSift/include/docsift.h) for
        // Python, Spark and any other language that calls C.
        .library(name: "DocSiftC", type: .dynamic, targets: ["CDocSift"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `swift package generate-documentation --target DocSift` (build-time plugin only).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // `docsift serve` only (target DocSiftServer); the DocSift library does not depend on these.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // BLAS/LAPACK from the system (OpenBLAS or the reference netlib build).
        .systemLibrary(name: "CBLASLAPACK", path: "Sources/CBLASLAPACK"),
        .target(name: "DocSiftLinearAlgebra", dependencies: ["CBLASLAPACK"]),
        // Stage 0: reading documents (seed manifest, JSONL, files, encodings).
        .target(name: "DocSiftCorpus"),
        // Stage 1: text preparation (normalization, reflow, sentences, page splitting).
        .target(name: "DocSiftText", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        // Prefetch hints for the table lookups of bulk labeling.
        .target(name: "CCacheHints"),
        // Stage 2: character n-gram TF-IDF features.
        .target(name: "DocSiftFeatures", dependencies: ["CCacheHints", "DocSiftText"]),
        // Stage 3: the topic classifier.
        .target(name: "DocSiftClassifier", dependencies: ["CCacheHints", "DocSiftText", "DocSiftFeatures", "DocSiftLinearAlgebra"]),
        // Stage 4: extractive summaries and keywords.
        .target(name: "DocSiftSummarizer", dependencies: ["DocSiftText", "DocSiftFeatures", "DocSiftLinearAlgebra", "CCacheHints"]),
        // The shipped Models/* files compiled into the library (C23 #embed), so a copied
        // executable needs no file beside it.
        .target(name: "CDocSiftModels"),
        // The library product: one import for services.
        .target(
            name: "DocSift",
            dependencies: ["CDocSiftModels", "DocSiftCorpus", "DocSiftText", "DocSiftFeatures", "DocSiftClassifier", "DocSiftSummarizer",
                           "DocSiftLinearAlgebra"]
        ),
        // The HTTP front end (`docsift serve`): routes, limits, metrics, lifecycle.
        .target(
            name: "DocSiftServer",
            dependencies: [
                "DocSift",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // The C interface: `@_cdecl` entry points over the library (header in include/).
        .target(name: "CDocSift", dependencies: ["DocSift"], exclude: ["include"]),
        // The command-line tool.
        .executableTarget(
            name: "docsift",
            dependencies: ["DocSift", "DocSiftServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["DocSiftLinearAlgebra"]),
        .testTarget(name: "CorpusTests", dependencies: ["DocSiftCorpus"]),
        .testTarget(name: "TextTests", dependencies: ["DocSiftText", "DocSiftCorpus", "DocSift"]),
        .testTarget(name: "FeaturesTests", dependencies: ["DocSiftFeatures", "DocSiftCorpus", "DocSift"]),
        .testTarget(name: "ClassifierTests", dependencies: ["DocSift"]),
        .testTarget(name: "SummarizerTests", dependencies: ["DocSift", "DocSiftSummarizer"]),
        .testTarget(name: "LibraryTests", dependencies: ["DocSift"]),
        .testTarget(name: "CLITests", dependencies: ["docsift"]),
        .testTarget(name: "ServerTests", dependencies: ["DocSiftServer", "CDocSift", "docsift"]),
    ],
    swiftLanguageModes: [.v6]
)
