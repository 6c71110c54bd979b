#!/usr/bin/env bash
# Builds the C interface libDocSiftC.so for the Python package and copies it into
# python/docsift/_lib/ (ignored by git). The default model and IDF are compiled into the
# library (CDocSiftModels), so the one file is all the package needs.
#
# The Swift runtime and Foundation are linked statically (-static-stdlib), so the one
# file needs only glibc, libstdc++ and libblas3/liblapack3 where it runs: a wheel or a
# Spark executor without a Swift toolchain can load it. It builds in its own scratch
# folder (.build-python, or $DOCSIFT_PYTHON_SCRATCH) so that the flag does not force the
# usual .build to recompile. `pip install ./python` runs this script; run it by hand to
# refresh python/docsift/_lib/ for an editable install or for shipping to a cluster.
# Prints the library's path on standard output.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${DOCSIFT_PYTHON_SCRATCH:-.build-python}"
flags=(-c release -Xswiftc -static-stdlib --scratch-path "$scratch")
bash scripts/setup.sh >&2
swift build "${flags[@]}" --product DocSiftC >&2
bin="$(swift build "${flags[@]}" --show-bin-path)"
bundle=python/docsift/_lib
mkdir -p "$bundle"
# Copy beside, strip the symbol table (75 → 59 MB), then move into place in one step.
cp "$bin/libDocSiftC.so" "$bundle/.libDocSiftC.so.partial"
if command -v strip >/dev/null; then strip --strip-unneeded "$bundle/.libDocSiftC.so.partial"; fi
mv -f "$bundle/.libDocSiftC.so.partial" "$bundle/libDocSiftC.so"
rm -f "$bundle/default-topics.dsmodel" "$bundle/news-idf.bin"   # bundled before the models were built in
echo "build-python: $(du -h "$bundle/libDocSiftC.so" | cut -f1) $bundle/libDocSiftC.so" >&2
echo "$PWD/$bundle/libDocSiftC.so"
