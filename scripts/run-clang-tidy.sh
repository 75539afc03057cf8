#!/usr/bin/env bash
# clang-tidy (.clang-tidy) over every source of src/ (the generated catalog data excepted), from the
# compile commands of a build tree (default build/; scripts/build.sh makes it). Prints the findings
# and a count per stage and check; exits 1 when there is any.
#   scripts/run-clang-tidy.sh [-p BUILD_DIR] [-j JOBS] [STAGE...]    # e.g. load resolve
set -euo pipefail
cd "$(dirname "$0")/.."
build=build
jobs="$(nproc)"
while [ $# -gt 0 ]; do
  case "$1" in
    -p) build="$2"; shift 2 ;;
    -j) jobs="$2"; shift 2 ;;
    *) break ;;
  esac
done
[ -f "$build/compile_commands.json" ] || { echo "run-clang-tidy: no $build/compile_commands.json (scripts/build.sh)" >&2; exit 2; }
stages=("$@")
[ ${#stages[@]} -gt 0 ] || stages=(common catalog input load resolve evaluate config gate report cli)
files=()
for stage in "${stages[@]}"; do
  while IFS= read -r f; do files+=("$PWD/$f"); done < <(find "src/$stage" -name '*.cpp' ! -name catalog_data.cpp | sort)
done
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
started=$SECONDS
# run-clang-tidy takes file patterns: each path, anchored, so that only these files are analysed.
patterns=()
for f in "${files[@]}"; do patterns+=("^${f//./\\.}\$"); done
run-clang-tidy -p "$build" -j "$jobs" -quiet "${patterns[@]}" >"$out" 2>&1 || true
# Each finding once (a header's findings come from every file that includes it).
findings="$(sed 's/\x1b\[[0-9;]*m//g' "$out" | grep -E '^/.*: (warning|error): ' | sed "s|^$PWD/||" | sort -u || true)"
if [ -n "$findings" ]; then
  echo "$findings"
  echo
  echo "run-clang-tidy: findings per stage and check:"
  echo "$findings" | sed -E 's|^src/([a-z]+)/.*\[([A-Za-z0-9.,-]+)\]$|\1 \2|; s|^include/.*\[([A-Za-z0-9.,-]+)\]$|common \1|' |
    sort | uniq -c | sort -k2,2 -k1,1nr
fi
count=$(printf '%s' "$findings" | grep -c . || true)
echo "run-clang-tidy: ${#files[@]} files, $count findings, $((SECONDS - started)) s with $jobs jobs"
[ "$count" -eq 0 ]
