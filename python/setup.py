"""Build hook: `pip install ./python` first runs ../scripts/build-python.sh, which builds
libDocSiftC.so with SwiftPM and copies it and the default model files into docsift/_lib/,
so the installed package works wherever it is imported.

Set DOCSIFT_SKIP_SWIFT_BUILD=1 to package whatever docsift/_lib/ already holds (e.g. files
built on another machine).
"""

import os
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

try:
    from setuptools.command.bdist_wheel import bdist_wheel
except ImportError:  # setuptools < 70.1
    from wheel.bdist_wheel import bdist_wheel

HERE = Path(__file__).resolve().parent
BUNDLE = HERE / "docsift" / "_lib"
BUILD_SCRIPT = HERE.parent / "scripts" / "build-python.sh"


class BuildWithLibrary(build_py):
    """Builds and bundles the shared library before collecting the package files."""

    def run(self):
        if os.environ.get("DOCSIFT_SKIP_SWIFT_BUILD") != "1":
            if not BUILD_SCRIPT.is_file():
                sys.exit(f"docsift: {BUILD_SCRIPT} not found: install from the repository folder "
                         "(pip install ./python) or set DOCSIFT_SKIP_SWIFT_BUILD=1 with docsift/_lib/ filled")
            subprocess.run(["bash", str(BUILD_SCRIPT)], check=True)
        if not (BUNDLE / "libDocSiftC.so").is_file():
            sys.exit(f"docsift: {BUNDLE}/libDocSiftC.so is missing: run scripts/build-python.sh")
        super().run()


class PlatformWheel(bdist_wheel):
    """The wheel holds a Linux shared library: tag it for the platform, any Python 3."""

    def finalize_options(self):
        super().finalize_options()
        self.root_is_pure = False

    def get_tag(self):
        _, _, platform = super().get_tag()
        return "py3", "none", platform


setup(cmdclass={"build_py": BuildWithLibrary, "bdist_wheel": PlatformWheel})
