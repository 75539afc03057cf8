#!/usr/bin/env python3
"""Generates src/catalog/catalog_data.cpp from the reference catalog.

Inputs (read only here, never by the product at run time):
  <shared>/kafka/config-catalog/catalog.json        Kafka keys per release 2.0-4.1
  <shared>/kafka/config-catalog/librdkafka-2.0.2.tsv librdkafka 2.0.2 properties
  scripts/catalog/legacy-facts.tsv                   pre-2.0 and patch-level facts (from facts.md)
  scripts/catalog/scala-clients.tsv                  Kafka 0.8 Scala client keys

Usage: scripts/gen_catalog.py [--shared DIR] [--output FILE] [--check]
  --check  exit 1 if FILE differs from what would be generated (used by the test suite)
"""
import argparse
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

SCOPES = ["broker", "topic", "producer", "consumer", "admin", "connect", "streams"]
SCOPE_ENUM = {s: "Scope::" + s.capitalize() for s in SCOPES}
TYPE_ENUM = {
    "boolean": "Type::Boolean", "string": "Type::String", "int": "Type::Int", "short": "Type::Short",
    "long": "Type::Long", "double": "Type::Double", "list": "Type::List", "class": "Type::Class",
    "password": "Type::Password",
}
MODE_ENUM = {None: "UpdateMode::None", "read-only": "UpdateMode::ReadOnly",
             "per-broker": "UpdateMode::PerBroker", "cluster-wide": "UpdateMode::ClusterWide"}


def cstr(s):
    """A C++ string_view literal."""
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20 or ord(ch) > 0x7e:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"sv'


def pack_version(v):
    parts = [int(p) for p in v.split(".")]
    parts += [0] * (4 - len(parts))
    return (parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]


def default_of(raw):
    """Catalog default conventions: "" = required, '""' = empty string, "null" = null."""
    if raw == "":
        return "DefaultKind::Required", ""
    if raw == '""':
        return "DefaultKind::EmptyString", ""
    if raw == "null":
        return "DefaultKind::Null", ""
    return "DefaultKind::Value", raw


NUM = r"-?\d+(?:\.\d+)?"


def parse_valid(valid):
    """Turns the catalog's "Valid Values" text into (kind, hasMin, hasMax, min, max, enum, also)."""
    v = valid.strip()
    none = ("ValidKind::Any", False, False, 0, 0, "", "")
    if not v:
        return none
    m = re.fullmatch(r"\[(%s),\.\.\.(?:,(%s))?\](?: or (-1))?" % (NUM, NUM), v)
    if m:
        return ("ValidKind::Range", True, m.group(2) is not None, float(m.group(1)),
                float(m.group(2)) if m.group(2) else 0, "", m.group(3) or "")
    m = re.fullmatch(r"Positive number.*", v)
    if m:
        also = "-1" if "-1" in v else ""
        return ("ValidKind::Range", True, False, 1, 0, "", also)
    if v in ("non-empty string", "non-empty list"):
        return ("ValidKind::NonEmpty", False, False, 0, 0, "", "")
    ci = v.startswith("(case insensitive) ")
    body = v[len("(case insensitive) "):] if ci else v
    m = re.fullmatch(r"\[([^\[\]]*)\]", body)
    if m:
        items = [x.strip() for x in m.group(1).split(",")]
        # Version lists (inter.broker.protocol.version...) are validated loosely by Kafka itself.
        if any("-IV" in x or re.fullmatch(r"\d+\.\d+(\.\d+)?", x) for x in items):
            return none
        items = [re.sub(r":.*$", ":*", x) for x in items]  # by_duration:PnD... -> prefix match
        if not all(re.fullmatch(r"[A-Za-z0-9_.:*-]+", x) for x in items):
            return none
        return ("ValidKind::EnumCaseInsensitive" if ci else "ValidKind::Enum", False, False, 0, 0,
                "|".join(items), "")
    return none


def version_mask(ranges, versions):
    """["2.0-2.8", "3.0"] -> bitmask over versions."""
    mask = 0
    for r in ranges:
        lo, _, hi = r.partition("-")
        hi = hi or lo
        i, j = versions.index(lo), versions.index(hi)
        for k in range(i, j + 1):
            mask |= 1 << k
    return mask


def fmt_num(x):
    if x == int(x):
        return "%d.0" % int(x)
    return repr(x)


def read_tsv(path):
    with open(path, newline="", encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def generate(shared):
    cat_path = os.path.join(shared, "kafka", "config-catalog", "catalog.json")
    rk_path = os.path.join(shared, "kafka", "config-catalog", "librdkafka-2.0.2.tsv")
    with open(cat_path, encoding="utf-8") as f:
        cat = json.load(f)
    versions = cat["meta"]["versions"]
    assert len(versions) <= 32

    configs = sorted(cat["configs"], key=lambda e: (SCOPES.index(e["kind"]), e["name"]))
    key_rows, hist_rows = [], []
    for e in configs:
        begin = len(hist_rows)
        server_default = ""
        for h in e["history"]:
            dk, dv = default_of(h["default"])
            kind, has_min, has_max, vmin, vmax, enum, also = parse_valid(h.get("valid", ""))
            if h.get("server_default"):
                server_default = h["server_default"]
            hist_rows.append("    {0x%xu, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s}," % (
                version_mask([h["in"]], versions), TYPE_ENUM[h["type"]], dk, cstr(dv), kind,
                "true" if has_min else "false", "true" if has_max else "false", fmt_num(vmin),
                fmt_num(vmax), cstr(enum), cstr(also), cstr(h.get("valid", "")), MODE_ENUM[h.get("mode")]))
        key_rows.append("    {%s, %s, 0x%xu, %d, %d, %s}," % (
            SCOPE_ENUM[e["kind"]], cstr(e["name"]), version_mask(e["present"], versions), begin,
            len(hist_rows) - begin, cstr(server_default)))

    legacy_rows = []
    for r in read_tsv(os.path.join(HERE, "catalog", "legacy-facts.tsv")):
        dk, dv = default_of(r["default"] if r["state"] == "present" else "null")
        legacy_rows.append("    {%s, %s, 0x%08xu, 0x%08xu, %s, %s, %s, %s}," % (
            SCOPE_ENUM[r["scope"]], cstr(r["key"]), pack_version(r["from"]), pack_version(r["to"]),
            "true" if r["state"] == "present" else "false", dk, cstr(dv), cstr(r["source"])))

    rk_rows = []
    rk = read_tsv(rk_path)
    rk.sort(key=lambda r: (r["property"], r["scope"]))
    for r in rk:
        rk_rows.append("    {%s, %s, %s, %s, %s, %s, %s, %s, %s}," % (
            cstr(r["property"]), "true" if r["scope"] == "topic" else "false",
            "true" if r["applies_to"] in ("producer", "both") else "false",
            "true" if r["applies_to"] in ("consumer", "both") else "false",
            cstr(r["type"]), cstr(r["default"]), cstr(r["range_or_values"]), cstr(r["alias_of"]),
            "true" if r["deprecated"] == "yes" else "false"))

    scala_rows = []
    for r in read_tsv(os.path.join(HERE, "catalog", "scala-clients.tsv")):
        dk, dv = default_of(r["default"])
        scala_rows.append("    {%s, %s, %s, %s, %s}," % (
            "true" if r["role"] == "producer" else "false", cstr(r["key"]), dk, cstr(dv),
            cstr(r["java_equivalent"])))

    # The last release each kind's tables cover: beyond it the catalog knows nothing (connect and
    # admin tables stop at 3.9, streams at 4.0), so later releases use that last table.
    covered = cat["meta"]["kinds"]
    last_covered = [versions.index(covered[k]["versions_covered"][-1]) for k in SCOPES]

    commits = sorted({s["commit"] for s in cat["meta"]["sources"]})
    source_desc = ("Apache Kafka configuration tables %s-%s from apache/kafka-site (commits %s); "
                   "librdkafka %s properties from confluentinc/librdkafka CONFIGURATION.md (v2.0.2); "
                   "pre-2.0 facts from kafkalint's facts table" % (
                       versions[0], versions[-1], ", ".join(c[:12] for c in commits), "2.0.2"))

    out = []
    out.append("// GENERATED by scripts/gen_catalog.py -- do not edit by hand.")
    out.append("// Sources: ../shared/kafka/config-catalog/catalog.json (apache/kafka-site generated config")
    out.append("// tables), ../shared/kafka/config-catalog/librdkafka-2.0.2.tsv (librdkafka CONFIGURATION.md")
    out.append("// at v2.0.2), scripts/catalog/legacy-facts.tsv and scripts/catalog/scala-clients.tsv.")
    out.append("// clang-format off")
    out.append('#include "kafkalint/catalog_data.hpp"')
    out.append("")
    out.append("#include <array>")
    out.append("")
    out.append("namespace kafkalint::catalog_data {")
    out.append("namespace {")
    out.append("using namespace std::string_view_literals;")
    out.append("")
    out.append("constexpr std::array<std::string_view, %d> versions = {%s};" % (
        len(versions), ", ".join(cstr(v) for v in versions)))
    out.append("")
    out.append("constexpr std::array<std::uint8_t, %d> lastCovered = {%s};" % (
        len(last_covered), ", ".join(str(i) for i in last_covered)))
    out.append("")
    out.append("constexpr std::array<KeyHistory, %d> history = {{" % len(hist_rows))
    out.extend(hist_rows)
    out.append("}};")
    out.append("")
    out.append("constexpr std::array<KeyRecord, %d> keys = {{" % len(key_rows))
    out.extend(key_rows)
    out.append("}};")
    out.append("")
    out.append("constexpr std::array<LegacyFact, %d> legacy = {{" % len(legacy_rows))
    out.extend(legacy_rows)
    out.append("}};")
    out.append("")
    out.append("constexpr std::array<LibrdkafkaProperty, %d> librdkafka = {{" % len(rk_rows))
    out.extend(rk_rows)
    out.append("}};")
    out.append("")
    out.append("constexpr std::array<ScalaClientKey, %d> scala = {{" % len(scala_rows))
    out.extend(scala_rows)
    out.append("}};")
    out.append("}  // namespace")
    out.append("")
    out.append("const std::span<const std::string_view> kVersions{versions};")
    out.append("const std::span<const std::uint8_t> kLastCoveredVersion{lastCovered};")
    out.append("const std::span<const KeyRecord> kKeys{keys};")
    out.append("const std::span<const KeyHistory> kHistory{history};")
    out.append("const std::span<const LegacyFact> kLegacyFacts{legacy};")
    out.append("const std::span<const LibrdkafkaProperty> kLibrdkafka{librdkafka};")
    out.append("const std::span<const ScalaClientKey> kScalaClients{scala};")
    out.append("const std::string_view kSourceDescription = %s;" % cstr(source_desc))
    out.append("")
    out.append("}  // namespace kafkalint::catalog_data")
    return "\n".join(out) + "\n"


def find_shared():
    for cand in (os.environ.get("KAFKALINT_SHARED"), os.path.join(ROOT, "..", "shared"), "/work/shared"):
        if cand and os.path.isfile(os.path.join(cand, "kafka", "config-catalog", "catalog.json")):
            return cand
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=None)
    ap.add_argument("--output", default=os.path.join(ROOT, "src", "catalog", "catalog_data.cpp"))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    shared = args.shared or find_shared()
    if not shared:
        print("gen_catalog: cannot find the shared reference pack (set KAFKALINT_SHARED)", file=sys.stderr)
        return 2
    text = generate(shared)
    if args.check:
        with open(args.output, encoding="utf-8") as f:
            current = f.read()
        if current != text:
            print("gen_catalog: %s is out of date; run scripts/gen_catalog.py" % args.output, file=sys.stderr)
            return 1
        return 0
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
