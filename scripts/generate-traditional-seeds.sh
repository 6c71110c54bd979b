#!/usr/bin/env bash
# Writes Tests/Fixtures/traditional-seeds/{s2twp,s2hk}/: the seed pages and manifest
# converted to traditional characters by OpenCC's own command-line tool (Debian `opencc`),
# Taiwan forms with phrases (s2twp) and Hong Kong forms (s2hk). Line numbers are kept, so
# the manifest's line ranges still cut the same articles. Run as root on Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v opencc >/dev/null; then
    apt-get update -qq && apt-get install -y -qq opencc >/dev/null
fi
for config in s2twp s2hk; do
    out=Tests/Fixtures/traditional-seeds/$config
    mkdir -p "$out/pages"
    for page in seeds/pages/*.txt; do
        opencc -c "$config.json" -i "$page" -o "$out/pages/$(basename "$page")"
    done
    opencc -c "$config.json" -i seeds/articles.json -o "$out/articles.json"
done
opencc --version 2>/dev/null | head -1 || true
