#!/usr/bin/env bash
# Builds the release `docsift` and installs it: the binary into PREFIX/bin and the shipped
# model files into PREFIX/share/docsift (where docsift also looks for them).
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
echo "install: docsift → $prefix/bin/docsift, model files → $prefix/share/docsift/" >&2
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "install: $prefix/bin is not on PATH; add it: export PATH=\"$prefix/bin:\$PATH\"" >&2 ;;
esac
