"""Bulk labeling with the `docsift` command-line tool through Spark's `RDD.pipe`.

Each partition's JSONL lines are written to one `docsift label` process; it answers one line
per input line, in order, so the output RDD lines up with the input. Use this when the
executors can run the binary but should not load the Python package; `label_jsonl.py` (the
library inside `mapPartitions`) avoids one process per partition and the text round trip.

    spark-submit spark/pipe_recipe.py INPUT.jsonl OUTPUT --docsift /path/to/docsift [-- label options]

On a cluster ship the binary (`spark/bundle.sh` builds it with the Swift runtime linked
statically; the default model is built in): `--files docsift` and `--docsift ./docsift`;
files shipped with --files are in each executor's working directory. A trained model goes
the same way: `--files docsift,my.dsmodel ... -- --model my.dsmodel`.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from typing import Optional, Sequence


def label_with_cli(spark, input_path: str, output_path: str, docsift: str = "docsift",
                   label_arguments: Sequence[str] = (), partitions: Optional[int] = None) -> None:
    """Writes `docsift label` lines for every record of the JSONL `input_path` to `output_path`."""
    lines = spark.sparkContext.textFile(input_path)
    if partitions:
        lines = lines.repartition(partitions)
    # Blank lines are no records for the CLI: drop them so output and input line up.
    records = lines.filter(lambda line: line.strip() != "")
    command = shlex.join([docsift, "label", "--threads", "1", *label_arguments])
    # One process per partition; its own threads stay at one (Spark runs the partitions in parallel).
    labeled = records.pipe(command, env={"OPENBLAS_NUM_THREADS": "1"}, checkCode=True)
    labeled.saveAsTextFile(output_path)


def main(argv: Optional[list] = None) -> None:
    parser = argparse.ArgumentParser(description="docsift label over RDD.pipe")
    parser.add_argument("input")
    parser.add_argument("output", help="output folder (must not exist)")
    parser.add_argument("--docsift", default="docsift", help="the CLI binary (default: docsift on PATH)")
    parser.add_argument("--partitions", type=int, default=None)
    parser.add_argument("--master", default=None, help="e.g. local[2] (default: spark-submit's)")
    parser.epilog = "Arguments after -- go to `docsift label` (e.g. -- --model my.dsmodel --summary)."
    argv = list(sys.argv[1:] if argv is None else argv)
    label_arguments = argv[argv.index("--") + 1:] if "--" in argv else []
    args = parser.parse_args(argv[:argv.index("--")] if "--" in argv else argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("docsift-pipe")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        label_with_cli(spark, args.input, args.output, args.docsift, label_arguments, args.partitions)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
