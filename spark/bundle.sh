#!/usr/bin/env bash
# Makes the files to ship to a Spark cluster whose executors do not have the docsift
# package installed, in spark/bundle/ (ignored by git) or the folder given:
#   docsift-python.zip   the pure-Python package, for --py-files
#   libDocSiftC.so       the C library with the Swift runtime and the default model built in, for --files
#   docsift              the CLI (static Swift runtime, model built in), for the RDD.pipe recipe;
#                        left out with DOCSIFT_BUNDLE_CLI=0 (it builds the whole CLI, server included)
# Prints the folder. See README, "From C, Python and Spark".
set -euo pipefail
out="$(realpath -m "${1:-$(dirname "$0")/bundle}")"
cd "$(dirname "$0")/.."
library="$(bash scripts/build-python.sh)"
mkdir -p "$out"
cp "$library" "$out/"
if [ "${DOCSIFT_BUNDLE_CLI:-1}" != 0 ]; then
    flags=(-c release -Xswiftc -static-stdlib --scratch-path "${DOCSIFT_PYTHON_SCRATCH:-.build-python}")
    swift build "${flags[@]}" --product docsift >&2
    cp "$(swift build "${flags[@]}" --show-bin-path)/docsift" "$out/"
fi
rm -f "$out/docsift-python.zip"
python3 - "$out/docsift-python.zip" <<'PY'
import pathlib, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as archive:
    for path in sorted(pathlib.Path("python/docsift").glob("*.py")):
        archive.write(path, f"docsift/{path.name}")
PY
echo "bundle: $(ls "$out" | tr '\n' ' ')" >&2
echo "$out"
