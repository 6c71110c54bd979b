"""Bad input gives a typed Python exception carrying the C library's message; the library
never crashes, including on NULL pointers passed straight through ctypes."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys

import pytest

import docsift
from docsift import _native


@pytest.mark.parametrize("text", ["", "   \n\t ", "\u3000\n"])
def test_empty_documents_are_rejected(model, text):
    with pytest.raises(docsift.EmptyDocumentError, match="empty document") as caught:
        model.label(text)
    assert caught.value.status == 3
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("text", [b"\xff\xfe\xfd", "安全生产".encode("utf-8")[:-1], b"ok \xc0\xaf", "\ud800 lone"])
def test_invalid_utf8_is_a_typed_error(model, text):
    with pytest.raises(docsift.InvalidUTF8Error, match="text is not valid UTF-8"):
        model.label(text)


def test_invalid_utf8_title_names_the_title(model):
    with pytest.raises(docsift.InvalidUTF8Error, match="^title is not valid UTF-8"):
        model.label("村里的党员带头发展产业", title=b"\xe4\xb8")


def test_nul_characters_inside_the_text_are_text(model):
    record = model.label("乡村振兴\x00产业发展\x00农民增收")
    assert record["label"] in {"rural_revitalization", "other"}


def test_utf8_bytes_and_str_give_the_same_record(model, seed_articles):
    text = seed_articles[0]["text"]
    assert model.label(text.encode("utf-8")) == model.label(text)


def test_wrong_argument_types(model):
    with pytest.raises(TypeError):
        model.label(42)
    with pytest.raises(TypeError):
        model.summarize("正文。", max_chars="60")
    with pytest.raises(ValueError, match="no \"text\""):
        list(model.label_many([{"id": "x"}]))


@pytest.mark.parametrize("budget", [0, -5, 1_000_001, 2**40])
def test_summary_budget_must_be_positive(model, budget):
    with pytest.raises(docsift.InvalidArgumentError, match="max_chars"):
        model.summarize("今天召开安全生产会议。会议强调排查隐患。", max_chars=budget)


def test_missing_model_file_names_the_file(tmp_path):
    missing = tmp_path / "nothing.dsmodel"
    with pytest.raises(docsift.ModelError, match=str(missing)) as caught:
        docsift.Model(missing)
    assert caught.value.status == 5


def test_corrupt_model_and_idf_files_are_errors(tmp_path):
    corrupt = tmp_path / "corrupt.dsmodel"
    corrupt.write_bytes(b"DSMODEL" + bytes(range(256)) * 4)
    with pytest.raises(docsift.ModelError, match="corrupt.dsmodel"):
        docsift.Model(corrupt)
    with pytest.raises(docsift.ModelError):
        docsift.Model(None, corrupt)


def test_closed_model_raises_and_close_is_idempotent():
    opened = docsift.Model()
    opened.close()
    opened.close()
    assert opened.closed
    with pytest.raises(docsift.ModelClosedError):
        opened.label("乡村振兴")


def test_null_pointers_and_bad_arguments_at_the_c_boundary():
    """Calls the C functions directly with what ctypes lets a careless caller pass."""
    lib = _native.library()
    handle = _native.open_model(None, None)
    try:
        result, error = ctypes.c_void_p(), ctypes.c_void_p()

        def status(model, text, length, title=None, title_length=0, outputs=True):
            result.value = error.value = None
            code = lib.docsift_label(model, text, length, title, title_length, 0,
                                     ctypes.byref(result) if outputs else None,
                                     ctypes.byref(error))
            message = _native._take_string(lib, error)
            _native._take_string(lib, result)
            return code, message

        assert status(None, b"text", 4) == (1, "model is NULL: pass a valid pointer")
        assert status(handle, None, 5) == (1, "text is NULL: pass a valid pointer")
        assert status(handle, b"x", 1, None, 7)[0] == 0  # NULL title: no title, whatever the length
        assert status(handle, b"\xff", 1)[0] == 2
        assert status(handle, b"text", 4, outputs=False) == (1, "out_json is NULL: pass a valid pointer")
        code = lib.docsift_open(b"/no/such.dsmodel", None, None, None)  # no outputs at all
        assert code == 1
        code = lib.docsift_open(b"\xff.dsmodel", None, ctypes.byref(ctypes.c_void_p()), ctypes.byref(error))
        assert code == 2 and "model_path is not valid UTF-8" in _native._take_string(lib, error)
        lib.docsift_close(None)
        lib.docsift_free(None)
    finally:
        _native.close_model(handle)


def test_library_not_found_is_reported_with_what_to_do(tmp_path):
    code = "import docsift\ntry:\n    docsift.Model()\nexcept docsift.LibraryNotFoundError as e:\n    print(e)\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "DOCSIFT_LIBRARY": str(tmp_path / "libmissing.so")}, check=True)
    assert "DOCSIFT_LIBRARY=" in done.stdout and "no such file" in done.stdout


def test_default_model_is_built_in_and_overrides_are_checked(tmp_path):
    """From an empty folder with no model file anywhere near: the built-in model loads; a
    DOCSIFT_MODEL naming a missing file is a ModelError that names the variable."""
    code = ("import docsift\nprint(docsift.Model().label('县应急管理局开展安全生产大检查，排查企业事故隐患。')['label'])\n"
            "import os\nos.environ['DOCSIFT_MODEL'] = 'missing.dsmodel'\n"
            "try:\n    docsift.Model()\nexcept docsift.ModelError as e:\n    print(e)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True)
    label, message = done.stdout.splitlines()
    assert label == "safety_production"
    assert "DOCSIFT_MODEL=missing.dsmodel" in message
