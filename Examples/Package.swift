// swift-tools-version: 6.0
import PackageDescription

/// A program that uses DocSift as a library, the way a service would: it depends on the
/// package by path and runs the README's library snippet on a seed article.
let package = Package(
    name: "DocSiftExamples",
    dependencies: [
        .package(name: "DocSift", path: ".."),
    ],
    targets: [
        .executableTarget(name: "LabelArticle", dependencies: [.product(name: "DocSift", package: "DocSift")]),
    ],
    swiftLanguageModes: [.v6]
)
