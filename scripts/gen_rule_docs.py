#!/usr/bin/env python3
"""Generates docs/rules/<ID>.md (one page per rule) and docs/rules/README.md (the index) from the
rule files in rules/, so the documentation never drifts from what kafkalint runs.

Usage: scripts/gen_rule_docs.py [--check]
  --check  exit 1 when a page is missing or out of date (run by the test suite)
"""
import argparse
import glob
import os
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "docs", "rules")


def load_rules():
    rules = []
    for path in sorted(glob.glob(os.path.join(ROOT, "rules", "**", "*.yaml"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            for doc in yaml.safe_load_all(f):
                if not doc:
                    continue
                for rule in doc.get("rules", [doc]):
                    rule["_file"] = os.path.relpath(path, ROOT)
                    rules.append(rule)
    return sorted(rules, key=lambda r: r["id"])


def scope_text(rule):
    scope = rule["scope"]
    return ", ".join(scope) if isinstance(scope, list) else scope


def page(rule):
    lines = ["# %s %s" % (rule["id"], rule["name"]), ""]
    lines.append("%s" % rule["summary"].rstrip("."))
    lines.append("")
    lines.append("| | |")
    lines.append("|---|---|")
    lines.append("| Severity | %s |" % rule["severity"])
    lines.append("| Applies to | %s |" % scope_text(rule))
    if rule.get("tags"):
        lines.append("| Tags | %s |" % ", ".join(rule["tags"]))
    if rule.get("suppressible") is False:
        lines.append("| Suppressible | no: it reports checks that could not be made, so it cannot be turned off, "
                     "downgraded, suppressed or baselined ([docs/configuration.md](../configuration.md)) |")
    lines.append("| Defined in | `%s` |" % rule["_file"])
    lines += ["", "## Why it matters", "", rule["rationale"].strip(), "", "## How to fix", "",
              rule["remediation"].strip(), ""]
    template = rule.get("template", "expression")
    if template == "expression":
        lines += ["## Condition", "", "Keys: " + (", ".join("`%s`" % k for k in rule.get("keys", [])) or "none"), ""]
        if rule.get("when"):
            lines += ["Applies when:", "", "```", rule["when"].strip(), "```", ""]
        lines += ["Must hold:", "", "```", rule["require"].strip(), "```", ""]
        lines += ["Message:", "", "```", " ".join(rule["message"].split()), "```", ""]
    else:
        lines += ["## Check", "", "Implemented in code (template `%s`), in `src/evaluate/checks/`." % template, ""]
    params = rule.get("params") or {}
    if params:
        lines += ["## Parameters", "", "| name | default | meaning |", "|---|---|---|"]
        for name, value in params.items():
            if isinstance(value, dict):
                lines.append("| `%s` | `%s` | %s |" % (name, value.get("default"), value.get("description", "")))
            else:
                lines.append("| `%s` | `%s` | |" % (name, value))
        lines.append("")
    refs = rule.get("references") or []
    if refs:
        lines += ["## References", ""] + ["- %s" % r for r in refs] + [""]
    lines.append("*Generated from `%s` by `scripts/gen_rule_docs.py`.*" % rule["_file"])
    return "\n".join(lines) + "\n"


def index(rules):
    lines = ["# kafkalint rules", "",
             "Every rule kafkalint runs, generated from `rules/` by `scripts/gen_rule_docs.py`. "
             "`kafkalint explain <ID>` prints the same text.", "",
             "| id | name | severity | applies to | summary |", "|---|---|---|---|---|"]
    for r in rules:
        lines.append("| [%s](%s.md) | %s | %s | %s | %s |" % (r["id"], r["id"], r["name"], r["severity"],
                                                             scope_text(r), r["summary"]))
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    rules = load_rules()
    wanted = {"README.md": index(rules)}
    for r in rules:
        wanted[r["id"] + ".md"] = page(r)
    stale = []
    for name, text in wanted.items():
        path = os.path.join(OUT, name)
        current = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if current != text:
            stale.append(name)
            if not args.check:
                os.makedirs(OUT, exist_ok=True)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
    extra = [n for n in os.listdir(OUT) if n.endswith(".md") and n not in wanted] if os.path.isdir(OUT) else []
    if args.check and (stale or extra):
        print("gen_rule_docs: out of date: %s; run scripts/gen_rule_docs.py" % ", ".join(stale + extra),
              file=sys.stderr)
        return 1
    if not args.check:
        for n in extra:
            os.remove(os.path.join(OUT, n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
