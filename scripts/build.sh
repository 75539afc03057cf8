#!/usr/bin/env bash
# Installs missing Debian packages (scripts/setup.sh), then configures and builds into build/.
#   scripts/build.sh [--target TARGET]... [CMAKE_ARGUMENT]...
# Every target by default; with --target only those (and what they need), e.g. --target kafkalint.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=()
while [ $# -ge 2 ] && [ "$1" = --target ]; do
  targets+=(--target "$2")
  shift 2
done
scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build build -j "$(nproc)" "${targets[@]}"
