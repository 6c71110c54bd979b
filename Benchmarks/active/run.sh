#!/usr/bin/env bash
# Does labeling the documents `docsift label --uncertain N` picks pay (issue 18)? On the NLPCC
# 2017 headlines (../shared/data), train split as the unlabeled archive, test split to measure:
#   A: 1,000 random labeled + the 1,000 the model trained on them is least certain about
#   B: 2,000 random labeled
# accuracy on the test split, seeds 1–10 (the issue's figure is the mean of seeds 1–3, printed
# too), then the same on the six validation carves (4,800 headlines carved off train with seeds
# 0–5; the test split is not read; carves 0 and 1 chose the selection, 2–5 confirmed it).
# Each in one batch of 1,000 and in 5 rounds of 200 (retraining on everything labeled between
# rounds; the recommended use), and the 5 rounds once more as the README has a user run them
# (each round reads the whole archive and names what is labeled with --exclude). Release
# build, corpus preset, one thread; about 30 minutes.
# The policy study behind the choice is batch_study.py (see its header).
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
# One batch of 1,000 and 5 rounds of 200 (the recommended use), test split then validation carves.
for rounds in 1 5; do
    python3 "$here/active.py" --docsift "$docsift" --data "$data" --work "$work" --seeds "${seeds[@]}" --initial 1000 --chosen 1000 \
        --rounds "$rounds"
done
python3 "$here/active.py" --docsift "$docsift" --data "$data" --work "$work" --seeds "${seeds[@]}" --initial 1000 --chosen 1000 \
    --rounds 5 --exclude-labeled
for rounds in 1 5; do
    for carve in 0 1 2 3 4 5; do
        python3 "$here/active.py" --docsift "$docsift" --data "$data" --work "$work" --seeds "${seeds[@]}" --initial 1000 --chosen 1000 \
            --measure-on validation --carve-seed "$carve" --rounds "$rounds"
    done
done
