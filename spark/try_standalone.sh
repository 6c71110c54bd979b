#!/usr/bin/env bash
# Tries the README's cluster commands on a real, one-machine Spark standalone cluster: a
# master and a 2-core worker on 127.0.0.1 (started here, stopped at the end), executors
# whose Python has neither docsift nor pyspark installed, shipped files only. Runs both
# spark/label_jsonl.py and spark/pipe_recipe.py as the README shows and checks that every
# input record has exactly one output line, identical to `docsift label`'s.
# Needs scripts/test-python.sh's venv (DOCSIFT_PYTHON_VENV, default .venv-python).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
venv="$(realpath "${DOCSIFT_PYTHON_VENV:-.venv-python}")"
SPARK_HOME="$("$venv/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')"
export SPARK_HOME SPARK_LOCAL_IP=127.0.0.1 OPENBLAS_NUM_THREADS=1
if [ -z "${JAVA_HOME:-}" ]; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    export JAVA_HOME
fi
work="$(mktemp -d)"
export SPARK_WORKER_DIR="$work/worker"
port="${DOCSIFT_SPARK_PORT:-7177}"

"$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$port" --webui-port 0 > "$work/master.log" 2>&1 &
master=$!
"$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores 2 --memory 2g --webui-port 0 "spark://127.0.0.1:$port" > "$work/worker.log" 2>&1 &
worker=$!
trap 'rc=$?; kill "$worker" "$master" 2>/dev/null; wait "$worker" "$master" 2>/dev/null; rm -rf "$work"; exit $rc' EXIT
for _ in $(seq 120); do
    grep -q "Successfully registered with master" "$work/worker.log" && break
    sleep 1
done
grep -q "Successfully registered with master" "$work/worker.log" || { tail -20 "$work/worker.log" >&2; exit 1; }
echo "try-standalone: master spark://127.0.0.1:$port with one 2-core worker" >&2

bundle="$(bash spark/bundle.sh)"
cli="$bundle/docsift"
"$venv/bin/python" -m venv --without-pip "$work/bare"   # the executors' Python: no docsift, no pyspark
"$cli" split seeds/pages > "$work/articles.jsonl"
if [ -f ../shared/data/thucnews_titles/test.jsonl ]; then head -2000 ../shared/data/thucnews_titles/test.jsonl >> "$work/articles.jsonl"; fi
"$cli" label --threads 2 "$work/articles.jsonl" | sort > "$work/expected.jsonl"
records=$(wc -l < "$work/articles.jsonl")

# The README's commands, with HOST=127.0.0.1 and local paths; run from an empty folder so
# that shipped files are found only through Spark.
mkdir "$work/driver" && cd "$work/driver"
mkdir spark && cp -r "$bundle" spark/bundle
export PYSPARK_PYTHON="$work/bare/bin/python" PYSPARK_DRIVER_PYTHON="$venv/bin/python"
"$venv/bin/spark-submit" --master "spark://127.0.0.1:$port" \
  --py-files spark/bundle/docsift-python.zip \
  --files spark/bundle/libDocSiftC.so \
  "$repo/spark/label_jsonl.py" "$work/articles.jsonl" "$work/labeled" \
  --library libDocSiftC.so 2> "$work/submit.log" \
  || { grep -v " INFO " "$work/submit.log" | tail -40 >&2; exit 1; }
"$venv/bin/spark-submit" --master "spark://127.0.0.1:$port" \
  --files spark/bundle/docsift \
  "$repo/spark/pipe_recipe.py" "$work/articles.jsonl" "$work/piped" --docsift ./docsift \
  2> "$work/pipe.log" || { grep -v " INFO " "$work/pipe.log" | tail -40 >&2; exit 1; }

status=0
for output in labeled piped; do
    cat "$work/$output"/part-* | sort > "$work/$output.jsonl"
    if cmp -s "$work/$output.jsonl" "$work/expected.jsonl"; then
        echo "try-standalone: $output: $records of $records records identical to docsift label" >&2
    else
        echo "try-standalone: $output: differs from docsift label ($(wc -l < "$work/$output.jsonl") lines for $records records)" >&2
        status=1
    fi
done
echo "try-standalone: executors run: $(grep -c 'Launching executor' "$work/worker.log")" >&2
exit $status
