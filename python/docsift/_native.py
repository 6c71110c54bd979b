"""The ctypes binding of libDocSiftC.so (declared in Sources/CDocSift/include/docsift.h).

Only this module touches ctypes; the rest of the package calls `call_json`.
"""

from __future__ import annotations

import ctypes
import os
import threading
from pathlib import Path

from .errors import DocSiftError, LibraryNotFoundError, error_for_status

#: The interface version this binding was written for (DOCSIFT_ABI_VERSION in docsift.h).
ABI_VERSION = 1

#: Folder inside the package where the build step copies the library.
BUNDLE_DIR = Path(__file__).resolve().parent / "_lib"

LIBRARY_FILE_NAME = "libDocSiftC.so"

_lock = threading.Lock()
_library: ctypes.CDLL | None = None


def library_path() -> Path:
    """Where the shared library is loaded from: $DOCSIFT_LIBRARY, else the bundled copy."""
    override = os.environ.get("DOCSIFT_LIBRARY")
    if override:
        path = Path(override).absolute()  # dlopen reads a bare name as a library to search for
        if not path.is_file():
            raise LibraryNotFoundError(
                f"DOCSIFT_LIBRARY={override}: no such file; point it at libDocSiftC.so "
                "(swift build -c release --product DocSiftC) or unset it to use the bundled copy"
            )
        return path
    bundled = BUNDLE_DIR / LIBRARY_FILE_NAME
    if bundled.is_file():
        return bundled
    raise LibraryNotFoundError(
        f"{bundled}: not found; install the package with `pip install ./python` from the repository "
        "(which builds and bundles it), or set DOCSIFT_LIBRARY to a libDocSiftC.so"
    )


def library() -> ctypes.CDLL:
    """The loaded library with its function signatures declared (loaded once per process)."""
    global _library
    with _lock:
        if _library is None:
            path = library_path()
            try:
                lib = ctypes.CDLL(str(path))
            except OSError as error:
                raise LibraryNotFoundError(
                    f"{path}: cannot load ({error}); the Swift runtime and libblas3/liblapack3 must be "
                    "installed where it runs"
                ) from error
            _declare(lib)
            found = lib.docsift_abi_version()
            if found != ABI_VERSION:
                raise LibraryNotFoundError(
                    f"{path}: implements C interface version {found}, this package needs {ABI_VERSION}; "
                    "rebuild the package from the same checkout"
                )
            _library = lib
        return _library


def _declare(lib: ctypes.CDLL) -> None:
    out_string = ctypes.POINTER(ctypes.c_void_p)
    lib.docsift_version.argtypes = []
    lib.docsift_version.restype = ctypes.c_char_p
    lib.docsift_abi_version.argtypes = []
    lib.docsift_abi_version.restype = ctypes.c_int32
    lib.docsift_open.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p), out_string]
    lib.docsift_open.restype = ctypes.c_int
    lib.docsift_close.argtypes = [ctypes.c_void_p]
    lib.docsift_close.restype = None
    document_call = [
        ctypes.c_void_p,
        ctypes.c_char_p, ctypes.c_size_t,
        ctypes.c_char_p, ctypes.c_size_t,
        ctypes.c_int32,
        out_string, out_string,
    ]
    lib.docsift_label.argtypes = document_call
    lib.docsift_label.restype = ctypes.c_int
    lib.docsift_summarize.argtypes = document_call
    lib.docsift_summarize.restype = ctypes.c_int
    lib.docsift_free.argtypes = [ctypes.c_void_p]
    lib.docsift_free.restype = None


def _take_string(lib: ctypes.CDLL, pointer: ctypes.c_void_p) -> str | None:
    """The UTF-8 string at `pointer`, released with docsift_free."""
    if not pointer.value:
        return None
    try:
        return ctypes.string_at(pointer.value).decode("utf-8")
    finally:
        lib.docsift_free(pointer.value)


def _raise_for(lib: ctypes.CDLL, status: int, error: ctypes.c_void_p) -> None:
    message = _take_string(lib, error)
    if status != 0:
        raise error_for_status(status, message or f"docsift status {status}")


def open_model(model_path: str | None, idf_path: str | None) -> int:
    """Opens a model; returns the handle (an address) for `close_model`."""
    lib = library()
    handle = ctypes.c_void_p()
    error = ctypes.c_void_p()
    status = lib.docsift_open(
        _path_bytes(model_path), _path_bytes(idf_path), ctypes.byref(handle), ctypes.byref(error)
    )
    _raise_for(lib, status, error)
    if not handle.value:
        raise DocSiftError("docsift_open returned no model")
    return handle.value


def close_model(handle: int) -> None:
    """Releases a model opened by `open_model`."""
    library().docsift_close(handle)


def call_json(function: str, handle: int, text: bytes, title: bytes | None, number: int) -> str:
    """Calls docsift_label or docsift_summarize; returns the JSON text or raises."""
    lib = library()
    result = ctypes.c_void_p()
    error = ctypes.c_void_p()
    status = getattr(lib, function)(
        handle,
        text, len(text),
        title, 0 if title is None else len(title),
        number,
        ctypes.byref(result), ctypes.byref(error),
    )
    _raise_for(lib, status, error)
    json_text = _take_string(lib, result)
    if json_text is None:
        raise DocSiftError(f"{function} returned no result")
    return json_text


def version() -> str:
    """The library's version string (docsift_version)."""
    return library().docsift_version().decode("utf-8")


def _path_bytes(path: str | os.PathLike[str] | None) -> bytes | None:
    if path is None:
        return None
    return os.fsencode(path)
