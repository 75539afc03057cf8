#!/usr/bin/env bash
# Installs the Debian 12 packages kafkalint needs to build and test, when they are missing, and
# the SARIF Multitool the tests validate SARIF reports with (npm, into tools/sarif/node_modules).
# Idempotent: when everything is present it only checks and returns.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  # build
  build-essential cmake ninja-build pkg-config
  # libraries (all from Debian, nothing vendored)
  libyaml-cpp-dev libtomlplusplus-dev libcli11-dev doctest-dev nlohmann-json3-dev libre2-dev
  # tests: JSON Schema validation of reports, catalog generator check
  python3 python3-jsonschema python3-yaml
  # tests: the test broker's cross-checks with clients nobody here wrote (tests/broker/README.md)
  librdkafka-dev kcat python3-kafka python3-confluent-kafka
  # tests: the SARIF Multitool is a self-contained .NET program; .NET reads ICU
  libicu72
  # benchmarks (scripts/run-bench.sh): Google Benchmark for bench/micro, GNU time for peak memory
  libbenchmark-dev time
  # tests: the sanitizer and fuzzing build (clang, its ASan/UBSan/libFuzzer runtimes)
  clang libclang-rt-dev
  # tests: code style and static analysis (the clang-format and clang-tidy tests)
  clang-format clang-tidy
  # tests: real Apache Kafka clusters (tests/realkafka/: Maven fetches Kafka, a JDK 17 runs it)
  maven openjdk-17-jdk-headless
)
# npm installs the Multitool (tools/sarif/package-lock.json); any npm will do (Node.js may come from
# elsewhere than Debian's nodejs package).
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

install_packages() {
  echo "setup: installing missing Debian packages: ${missing[*]}" >&2
  local sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
      sudo_cmd=(sudo)
    else
      echo "setup: need root (or sudo) to install: ${missing[*]}" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"; then
    # A fresh machine may have no package lists yet.
    "${sudo_cmd[@]}" apt-get update
    "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}

if [ ${#missing[@]} -gt 0 ]; then
  install_packages
fi

# Microsoft's SARIF Multitool, at the version package-lock.json pins: test-time only, never part
# of the product. Its postinstall script only makes the binary executable, so it is skipped and
# done here.
sarif_dir=tools/sarif
multitool=$sarif_dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
pinned=$(grep -o '"@microsoft/sarif-multitool-linux": "[^"]*"' "$sarif_dir/package.json" | cut -d'"' -f4)
if ! [ -x "$multitool" ] || ! grep -q "\"version\": \"$pinned\"" "$(dirname "$multitool")/package.json"; then
  echo "setup: installing the SARIF Multitool $pinned (npm ci in $sarif_dir)" >&2
  (cd "$sarif_dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  chmod u+x "$multitool"
fi
