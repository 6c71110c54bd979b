#!/usr/bin/env bash
# Runs every shell block of README.md as written, in order, from the repository root, so that
# the README's commands are tested code (issue #19). Meant for a fresh clone with ../shared
# beside it, run as root after the main job (scripts/label-seed-pages.sh); scripts/test.sh
# runs it as one of its steps.
#
# - A ```sh (or bash, shell) block runs with `bash -e -o pipefail` in its own process group;
#   files a block writes are there for the blocks after it. Whatever a block leaves running
#   in the background (e.g. a server) is stopped when the block ends.
# - A block whose opening fence is preceded by `<!-- readme-test: skip (reason) -->` is listed
#   with its reason, not run.
# - A block that runs longer than READMETEST_TIMEOUT seconds (default 900) fails.
# Installs what the blocks call that the project's own setup does not (curl).
# Ends with "readme: N passed, N failed, N skipped" and exits non-zero on any failure.
#   scripts/test-readme.sh [README]
set -uo pipefail
cd "$(dirname "$0")/.."
readme="${1:-README.md}"
timeout_seconds="${READMETEST_TIMEOUT:-900}"
if ! command -v curl >/dev/null; then
    echo "test-readme: installing curl (the server example calls it)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends curl ca-certificates >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$readme" "$work" <<'PY' || exit 1
import re, sys, pathlib
text = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
out = pathlib.Path(sys.argv[2])
n = 0; i = 0; skip = None
while i < len(text):
    line = text[i]
    m = re.match(r"\s*<!--\s*readme-test:\s*skip\s*(.*?)\s*-->", line)
    if m:
        skip = m.group(1) or "(no reason given)"
    elif re.match(r"^```(sh|bash|shell)\s*$", line):
        start = i + 1; i += 1; body = []
        while i < len(text) and not text[i].startswith("```"):
            body.append(text[i]); i += 1
        if i == len(text):
            sys.exit(f"test-readme: {sys.argv[1]}:{start}: the block is never closed")
        n += 1
        (out / f"{n:03d}.sh").write_text("\n".join(body) + "\n", encoding="utf-8")
        (out / f"{n:03d}.line").write_text(f"{start}\n{skip or ''}\n", encoding="utf-8")
        skip = None
    elif line.strip() and not line.lstrip().startswith("<!--"):
        skip = None
    i += 1
PY
passed=0; failed=0; skipped=0; failures=()
started_all=$SECONDS
for block in "$work"/*.sh; do
    [ -e "$block" ] || continue
    meta="${block%.sh}.line"
    line="$(sed -n 1p "$meta")"; reason="$(sed -n 2p "$meta")"
    if [ -n "$reason" ]; then
        echo "readme: block at line $line skipped: $reason" >&2
        skipped=$((skipped + 1)); continue
    fi
    echo "readme: block at line $line" >&2
    sed 's/^/    /' "$block" >&2
    started=$SECONDS
    # Its own session (process group) so that anything it leaves running can be stopped.
    setsid timeout --kill-after=10 "$timeout_seconds" bash -e -o pipefail "$block" > "$work/out" 2>&1 < /dev/null &
    leader=$!
    wait "$leader"; rc=$?
    kill -TERM -- "-$leader" 2>/dev/null && sleep 1 && kill -KILL -- "-$leader" 2>/dev/null
    if [ "$rc" -eq 0 ]; then
        passed=$((passed + 1))
        echo "readme: block at line $line passed ($((SECONDS - started)) s)" >&2
    else
        failed=$((failed + 1)); failures+=("$line")
        [ "$rc" -eq 124 ] && echo "readme: block at line $line timed out after $timeout_seconds s" >&2
        echo "readme: block at line $line FAILED (exit $rc, $((SECONDS - started)) s); last output:" >&2
        tail -n 30 "$work/out" | sed 's/^/    | /' >&2
    fi
done
echo "readme: all blocks took $((SECONDS - started_all)) s" >&2
[ "$failed" -eq 0 ] || echo "readme: failed blocks at lines: ${failures[*]}" >&2
echo "readme: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
