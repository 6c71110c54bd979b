#!/usr/bin/env bash
# Training cost against corpus size, DocSift beside scikit-learn (issue 11): builds DocSift in
# release, builds the ≥ 1,000,000-title corpus from ../shared/data under $DOCSIFT_SCALING_WORK
# (default /tmp/docsift-scaling, never inside the repository), trains both systems on slices of
# 10k … 1M titles, one thread each, and writes the table to BENCHMARKS-scaling-latest.md.
# scikit-learn's results are cached in $DOCSIFT_SCALING_WORK/peer-cache (≈ 1 h the first time).
#   Benchmarks/peers/run-scaling.sh [scale_train.py options, e.g. --sizes 10000,40000]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${DOCSIFT_PEERS_VENV:-$root/../.venv-docsift-peers}"
(cd "$root" && swift build -c release --product docsift >&2)
docsift="$(cd "$root" && swift build -c release --show-bin-path)/docsift"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q -r "$here/requirements.txt"
fi
export OPENBLAS_NUM_THREADS=1
"$venv/bin/python" "$here/scale_train.py" --docsift "$docsift" --python "$venv/bin/python" \
    --work "${DOCSIFT_SCALING_WORK:-/tmp/docsift-scaling}" --out "$here/BENCHMARKS-scaling-latest.md" "$@"
