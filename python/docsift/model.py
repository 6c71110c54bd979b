"""`docsift.Model`: topic labels and summaries through the C library."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Union

from . import _native
from .errors import DocSiftError, ModelClosedError

#: A document for `label_many`: its text, a (text, title) pair, or a mapping with
#: "text" and optional "title" and "id".
Document = Union[str, bytes, tuple, Mapping[str, Any]]


def _utf8(value: str | bytes, argument: str) -> bytes:
    """Text as UTF-8 bytes; bytes pass unchanged (the library rejects invalid UTF-8), and a
    str with lone surrogates is passed through so the library reports it the same way."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    raise TypeError(f"{argument} must be str or bytes, not {type(value).__name__}")


class Model:
    """A topic model and summarizer, opened once and shared by any number of threads.

    `Model()` opens the default model and IDF statistics built into the library (or the
    files named by DOCSIFT_MODEL / DOCSIFT_IDF); `Model(model_path, idf_path)` opens files
    written by `docsift train` / `docsift build-idf`. Use it as a context manager or call
    `close()`; calls release the GIL, so threads label in parallel.
    """

    def __init__(self, model_path: str | os.PathLike[str] | None = None,
                 idf_path: str | os.PathLike[str] | None = None):
        self._guard = threading.Condition()
        self._active_calls = 0
        self._closing = False
        self._handle: int | None = _native.open_model(None if model_path is None else str(model_path),
                                          None if idf_path is None else str(idf_path))

    # -- one document ------------------------------------------------------------------

    def label(self, text: str | bytes, title: str | bytes | None = None, summary: bool = False) -> dict:
        """The label record of one document: {"label", "confidence", "scores", "secondary"} as
        `docsift label` writes it (without "id"); with `summary=True` also "summary",
        "sentences" and "keywords".

        Raises `EmptyDocumentError`, `InvalidUTF8Error` (both `ValueError`s) for bad text.
        """
        return json.loads(self.label_json(text, title, summary))

    def label_json(self, text: str | bytes, title: str | bytes | None = None, summary: bool = False) -> str:
        """`label` as the library's JSON text: a `docsift label` line without its "id"
        member, byte for byte (what bulk jobs write out without parsing)."""
        return self._call("docsift_label", text, title, 1 if summary else 0)

    def summarize(self, text: str | bytes, title: str | bytes | None = None, max_chars: int | None = None) -> dict:
        """{"summary", "sentences", "keywords"} for one document; `max_chars` is the budget in
        characters, 1 to 1,000,000 (default: the library's, 120)."""
        if max_chars is None:
            budget = 0
        elif isinstance(max_chars, bool) or not isinstance(max_chars, int):
            raise TypeError(f"max_chars must be an int, not {type(max_chars).__name__}")
        elif max_chars < 1:
            budget = -1  # the library names the problem
        else:
            budget = min(max_chars, 2**31 - 1)
        return json.loads(self._call("docsift_summarize", text, title, budget))

    # -- many documents ----------------------------------------------------------------

    def label_many(self, documents: Iterable[Document], summary: bool = False, threads: int = 1,
                   errors: str = "raise") -> Iterator[dict]:
        """Labels documents lazily, yielding one record per document in input order.

        Each document is a str (the text), a (text, title) pair, or a mapping with "text" and
        optionally "title" and "id" (copied to the record first, as in the CLI's output).
        `threads > 1` labels on that many threads. `errors="record"` yields
        {"id", "error"} for a document that cannot be labeled instead of raising.
        """
        if errors not in ("raise", "record"):
            raise ValueError(f'errors must be "raise" or "record", not {errors!r}')
        if threads < 1:
            raise ValueError(f"threads must be at least 1, not {threads}")

        def one(document: Document) -> dict:
            identifier, text, title = _unpack(document)
            try:
                record = self.label(text, title, summary)
            except DocSiftError as error:
                if errors == "raise":
                    raise
                record = {"error": str(error)}
            return record if identifier is None else {"id": identifier, **record}

        if threads == 1:
            for document in documents:
                yield one(document)
            return
        with ThreadPoolExecutor(max_workers=threads) as pool:
            yield from _ordered_map(pool, one, documents, window=4 * threads)

    # -- lifetime ----------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        """Whether `close()` has run."""
        return self._closing or self._handle is None

    def close(self) -> None:
        """Releases the model: later calls raise `ModelClosedError`; calls already running
        on other threads finish first. Idempotent."""
        with self._guard:
            self._closing = True
            while self._active_calls:
                self._guard.wait()
            handle, self._handle = self._handle, None
        if handle is not None:
            _native.close_model(handle)

    def __enter__(self) -> Model:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            if getattr(self, "_handle", None) is not None:
                self.close()
        except Exception:  # interpreter shutdown: the library may be gone already
            pass

    def __repr__(self) -> str:
        return f"<docsift.Model {'closed' if self.closed else 'open'}>"

    def _call(self, function: str, text: str | bytes, title: str | bytes | None, number: int) -> str:
        text_bytes = _utf8(text, "text")
        title_bytes = None if title is None else _utf8(title, "title")
        with self._guard:
            handle = self._handle
            if handle is None or self._closing:
                raise ModelClosedError("the model is closed; open a new docsift.Model()")
            self._active_calls += 1
        try:
            return _native.call_json(function, handle, text_bytes, title_bytes, number)
        finally:
            with self._guard:
                self._active_calls -= 1
                if not self._active_calls:
                    self._guard.notify_all()


def _unpack(document: Document) -> tuple[Any, str | bytes, str | bytes | None]:
    """(id or None, text, title or None) of a `label_many` document."""
    if isinstance(document, (str, bytes)):
        return None, document, None
    if isinstance(document, tuple):
        if len(document) != 2:
            raise ValueError(f"a document tuple is (text, title), got {len(document)} items")
        return None, document[0], document[1]
    if isinstance(document, Mapping):
        if "text" not in document:
            raise ValueError(f"document {document.get('id', '')!r} has no \"text\"")
        return document.get("id"), document["text"], document.get("title")
    raise TypeError(f"a document is str, bytes, (text, title) or a mapping, not {type(document).__name__}")


def _ordered_map(pool: ThreadPoolExecutor, function, items: Iterable, window: int) -> Iterator:
    """`pool.map` with at most `window` items in flight (reads the input lazily)."""
    pending = []
    for item in items:
        pending.append(pool.submit(function, item))
        if len(pending) >= window:
            yield pending.pop(0).result()
    for future in pending:
        yield future.result()


_shared_lock = threading.Lock()
_shared: dict[tuple, tuple[int, Model]] = {}


def shared_model(model_path: str | os.PathLike[str] | None = None,
                 idf_path: str | os.PathLike[str] | None = None) -> Model:
    """One `Model` per process and set of paths, opened on first use: what a Spark
    `mapPartitions` function calls so that each executor's Python worker loads the model
    once and reuses it for every partition it processes."""
    key = (None if model_path is None else str(Path(model_path)), None if idf_path is None else str(Path(idf_path)))
    with _shared_lock:
        entry = _shared.get(key)
        if entry is None or entry[0] != os.getpid() or entry[1].closed:  # a forked child opens its own
            entry = (os.getpid(), Model(model_path, idf_path))
            _shared[key] = entry
        return entry[1]
