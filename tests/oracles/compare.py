#!/usr/bin/env python3
"""Compares what kafkalint claims with what the real clients do, cell by cell.

    python3 tests/oracles/compare.py --values build/tests/oracles/kafkalint_oracle_values
    python3 tests/oracles/compare.py --values ... --refresh   # rebuild the tables first (network)
    python3 tests/oracles/compare.py --values ... --list      # print every disagreement, grouped

Offline by default: the clients' behaviour comes from the recorded tables (tables/*.tsv). Every
table row becomes a configuration file in kafkalint's input format for that client (a Java or
librdkafka .properties file, a Sarama YAML config, a Spring Boot application.properties), which
kafkalint_oracle_values loads, resolves and evaluates through the public API. Compared per row:

  * the outcome: the client refused the configuration (exception, Validate() error, rd_kafka_new()
    error) exactly when kafkalint reports a finding that says the client refuses it;
  * for accepted configurations, the effective value of every recorded key.

A difference is a failure unless it is listed in known_disagreements.py; a listed disagreement
that no longer occurs is a failure too (remove it: the list must shrink to zero).
"""
import argparse
import collections
import json
import re
import pathlib
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import known_disagreements  # noqa: E402
import matrix  # noqa: E402
import tables  # noqa: E402

OUTCOME = "<outcome>"

# ---------------------------------------------------------------- inputs for kafkalint

JAVA_BOILERPLATE = {
    "producer": ["bootstrap.servers=127.0.0.1:9",
                 "key.serializer=org.apache.kafka.common.serialization.ByteArraySerializer",
                 "value.serializer=org.apache.kafka.common.serialization.ByteArraySerializer"],
    "consumer": ["bootstrap.servers=127.0.0.1:9",
                 "key.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
                 "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"],
}


def sarama_yaml(role, settings):
    """A YAML sarama.Config: nested mappings from the dotted field paths."""
    tree = {"Producer" if role == "producer" else "Consumer": {}}
    for path, value in settings.items():
        node = tree
        parts = path.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value

    def emit(node, indent):
        lines = []
        for k, v in node.items():
            if isinstance(v, dict):
                lines += [f"{' ' * indent}{k}: {{}}"] if not v else [f"{' ' * indent}{k}:"] + emit(v, indent + 2)
            else:
                lines.append(f"{' ' * indent}{k}: {json.dumps(v) if k == 'ID' else v}")
        return lines

    return "\n".join(["ClientID: oracle"] + emit(tree, 0)) + "\n"


def kafkalint_version(family, release, versions):
    """The --kafka-version kafkalint is asked with for a table's release."""
    if family == "java":
        return release
    if family == "spring":
        # The kafka-clients release the Boot line manages, from the table header.
        what = versions[release]
        return what.split("kafka-clients-", 1)[1].split(",")[0].split(")")[0]
    return "4.1"  # the Sarama and librdkafka dialects do not depend on it


def case_for(family, row, versions, keys):
    settings = row.settings
    if family in ("java", "librdkafka"):
        dialect = "java" if family == "java" else "librdkafka"
        lines = (JAVA_BOILERPLATE[row.role] if family == "java" else ["bootstrap.servers=127.0.0.1:9"])
        lines = lines + [f"{k}={v}" for k, v in settings.items()]
        return {"name": f"{row.cell}.properties", "content": "\n".join(lines) + "\n",
                "kind": f"{row.role}:{dialect}", "keys": keys}
    if family == "sarama":
        return {"name": f"{row.cell}.yaml", "content": sarama_yaml(row.role, settings), "kind": "sarama",
                "keys": keys}
    lines = ["spring.kafka.bootstrap-servers=127.0.0.1:9"] + [f"{k}={v}" for k, v in settings.items()]
    return {"name": "application.properties", "content": "\n".join(lines) + "\n", "kind": "spring", "keys": keys}


def rule_keys(family, role):
    if family == "sarama":
        return [matrix.SARAMA_RULE_KEYS[f] for f in matrix.FAMILIES["sarama"]["keys"][role] if f in matrix.SARAMA_RULE_KEYS]
    return list(matrix.FAMILIES[family]["keys"][role])


# ---------------------------------------------------------------- normalisation

SARAMA_NAMES = {"WaitForLocal": "1", "WaitForAll": "all", "NoResponse": "0", "OffsetNewest": "latest",
                "OffsetOldest": "earliest", "ReadUncommitted": "read_uncommitted", "ReadCommitted": "read_committed"}
RDK_OFFSETS = {"smallest": "earliest", "beginning": "earliest", "earliest": "earliest", "largest": "latest",
               "end": "latest", "latest": "latest", "error": "none"}


def go_duration_ms(text):
    total, number, unit = 0.0, "", ""
    scale = {"h": 3600000, "m": 60000, "s": 1000, "ms": 1, "us": 0.001, "µs": 0.001, "ns": 0.000001}
    for ch in text + "#":
        if ch.isdigit() or ch == ".":
            if unit:
                total += float(number) * scale[unit]
                number, unit = "", ""
            number += ch
        elif ch == "#":
            if number:
                total += float(number) * scale[unit]
        else:
            unit += ch
    return str(int(total))


def client_value(family, key, text):
    """A client's recorded value in kafkalint's vocabulary (text)."""
    if key in ("group.id", "transactional.id") and family == "librdkafka":
        # rd_kafka_conf_get() answers RD_KAFKA_CONF_UNKNOWN for a string property that has no value
        # (2.0.2 and 2.16.0 alike), which the harness records as "n/a".
        return "null" if text in ("", "n/a") else text
    if text == "n/a":
        return "n/a"
    if text == "null":
        return "null"
    if family == "sarama":
        if text == "" and key == "transactional.id":
            return "null"  # Go's zero string: no transactional id
        if text in SARAMA_NAMES:
            return SARAMA_NAMES[text]
        if text and (text[-1] in "hms" or text.endswith("s")) and text[0].isdigit():
            return go_duration_ms(text)
        return text
    if key == "acks" and text == "-1":
        return "all"
    if family == "librdkafka" and key == "auto.offset.reset":
        return RDK_OFFSETS.get(text, text)
    return text


def kafkalint_value(entry):
    if not entry["exists"]:
        return "n/a"
    v = entry["value"]
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dict):
        return f"unknown({v.get('unknown', '')})"
    if isinstance(v, float) and v == int(v):
        return str(int(v))
    return str(v)


def same(key, client, ours):
    if key == "transactional.id":
        # Spring generates it from the prefix: compare set / not set. A release without transactions
        # (Sarama before v1.37: "n/a") has none set.
        return (client in ("null", "n/a")) == (ours in ("null", "n/a"))
    if key == "acks":
        return {"-1": "all"}.get(client, client) == {"-1": "all"}.get(ours, ours)
    return client == ours


# ---------------------------------------------------------------- comparison

Disagreement = collections.namedtuple("Disagreement", "family release role cell settings key client kafkalint detail")


# What a finding says when it claims that the client will not start with the configuration. KL9002
# (invalid-value) claims it by definition: its documented meaning is that the component refuses to
# start (a ConfigException, an rd_kafka_conf_set error).
REFUSAL_WORDS = re.compile(r"refuse|reject|rd_kafka_conf_set fails|fails to start|is never created")
REFUSAL_RULES = {"KL9002"}


def claims_refusal(result, role):
    """kafkalint's outcome for a cell: "refused" when a finding on the client says it refuses."""
    for f in result["findings"]:
        if f["entityKind"] != role:
            continue
        if f["rule"] in REFUSAL_RULES or REFUSAL_WORDS.search(f["message"]):
            return "refused", f["rule"]
    return "ok", ""


def compare_family(family, path, run_values, counts):
    header, rows = tables.read(path)
    versions = {}
    for line in header:
        if line.startswith("# release "):
            label, what = line[len("# release "):].split(": ", 1)
            versions[label] = what
    check_table(family, rows, versions)
    cases, index = [], {}
    for row in rows:
        keys = rule_keys(family, row.role)
        case = case_for(family, row, versions, keys)
        case["version"] = kafkalint_version(family, row.release, versions)
        signature = json.dumps(case, sort_keys=True)
        if signature not in index:
            index[signature] = len(cases)
            case["id"] = str(len(cases))
            cases.append(case)
        row.case = index[signature]
    results = run_values(cases)
    found = []
    for row in rows:
        result = results[row.case]
        entity = next((e for e in result["entities"] if e["kind"] == row.role), None)
        counts[(family, row.release)] += 1
        counts["cells"] += 1
        if result["errors"] or entity is None:
            found.append(Disagreement(family, row.release, row.role, row.cell, row.settings, OUTCOME, row.outcome,
                                      "input-error", "; ".join(result["errors"]) or "no entity"))
            continue
        ours, rule = claims_refusal(result, row.role)
        client_outcome = {"ok": "ok", "refused": "refused", "nofield": "nofield", "badvalue": "badvalue"}[row.outcome]
        if client_outcome == "nofield":
            # The release has no such field: kafkalint should not know it either.
            unknown = any(f["rule"] == "KL9001" and f["entityKind"] == row.role for f in result["findings"])
            if not unknown:
                found.append(Disagreement(family, row.release, row.role, row.cell, row.settings, OUTCOME, "nofield",
                                          "known-field", row.error))
            continue
        if client_outcome != ours:
            found.append(Disagreement(family, row.release, row.role, row.cell, row.settings, OUTCOME, client_outcome,
                                      ours, row.error or rule))
        if client_outcome != "ok":
            continue
        for field, text in row.values.items():
            key = field
            if family == "sarama":
                key = matrix.SARAMA_RULE_KEYS.get(field)
                if key is None or field == "Version":
                    continue
            elif key.startswith(("boot.", "container.")):
                continue
            if key not in entity["values"]:
                continue
            if family == "librdkafka" and key == "delivery.timeout.ms" and "transactional.id" in row.settings \
                    and "message.timeout.ms" not in row.settings:
                # librdkafka sets a transactional producer's message.timeout.ms per topic when the
                # topic handle is created; no API reads a topic handle's configuration back.
                continue
            counts["values"] += 1
            c = client_value(family, key, text)
            k = kafkalint_value(entity["values"][key])
            if not same(key, c, k):
                found.append(Disagreement(family, row.release, row.role, row.cell, row.settings, key, c, k,
                                          entity["values"][key]["detail"]))
    return found


def check_table(family, rows, versions):
    """The table must describe exactly the current matrix for every release it names."""
    expected = {(role, cid): s for role in ("producer", "consumer") for cid, s in matrix.cells(family, role)}
    releases = matrix.FAMILIES[family]["releases"]
    problems = []
    if sorted(versions) != sorted(releases):
        problems.append(f"releases {sorted(versions)} != matrix {sorted(releases)}")
    seen = collections.defaultdict(set)
    for row in rows:
        want = expected.get((row.role, row.cell))
        if want is None or want != row.settings:
            problems.append(f"{row.release} {row.role} {row.cell}: not the matrix's cell")
        seen[row.release].add((row.role, row.cell))
    for release in releases:
        missing = set(expected) - seen[release]
        if missing:
            problems.append(f"{release}: {len(missing)} cells missing")
    if problems:
        raise SystemExit(f"tables/{family}.tsv does not match matrix.py ({'; '.join(problems[:5])}): "
                         f"run python3 tests/oracles/refresh.py --family {family}")


def make_runner(values_binary, workdir):
    def run(cases):
        inp = workdir / "cases.jsonl"
        out = workdir / "results.jsonl"
        inp.write_text("".join(json.dumps(c) + "\n" for c in cases))
        subprocess.run([values_binary, inp, out], check=True)
        results = [json.loads(line) for line in out.read_text().splitlines()]
        if len(results) != len(cases):
            raise SystemExit(f"kafkalint_oracle_values answered {len(results)} of {len(cases)} cases")
        return {int(r["id"]): r for r in results}
    return run


def matches(entry, d):
    keys = entry.key if isinstance(entry.key, tuple) else (entry.key,)
    if entry.family != d.family or entry.role != d.role or d.key not in keys:
        return False
    if entry.releases != "*" and d.release not in entry.releases:
        return False
    if entry.client != "*" and entry.client != d.client:
        return False
    if entry.kafkalint != "*" and entry.kafkalint != d.kafkalint:
        return False
    for k, want in entry.where.items():
        have = d.settings.get(k)
        options = want if isinstance(want, (tuple, list, set, frozenset)) else (want,)
        if have not in options:
            return False
    return True


def describe(d):
    s = " ".join(f"{k}={v}" for k, v in d.settings.items()) or "(defaults)"
    return f"{d.family} {d.release} {d.role} {d.cell} [{s}] {d.key}: client={d.client} kafkalint={d.kafkalint}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--values", required=True, help="the kafkalint_oracle_values binary")
    ap.add_argument("--refresh", action="store_true", help="rebuild the tables from the real clients first")
    ap.add_argument("--family", action="append", choices=sorted(matrix.FAMILIES))
    ap.add_argument("--list", action="store_true", help="print every disagreement")
    ap.add_argument("--tables", default=str(HERE / "tables"), help="the recorded tables (default: tables/)")
    args = ap.parse_args()
    families = args.family or list(matrix.FAMILIES)
    if args.refresh:
        cmd = [sys.executable, str(HERE / "refresh.py"), "--tables", args.tables] + sum(
            (["--family", f] for f in families), [])
        if subprocess.run(cmd).returncode != 0:
            print("oracles: the refresh failed (see above); the tables were not all rebuilt", file=sys.stderr)
            return 1
    start = time.monotonic()
    counts = collections.Counter()
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        runner = make_runner(args.values, pathlib.Path(tmp))
        for family in families:
            found += compare_family(family, pathlib.Path(args.tables) / f"{family}.tsv", runner, counts)
    entries = [e for e in known_disagreements.KNOWN if e.family in families]
    used = collections.Counter()
    unexplained = []
    for d in found:
        hit = [i for i, e in enumerate(entries) if matches(e, d)]
        if not hit:
            unexplained.append(d)
        for i in hit:
            used[i] += 1
    stale = [e for i, e in enumerate(entries) if used[i] == 0]
    for key, n in sorted((k, v) for k, v in counts.items() if isinstance(k, tuple)):
        print(f"oracles: {key[0]} {key[1]}: {n} cells compared")
    print(f"oracles: {counts['cells']} cells ({counts['values']} effective values), {len(found)} disagreements, "
          f"{len(found) - len(unexplained)} of them known ({len(entries)} entries) in {time.monotonic() - start:.1f} s")
    for i, e in enumerate(entries):
        print(f"  known {e.review:>4} {e.family}/{e.role} {e.key}: client {e.client} / kafkalint {e.kafkalint}: "
              f"{used[i]} cells ({e.function})")
    if args.list:
        for d in found:
            print("  " + describe(d) + f"  -- {d.detail}")
    failed = 0
    if unexplained:
        print(f"oracles: FAIL: {len(unexplained)} disagreements not in known_disagreements.py:")
        groups = collections.defaultdict(list)
        for d in unexplained:
            groups[(d.family, d.role, d.key, d.client, d.kafkalint)].append(d)
        for (family, role, key, client, ours), ds in sorted(groups.items()):
            releases = sorted({d.release for d in ds})
            print(f"  {family}/{role} {key}: client={client} kafkalint={ours} in {len(ds)} cells "
                  f"(releases {' '.join(releases)}), e.g. {describe(ds[0])} -- {ds[0].detail}")
        failed = 1
    if stale:
        print(f"oracles: FAIL: {len(stale)} known disagreements no longer occur (remove them):")
        for e in stale:
            print(f"  {e.review} {e.family}/{e.role} {e.key} releases={e.releases} where={e.where}")
        failed = 1
    # Cells whose every comparison agrees or is a known disagreement pass; stale entries count as failures.
    failing_cells = len({(d.family, d.release, d.role, d.cell) for d in unexplained})
    print(f"{counts['cells'] - failing_cells} passed, {failing_cells + len(stale)} failed")
    return failed


if __name__ == "__main__":
    sys.exit(main())
