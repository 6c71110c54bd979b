"""docsift.h compiles and links against the library: a C program labels a document."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import REPO
from docsift import _native

PROGRAM = r"""
#include <stdio.h>
#include <string.h>
#include "docsift.h"

int main(void) {
    if (docsift_abi_version() != DOCSIFT_ABI_VERSION) return 10;
    docsift_model *model = NULL;
    char *error = NULL;
    if (docsift_open(NULL, NULL, &model, &error) != DOCSIFT_OK) { fprintf(stderr, "%s\n", error); return 11; }
    const char *text = "县应急管理局开展安全生产大检查，排查企业事故隐患，督促落实整改。";
    char *json = NULL;
    docsift_status status = docsift_label(model, text, strlen(text), NULL, 0, 0, &json, &error);
    if (status != DOCSIFT_OK) { fprintf(stderr, "%s\n", error); return 12; }
    printf("%s\n%s\n", docsift_version(), json);
    docsift_free(json);
    status = docsift_label(model, "\xff", 1, NULL, 0, 0, &json, &error);
    printf("%d %s\n", (int)status, error);
    docsift_free(error);
    docsift_close(model);
    return status == DOCSIFT_ERROR_INVALID_UTF8 && json == NULL ? 0 : 13;
}
"""


def test_a_c_program_uses_the_header(tmp_path):
    compiler = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if compiler is None:
        pytest.skip("no C compiler on PATH")
    library = _native.library_path()
    source = tmp_path / "label.c"
    source.write_text(PROGRAM)
    program = tmp_path / "label"
    subprocess.run([compiler, "-std=c11", "-Wall", "-Werror", str(source), "-I", str(REPO / "Sources/CDocSift/include"),
                    str(library), f"-Wl,-rpath,{library.parent}", "-o", str(program)], check=True)
    done = subprocess.run([str(program)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    version, record, failure = done.stdout.splitlines()
    assert version.startswith("docsift-c ")
    assert record.startswith('{"label":"safety_production","confidence":0.')
    assert '"scores":{' in record
    assert failure == "2 text is not valid UTF-8: decode the document to UTF-8 first"
