#!/usr/bin/env python3
"""Audits every file of the shared corpus on its own and prints, per file, the rules reported
(and input errors), for the notes on issues. Usage: scripts/corpus_report.py [--kafkalint BIN]
[--shared DIR] [--kafka-version V]"""
import argparse
import collections
import json
import os
import subprocess

ap = argparse.ArgumentParser()
ap.add_argument("--kafkalint", default="build/kafkalint")
ap.add_argument("--shared", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))
ap.add_argument("--kafka-version", default="3.8")
args = ap.parse_args()

corpus = os.path.join(args.shared, "corpus")
print("| file | exit | rules reported |\n|---|---|---|")
for kind in sorted(os.listdir(corpus)):
    d = os.path.join(corpus, kind)
    if not os.path.isdir(d):
        continue
    for name in sorted(os.listdir(d)):
        p = subprocess.run([args.kafkalint, "check", "--format", "json", "--kafka-version", args.kafka_version,
                            os.path.join(d, name)], capture_output=True, text=True)
        try:
            doc = json.loads(p.stdout)
        except json.JSONDecodeError:
            print("| %s/%s | %d | (no report) %s |" % (kind, name, p.returncode, p.stderr.strip()[:80]))
            continue
        counts = collections.Counter(f["ruleId"] for f in doc["findings"])
        rules = ", ".join("%s%s" % (r, "×%d" % n if n > 1 else "") for r, n in sorted(counts.items()))
        errors = doc.get("inputErrors") or []
        if errors:
            rules += " (input error: %s)" % errors[0].get("message", "")[:60]
        print("| %s/%s | %d | %s |" % (kind, name, p.returncode, rules or "—"))
