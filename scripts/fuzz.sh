#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ and runs each for RUNS inputs (default 1,000,000).
# Crashing inputs are written to Fuzz/crashes/<target>/; copy each one into
# Tests/Fixtures/fuzz-regressions/ once fixed so that the regression test replays it.
#   scripts/fuzz.sh [RUNS] [TARGET...]
# FUZZ_MAX_LEN caps an input's length (default 2048 for the text targets: about 680 Chinese
# characters, past the largest budget a summarizer input asks for; 4096 for the loaders); FUZZ_LOG names a file that gets each
# target's final statistics (runs, time, crashes) appended.
# Speed (issue #17 asks for 1 M runs per target): the corpus is not re-read from disk during
# a run (-reload=0: no other process writes to it), and AddressSanitizer keeps no allocation
# stacks (malloc_context_size=0: every allocation would unwind its stack; errors are still
# caught, and replaying a crash input with ASAN_OPTIONS unset gives the full report).
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
runs="${1:-1000000}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzJSONLReader FuzzTextPreparation FuzzPageSplitter FuzzModelLoader FuzzSummarizer FuzzKeywords FuzzIDFLoader)
swift build -c release -Xswiftc -sanitize=fuzzer,address >&2
bin="$(swift build -c release --show-bin-path)"
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target" "crashes/$target"
    if [ "$target" = FuzzModelLoader ]; then
        # Seed corpus: a small real model, so mutations reach every part of the decoder.
        if [ ! -s "corpus/$target/small.dsmodel" ]; then
            (cd .. && swift build --product docsift >&2)
            printf '%s\n' '{"text":"电信诈骗 反诈宣传","label":"anti_fraud"}' '{"text":"矿山安全 隐患排查","label":"safety_production"}' \
                > "corpus/$target/train.jsonl"
            ../.build/debug/docsift train "corpus/$target/train.jsonl" --out "corpus/$target/small.dsmodel"
            rm "corpus/$target/train.jsonl"
            # Its payload alone (between the 20-byte header and the 8-byte checksum): the
            # harness wraps every input in a valid envelope too.
            python3 -c "import sys; b = open(sys.argv[1], 'rb').read(); open(sys.argv[2], 'wb').write(b[20:-8])" \
                "corpus/$target/small.dsmodel" "corpus/$target/small.payload"
        fi
    elif [ "$target" = FuzzIDFLoader ]; then
        # Seed corpus: a small real IDF file, and its payload alone (the harness wraps every
        # input in a valid envelope too).
        if [ ! -s "corpus/$target/small.idf" ]; then
            (cd .. && swift build --product docsift >&2)
            printf '%s\n' '{"text":"电信诈骗 反诈宣传"}' '{"text":"矿山安全 隐患排查"}' '{"text":"电信安全 诈骗排查"}' \
                > "corpus/$target/texts.jsonl"
            ../.build/debug/docsift build-idf "corpus/$target/texts.jsonl" --min-document-frequency 1 --out "corpus/$target/small.idf"
            rm "corpus/$target/texts.jsonl"
            python3 -c "import sys; b = open(sys.argv[1], 'rb').read(); open(sys.argv[2], 'wb').write(b[20:-8])" \
                "corpus/$target/small.idf" "corpus/$target/small.payload"
        fi
    else
        # Seed corpus: the seed pages, so the fuzzer starts from real OCR text (the
        # summarizer and keyword targets read their first bytes as options).
        cp -n ../seeds/pages/*.txt "corpus/$target/" 2>/dev/null || true
    fi
    echo "fuzz: $target, $runs runs" >&2
    case "$target" in FuzzModelLoader | FuzzIDFLoader) max_len=4096 ;; *) max_len=2048 ;; esac
    start=$(date +%s)
    # Failures (crash-, leak-, oom-, timeout- files) are counted apart from slow-unit- files: a
    # slow unit is only an input that took over 10 s of wall time (a paused or starved process
    # writes one too), not an error.
    failures() { find "crashes/$target" -type f ! -name 'slow-unit-*' | wc -l; }
    slow() { find "crashes/$target" -type f -name 'slow-unit-*' | wc -l; }
    before=$(failures)
    before_slow=$(slow)
    set +e
    ASAN_OPTIONS="${ASAN_OPTIONS:-malloc_context_size=0}" SWIFT_BACKTRACE=enable=no OPENBLAS_NUM_THREADS=1 \
        "$bin/$target" -runs="$runs" -max_len="${FUZZ_MAX_LEN:-$max_len}" -timeout=10 -reload=0 -print_final_stats=1 \
        -artifact_prefix="crashes/$target/" "corpus/$target" > "crashes/$target.log" 2>&1
    status=$?
    set -e
    crashes=$(( $(failures) - before ))
    slow_units=$(( $(slow) - before_slow ))
    summary="$target: exit $status, $(grep -o 'stat::number_of_executed_units: [0-9]*' "crashes/$target.log" | grep -o '[0-9]*$') runs in $(( $(date +%s) - start )) s, $crashes new crash file(s), $slow_units new slow unit(s), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- ../Sources . || echo '+changes')"
    tail -n 12 "crashes/$target.log" >&2
    echo "fuzz: $summary" >&2
    if [ -n "${FUZZ_LOG:-}" ]; then echo "$(date -u +%FT%TZ) $summary" >> "$FUZZ_LOG"; fi
done
