#!/usr/bin/env bash
# Makes the files to ship to a Spark cluster whose executors do not have the docsift
# package installed: spark/bundle/ (ignored by git) with
#   docsift-python.zip      the pure-Python package, for --py-files
#   libDocSiftC.so          the C library (Swift runtime linked in), for --files
#   default-topics.dsmodel, news-idf.bin   the default model, for --files
#   docsift                 the CLI (static Swift runtime), for the RDD.pipe recipe
# Prints the folder. See README, "Python and Spark".
set -euo pipefail
out="$(realpath -m "${1:-$(dirname "$0")/bundle}")"
cd "$(dirname "$0")/.."
library="$(bash scripts/build-python.sh)"
scratch="${DOCSIFT_PYTHON_SCRATCH:-.build-python}"
swift build -c release -Xswiftc -static-stdlib --scratch-path "$scratch" --product docsift >&2
mkdir -p "$out"
cp "$library" Models/default-topics.dsmodel Models/news-idf.bin "$out/"
cp "$(swift build -c release -Xswiftc -static-stdlib --scratch-path "$scratch" --show-bin-path)/docsift" "$out/"
rm -f "$out/docsift-python.zip"
python3 - "$out/docsift-python.zip" <<'PY'
import pathlib, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as archive:
    for path in sorted(pathlib.Path("python/docsift").glob("*.py")):
        archive.write(path, f"docsift/{path.name}")
PY
echo "bundle: $(ls "$out" | tr '\n' ' ')" >&2
echo "$out"
