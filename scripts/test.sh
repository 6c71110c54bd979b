#!/usr/bin/env bash
# The test command (README "Two commands", and what CI's .ci/run runs): on a fresh Debian
# machine as root it installs what the tests need, then runs every suite, stopping at the
# first that fails:
#   1. swift test                — unit, CLI and server tests (the server on a loopback port)
#   2. scripts/test-examples.sh  — the Examples/ package that runs the README's library snippet
#   3. scripts/fault-tests.sh    — faults: full disks, closed descriptors, signals, memory limits
#   4. scripts/test-python.sh    — the C interface through the Python package; Spark in local[2]
#   5. AddressSanitizer over the Features, Summarizer, Classifier and linear-algebra tests
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
# The tests use Swift Testing only; without --disable-xctest SwiftPM first runs the empty
# XCTest runner, which prints "Executed 0 tests" before the real run.
swift test --disable-xctest
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
step "AddressSanitizer: Features, Summarizer, Classifier, LinearAlgebra"
# XCTest's own runner leaks a few bytes at exit; leak checking is LeakSanitizer's job, not this step's.
ASAN_OPTIONS=detect_leaks=0 swift test --disable-xctest --sanitize=address --scratch-path .build-asan \
    --filter 'FeaturesTests|SummarizerTests|ClassifierTests|LinearAlgebraTests'
passed=$((passed + 1))
echo
echo "test.sh: $passed passed, 0 failed"
