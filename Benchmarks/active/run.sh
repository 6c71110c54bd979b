#!/usr/bin/env bash
# Does labeling the documents `docsift label --uncertain N` picks pay (issue 18)? On the NLPCC
# 2017 headlines (../shared/data), train split as the unlabeled archive, test split to measure:
#   A: 1,000 random labeled + the 1,000 the model trained on them is least certain about
#   B: 2,000 random labeled
# accuracy on the test split, seeds 1–10 (the issue's figure is the mean of seeds 1–3, printed
# too), then the same on the validation split the selection was chosen on (4,800 headlines
# carved off train with seed 0; the test split is not read). Release build, corpus preset, one
# thread; about a minute.
# Work files go to $DOCSIFT_ACTIVE_WORK (default /tmp/docsift-active), never into the repository.
#   Benchmarks/active/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="$root/../shared/data/nlpcc2017_headlines/headlines.jsonl"
if [ ! -f "$data" ]; then echo "active/run.sh: $data not found (../shared/data is absent); nothing measured" >&2; exit 0; fi
(cd "$root" && swift build -c release --product docsift >&2)
docsift="$(cd "$root" && swift build -c release --show-bin-path)/docsift"
work="${DOCSIFT_ACTIVE_WORK:-/tmp/docsift-active}"
mkdir -p "$work"
export OPENBLAS_NUM_THREADS=1
seeds=(1 2 3 4 5 6 7 8 9 10)
python3 "$here/active.py" --docsift "$docsift" --data "$data" --work "$work" --seeds "${seeds[@]}" --initial 1000 --chosen 1000
python3 "$here/active.py" --docsift "$docsift" --data "$data" --work "$work" --seeds "${seeds[@]}" --initial 1000 --chosen 1000 \
    --measure-on validation
