#!/usr/bin/env bash
# Regenerate every NN-*.expected.json in this directory by running the Java
# oracle (../properties_oracle/PropertiesOracle.java, i.e. java.util.Properties#load
# through a UTF-8 Reader) over the matching NN-*.properties file.
#
# Usage: tests/load/properties_cases/regenerate.sh
# Needs a JDK (java + javac) on PATH; the corpus was produced with Java 17.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
oracle_src="$here/../properties_oracle/PropertiesOracle.java"

java -version 2>&1 | head -n 1 >&2

classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
javac -encoding UTF-8 -d "$classes" "$oracle_src"

count=0
shopt -s nullglob
for input in "$here"/[0-9][0-9]-*.properties; do
    expected="${input%.properties}.expected.json"
    java -cp "$classes" PropertiesOracle "$input" "$expected"
    count=$((count + 1))
done

# Drop expectations whose input no longer exists.
for expected in "$here"/[0-9][0-9]-*.expected.json; do
    if [[ ! -e "${expected%.expected.json}.properties" ]]; then
        echo "removing stale $(basename "$expected")" >&2
        rm -f -- "$expected"
    fi
done

echo "regenerated $count expectation(s) in $here" >&2
