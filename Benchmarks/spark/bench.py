"""Spark local-mode labeling throughput against the CLI's on the same input, in one run.

For each input (short headlines; long full-text articles), measures records/s of:
  * `docsift label --threads N` (the CLI, whole process, reading the JSONL file);
  * `spark/label_jsonl.py` in local[N] (Python package inside mapPartitions), timed around
    the job with the session and its Python workers already warm, and as a whole
    `spark-submit` (JVM start included);
  * `spark/pipe_recipe.py` in local[N] (the CLI through RDD.pipe), session warm.
Each figure is the median of `--repeats` runs; every run's output is checked to have one
record per input record. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO / "spark"))


def write_input(path: Path, sources: list[tuple[Path, int]], copies: int = 1) -> int:
    """Writes {"id","text"} records of `sources` (each copied `copies` times, ids made unique)."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for source, limit in sources:
                with source.open(encoding="utf-8") as lines:
                    for _, line in zip(range(limit), lines):
                        record = json.loads(line)
                        out.write(json.dumps({"id": f"{count}", "text": record["text"]}, ensure_ascii=False) + "\n")
                        count += 1
    return count


def count_lines(folder: Path) -> int:
    return sum(1 for part in folder.glob("part-*") for line in part.open(encoding="utf-8") if line.strip())


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    missing = [p for p in (DATA / "nlpcc2017_headlines", DATA / "cnews_fulltext") if not p.is_dir()]
    if missing:
        sys.exit(f"benchmark needs ../shared/data ({', '.join(map(str, missing))} absent)")

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    from label_jsonl import label_dataset
    from pipe_recipe import label_with_cli

    work = Path(tempfile.mkdtemp(prefix="docsift-spark-bench-"))
    inputs = {
        "headlines (NLPCC + THUCNews titles)": (work / "headlines.jsonl", [
            (DATA / "nlpcc2017_headlines" / "headlines.jsonl", 36000),
            (DATA / "thucnews_titles" / "test.jsonl", 10000), (DATA / "thucnews_titles" / "dev.jsonl", 10000)], 1),
        "full-text articles (cnews × 4)": (work / "articles.jsonl", [
            (DATA / "cnews_fulltext" / "cnews_subset.jsonl", 10000)], 4),
    }
    master = f"local[{args.threads}]"
    spark = (SparkSession.builder.master(master).appName("docsift-bench")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.host", "127.0.0.1")
             .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    rows = []
    try:
        for name, (path, sources, copies) in inputs.items():
            records = write_input(path, sources, copies)
            size_mb = path.stat().st_size / 1e6

            def cli():
                done = subprocess.run([args.cli, "label", "--threads", str(args.threads), str(path)],
                                      stdout=subprocess.PIPE, check=True)
                assert done.stdout.count(b"\n") == records

            def spark_job(output=work / "out"):
                label_dataset(spark, str(path), str(output), partitions=args.threads * 4)
                assert count_lines(output) == records

            def pipe_job(output=work / "piped"):
                shutil.rmtree(output, ignore_errors=True)
                label_with_cli(spark, str(path), str(output), docsift=args.cli, partitions=args.threads * 4)
                assert count_lines(output) == records

            def submit():
                output = work / "submitted"
                subprocess.run([str(Path(sys.executable).parent / "spark-submit"), "--master", master,
                                "--conf", "spark.ui.enabled=false", "--conf", "spark.ui.showConsoleProgress=false", str(REPO / "spark" / "label_jsonl.py"),
                                str(path), str(output), "--partitions", str(args.threads * 4)],
                               check=True, capture_output=True)
                assert count_lines(output) == records

            spark_job()  # warm: Python workers started, docsift model opened in each
            pipe_job()
            figures = {}
            for label, function in (("CLI", cli), ("Spark mapPartitions (warm session)", spark_job),
                                    ("Spark RDD.pipe of the CLI (warm session)", pipe_job),
                                    ("Spark mapPartitions, whole spark-submit", submit)):
                seconds = statistics.median(timed(function) for _ in range(args.repeats))
                figures[label] = records / seconds
                print(f"{name}: {label}: {records} records in {seconds:.2f} s = {records / seconds:,.0f} records/s",
                      file=sys.stderr, flush=True)
            rows.append((name, records, size_mb, figures))
    finally:
        spark.stop()
        shutil.rmtree(work, ignore_errors=True)

    print(f"| input | records | MB | system ({args.threads} threads / local[{args.threads}]) | records/s | ÷ CLI |")
    print("|---|---:|---:|---|---:|---:|")
    for name, records, size_mb, figures in rows:
        for label, rate in figures.items():
            print(f"| {name} | {records:,} | {size_mb:.1f} | {label} | {rate:,.0f} | {rate / figures['CLI']:.2f} |")


if __name__ == "__main__":
    main()
