#!/usr/bin/env bash
# Builds the release `docsift` and installs it as PREFIX/bin/docsift, with reference copies of
# the shipped model files in PREFIX/share/docsift. The binary does not read those copies: the
# model, IDF and profiles are compiled into it. They are there to look at, to edit (e.g.
# `docsift train … --profiles PREFIX/share/docsift/profiles.json`) or to point
# DOCSIFT_MODEL / DOCSIFT_IDF / DOCSIFT_PROFILES at. Installs BLAS/LAPACK first
# (scripts/setup.sh; needs root when they are missing). Idempotent.
#   scripts/install.sh [PREFIX]      default PREFIX: /usr/local
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-/usr/local}"
bash scripts/setup.sh
swift build -c release --product docsift >&2
bin="$(swift build -c release --show-bin-path)/docsift"
mkdir -p "$prefix/bin" "$prefix/share/docsift"
install -m 0755 "$bin" "$prefix/bin/docsift"
install -m 0644 Models/default-topics.dsmodel Models/news-idf.bin Models/profiles.json "$prefix/share/docsift/"
echo "install: $prefix/bin/docsift (the model files are built in; copies in $prefix/share/docsift)" >&2
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "install: $prefix/bin is not on PATH; add it: export PATH=\"$prefix/bin:\$PATH\"" >&2 ;;
esac
