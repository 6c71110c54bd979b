#!/usr/bin/env bash
# README "Deploying", tried for real: copies the release `docsift` into an empty temporary
# folder, lists what it links (ldd) with the Debian package that provides each library, and
# runs the copy there with a clean environment (env -i) on a machine *without* the Swift
# toolchain: the toolchain's runtime folder (usr/lib/swift/linux) is hidden under an empty
# tmpfs in a private mount namespace (unshare -m), so nothing can come from it.
#
#   scripts/test-deploy.sh            the default build (Swift runtime linked dynamically):
#                                     checks that the copy alone fails for want of libswiftCore.so,
#                                     then copies the runtime libraries it names beside it (the
#                                     binary's RUNPATH includes $ORIGIN) and checks that it works
#   scripts/test-deploy.sh --static   builds with --static-swift-stdlib and checks that the copy
#                                     alone works and links nothing from the toolchain (its own
#                                     scratch folder .build-static: the flag recompiles every module,
#                                     a full release build)
#
# A working copy must give the same labels and summaries on the seed pages as the build in the
# checkout. Without mount namespaces (an unprivileged container) the hidden-toolchain runs are
# reported as not tried and the clean-environment runs are done in place. Needs root (apt-get,
# unshare); idempotent. Ends with "deploy: MODE passed" or exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
mode=dynamic; flags=(-c release)
case "${1:-}" in
    --static) mode=static; flags=(-c release --static-swift-stdlib --scratch-path .build-static) ;;
    "") ;;
    *) echo "usage: scripts/test-deploy.sh [--static]" >&2; exit 64 ;;
esac
bash scripts/setup.sh
swift build "${flags[@]}" --product docsift >&2
built="$(swift build "${flags[@]}" --show-bin-path)/docsift"
swift_bin="$(readlink -f "$(command -v swift)")"
runtime_dir="$(dirname "$(dirname "$swift_bin")")/lib/swift/linux"   # e.g. /opt/swift/usr/lib/swift/linux
[ -d "$runtime_dir" ] || { echo "deploy: no Swift runtime folder at $runtime_dir" >&2; exit 1; }

target="$(mktemp -d)"
trap 'rm -rf "$target"' EXIT
cp "$built" "$target/docsift"
mkdir "$target/seeds" && cp -r seeds/pages "$target/seeds/pages"   # the same paths, so the same ids
echo "== $mode build: $(du -h "$target/docsift" | cut -f1), swift $(swift --version 2>&1 | sed -n 's/.*Swift version \([^ ]*\).*/\1/p')"

echo "== what the copy links (ldd), and where it comes from"
runtime_libs=()
while read -r name arrow path _; do
    [ "$arrow" = "=>" ] || continue
    if [ "$path" = "not" ]; then echo "deploy: $name not found" >&2; exit 1; fi
    case "$path" in
        "$runtime_dir"/*) runtime_libs+=("$path"); echo "  $name  Swift runtime (toolchain: $runtime_dir)" ;;
        *)
            real="$(readlink -f "$path")"
            package="$(dpkg -S "$real" 2>/dev/null | head -n 1 | cut -d: -f1 || true)"
            [ -n "$package" ] || package="$(dpkg -S "$path" 2>/dev/null | head -n 1 | cut -d: -f1 || true)"
            echo "  $name  $real  (Debian package: ${package:-none found})" ;;
    esac
done < <(ldd "$target/docsift")
if ldd "$target/docsift" | grep -qi opencc; then echo "deploy: links libopencc (not expected)" >&2; exit 1; fi
echo "  (no libopencc: the conversion tables are compiled in)"

# The reference output: the build in the checkout, on the seed pages.
expected="$(cd "$root" && OPENBLAS_NUM_THREADS=1 "$built" split seeds/pages | OPENBLAS_NUM_THREADS=1 "$built" label --summary)"
[ "$(printf '%s\n' "$expected" | wc -l)" -ge 30 ] || { echo "deploy: the reference run gave too few records" >&2; exit 1; }

# Runs a shell command in the target folder, with a clean environment, and with the toolchain's
# runtime folder hidden when mount namespaces are available.
hidden=yes
unshare -m --propagation private true 2>/dev/null || hidden=no
on_target() {
    if [ "$hidden" = yes ]; then
        unshare -m --propagation private sh -c 'mount -t tmpfs none "$1" && cd "$2" && exec env -i PATH=/usr/bin:/bin OPENBLAS_NUM_THREADS=1 sh -c "$3"' \
            sh "$runtime_dir" "$target" "$1"
    else
        (cd "$target" && env -i PATH=/usr/bin:/bin OPENBLAS_NUM_THREADS=1 sh -c "$1")
    fi
}
[ "$hidden" = yes ] || echo "deploy: no mount namespaces here: the toolchain stays visible (runs below are in a clean environment only)"

check_output() {
    if [ "$1" != "$expected" ]; then
        echo "deploy: the copy's output differs from the checkout build's" >&2
        diff <(printf '%s\n' "$expected") <(printf '%s\n' "$1") | head -n 10 >&2
        exit 1
    fi
    echo "  same $(printf '%s\n' "$1" | wc -l) records as the checkout build"
}

if [ "$mode" = static ]; then
    if [ "${#runtime_libs[@]}" -ne 0 ]; then
        echo "deploy: the --static-swift-stdlib build still links the toolchain: ${runtime_libs[*]}" >&2; exit 1
    fi
    echo "== the copy alone, toolchain hidden, clean environment"
    check_output "$(on_target './docsift split seeds/pages | ./docsift label --summary')"
else
    [ "${#runtime_libs[@]}" -gt 0 ] || { echo "deploy: expected the default build to link the Swift runtime" >&2; exit 1; }
    if [ "$hidden" = yes ]; then
        echo "== the copy alone, toolchain hidden: must fail for want of the Swift runtime"
        if message="$(on_target './docsift --version' 2>&1)"; then
            echo "deploy: ran without the Swift runtime libraries: $message" >&2; exit 1
        fi
        echo "  $message"
        printf '%s\n' "$message" | grep -q 'libswift.*cannot open shared object file' \
            || { echo "deploy: failed, but not for the Swift runtime" >&2; exit 1; }
    fi
    readelf -d "$target/docsift" | grep -q 'RUNPATH.*\$ORIGIN' \
        || { echo "deploy: the binary's RUNPATH lacks \$ORIGIN: $(readelf -d "$target/docsift" | grep -i path)" >&2; exit 1; }
    echo "== with the ${#runtime_libs[@]} runtime libraries copied beside it (RUNPATH \$ORIGIN)"
    cp "${runtime_libs[@]}" "$target/"
    echo "  $(du -ch "${runtime_libs[@]}" | tail -n 1 | cut -f1): $(for l in "${runtime_libs[@]}"; do basename "$l"; done | tr '\n' ' ')"
    check_output "$(on_target './docsift split seeds/pages | ./docsift label --summary')"
fi
echo "deploy: $mode passed"
