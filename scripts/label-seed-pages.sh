#!/usr/bin/env bash
# The main job on a fresh machine: install what DocSift needs, build the release binary,
# cut the seed pages into articles, and label and summarize them with the shipped model.
# Output: JSONL on standard output, one record per article.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product docsift >&2
bin="$(swift build -c release --show-bin-path)/docsift"
export OPENBLAS_NUM_THREADS=1
"$bin" split seeds/pages
