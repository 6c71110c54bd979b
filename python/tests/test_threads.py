"""One model used from several Python threads at once gives the same records as one thread."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import docsift


def test_many_threads_share_one_model(model, seed_articles):
    expected = [model.label_json(a["text"], a.get("title"), True) for a in seed_articles]
    work = seed_articles * 6
    start = threading.Barrier(4)

    def run(offset: int) -> list[tuple[int, str]]:
        start.wait()
        out = []
        for k in range(offset, len(work), 4):
            article = work[k]
            out.append((k % len(seed_articles), model.label_json(article["text"], article.get("title"), True)))
        return out

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = [item for part in pool.map(run, range(4)) for item in part]
    assert len(results) == len(work)
    for index, json_text in results:
        assert json_text == expected[index]


def test_close_waits_for_calls_in_flight(seed_articles):
    opened = docsift.Model()
    text = seed_articles[0]["text"] * 20
    errors: list[BaseException] = []
    labeled = []

    def label_until_closed():
        try:
            while True:
                labeled.append(opened.label(text))
        except docsift.ModelClosedError:
            return
        except BaseException as error:  # anything else is a failure
            errors.append(error)

    threads = [threading.Thread(target=label_until_closed) for _ in range(3)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 120
    while len(labeled) < 6 and time.monotonic() < deadline:
        time.sleep(0.01)
    opened.close()  # new calls are refused at once; running ones finish first
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    assert not errors
    assert len(labeled) >= 6
    assert all(record == labeled[0] for record in labeled)


def test_shared_model_is_one_per_process():
    first = docsift.shared_model()
    assert docsift.shared_model() is first
    assert not first.closed
