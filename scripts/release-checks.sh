#!/usr/bin/env bash
# Release checks that `swift test` does not cover (run from CI after `swift build`):
#  1. the documentation of every library target (and the DocC catalog of DocSift) builds
#     without a warning;
#  2. the stage products DocSiftText and DocSiftFeatures build and link in a client package
#     without BLAS/LAPACK;
#  3. the number of swift-format lint findings is printed (informational, never fails).
# Needs the Swift toolchain and the offline Swift packages; idempotent; about 8 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

# Every library target's documentation builds without a warning (broken symbol links,
# parameters documented but missing, and the like). DOCC_TARGETS overrides the list.
targets=${DOCC_TARGETS:-"DocSiftText DocSiftFeatures DocSiftLinearAlgebra DocSiftCorpus DocSiftClassifier DocSiftSummarizer DocSift"}
failed=()
for target in $targets; do
    echo "== DocC: swift package generate-documentation --target $target"
    log="$(mktemp)"
    if ! swift package generate-documentation --target "$target" >"$log" 2>&1; then
        cat "$log"
        failed+=("$target (build failed)")
    elif grep -q "warning:" "$log"; then
        grep -A4 "warning:" "$log"
        failed+=("$target ($(grep -c "warning:" "$log") warnings)")
    else
        echo "DocC $target: no warnings"
    fi
    rm -f "$log"
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "release-checks: documentation warnings in: ${failed[*]}" >&2
    exit 1
fi

echo "== Stage products without BLAS"
client="$(mktemp -d)"
mkdir -p "$client/Sources/StageClient"
cat >"$client/Package.swift" <<SWIFT
// swift-tools-version: 6.0
import PackageDescription
let package = Package(
    name: "StageClient",
    dependencies: [.package(path: "$root")],
    targets: [.executableTarget(name: "StageClient", dependencies: [
        .product(name: "DocSiftText", package: "$(basename "$root")"),
        .product(name: "DocSiftFeatures", package: "$(basename "$root")"),
    ])]
)
SWIFT
cat >"$client/Sources/StageClient/main.swift" <<'SWIFT'
import DocSiftFeatures
import DocSiftText

let sentences = SentenceSplitter.sentences(in: "今年粮食产量达到5.6万吨。村民收入明显增加！")
let vector = TFIDFVectorizer.fit(documents: ["村民种植茶叶", "村集体经济发展"]).transform("茶叶产业带动村民增收")
print(sentences.count, vector.count)
SWIFT
(cd "$client" && swift build >/dev/null)
output="$("$client/.build/debug/StageClient")"
[ "$output" = "2 6" ] || { echo "release-checks: stage client printed '$output', expected '2 6'" >&2; exit 1; }
if ldd "$client/.build/debug/StageClient" | grep -iE "blas|lapack"; then
    echo "release-checks: DocSiftText/DocSiftFeatures pulled in BLAS/LAPACK" >&2
    exit 1
fi
rm -rf "$client"
echo "Stage products: built and ran without BLAS/LAPACK"

echo "== swift-format lint findings (informational): $(bash scripts/format.sh --count)"
