#!/usr/bin/env bash
# One command for the side-by-side table: builds DocSift in release, creates the peers' venv
# from the pinned requirements (outside the repository), runs compare.py on ../shared/data
# and writes the report to BENCHMARKS-latest.md beside this script.
#   Benchmarks/peers/run.sh [compare.py options]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${DOCSIFT_PEERS_VENV:-$root/../.venv-docsift-peers}"
bash "$root/scripts/setup.sh"
(cd "$root" && swift build -c release --product docsift >&2)
docsift="$(cd "$root" && swift build -c release --show-bin-path)/docsift"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q -r "$here/requirements.txt"
fi
"$venv/bin/python" "$here/compare.py" --docsift "$docsift" --python "$venv/bin/python" \
    ${DOCSIFT_PEER_CACHE:+--peer-cache "$DOCSIFT_PEER_CACHE"} --out "$here/BENCHMARKS-latest.md" "$@"
