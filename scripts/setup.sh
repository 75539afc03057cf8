#!/usr/bin/env bash
# Installs the Debian 12 packages kafkalint needs to build and test, when they are missing.
# Idempotent: when everything is present it only checks and returns.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config
  # libraries (all from Debian, nothing vendored)
  libyaml-cpp-dev libtomlplusplus-dev libcli11-dev doctest-dev nlohmann-json3-dev libre2-dev
  # tests: JSON Schema validation of reports, catalog generator check
  python3 python3-jsonschema python3-yaml
  # tests: the test broker's cross-checks with clients nobody here wrote (tests/broker/README.md)
  librdkafka-dev kcat python3-kafka python3-confluent-kafka
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing missing Debian packages: ${missing[*]}" >&2
sudo_cmd=()
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
