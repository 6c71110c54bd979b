"""Exceptions raised by the docsift package; each carries the C library's message."""

from __future__ import annotations


class DocSiftError(Exception):
    """Base class: a DocSift call failed. `status` is the C interface's docsift_status."""

    status: int = -1

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        if status is not None:
            self.status = status


class LibraryNotFoundError(DocSiftError, OSError):
    """libDocSiftC.so could not be found or loaded."""


class InvalidInputError(DocSiftError, ValueError):
    """The document or an argument was rejected (see the subclasses)."""


class NullArgumentError(InvalidInputError):
    """A required argument was missing (DOCSIFT_ERROR_NULL_ARGUMENT)."""

    status = 1


class InvalidUTF8Error(InvalidInputError):
    """A text, title or path was not valid UTF-8 (DOCSIFT_ERROR_INVALID_UTF8)."""

    status = 2


class EmptyDocumentError(InvalidInputError):
    """The text had no visible character: empty, white space or invisible marks (DOCSIFT_ERROR_EMPTY_DOCUMENT)."""

    status = 3


class InvalidArgumentError(InvalidInputError):
    """An argument was out of range (DOCSIFT_ERROR_INVALID_ARGUMENT)."""

    status = 4


class ModelError(DocSiftError, OSError):
    """The model or IDF file is missing, unreadable or corrupt (DOCSIFT_ERROR_MODEL)."""

    status = 5


class InternalError(DocSiftError):
    """Memory ran out or a result could not be encoded (DOCSIFT_ERROR_INTERNAL)."""

    status = 6


class ModelClosedError(DocSiftError):
    """The model was used after close()."""


_BY_STATUS = {cls.status: cls for cls in (
    NullArgumentError, InvalidUTF8Error, EmptyDocumentError, InvalidArgumentError, ModelError, InternalError,
)}


def error_for_status(status: int, message: str) -> DocSiftError:
    """The exception for a docsift_status code and its message."""
    cls = _BY_STATUS.get(status, DocSiftError)
    return cls(message, status)
