#!/usr/bin/env bash
# Text-preparation throughput, release builds, one run (Benchmarks/conversion/README section
# "Real-world text" in the top README): labeling cnews with and without text preparation, on
# simplified cnews and on cnews converted to traditional characters by OpenCC (s2twp), plus
# Debian's libopencc converting the same text for comparison. Run as root on Debian.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cnews="$root/../shared/data/cnews_fulltext/cnews_subset.jsonl"
[ -f "$cnews" ] || { echo "conversion benchmark: $cnews not found: skipped"; exit 0; }
if ! command -v opencc >/dev/null || [ ! -f /usr/include/opencc/opencc.h ]; then
    apt-get update -qq && apt-get install -y -qq opencc libopencc-dev >/dev/null
fi
mkdir -p "$here/.data"
python3 -c '
import json, sys
with open(sys.argv[2], "w") as out:
    for line in open(sys.argv[1]):
        out.write(json.loads(line)["text"].replace("\n", " ") + "\n")
' "$cnews" "$here/.data/cnews.txt"
opencc -c s2twp.json -i "$here/.data/cnews.txt" -o "$here/.data/cnews-s2twp.txt"
uptime
gcc -O2 -o "$here/.data/libopencc-throughput" "$here/libopencc-throughput.c" -lopencc
for config in tw2sp t2s; do
    for input in cnews cnews-s2twp; do
        echo "libopencc $config on $input: $("$here/.data/libopencc-throughput" "$config.json" "$here/.data/$input.txt" 2) (MB/s, seconds, output bytes)"
    done
done
cd "$root/Benchmarks"
swift package --allow-writing-to-package-directory benchmark --filter "label .*cnews, with.*" --filter "text preparation alone.*" 2>&1
uptime
