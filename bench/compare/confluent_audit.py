#!/usr/bin/python3
"""What platform teams write today: a Python audit of a live cluster with confluent-kafka's admin
client (Debian python3-confluent-kafka), fetching what kafkalint fetches (metadata, every broker's
and every topic's configs, topics in batches of 1,000 with 4 batches in flight) and checking the
core invariants per topic: replication factor >= 3, min.insync.replicas >= 2, replication factor
>= min.insync.replicas + 1, unclean leader election off, no partition under min ISR.

    bench/compare/confluent_audit.py --bootstrap HOST:PORT

Prints one JSON line: topics breaking each invariant, and the time spent fetching and checking;
exits 0 (the counts are the result).
(confluent-kafka 1.7 cannot ask for named configs: each topic's whole config set comes back.)
"""
import argparse
import json
import sys
import time

from confluent_kafka.admin import AdminClient, ConfigResource


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bootstrap", required=True)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--in-flight", type=int, default=4)
    a = ap.parse_args()
    start = time.monotonic()
    admin = AdminClient({"bootstrap.servers": a.bootstrap, "client.id": "python-audit"})
    md = admin.list_topics(timeout=120)

    broker_configs = {}
    # One broker per call (the admin API routes each to its broker), all at once.
    futures = [admin.describe_configs([ConfigResource("broker", str(b))], request_timeout=120) for b in md.brokers]
    for fs in futures:
        for res, f in fs.items():
            broker_configs[res.name] = f.result()

    names = sorted(md.topics)
    topic_configs = {}
    batches = [names[i:i + a.batch] for i in range(0, len(names), a.batch)]
    pending = []
    while batches or pending:
        while batches and len(pending) < a.in_flight:
            pending.append(admin.describe_configs([ConfigResource("topic", n) for n in batches.pop(0)],
                                                  request_timeout=120))
        for res, f in pending.pop(0).items():
            topic_configs[res.name] = f.result()
    fetched = time.monotonic()

    def value(configs, key, default):
        entry = configs.get(key)
        return default if entry is None or entry.value is None else entry.value

    broker_min_isr = int(value(next(iter(broker_configs.values()), {}), "min.insync.replicas", "1"))
    bad = {"replication_factor_below_3": [], "min_isr_below_2": [], "replication_factor_below_min_isr_plus_1": [],
           "unclean_leader_election": [], "under_min_isr_live": []}
    for name in names:
        topic = md.topics[name]
        configs = topic_configs.get(name, {})
        rf = min((len(p.replicas) for p in topic.partitions.values()), default=0)
        min_isr = int(value(configs, "min.insync.replicas", broker_min_isr))
        if rf < 3:
            bad["replication_factor_below_3"].append(name)
        if min_isr < 2:
            bad["min_isr_below_2"].append(name)
        if rf < min_isr + 1:
            bad["replication_factor_below_min_isr_plus_1"].append(name)
        if value(configs, "unclean.leader.election.enable", "false") == "true":
            bad["unclean_leader_election"].append(name)
        if any(p.leader >= 0 and len(p.isrs) < min_isr for p in topic.partitions.values()):
            bad["under_min_isr_live"].append(name)
    done = time.monotonic()
    partitions = sum(len(t.partitions) for t in md.topics.values())
    print(json.dumps({"brokers": len(md.brokers), "topics": len(names), "partitions": partitions,
                      "violations": {k: len(v) for k, v in bad.items()},
                      "seconds": {"fetch": round(fetched - start, 3), "check": round(done - fetched, 3)}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
