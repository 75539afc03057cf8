#!/usr/bin/env bash
# README command: the benchmark suite (docs/benchmarks.md). Sets up and builds (scripts/build.sh),
# then runs every scenario (bench/run_bench.py --help lists the options: --sizes, --repeat, --smoke).
# With --build-dir DIR it uses that build as it is (the bench-smoke test does so).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ " $* " != *" --build-dir "* ]]; then
  scripts/build.sh
fi
exec /usr/bin/python3 bench/run_bench.py "$@"
