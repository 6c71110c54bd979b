// swift-tools-version: 6.0
import PackageDescription

/// DocSift: topic labels and extractive summaries for Chinese news.
///
/// The targets follow the data flow:
/// text preparation → features → model → summary → CLI/API.
let package = Package(
    name: "DocSift",
    products: [
        .library(name: "DocSift", targets: ["DocSift"]),
        .executable(name: "docsift", targets: ["docsift"]),
        // The C interface (libDocSiftC.so, header Sources/CDocSift/include/docsift.h) for
        // Python, Spark and any other language that calls C.
        .library(name: "DocSiftC", type: .dynamic, targets: ["CDocSift"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // BLAS/LAPACK from the system (OpenBLAS or the reference netlib build).
        .systemLibrary(name: "CBLASLAPACK", path: "Sources/CBLASLAPACK"),
        .target(name: "DocSiftLinearAlgebra", dependencies: ["CBLASLAPACK"]),
        // Stage 0: reading documents (seed manifest, JSONL, files, encodings).
        .target(name: "DocSiftCorpus"),
        // Stage 1: text preparation (normalization, reflow, sentences, page splitting).
        .target(name: "DocSiftText"),
        // Prefetch hints for the table lookups of bulk labeling.
        .target(name: "CCacheHints"),
        // Stage 2: character n-gram TF-IDF features.
        .target(name: "DocSiftFeatures", dependencies: ["CCacheHints", "DocSiftText"]),
        // Stage 3: the topic classifier.
        .target(name: "DocSiftClassifier", dependencies: ["CCacheHints", "DocSiftCorpus", "DocSiftFeatures", "DocSiftLinearAlgebra"]),
        // Stage 4: extractive summaries and keywords.
        .target(name: "DocSiftSummarizer", dependencies: ["DocSiftCorpus", "DocSiftText", "DocSiftFeatures", "DocSiftLinearAlgebra", "CCacheHints"]),
        // The library product: one import for services.
        .target(
            name: "DocSift",
            dependencies: ["DocSiftCorpus", "DocSiftText", "DocSiftFeatures", "DocSiftClassifier", "DocSiftSummarizer", "DocSiftLinearAlgebra"]
        ),
        // The C interface: `@_cdecl` entry points over the library (header in include/).
        .target(name: "CDocSift", dependencies: ["DocSift"], exclude: ["include"]),
        // The command-line tool.
        .executableTarget(
            name: "docsift",
            dependencies: ["DocSift", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["DocSiftLinearAlgebra"]),
        .testTarget(name: "CorpusTests", dependencies: ["DocSiftCorpus"]),
        .testTarget(name: "TextTests", dependencies: ["DocSiftText", "DocSiftCorpus"]),
        .testTarget(name: "FeaturesTests", dependencies: ["DocSiftFeatures", "DocSiftCorpus"]),
        .testTarget(name: "ClassifierTests", dependencies: ["DocSift"]),
        .testTarget(name: "SummarizerTests", dependencies: ["DocSift", "DocSiftSummarizer"]),
        .testTarget(name: "LibraryTests", dependencies: ["DocSift"]),
        .testTarget(name: "CLITests", dependencies: ["docsift"]),
    ],
    swiftLanguageModes: [.v6]
)
