#!/usr/bin/env bash
# Spark local-mode labeling throughput against the CLI's on the same input, in one run
# (see bench.py). Uses the venv and builds of scripts/test-python.sh (run that first, or
# set DOCSIFT_PYTHON_VENV to a venv with pyspark and the docsift package installed).
# Writes the table to Benchmarks/spark/BENCHMARKS-latest.md (ignored by git) and stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv="${DOCSIFT_PYTHON_VENV:-.venv-python}"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import docsift, pyspark' 2>/dev/null; then
    echo "spark benchmark: $venv lacks docsift or pyspark: run scripts/test-python.sh first" >&2
    exit 1
fi
if [ -z "${JAVA_HOME:-}" ]; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    export JAVA_HOME
fi
swift build -c release --product docsift >&2
cli="$(swift build -c release --show-bin-path)/docsift"
out=Benchmarks/spark/BENCHMARKS-latest.md
{
    echo "Spark local mode against the CLI, $(date -u '+%Y-%m-%d %H:%M UTC'); load before: $(uptime | sed 's/.*load/load/')"
    echo
    "$venv/bin/python" Benchmarks/spark/bench.py --cli "$cli" "$@"
    echo
    echo "load after: $(uptime | sed 's/.*load/load/')"
} | tee "$out"
