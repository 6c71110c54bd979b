#!/usr/bin/env bash
# Builds and runs Examples/ (a package that depends on DocSift by path), from a copy of its
# executable placed outside the checkout, and checks that README.md's library snippet is the
# example's code. Usage: scripts/test-examples.sh   (from anywhere; needs Swift 6 on PATH)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
examples="$root/Examples"
bash "$root/scripts/setup.sh"   # BLAS/LAPACK from Debian (idempotent)

# 1. The README's snippet is the example's code, line for line.
snippet=$(sed -n '/^\/\/ README snippet begins$/,/^\/\/ README snippet ends$/p' "$examples/Sources/LabelArticle/main.swift" | sed '1d;$d')
readme_block=$(awk '/<!-- snippet: Examples\/Sources\/LabelArticle\/main.swift -->/{found=1; next} found && /^```swift$/{inside=1; next} inside && /^```$/{exit} inside' "$root/README.md")
expected=$(printf 'import DocSift\n\n%s' "$snippet")
if [ "$readme_block" != "$expected" ]; then
    echo "test-examples: README.md's library snippet differs from Examples/Sources/LabelArticle/main.swift:" >&2
    diff <(printf '%s\n' "$expected") <(printf '%s\n' "$readme_block") >&2 || true
    exit 1
fi

# 2. Build the example package (it resolves DocSift by path).
swift build --package-path "$examples" --product LabelArticle
binary="$(swift build --package-path "$examples" --product LabelArticle --show-bin-path)/LabelArticle"

# 3. Run a copy from a temporary folder outside the checkout: the model is built into the binary.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp "$binary" "$scratch/"
output=$(cd "$scratch" && env -u DOCSIFT_MODEL -u DOCSIFT_IDF -u DOCSIFT_PROFILES ./LabelArticle "$root/seeds/articles.json")
printf '%s\n' "$output"
label_line=$(printf '%s\n' "$output" | sed -n 2p)
case "$label_line" in
    "anti_fraud "*) echo "test-examples: ok (example built, run from $scratch, labeled the seed article anti_fraud)" ;;
    *) echo "test-examples: expected the seed article to be labeled anti_fraud, got: $label_line" >&2; exit 1 ;;
esac
