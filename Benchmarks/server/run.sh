#!/usr/bin/env bash
# Load benchmark of `docsift serve` beside the CLI, on the same documents in the same run.
#
#   Benchmarks/server/run.sh [--duration SECONDS] [--connections N] [--write]
#
# Builds a release docsift, splits the seed pages into articles, then
#  1. CLI: `docsift label --threads 2` over the articles repeated to REPEAT documents (documents/s);
#  2. server: `docsift serve` on 127.0.0.1, wrk (2 threads, N connections, bounded in time)
#     POSTing one article per request to /v1/label, then to /v1/summarize, then all articles
#     as one batch to /v1/label (documents/s, p50/p99 per request).
# Installs wrk from Debian when missing. With --write, replaces the server section of
# BENCHMARKS.md with the figures. wrk and the server share the machine's cores.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
duration=20 connections=8 write=no repeat=200
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --write) write=yes; shift ;;
        *) echo "usage: $0 [--duration SECONDS] [--connections N] [--write]" >&2; exit 64 ;;
    esac
done

if ! command -v wrk > /dev/null; then
    echo "installing wrk from Debian" >&2
    apt-get update -qq && apt-get install -y -qq wrk > /dev/null
fi
cd "$root"
swift build -c release --product docsift >&2
docsift="$(swift build -c release --show-bin-path)/docsift"
work=$(mktemp -d)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2> /dev/null; then kill -TERM "$server_pid"; wait "$server_pid" || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

"$docsift" split seeds/pages > "$work/articles.jsonl"
articles=$(wc -l < "$work/articles.jsonl")
python3 - "$work/articles.jsonl" "$work/bodies.jsonl" "$work/bulk.jsonl" "$repeat" "$work/batch.json" <<'PY'
import json, sys
source, bodies, bulk, repeat, batch = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
records = [json.loads(line) for line in open(source, encoding="utf-8") if line.strip()]
documents = [{"id": r["id"], "title": r.get("title", ""), "text": r["text"]} for r in records]
with open(bodies, "w", encoding="utf-8") as out:
    for d in documents:
        out.write(json.dumps(d, ensure_ascii=False) + "\n")
with open(batch, "w", encoding="utf-8") as out:
    out.write(json.dumps({"documents": documents}, ensure_ascii=False) + "\n")
with open(bulk, "w", encoding="utf-8") as out:
    for k in range(repeat):
        for r in records:
            out.write(json.dumps({"id": f'{r["id"]}-{k}', "title": r.get("title", ""), "text": r["text"]}, ensure_ascii=False) + "\n")
PY
documents=$((articles * repeat))
load=$(uptime | sed 's/.*load average: //')

# CLI throughput (best of 3) on the same articles.
cli_rate() {  # verb → documents/s
    local best=0
    for _ in 1 2 3; do
        local start end
        start=$(date +%s.%N)
        "$docsift" "$1" --threads 2 "$work/bulk.jsonl" > /dev/null
        end=$(date +%s.%N)
        best=$(python3 -c "print(max($best, $documents / ($end - $start)))")
    done
    printf '%.0f' "$best"
}
cli_label=$(cli_rate label)
cli_summarize=$(cli_rate summarize)

# The server, on a free loopback port.
"$docsift" serve --port 0 > "$work/serve.out" 2> "$work/serve.log" &
server_pid=$!
for _ in $(seq 1 100); do grep -q '^listening on' "$work/serve.out" 2> /dev/null && break; sleep 0.1; done
port=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$work/serve.out")
[ -n "$port" ] || { echo "docsift serve did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }

run_wrk() {  # route [bodies documents-per-request] → RESULT line
    DOCSIFT_BODIES="${2:-$work/bodies.jsonl}" DOCSIFT_ROUTE="$1" DOCSIFT_DOCUMENTS_PER_REQUEST="${3:-1}" wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s \
        -s "$root/Benchmarks/server/post-documents.lua" "http://127.0.0.1:$port" | grep '^RESULT'
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$2"; }
label_result=$(run_wrk /v1/label)
summarize_result=$(run_wrk /v1/summarize)
batch_result=$(run_wrk /v1/label "$work/batch.json" "$articles")
kill -TERM "$server_pid"; wait "$server_pid" && server_status=0 || server_status=$?; server_pid=""

row() {  # name result cli
    local rate; rate=$(field per_second "$2")
    printf '| %s | %.0f | %s | %s | %s | %.2f |\n' "$1" "$rate" "$(field p50_ms "$2")" "$(field p99_ms "$2")" "$(field failed "$2")" \
        "$(python3 -c "print($rate / $3)")"
}
section=$(cat <<MD
## HTTP server (Benchmarks/server/run.sh, $(date -u '+%Y-%m-%d %H:%M') UTC)

\`docsift serve\` (release) on 127.0.0.1, driven by wrk with 2 threads and $connections connections for
${duration} s per row, one seed article per request (the $articles articles of \`docsift split seeds/pages\`,
cycled; the last row sends all $articles in one batch request, latency is per request). The CLI row is \`docsift <verb> --threads 2\` over the same articles repeated $repeat times
($documents documents, best of 3), measured in the same run. wrk and the server share the 2 cores;
load average at the start: $load. Server exit status after SIGTERM: $server_status.

| route | server documents/s | p50 ms | p99 ms | failed requests | server ÷ CLI |
|---|---|---|---|---|---|
$(row "POST /v1/label" "$label_result" "$cli_label")
$(row "POST /v1/summarize" "$summarize_result" "$cli_summarize")
$(row "POST /v1/label, batches of $articles" "$batch_result" "$cli_label")

CLI \`docsift label --threads 2\`: $cli_label documents/s; \`docsift summarize --threads 2\`: $cli_summarize documents/s.
MD
)
printf '%s\n' "$section"
if [ "$write" = yes ]; then
    python3 - "$root/BENCHMARKS.md" <<PY
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
begin, end = "<!-- server benchmark: begin -->", "<!-- server benchmark: end -->"
block = begin + "\n" + '''$section''' + "\n" + end
if begin in text:
    text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda m: block, text, flags=re.S)
else:
    text = text.rstrip("\n") + "\n\n" + block + "\n"
open(path, "w", encoding="utf-8").write(text)
PY
    echo "wrote the server section of BENCHMARKS.md" >&2
fi
