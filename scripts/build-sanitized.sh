#!/usr/bin/env bash
# Configures and builds the reliability tree build-asan/ (docs/reliability.md): clang, every target
# under AddressSanitizer + UndefinedBehaviorSanitizer, and the libFuzzer targets of tests/fuzz.
# Installs missing Debian packages first (scripts/setup.sh), like scripts/build.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DKAFKALINT_FUZZ=ON "$@" >/dev/null
cmake --build build-asan -j "$(nproc)"
