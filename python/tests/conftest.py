"""Shared fixtures: the CLI built from this checkout, the seed articles, and the CLI's own
records for them, which every Python and Spark result is compared with."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"


def cli_path() -> Path:
    """$DOCSIFT_CLI, else the release CLI of .build (scripts/test-python.sh sets the variable)."""
    override = os.environ.get("DOCSIFT_CLI")
    candidates = [Path(override)] if override else [REPO / ".build" / "release" / "docsift"]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    pytest.fail(f"no docsift CLI at {', '.join(map(str, candidates))}: run scripts/test-python.sh, "
                "or `swift build -c release --product docsift` and set DOCSIFT_CLI")


def run_cli(*arguments: str, input_text: str | None = None) -> list[str]:
    """The CLI's standard output lines for `arguments` (stdin: `input_text`)."""
    environment = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    done = subprocess.run([str(cli_path()), *arguments], input=input_text, capture_output=True, text=True,
                          env=environment, cwd=REPO, check=False)
    assert done.returncode == 0, f"docsift {' '.join(arguments)} failed ({done.returncode}): {done.stderr}"
    return [line for line in done.stdout.splitlines() if line]


def jsonl(records) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


@pytest.fixture(scope="session")
def seed_articles() -> list[dict]:
    """The seed pages cut into articles by `docsift split seeds/pages`."""
    records = [json.loads(line) for line in run_cli("split", "seeds/pages")]
    assert len(records) >= 30, f"only {len(records)} seed articles"
    return records


@pytest.fixture(scope="session")
def cli_label_lines(seed_articles) -> dict[str, str]:
    """`docsift split seeds/pages | docsift label`: each article's output line, by id."""
    lines = run_cli("label", "--threads", "1", input_text=jsonl(seed_articles))
    assert len(lines) == len(seed_articles)
    return {json.loads(line)["id"]: line for line in lines}


@pytest.fixture(scope="session")
def model():
    import docsift

    with docsift.Model() as opened:
        yield opened
