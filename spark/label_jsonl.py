"""Bulk topic labeling of a JSONL or Parquet dataset on Apache Spark (PySpark 4).

Each partition is labeled inside `mapPartitions` by the `docsift` Python package: one model
per executor Python process, opened on first use and reused for every later partition that
process runs. Every input record gets exactly one output record:

* `--output-format jsonl` (default): lines exactly as `docsift label` writes them
  (`{"id","label","confidence","scores","secondary"}`, `--summary` adds "summary","sentences","keywords";
  a record that cannot be labeled gives `{"id","error"}`);
* `--output-format parquet`: columns id, label, confidence, scores (map), secondary, summary, sentences,
  keywords, error.

    spark-submit spark/label_jsonl.py INPUT OUTPUT [--input-format jsonl|parquet]
        [--id-field id] [--text-field text] [--title-field title] [--summary]
        [--partitions N] [--library PATH] [--model PATH] [--idf PATH]

With the package installed on the executors (`pip install ./python`), no path is needed.
On a cluster without it, ship the package and the library (the default model is built into
the library) and name the library: `--py-files docsift-python.zip --files libDocSiftC.so`
and `--library libDocSiftC.so` (see the README, "From C, Python and Spark"). A name given
to --library, --model or --idf that is not a local file is looked up among the files Spark
shipped (SparkFiles).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional


@dataclass(frozen=True)
class Settings:
    """What each executor needs to open its model (plain data: pickled to executors)."""

    library: Optional[str] = None
    model: Optional[str] = None
    idf: Optional[str] = None
    summary: bool = False


def resolve_shipped(path: Optional[str]) -> Optional[str]:
    """`path` itself when it exists here, else the file of that name Spark shipped with
    --files/--archives (the working directory on YARN/Kubernetes, SparkFiles elsewhere)."""
    if path is None:
        return None
    if os.path.exists(path):
        return os.path.abspath(path)  # a bare name would make dlopen search the library path
    tried = [os.path.abspath(path)]
    try:
        from pyspark import SparkFiles

        for candidate in (os.path.join(SparkFiles.getRootDirectory(), path), SparkFiles.get(os.path.basename(path))):
            if os.path.exists(candidate):
                return candidate
            tried.append(candidate)
    except Exception:  # not inside a Spark task, or no SparkFiles root yet
        pass
    raise FileNotFoundError(f"{path}: not found (tried {', '.join(tried)}); ship it with --files or --archives")


def open_model(settings: Settings):
    """The process-wide model for `settings` (opened on the first call in each executor process)."""
    library = resolve_shipped(settings.library)
    if library is not None:
        os.environ["DOCSIFT_LIBRARY"] = library
    import docsift

    return docsift.shared_model(resolve_shipped(settings.model), resolve_shipped(settings.idf))


def label_lines(rows: Iterable[tuple], settings: Settings) -> Iterator[str]:
    """One `docsift label` JSONL line per (id, text, title, problem) row (problem: why the
    record could not be read, or None)."""
    import docsift

    model = open_model(settings)
    for identifier, text, title, problem in rows:
        id_member = '{"id":' + json.dumps(identifier, ensure_ascii=False) + ","
        if problem is not None or text is None:
            yield id_member + '"error":' + json.dumps(problem or "missing text", ensure_ascii=False) + "}"
            continue
        try:
            record = model.label_json(text, title, settings.summary)
        except docsift.InvalidInputError as error:
            yield id_member + '"error":' + json.dumps(str(error), ensure_ascii=False) + "}"
            continue
        yield id_member + record[1:]


def parse_lines(lines: Iterable[str], id_field: str, text_field: str, title_field: str) -> Iterator[tuple]:
    """(id, text, title, problem) of each JSONL line as `docsift label` reads it: a numeric
    id becomes its JSON text; a line that is not a JSON object gives its problem."""
    for line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            yield None, None, None, f"malformed JSON: {error}"
            continue
        if not isinstance(record, dict):
            yield None, None, None, "malformed JSON: not an object"
            continue
        identifier = record.get(id_field)
        if identifier is not None and not isinstance(identifier, str):
            identifier = json.dumps(identifier)
        text, title = record.get(text_field), record.get(title_field)
        yield identifier, text if isinstance(text, str) else None, title if isinstance(title, str) else None, None


def label_rows(rows: Iterable[tuple], settings: Settings) -> Iterator[tuple]:
    """Parquet rows: (id, label, confidence, scores, secondary, summary, sentences, keywords, error)."""
    for line in label_lines(rows, settings):
        record = json.loads(line)
        # A probability of exactly 0 or 1 is written as the JSON number 0 or 1, which Python
        # reads as an int; the map column holds doubles.
        scores = record.get("scores")
        if scores is not None:
            scores = {topic: float(value) for topic, value in scores.items()}
        confidence = record.get("confidence")
        yield (record["id"], record.get("label"), None if confidence is None else float(confidence), scores,
               record.get("secondary"),
               record.get("summary"), record.get("sentences"), record.get("keywords"), record.get("error"))


OUTPUT_SCHEMA = (
    "id string, label string, confidence double, scores map<string,double>, secondary array<string>, "
    "summary string, sentences array<int>, keywords array<string>, error string"
)


def read_documents(spark, path: str, input_format: str, id_field: str, text_field: str, title_field: str):
    """The dataset as (id, text, title) string columns; a missing title column is null."""
    from pyspark.sql import functions as F

    if input_format == "jsonl":
        frame = spark.read.json(path)
    elif input_format == "parquet":
        frame = spark.read.parquet(path)
    else:
        raise ValueError(f"--input-format {input_format}: use jsonl or parquet")
    columns = set(frame.columns)
    for name, option in ((id_field, "--id-field"), (text_field, "--text-field")):
        if name not in columns:
            raise ValueError(f"{path}: no column {name!r} (columns: {', '.join(sorted(columns))}); name it with {option}")
    title = F.col(title_field).cast("string") if title_field in columns else F.lit(None).cast("string")
    return frame.select(F.col(id_field).cast("string"), F.col(text_field).cast("string"), title)


def label_dataset(spark, input_path: str, output_path: str, *, input_format: str = "jsonl",
                  output_format: str = "jsonl", id_field: str = "id", text_field: str = "text",
                  title_field: str = "title", partitions: Optional[int] = None,
                  settings: Settings = Settings()) -> None:
    """Labels `input_path` into `output_path` (a folder of part files, replaced if present)."""
    if __name__ != "__main__":
        # Imported (not run by spark-submit): send this module's functions by value, so
        # executors need not be able to import it.
        from pyspark import cloudpickle

        cloudpickle.register_pickle_by_value(sys.modules[__name__])
    if input_format == "jsonl" and output_format == "jsonl":
        # Text in, text out: lines go to Python as they are, with no DataFrame conversion
        # on either side (3× faster on headlines than through spark.read.json).
        lines = spark.sparkContext.textFile(input_path)
        if partitions:
            lines = lines.repartition(partitions)
        fields = (id_field, text_field, title_field)
        labeled = lines.mapPartitions(lambda part: label_lines(parse_lines(part, *fields), settings))
        remove_output(spark, output_path)
        labeled.saveAsTextFile(output_path)
        return
    documents = read_documents(spark, input_path, input_format, id_field, text_field, title_field).rdd
    if partitions:
        documents = documents.repartition(partitions)
    rows = documents.map(lambda row: (row[0], row[1], row[2], None))
    if output_format == "jsonl":
        lines = rows.mapPartitions(lambda part: label_lines(part, settings))
        spark.createDataFrame(lines.map(lambda line: (line,)), "value string").write.mode("overwrite").text(output_path)
    elif output_format == "parquet":
        labeled = rows.mapPartitions(lambda part: label_rows(part, settings))
        spark.createDataFrame(labeled, OUTPUT_SCHEMA).write.mode("overwrite").parquet(output_path)
    else:
        raise ValueError(f"--output-format {output_format}: use jsonl or parquet")


def remove_output(spark, path: str) -> None:
    """Deletes `path` (any Hadoop file system: local, HDFS, S3…) so that it can be written anew."""
    jvm = spark.sparkContext._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).delete(hadoop_path, True)


def main(argv: Optional[list] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSONL file(s) or Parquet folder")
    parser.add_argument("output", help="output folder (replaced)")
    parser.add_argument("--input-format", choices=["jsonl", "parquet"], default=None,
                        help="default: parquet when the path ends in .parquet, else jsonl")
    parser.add_argument("--output-format", choices=["jsonl", "parquet"], default="jsonl")
    parser.add_argument("--id-field", default="id")
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--title-field", default="title")
    parser.add_argument("--summary", action="store_true", help="add summary, sentences and keywords")
    parser.add_argument("--partitions", type=int, default=None, help="repartition the input first")
    parser.add_argument("--library", help="libDocSiftC.so (default: the installed package's)")
    parser.add_argument("--model", help="a .dsmodel file (default: the shipped model)")
    parser.add_argument("--idf", help="an IDF file (default: the shipped one)")
    parser.add_argument("--master", default=None, help="e.g. local[2] (default: spark-submit's)")
    args = parser.parse_args(argv)

    # Local mode starts Python workers with PYSPARK_PYTHON: this interpreter has docsift.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("docsift-label")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        input_format = args.input_format or ("parquet" if args.input.rstrip("/").endswith(".parquet") else "jsonl")
        label_dataset(spark, args.input, args.output, input_format=input_format, output_format=args.output_format,
                      id_field=args.id_field, text_field=args.text_field, title_field=args.title_field,
                      partitions=args.partitions,
                      settings=Settings(library=args.library, model=args.model, idf=args.idf, summary=args.summary))
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
