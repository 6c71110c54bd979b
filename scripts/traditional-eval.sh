#!/usr/bin/env bash
# Issue #12 "done when" figures, simplified beside traditional, with a release build:
#   - the shipped model's labels and macro-F1 on the 37 seed articles in traditional
#     characters (Tests/Fixtures/traditional-seeds, OpenCC s2twp and s2hk);
#   - leave-one-page-out macro-F1 on the seeds;
#   - cnews 5-fold accuracy, cnews converted on the fly by OpenCC (never committed).
# Prints one line per figure. Run as root on Debian (installs the opencc CLI if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v opencc >/dev/null; then apt-get update -qq && apt-get install -y -qq opencc >/dev/null; fi
swift build -c release --product docsift >/dev/null
docsift=.build/release/docsift
export OPENBLAS_NUM_THREADS=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
figure() { python3 -c 'import json, sys; d = json.load(sys.stdin); print("accuracy %.4f macro-F1 %.4f" % (d["accuracy"], d["macro_f1"]))'; }

echo "== shipped model on the seed articles (training data: agreement, not accuracy)"
echo "simplified:        $($docsift eval seeds/articles.json --json 2>/dev/null --model Models/default-topics.dsmodel | figure)"
for config in s2twp s2hk; do
    manifest=Tests/Fixtures/traditional-seeds/$config/articles.json
    echo "$config converted:  $($docsift eval $manifest --json --model Models/default-topics.dsmodel 2>/dev/null | figure)"
    # The model shipped before issue #12 (commit 0b6e616), which does not convert.
    if git show 0b6e616:Models/default-topics.dsmodel > "$work/before.dsmodel" 2>/dev/null; then
        echo "$config before #12: $($docsift eval $manifest --json --model "$work/before.dsmodel" 2>/dev/null | figure)"
    fi
done

echo "== leave-one-page-out cross-validation on the seeds (docsift eval --cv-field page)"
echo "simplified: $($docsift eval seeds/articles.json --cv-field page --json 2>/dev/null | figure)"
for config in s2twp s2hk; do
    echo "$config:      $($docsift eval Tests/Fixtures/traditional-seeds/$config/articles.json --cv-field page --json 2>/dev/null | figure)"
    echo "$config --no-convert: $($docsift eval Tests/Fixtures/traditional-seeds/$config/articles.json --cv-field page --json --no-convert 2>/dev/null | figure)"
done

cnews=../shared/data/cnews_fulltext/cnews_subset.jsonl
if [ -f "$cnews" ]; then
    echo "== cnews 5-fold (docsift eval --cv-field fold)"
    python3 -c '
import json, sys
with open(sys.argv[2], "w") as out:
    for line in open(sys.argv[1]):
        out.write(json.loads(line)["text"].replace("\n", " ") + "\n")' "$cnews" "$work/texts.txt"
    echo "simplified: $($docsift eval "$cnews" --cv-field fold --json 2>/dev/null | figure)"
    for config in s2twp s2hk; do
        opencc -c $config.json -i "$work/texts.txt" -o "$work/texts-$config.txt"
        python3 -c '
import json, sys
texts = open(sys.argv[2]).read().split("\n")
with open(sys.argv[3], "w") as out:
    for line, text in zip(open(sys.argv[1]), texts):
        record = json.loads(line); record["text"] = text
        out.write(json.dumps(record, ensure_ascii=False) + "\n")' "$cnews" "$work/texts-$config.txt" "$work/cnews-$config.jsonl"
        echo "$config:      $($docsift eval "$work/cnews-$config.jsonl" --cv-field fold --json 2>/dev/null | figure)"
        echo "$config --no-convert: $($docsift eval "$work/cnews-$config.jsonl" --cv-field fold --json --no-convert 2>/dev/null | figure)"
    done
else
    echo "cnews: $cnews not found: skipped"
fi
