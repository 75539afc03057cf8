#!/usr/bin/env bash
# README command 2: set up, build, and run the whole test suite (unit, end-to-end, corpus, live and
# hostile-input tests); then the same suite again under AddressSanitizer + UndefinedBehaviorSanitizer
# with every fuzz target run for KAFKALINT_FUZZ_SECONDS (default 30) each (docs/reliability.md).
#
#   scripts/run-tests.sh                 # everything (CI)
#   KAFKALINT_SANITIZE=0 scripts/run-tests.sh   # the normal build only (and the Release build check,
#                                               # KAFKALINT_RELEASE_CHECK=0 to leave it out)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc)"
started=$SECONDS
phase() { echo "run-tests: $1 ($((SECONDS - started)) s so far)"; }

scripts/build.sh
phase "built build/"
ctest --test-dir build --output-on-failure -j "$jobs"
phase "tests passed in build/"

# -O3 raises warnings -O2 does not (GCC 12's -Wrestrict false positives), and every build type must
# build with warnings as errors: the binary in Release too (about 80 s on 2 cores).
if [ "${KAFKALINT_RELEASE_CHECK:-1}" != 0 ]; then
  cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DKAFKALINT_BUILD_TESTS=OFF \
    -DKAFKALINT_BUILD_BENCH=OFF >/dev/null
  cmake --build build-release -j "$jobs" --target kafkalint
  phase "built build-release/ (Release, warnings as errors)"
fi

if [ "${KAFKALINT_SANITIZE:-1}" != 0 ]; then
  scripts/build-sanitized.sh
  phase "built build-asan/ (ASan + UBSan, libFuzzer)"
  # The large-cluster tests measure a million partitions; under ASan they would only measure ASan.
  # The real-Kafka clusters (label realkafka, several minutes of JVMs) ran against build/ already.
  ctest --test-dir build-asan --output-on-failure -j "$jobs" -LE 'fuzz$|^realkafka$' -E '1m-partitions'
  phase "tests passed under ASan + UBSan"
  ctest --test-dir build-asan --output-on-failure -j "$jobs" -L '^fuzz$'
  /usr/bin/python3 tests/fuzz/run_fuzz.py --summary build-asan/fuzz-results
  phase "fuzz targets ran without a finding"
fi
