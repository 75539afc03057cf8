#!/usr/bin/env python3
"""Check tests/corpus/real against PROVENANCE.tsv (Python 3 standard library only).

Every file listed must exist with the recorded sha256 and line count (number of newline bytes),
every row must name a 40-hex commit and a set of dev or heldout, and every file under this
directory (other than the provenance, baseline and this script) must be listed.
Exit status 0 when everything matches, 1 otherwise.
"""
import csv
import hashlib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OWN = {"PROVENANCE.tsv", "PROVENANCE.md", "BASELINE-0.1.0.md", "baseline-0.1.0.tsv", "verify_provenance.py"}
COLUMNS = ["file", "repo", "path", "commit", "license", "sha256", "lines", "contents", "auditor_should_report", "set"]


def main() -> int:
    errors = []
    with open(os.path.join(HERE, "PROVENANCE.tsv"), newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if header != COLUMNS:
            errors.append(f"PROVENANCE.tsv header is {header}, expected {COLUMNS}")
        rows = [dict(zip(header, r)) for r in reader if r]
    listed = set()
    for n, row in enumerate(rows, start=2):
        name = row.get("file", "")
        if len(row) != len(COLUMNS) or any(row.get(c) in (None, "") for c in COLUMNS):
            errors.append(f"line {n}: {name or '?'}: missing or extra columns")
            continue
        if name in listed:
            errors.append(f"line {n}: {name} listed twice")
        listed.add(name)
        if not re.fullmatch(r"[0-9a-f]{40}", row["commit"]):
            errors.append(f"line {n}: {name}: commit {row['commit']!r} is not 40 hex digits")
        if row["set"] not in ("dev", "heldout"):
            errors.append(f"line {n}: {name}: set {row['set']!r} is neither dev nor heldout")
        path = os.path.join(HERE, name)
        if not os.path.isfile(path):
            errors.append(f"line {n}: {name}: file missing")
            continue
        data = open(path, "rb").read()
        digest = hashlib.sha256(data).hexdigest()
        if digest != row["sha256"]:
            errors.append(f"{name}: sha256 {digest} does not match PROVENANCE.tsv {row['sha256']}")
        lines = data.count(b"\n")
        if str(lines) != row["lines"]:
            errors.append(f"{name}: {lines} lines, PROVENANCE.tsv says {row['lines']}")
    for dirpath, dirnames, filenames in os.walk(HERE):
        dirnames[:] = [d for d in dirnames if d != "__pycache__"]
        for fn in filenames:
            rel = os.path.relpath(os.path.join(dirpath, fn), HERE).replace(os.sep, "/")
            if rel in OWN:
                continue
            if rel not in listed:
                errors.append(f"{rel}: not listed in PROVENANCE.tsv")
    for e in errors:
        print("verify_provenance: " + e, file=sys.stderr)
    print(f"verify_provenance: {len(rows)} files listed, {len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
