#!/usr/bin/env python3
"""Prints the README's rule table from rules/ (paste it under "## Rules")."""
import glob
import os

import yaml

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
rows = []
for path in glob.glob(os.path.join(root, "rules", "*", "*.yaml")):
    with open(path) as f:
        r = yaml.safe_load(f)
    rows.append((r["id"], r["severity"], r["name"], r["summary"]))
print("| id | severity | name | summary |\n|---|---|---|---|")
for row in sorted(rows):
    print("| %s | %s | %s | %s |" % row)
