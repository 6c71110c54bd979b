"""Spark local[2]: every record of the seeds plus a few thousand public-corpus records gets
exactly one result, identical to the CLI's, through the Python package inside mapPartitions
(JSONL and Parquet), through the RDD.pipe recipe, and through spark-submit with the package,
library and model shipped as files (the README's cluster recipe)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SHARED_DATA, jsonl, run_cli

pytest.importorskip("pyspark", reason="pyspark is not installed: scripts/test-python.sh installs it")
sys.path.insert(0, str(REPO / "spark"))

CORPORA = [  # (file, records taken)
    (SHARED_DATA / "thucnews_titles" / "test.jsonl", 2500),
    (SHARED_DATA / "cnews_fulltext" / "cnews_subset.jsonl", 500),
]


def java_home() -> str | None:
    java = shutil.which("java")
    return None if java is None else str(Path(os.path.realpath(java)).parents[1])


@pytest.fixture(scope="module")
def spark():
    if not (os.environ.get("JAVA_HOME") or java_home()):
        pytest.fail("no java on PATH: install openjdk-17-jre-headless (scripts/test-python.sh does)")
    os.environ.setdefault("JAVA_HOME", java_home() or "")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("docsift-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
               .config("spark.sql.shuffle.partitions", "4")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def dataset(tmp_path_factory, seed_articles) -> Path:
    """The seed articles, the corpus records, and two records that cannot be labeled."""
    missing = [str(path) for path, _ in CORPORA if not path.is_file()]
    if missing:
        pytest.skip(f"public corpora absent ({', '.join(missing)}): ../shared/data is needed for the Spark test")
    records = [{"id": a["id"], "title": a.get("title"), "text": a["text"]} for a in seed_articles]
    seen = {record["id"] for record in records}
    for path, count in CORPORA:
        with path.open(encoding="utf-8") as lines:
            for _, line in zip(range(count), lines):
                record = json.loads(line)
                identifier = record["id"]
                while identifier in seen:  # cnews repeats a few ids: results are matched by id
                    identifier += "+"
                seen.add(identifier)
                records.append({"id": identifier, "text": record["text"]})
    records += [{"id": "blank-text", "text": " \n "}, {"id": "no-text", "title": "标题"},
                {"id": 20261206, "text": "数字编号的记录：村民合作社发展特色产业。"}]
    path = tmp_path_factory.mktemp("spark-input") / "documents.jsonl"
    path.write_text(jsonl(records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cli_lines(dataset) -> dict[str, str]:
    """`docsift label` on the whole dataset: each record's line, by id."""
    lines = run_cli("label", "--threads", "2", str(dataset))
    by_id = {json.loads(line)["id"]: line for line in lines}
    assert len(lines) == len(by_id) == len(dataset.read_text(encoding="utf-8").splitlines()) >= 3000
    assert json.loads(by_id["no-text"]) == {"id": "no-text", "error": "missing text"}
    assert "error" in json.loads(by_id["blank-text"])
    return by_id


def read_lines(folder: Path) -> list[str]:
    return [line for part in sorted(folder.glob("part-*")) for line in part.read_text(encoding="utf-8").splitlines() if line]


def assert_one_identical_result_each(lines: list[str], cli_lines: dict[str, str]) -> None:
    ids = [json.loads(line)["id"] for line in lines]
    assert len(ids) == len(set(ids)) == len(cli_lines), "every record exactly once"
    for line in lines:
        record = json.loads(line)
        expected = cli_lines[record["id"]]
        if "error" in json.loads(expected):
            assert set(record) == {"id", "error"}, line
        else:
            assert line == expected


def test_mapPartitions_jsonl_output_equals_the_cli(spark, dataset, cli_lines, tmp_path):
    from label_jsonl import label_dataset

    label_dataset(spark, str(dataset), str(tmp_path / "labeled"), partitions=4)
    assert_one_identical_result_each(read_lines(tmp_path / "labeled"), cli_lines)


def test_unreadable_lines_get_an_error_record_each(seed_articles):
    """The JSONL reader of the text path, without Spark: one output line per input line."""
    from label_jsonl import Settings, label_lines, parse_lines

    article = seed_articles[0]
    lines = ["{not json", "[1, 2]", "", json.dumps({"id": 7, "text": article["text"]}, ensure_ascii=False),
             json.dumps({"id": "t", "text": 5})]
    out = [json.loads(line) for line in label_lines(parse_lines(lines, "id", "text", "title"), Settings())]
    assert [record["id"] for record in out] == [None, None, "7", "t"]
    assert out[0]["error"].startswith("malformed JSON") and out[1]["error"] == "malformed JSON: not an object"
    assert out[2]["label"] and out[3] == {"id": "t", "error": "missing text"}


def test_parquet_in_and_out_equals_the_cli(spark, dataset, cli_lines, tmp_path):
    from label_jsonl import label_dataset

    parquet_input = tmp_path / "documents.parquet"
    spark.read.json(str(dataset)).repartition(3).write.parquet(str(parquet_input))
    label_dataset(spark, str(parquet_input), str(tmp_path / "labeled.parquet"),
                  input_format="parquet", output_format="parquet")
    rows = spark.read.parquet(str(tmp_path / "labeled.parquet")).collect()
    assert len(rows) == len({row.id for row in rows}) == len(cli_lines)
    for row in rows:
        expected = json.loads(cli_lines[row.id])
        if "error" in expected:
            assert row.error and row.label is None
            continue
        assert row.error is None
        assert (row.label, row.confidence, dict(row.scores), list(row.secondary)) == (
            expected["label"], expected["confidence"], expected["scores"], expected["secondary"])


def test_summary_option_matches_cli_label_summary(spark, seed_articles, tmp_path):
    from label_jsonl import Settings, label_dataset

    source = tmp_path / "seeds.jsonl"
    source.write_text(jsonl(seed_articles), encoding="utf-8")
    expected = run_cli("label", "--summary", "--threads", "1", str(source))
    label_dataset(spark, str(source), str(tmp_path / "out"), settings=Settings(summary=True))
    assert sorted(read_lines(tmp_path / "out")) == sorted(expected)


def test_pipe_recipe_equals_the_cli(spark, dataset, cli_lines, tmp_path):
    from conftest import cli_path
    from pipe_recipe import label_with_cli

    label_with_cli(spark, str(dataset), str(tmp_path / "piped"), docsift=str(cli_path()), partitions=3)
    lines = read_lines(tmp_path / "piped")
    assert sorted(lines) == sorted(cli_lines.values())


def test_spark_submit_with_shipped_files_on_workers_without_the_package(dataset, cli_lines, tmp_path):
    """The README's cluster recipe in local[2]: the workers' Python has neither docsift nor
    pyspark installed; the package comes as --py-files, the library (model built in) as --files."""
    bundle = Path(subprocess.run(["bash", str(REPO / "spark" / "bundle.sh"), str(tmp_path / "bundle")],
                                 check=True, capture_output=True, text=True,
                                 env={**os.environ, "DOCSIFT_BUNDLE_CLI": "0"}).stdout.strip())
    bare = tmp_path / "bare-python"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(bare)], check=True)
    spark_submit = Path(sys.executable).parent / "spark-submit"
    environment = {**os.environ, "PYSPARK_PYTHON": str(bare / "bin" / "python"),
                   "PYSPARK_DRIVER_PYTHON": sys.executable, "SPARK_LOCAL_IP": "127.0.0.1",
                   "JAVA_HOME": os.environ.get("JAVA_HOME") or java_home() or ""}
    environment.pop("DOCSIFT_LIBRARY", None)
    output = tmp_path / "submitted"
    done = subprocess.run([
        str(spark_submit), "--master", "local[2]", "--conf", "spark.ui.enabled=false",
        "--py-files", f"{bundle}/docsift-python.zip",
        "--files", f"{bundle}/libDocSiftC.so",
        str(REPO / "spark" / "label_jsonl.py"), str(dataset), str(output), "--partitions", "2",
        "--library", "libDocSiftC.so",
    ], env=environment, capture_output=True, text=True, cwd=tmp_path, check=False)
    assert done.returncode == 0, "\n".join(l for l in done.stderr.splitlines() if " INFO " not in l and not l.strip().startswith("at "))[-4000:]
    assert_one_identical_result_each(read_lines(output), cli_lines)
