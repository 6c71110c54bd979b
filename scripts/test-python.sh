#!/usr/bin/env bash
# The Python and Spark tests: installs what they need (Debian: python3-venv, Java 17;
# PyPI: pytest, pyspark 4), builds the release CLI and `pip install ./python` (which builds
# libDocSiftC.so), then runs pytest on python/tests. Idempotent; run as root on a fresh
# Debian machine. The venv is $DOCSIFT_PYTHON_VENV (default .venv-python/, ignored by git).
# Extra arguments go to pytest (e.g. -k spark).
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${DOCSIFT_PYTHON_VENV:-.venv-python}"
scratch="${DOCSIFT_PYTHON_SCRATCH:-.build-python}"
export DOCSIFT_PYTHON_SCRATCH="$scratch"

bash scripts/setup.sh
need=()
python3 -c 'import ensurepip, venv' 2>/dev/null || need+=(python3-venv)
command -v java >/dev/null || need+=(openjdk-17-jre-headless)
command -v cc >/dev/null || need+=(gcc)
if [ ${#need[@]} -gt 0 ]; then
    echo "test-python: installing ${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [ -z "${JAVA_HOME:-}" ]; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    export JAVA_HOME
fi

[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check pytest 'pyspark>=4,<5'

# The CLI the tests compare with: the usual release build (.ci/run builds it too).
swift build -c release --product docsift >&2
DOCSIFT_CLI="$(swift build -c release --show-bin-path)/docsift"
export DOCSIFT_CLI
# The package as a user installs it (runs scripts/build-python.sh).
"$venv/bin/python" -m pip install -q --disable-pip-version-check ./python

export OPENBLAS_NUM_THREADS=1 SPARK_LOCAL_IP=127.0.0.1
unset DOCSIFT_LIBRARY
# From the repository root, so `import docsift` is the installed package, not python/docsift.
exec "$venv/bin/python" -m pytest -p no:cacheprovider -q python/tests "$@"
