#!/usr/bin/env bash
# Issue 18's figures with a release build (about 3 minutes on 2 cores): cnews general news with
# the shipped model (secondary topics, false alarms), seeds leave-one-page-out with the shipped
# recipe, and ECE on THUCNews titles and NLPCC headlines (corpus preset). Needs ../shared/data;
# without it, says so and exits 0. Work files go to a temporary folder.
#   bash scripts/calibration-eval.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$root/../shared/data"
if [ ! -d "$data" ]; then echo "calibration-eval.sh: $data is absent; nothing measured"; exit 0; fi
cd "$root"
swift build -c release --product docsift >&2
docsift="$(swift build -c release --show-bin-path)/docsift"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export OPENBLAS_NUM_THREADS=1
"$docsift" label "$data/cnews_fulltext/cnews_subset.jsonl" 2>/dev/null | python3 -c '
import json, sys
r = [json.loads(l) for l in sys.stdin]
s = sum(bool(o["secondary"]) for o in r); f = sum(o["label"] != "other" for o in r)
print(f"cnews {len(r)}, shipped model: with a secondary topic {s} ({100*s/len(r):.1f} %), labeled with a topic {f} ({100*f/len(r):.2f} %)")'
figure() { python3 -c 'import json,sys; r=json.load(sys.stdin); s=r.get("secondary"); print("macro-F1 %.4f  accuracy %.4f  ECE %.4f  abstain rate %.4f" % (r["macro_f1"], r["accuracy"], r["calibration"]["ece"], r["abstain_rate"]) + ("  secondary precision %.3f (%d/%d) recall %.3f (%d/%d)" % (s["precision"], s["right"], s["listed"], s["recall"], s["found"], s["gold"]) if s else ""))'; }
echo "seeds leave-one-page-out, shipped recipe: $("$docsift" eval seeds/articles.json --cv-field page --background "$data/cnews_fulltext/cnews_subset.jsonl" --json 2>/dev/null | figure)"
"$docsift" train "$data/thucnews_titles/dev.jsonl" --out "$work/thuc.dsmodel" 2>/dev/null
echo "THUCNews titles test: $("$docsift" eval "$data/thucnews_titles/test.jsonl" --model "$work/thuc.dsmodel" --json | figure)"
python3 - "$data/nlpcc2017_headlines/headlines.jsonl" "$work" <<'PY'
import json, sys
with open(f"{sys.argv[2]}/train.jsonl", "w") as train, open(f"{sys.argv[2]}/test.jsonl", "w") as test:
    for line in open(sys.argv[1], encoding="utf-8"):
        (train if json.loads(line)["split"] == "train" else test).write(line)
PY
"$docsift" train "$work/train.jsonl" --out "$work/nlpcc.dsmodel" 2>/dev/null
echo "NLPCC headlines test: $("$docsift" eval "$work/test.jsonl" --model "$work/nlpcc.dsmodel" --json | figure)"
