#!/usr/bin/env bash
# The main job on a fresh machine: install what DocSift needs, build the release binary,
# cut the seed pages into articles, and label and summarize them with the shipped model.
# Output: JSONL on standard output, one record per article. Extra arguments go to
# `docsift label` (e.g. --format table).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product docsift >&2
bin="$(swift build -c release --show-bin-path)/docsift"
export OPENBLAS_NUM_THREADS=1
# split: pages → one JSONL record per article; label --summary: topic, scores, secondary
# topics, summary and keywords per article, with the shipped Models/default-topics.dsmodel.
"$bin" split seeds/pages | "$bin" label --summary "$@"
