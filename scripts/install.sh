#!/usr/bin/env bash
# Builds the release `docsift` and installs it into PREFIX/bin. The shipped model, IDF and
# profiles are compiled into the binary; DOCSIFT_MODEL / DOCSIFT_IDF / DOCSIFT_PROFILES override them.
#   scripts/install.sh [PREFIX]      default PREFIX: /usr/local
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-/usr/local}"
bash scripts/setup.sh
swift build -c release --product docsift >&2
bin="$(swift build -c release --show-bin-path)/docsift"
mkdir -p "$prefix/bin"
install -m 0755 "$bin" "$prefix/bin/docsift"
echo "install: docsift → $prefix/bin/docsift (model files built in)" >&2
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "install: $prefix/bin is not on PATH; add it: export PATH=\"$prefix/bin:\$PATH\"" >&2 ;;
esac
