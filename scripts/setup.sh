#!/usr/bin/env bash
# Installs the system packages DocSift needs on a fresh Debian machine (run as root).
# Idempotent: packages already present are left as they are.
#   libopenblas-dev  fast BLAS/LAPACK provider (switches libblas.so.3/liblapack.so.3 to OpenBLAS)
#   libblas-dev      reference BLAS headers and libblas.so link name (the specified baseline)
#   liblapack-dev    reference LAPACK and liblapack.so link name
set -euo pipefail
packages=(libopenblas-dev libblas-dev liblapack-dev)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: system packages already installed: ${packages[*]}" >&2
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "setup: need root to install: ${missing[*]}" >&2
    exit 1
fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
