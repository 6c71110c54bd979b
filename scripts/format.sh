#!/usr/bin/env bash
# Checks (default) or applies DocSift's code style with swift-format and the repository's
# .swift-format configuration (4-space indent, 130 columns, the house rules: documented public
# symbols, no force-unwraps, no try!).
#
#   bash scripts/format.sh                 # lint Sources, Tests, Benchmarks, Fuzz; exit 1 on findings
#   bash scripts/format.sh --lint PATH...  # lint only these files or folders
#   bash scripts/format.sh --fix PATH...   # rewrite these files in place (name the paths you own)
#   bash scripts/format.sh --count         # print the number of findings and exit 0
#
# swift-format ships with the Swift toolchain (/opt/swift/usr/bin/swift-format here); set
# SWIFT_FORMAT to use another binary.
set -euo pipefail
cd "$(dirname "$0")/.."
tool="${SWIFT_FORMAT:-$(command -v swift-format || echo /opt/swift/usr/bin/swift-format)}"
if [ ! -x "$tool" ]; then
    echo "format.sh: swift-format not found; install the Swift toolchain or set SWIFT_FORMAT" >&2
    exit 2
fi
mode="${1:---lint}"
[ $# -gt 0 ] && shift
paths=("$@")
[ ${#paths[@]} -eq 0 ] && paths=(Sources Tests Benchmarks/Benchmarks Fuzz/Targets Package.swift)
case "$mode" in
    --lint)
        "$tool" lint --configuration .swift-format --recursive --parallel --strict "${paths[@]}" ;;
    --fix)
        if [ $# -eq 0 ]; then
            echo "format.sh: --fix rewrites files; name the files or folders to rewrite" >&2
            exit 2
        fi
        "$tool" format --configuration .swift-format --recursive --parallel --in-place "${paths[@]}" ;;
    --count)
        count=$("$tool" lint --configuration .swift-format --recursive --parallel "${paths[@]}" 2>&1 \
            | grep -cE ': (warning|error):' || true)
        echo "$count" ;;
    *)
        echo "format.sh: unknown mode $mode (use --lint, --fix PATH... or --count)" >&2
        exit 2 ;;
esac
