#!/usr/bin/python3
"""The offline comparison: a Python audit of a kafkalint cluster spec (docs/cluster-spec.md) with
PyYAML's C loader (Debian python3-yaml), checking the same topic invariants as kafkalint:
replication factor >= 3, min.insync.replicas >= 2, replication factor >= min.insync.replicas + 1,
unclean leader election off (a topic's own config, else the spec's broker_config).

    bench/compare/pyyaml_audit.py SPEC.yaml

Prints one JSON line: topics breaking each invariant, and the time spent parsing and checking;
exits 0 (the counts are the result).
"""
import json
import sys
import time

import yaml


def main():
    start = time.monotonic()
    with open(sys.argv[1], "rb") as f:
        spec = yaml.load(f, Loader=yaml.CLoader)
    parsed = time.monotonic()
    broker = (spec.get("cluster") or {}).get("broker_config") or {}
    default_rf = int(broker.get("default.replication.factor", 1))
    broker_min_isr = int(broker.get("min.insync.replicas", 1))
    broker_unclean = str(broker.get("unclean.leader.election.enable", False)).lower() == "true"
    bad = {"replication_factor_below_3": 0, "min_isr_below_2": 0, "replication_factor_below_min_isr_plus_1": 0,
           "unclean_leader_election": 0}
    topics = spec.get("topics") or []
    for t in topics:
        config = t.get("config") or {}
        rf = int(t.get("replication_factor", -1))
        rf = default_rf if rf < 0 else rf
        min_isr = int(config.get("min.insync.replicas", broker_min_isr))
        unclean = config.get("unclean.leader.election.enable", broker_unclean)
        bad["replication_factor_below_3"] += rf < 3
        bad["min_isr_below_2"] += min_isr < 2
        bad["replication_factor_below_min_isr_plus_1"] += rf < min_isr + 1
        bad["unclean_leader_election"] += str(unclean).lower() == "true"
    done = time.monotonic()
    print(json.dumps({"topics": len(topics), "violations": bad,
                      "seconds": {"parse": round(parsed - start, 3), "check": round(done - parsed, 3)}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
