#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ and runs each for RUNS inputs (default 1,000,000).
# Crashing inputs are written to Fuzz/crashes/<target>/; copy each one into
# Tests/Fixtures/fuzz-regressions/ once fixed so that the regression test replays it.
#   scripts/fuzz.sh [RUNS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
runs="${1:-1000000}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzJSONLReader FuzzTextPreparation FuzzPageSplitter)
swift build -c release -Xswiftc -sanitize=fuzzer,address >&2
bin="$(swift build -c release --show-bin-path)"
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target" "crashes/$target"
    # Seed corpus: the seed pages, so the fuzzer starts from real OCR text.
    cp -n ../seeds/pages/*.txt "corpus/$target/" 2>/dev/null || true
    echo "fuzz: $target, $runs runs" >&2
    OPENBLAS_NUM_THREADS=1 "$bin/$target" -runs="$runs" -max_len="${FUZZ_MAX_LEN:-8192}" -timeout=10 \
        -artifact_prefix="crashes/$target/" "corpus/$target" 2>&1 | tail -n 3 >&2
done
