#!/usr/bin/env bash
# The test command (README "Two commands", and what CI's .ci/run runs): on a fresh Debian
# machine as root it installs what the tests need, then runs every suite, stopping at the
# first that fails:
#   1. swift test                — unit, CLI and server tests (the server on a loopback port);
#                                  fails on a compiler warning in Sources/ or Tests/ (a fresh
#                                  clone compiles every file, so every warning shows)
#   2. scripts/test-examples.sh  — the Examples/ package that runs the README's library snippet
#   3. scripts/fault-tests.sh    — faults: full disks, closed descriptors, signals, memory limits
#   4. scripts/test-python.sh    — the C interface through the Python package; Spark in local[2]
#   5. scripts/test-readme.sh    — every shell block of README.md, as written, in order: it
#                                  installs docsift into /usr/local/bin as the README says, and
#                                  runs scripts/test-deploy.sh (a copied docsift without the toolchain)
#   6. AddressSanitizer over the Features, Summarizer, Classifier and linear-algebra tests
# Ends with "test.sh: N passed, N failed" (N counts suites).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export OPENBLAS_NUM_THREADS=1
passed=0
step() { echo; echo "==== test.sh: $* ($(date -u +%H:%M:%S))"; }
step "release build of docsift (the fault suite and the Python tests compare against it)"
swift build -c release --product docsift
step "swift test"
# No XCTest cases (every suite uses swift-testing): --disable-xctest drops the empty
# "Executed 0 tests" run. Output goes through a log to catch compiler warnings in our code.
build_log="$(mktemp)"
trap 'rm -f "$build_log"' EXIT
swift test --disable-xctest 2>&1 | tee "$build_log"
warnings="$(grep -E "^$PWD/(Sources|Tests|Examples)/[^:]+:[0-9]+:[0-9]+: warning:" "$build_log" | sort -u || true)"
if [ -n "$warnings" ]; then
    echo "test.sh: compiler warnings in DocSift's own code (fix them; dependencies' warnings are not counted):" >&2
    printf '%s\n' "$warnings" >&2
    exit 1
fi
passed=$((passed + 1))
step "Examples/"
bash scripts/test-examples.sh
passed=$((passed + 1))
step "fault injection"
bash scripts/fault-tests.sh
passed=$((passed + 1))
step "Python package and Spark"
bash scripts/test-python.sh
passed=$((passed + 1))
step "README.md: every shell block as written"
bash scripts/test-readme.sh
passed=$((passed + 1))
step "AddressSanitizer: Features, Summarizer, Classifier, LinearAlgebra"
# XCTest's own runner leaks a few bytes at exit; leak checking is LeakSanitizer's job, not this step's.
ASAN_OPTIONS=detect_leaks=0 swift test --disable-xctest --sanitize=address --scratch-path .build-asan \
    --filter 'FeaturesTests|SummarizerTests|ClassifierTests|LinearAlgebraTests'
passed=$((passed + 1))
echo
echo "test.sh: $passed passed, 0 failed"
