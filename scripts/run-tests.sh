#!/usr/bin/env bash
# README command 2: set up, build, and run the whole test suite (unit, end-to-end and corpus tests).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
