// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer targets for DocSift's input-facing code, kept in their own package.
/// Build and run with `scripts/fuzz.sh RUNS` from the repository root; each target is an
/// executable that hands its input callback to libFuzzer's driver (`-sanitize=fuzzer`).
/// gold fails on these sanitizer links; the toolchain's lld does not.
let lld: [LinkerSetting] = [.unsafeFlags(["-use-ld=lld"])]

let package = Package(
    name: "DocSiftFuzz",
    dependencies: [.package(name: "DocSift", path: "..")],
    targets: [
        .target(name: "CLibFuzzer", path: "Targets/CLibFuzzer"),
        .executableTarget(name: "FuzzJSONLReader", dependencies: ["CLibFuzzer", .product(name: "DocSift", package: "DocSift")],
                          path: "Targets/FuzzJSONLReader", linkerSettings: lld),
        .executableTarget(name: "FuzzTextPreparation", dependencies: ["CLibFuzzer", .product(name: "DocSift", package: "DocSift")],
                          path: "Targets/FuzzTextPreparation", linkerSettings: lld),
        .executableTarget(name: "FuzzPageSplitter", dependencies: ["CLibFuzzer", .product(name: "DocSift", package: "DocSift")],
                          path: "Targets/FuzzPageSplitter", linkerSettings: lld),
        .executableTarget(name: "FuzzModelLoader", dependencies: ["CLibFuzzer", .product(name: "DocSift", package: "DocSift")],
                          path: "Targets/FuzzModelLoader", linkerSettings: lld),
        .executableTarget(name: "FuzzSummarizer", dependencies: ["CLibFuzzer", .product(name: "DocSift", package: "DocSift")],
                          path: "Targets/FuzzSummarizer", linkerSettings: lld),
        .executableTarget(name: "FuzzKeywords", dependencies: ["CLibFuzzer", .product(name: "DocSift", package: "DocSift")],
                          path: "Targets/FuzzKeywords", linkerSettings: lld),
        .executableTarget(name: "FuzzIDFLoader", dependencies: ["CLibFuzzer", .product(name: "DocSift", package: "DocSift")],
                          path: "Targets/FuzzIDFLoader", linkerSettings: lld),
    ]
)
