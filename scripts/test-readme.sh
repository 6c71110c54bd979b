#!/usr/bin/env bash
# Runs every shell block of README.md as written, in order, from the repository root, so that
# the README's commands are tested code (issue #19). A block runs with `bash -e -o pipefail`;
# files a block writes are there for the blocks after it. Blocks whose opening fence is
# preceded by a line `<!-- readme-test: skip (reason) -->` are listed, not run: only the test
# command itself (it runs this script) and commands that take many minutes carry it.
# Ends with the line "readme: N passed, N failed" and exits non-zero on any failure.
#   scripts/test-readme.sh [README]
set -uo pipefail
cd "$(dirname "$0")/.."
readme="${1:-README.md}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$readme" "$work" <<'PY'
import re, sys, pathlib
text = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
out = pathlib.Path(sys.argv[2])
n = 0; i = 0; skip = None
while i < len(text):
    line = text[i]
    m = re.match(r"\s*<!--\s*readme-test:\s*skip\s*(.*?)\s*-->", line)
    if m:
        skip = m.group(1) or "marked"
    elif re.match(r"^```(sh|bash|shell)\s*$", line):
        start = i + 1; i += 1; body = []
        while i < len(text) and not text[i].startswith("```"):
            body.append(text[i]); i += 1
        n += 1
        (out / f"{n:03d}.sh").write_text("\n".join(body) + "\n", encoding="utf-8")
        (out / f"{n:03d}.line").write_text(f"{start}\n{skip or ''}\n", encoding="utf-8")
        skip = None
    elif line.strip():
        skip = None if not line.lstrip().startswith("<!--") else skip
    i += 1
PY
passed=0; failed=0; skipped=0
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
    if bash -e -o pipefail "$block" > "$work/out" 2>&1; then
        passed=$((passed + 1))
    else
        rc=$?
        failed=$((failed + 1))
        echo "readme: block at line $line FAILED (exit $rc); last output:" >&2
        tail -n 30 "$work/out" | sed 's/^/    | /' >&2
    fi
done
echo "readme: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
