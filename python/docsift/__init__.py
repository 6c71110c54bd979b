"""DocSift for Python: topic labels and extractive summaries for Chinese news.

    import docsift
    with docsift.Model() as model:
        record = model.label(text, title=None, summary=False)
        # {"label": "...", "confidence": p, "scores": {...}, "secondary": [...]}

A ctypes binding of the C interface (libDocSiftC.so, `Sources/CDocSift/include/docsift.h`);
no compiled extension. Records have the fields of `docsift label` JSONL output.
"""

from .errors import (
    DocSiftError,
    EmptyDocumentError,
    InternalError,
    InvalidArgumentError,
    InvalidInputError,
    InvalidUTF8Error,
    LibraryNotFoundError,
    ModelClosedError,
    ModelError,
    NullArgumentError,
)
from .model import Model, shared_model

__version__ = "0.1.0"


def library_version() -> str:
    """The loaded C library's version string, e.g. "docsift-c 0.1.0 (abi 1)"."""
    from . import _native

    return _native.version()


__all__ = [
    "DocSiftError",
    "EmptyDocumentError",
    "InternalError",
    "InvalidArgumentError",
    "InvalidInputError",
    "InvalidUTF8Error",
    "LibraryNotFoundError",
    "Model",
    "ModelClosedError",
    "ModelError",
    "NullArgumentError",
    "library_version",
    "shared_model",
]
