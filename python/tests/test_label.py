"""The Python package gives exactly the CLI's records on the seed articles."""

from __future__ import annotations

import json

from conftest import jsonl, run_cli


def without_id(line: str) -> str:
    """A CLI output line without its leading "id" member: what the library returns."""
    record = json.loads(line)
    assert next(iter(record)) == "id"
    head = '{"id":' + json.dumps(record["id"], ensure_ascii=False) + ","
    assert line.startswith(head), line[:80]
    return "{" + line[len(head):]


def test_labels_equal_the_cli_on_every_seed_article(model, seed_articles, cli_label_lines):
    labels = set()
    for article in seed_articles:
        cli_line = cli_label_lines[article["id"]]
        expected = json.loads(cli_line)
        got = model.label(article["text"], title=article.get("title"))
        assert got["label"] == expected["label"], article["id"]
        assert got["scores"] == expected["scores"], article["id"]  # both rounded to 6 decimals
        assert got["secondary"] == expected["secondary"], article["id"]
        assert got == {key: value for key, value in expected.items() if key != "id"}
        # The JSON text itself is the CLI's line without "id", byte for byte.
        assert model.label_json(article["text"], article.get("title")) == without_id(cli_line)
        labels.add(got["label"])
    assert {"party_building", "rural_revitalization", "safety_production", "anti_fraud"} <= labels


def test_label_with_summary_equals_cli_label_summary(model, seed_articles):
    cli_lines = run_cli("label", "--summary", "--threads", "1", input_text=jsonl(seed_articles))
    assert len(cli_lines) == len(seed_articles)
    for article, cli_line in zip(seed_articles, cli_lines):
        got = model.label(article["text"], title=article.get("title"), summary=True)
        expected = json.loads(cli_line)
        assert expected.pop("id") == article["id"]
        assert got == expected
        assert list(got) == ["label", "confidence", "scores", "secondary", "summary", "sentences", "keywords"]
        assert got["summary"] and got["keywords"]


def test_summarize_equals_cli_summarize(model, seed_articles):
    for budget in (None, 60):
        arguments = ["summarize", "--threads", "1"] + ([] if budget is None else ["--max-chars", str(budget)])
        cli_lines = run_cli(*arguments, input_text=jsonl(seed_articles))
        for article, cli_line in zip(seed_articles, cli_lines):
            expected = json.loads(cli_line)
            assert expected.pop("id") == article["id"]
            assert model.summarize(article["text"], title=article.get("title"), max_chars=budget) == expected
            if budget:
                assert len(expected["summary"]) <= budget


def test_label_many_keeps_order_ids_and_reports_errors_as_records(model, seed_articles, cli_label_lines):
    documents = [{"id": a["id"], "text": a["text"], "title": a.get("title")} for a in seed_articles]
    documents.insert(3, {"id": "blank", "text": "  \n "})
    for threads in (1, 3):
        records = list(model.label_many(documents, threads=threads, errors="record"))
        assert [r["id"] for r in records] == [d["id"] for d in documents]
        assert "empty document" in records[3]["error"]
        for record in records[:3] + records[4:]:
            assert record == json.loads(cli_label_lines[record["id"]])


def test_label_many_accepts_plain_texts_and_pairs(model, seed_articles):
    article = seed_articles[0]
    by_text, by_pair = model.label_many([article["text"], (article["text"], article.get("title"))])
    assert by_text == model.label(article["text"])
    assert by_pair == model.label(article["text"], article.get("title"))


def test_library_version_is_reported():
    import docsift

    cli_version = run_cli("--version")[0].split()[-1]
    assert docsift.library_version() == f"docsift-c {cli_version} (abi 1)"
    assert docsift.__version__ == cli_version
