#!/usr/bin/env bash
# README command 1: set up, build, and audit the bundled examples/ (a deliberately flawed config
# repository). kafkalint exits 1 there because the examples contain errors; that is the expected
# outcome, so this script exits 0 for it and passes any other exit code through.
set -uo pipefail
cd "$(dirname "$0")/.."
# Only the binary it runs, not the tests, fuzz targets and benchmarks.
scripts/build.sh --target kafkalint || exit $?
echo "\$ kafkalint check --kafka-version 3.7 examples/"
build/kafkalint check --kafka-version 3.7 examples/
rc=$?
if [ "$rc" -eq 1 ]; then
  echo "(exit code 1: findings at or above --fail-on error, as expected for the flawed examples)"
  exit 0
fi
exit "$rc"
