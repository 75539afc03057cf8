#!/usr/bin/python3
"""Synthetic Kafka clusters for the benchmarks, in two forms that describe the same cluster:

- a fixture for the test broker (tests/broker/README.md), which serves it over the Kafka protocol,
- a kafkalint cluster spec (docs/cluster-spec.md), in YAML and in TOML,

plus a manifest (what was generated and which topics break which invariant, for cross-checks)
and, with --small-repo, a typical repository of ten configuration files.

The mix is realistic: most topics are healthy, a few per cent have each problem (replication
factor 2, min.insync.replicas=1, no margin between the two, unclean leader election, partitions
under-replicated, under min ISR or without a leader), brokers are spread over three racks, a fifth
of the topics carry overrides. Deterministic: the same arguments and --seed give the same files.

    bench/generate_cluster.py --topics 100000 --partitions 1000000 --out bench/data --name 1m
"""
import argparse
import json
import os
import random
import sys

# Topic classes: share of the topics, what they break. "live" classes look healthy in the spec
# (partition state exists only in a running cluster).
CLASSES = [
    # name,             share, replication factor, min.insync.replicas override, unclean override
    ("healthy",          0.70, 3, None, None),
    ("healthy-override", 0.16, 3, "2", "false"),
    ("rf2",              0.03, 2, None, None),
    ("min-isr-1",        0.03, 3, "1", None),
    ("no-margin",        0.02, 3, "3", None),
    ("unclean",          0.02, 3, None, "true"),
    ("under-replicated", 0.02, 3, None, None),   # live: partition 0 has one replica out of the ISR
    ("under-min-isr",    0.015, 3, None, None),  # live: partition 0 has only its leader in the ISR
    ("leaderless",       0.005, 3, None, None),  # live: partition 0 has no leader
]
DOMAINS = ["orders", "payments", "inventory", "clickstream", "audit", "billing", "shipping", "users", "search",
           "fraud", "ledger", "notifications"]
RACKS = ["rack-a", "rack-b", "rack-c"]
BROKER_MIN_ISR = 2
OFFSETS_PARTITIONS = 50

# What a broker's DescribeConfigs answers with, besides broker.rack (a realistic share of the
# ~250 entries a real broker returns; source STATIC_BROKER_CONFIG unless marked default).
BROKER_CONFIGS = {
    "min.insync.replicas": str(BROKER_MIN_ISR),
    "default.replication.factor": "3",
    "num.partitions": "6",
    "unclean.leader.election.enable": ("false", "DEFAULT_CONFIG"),
    "auto.create.topics.enable": "false",
    "offsets.topic.replication.factor": "3",
    "transaction.state.log.replication.factor": "3",
    "transaction.state.log.min.isr": "2",
    "log.retention.hours": ("168", "DEFAULT_CONFIG"),
    "log.segment.bytes": ("1073741824", "DEFAULT_CONFIG"),
    "log.cleanup.policy": ("delete", "DEFAULT_CONFIG"),
    "num.network.threads": "8",
    "num.io.threads": "16",
    "num.replica.fetchers": "4",
    "replica.lag.time.max.ms": ("30000", "DEFAULT_CONFIG"),
    "message.max.bytes": ("1048588", "DEFAULT_CONFIG"),
    "socket.send.buffer.bytes": ("102400", "DEFAULT_CONFIG"),
    "socket.receive.buffer.bytes": ("102400", "DEFAULT_CONFIG"),
    "log.dirs": "/var/lib/kafka/data",
    "zookeeper.connect": None,
    "process.roles": "broker",
    "controller.quorum.voters": None,
    "inter.broker.protocol.version": ("3.7-IV4", "DEFAULT_CONFIG"),
    "log.message.format.version": ("3.0-IV1", "DEFAULT_CONFIG"),
    "group.initial.rebalance.delay.ms": "3000",
    "compression.type": ("producer", "DEFAULT_CONFIG"),
}


def split(total, shares):
    """Integers proportional to `shares` that add up to `total` (largest remainders)."""
    raw = [total * s / sum(shares) for s in shares]
    out = [int(r) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - out[i], reverse=True)[:total - sum(out)]:
        out[i] += 1
    return out


def plan(topics, partitions, seed):
    """Topic sets: (class, partitions per topic, count, name pattern, first number, retention)."""
    if topics < 2 or partitions < topics + OFFSETS_PARTITIONS:
        sys.exit("generate_cluster: need at least 2 topics and partitions >= topics + %d" % OFFSETS_PARTITIONS)
    rng = random.Random(seed)
    n = topics - 1  # __consumer_offsets is one of the topics
    p = partitions - OFFSETS_PARTITIONS
    per_class = split(n, [c[1] for c in CLASSES])
    # Partitions per topic: half, once and twice the average, for 40 %, 40 % and 20 % of each class.
    avg = p / n
    sizes = [max(1, round(avg / 2)), max(1, round(avg)), max(1, round(2 * avg))]
    sets = []
    for cls, count in zip(CLASSES, per_class):
        for size, c in zip(sizes, split(count, [0.4, 0.4, 0.2])):
            if c:
                sets.append([cls, size, c])
    # Exact total: move whole partitions between topics of the largest healthy set's size.
    delta = p - sum(size * c for _, size, c in sets)
    healthy = max((s for s in sets if s[0][0] == "healthy"), key=lambda s: s[2])
    if delta:
        per, rest = divmod(delta, healthy[2])
        healthy[1] += per
        if rest:
            healthy[2] -= rest
            sets.append([healthy[0], healthy[1] + (1 if rest > 0 else -1), abs(rest)])
    if any(size < 1 for _, size, _ in sets):
        sys.exit("generate_cluster: too few partitions for that many topics")
    out, first = [], 0
    for k, (cls, size, count) in enumerate(sets):
        out.append({"class": cls, "partitions": size, "count": count, "first": first,
                    "pattern": "%s.events-{i}" % DOMAINS[k % len(DOMAINS)],
                    "retention": rng.choice([86400000, 259200000, 604800000, 1209600000, 2592000000])})
        first += count
    return out


def topic_names(s):
    prefix, suffix = s["pattern"].split("{i}")
    return [prefix + str(s["first"] + i) + suffix for i in range(s["count"])]


def brokers_for(partitions):
    # The cost of an audit is in topics and partitions; brokers stay few (a multiple of the three
    # racks), as in the clusters with tens of thousands of partitions per broker that KRaft allows.
    return 6 if partitions <= 10000 else 12 if partitions <= 100000 else 30


def fixture(name, sets, brokers):
    def config(value, source):
        return value if source is None else {"value": value, "source": source}

    broker_list = []
    for b in range(1, brokers + 1):
        configs = {"broker.rack": RACKS[(b - 1) % len(RACKS)], "broker.id": str(b)}
        for key, v in BROKER_CONFIGS.items():
            value, source = v if isinstance(v, tuple) else (v, None)
            configs[key] = config(value, source)
        broker_list.append({"id": b, "rack": RACKS[(b - 1) % len(RACKS)], "configs": configs})
    topics = [{"name": "__consumer_offsets", "internal": True,
               "configs": {"cleanup.policy": "compact", "min.insync.replicas": config(str(BROKER_MIN_ISR),
                                                                                      "STATIC_BROKER_CONFIG"),
                           "unclean.leader.election.enable": config("false", "DEFAULT_CONFIG")},
               "partitions": [{"replicas": [(p + k) % brokers + 1 for k in range(3)]}
                              for p in range(OFFSETS_PARTITIONS)]}]
    for s in sets:
        cls = s["class"]
        _, _, rf, min_isr, unclean = cls
        # What DescribeConfigs returns for a topic: overrides as topic configs, the rest inherited.
        configs = {
            "min.insync.replicas": config(min_isr, "DYNAMIC_TOPIC_CONFIG") if min_isr
            else config(str(BROKER_MIN_ISR), "STATIC_BROKER_CONFIG"),
            "unclean.leader.election.enable": config(unclean, "DYNAMIC_TOPIC_CONFIG") if unclean
            else config("false", "DEFAULT_CONFIG"),
            "retention.ms": config(str(s["retention"]), "DYNAMIC_TOPIC_CONFIG") if cls[0] == "healthy-override"
            else config("604800000", "DEFAULT_CONFIG"),
            "cleanup.policy": config("delete", "DEFAULT_CONFIG"),
            "max.message.bytes": config("1048588", "DEFAULT_CONFIG"),
        }
        g = {"count": s["count"], "name": s["pattern"], "first": s["first"], "partitions": s["partitions"],
             "replication_factor": rf, "configs": configs}
        if cls[0] == "under-replicated":
            g.update(isr_shrink_every=s["partitions"], isr_shrink_by=1)
        elif cls[0] == "under-min-isr":
            g.update(isr_shrink_every=s["partitions"], isr_shrink_by=2)
        elif cls[0] == "leaderless":
            g["leaderless_every"] = s["partitions"]
        topics.append({"generate": g})
    return {"cluster_id": "kl-bench-" + name, "controller_id": 1, "brokers": broker_list, "topics": topics}


def spec_topics(sets, seed):
    """(name, partitions, replication factor, config overrides) of every topic, in file order."""
    out = [("__consumer_offsets", OFFSETS_PARTITIONS, 3, {"cleanup.policy": "compact"})]
    for s in sets:
        cls = s["class"]
        _, _, rf, min_isr, unclean = cls
        config = {}
        if min_isr:
            config["min.insync.replicas"] = int(min_isr)
        if unclean:
            config["unclean.leader.election.enable"] = unclean == "true"
        if cls[0] == "healthy-override":
            config["retention.ms"] = s["retention"]
        for name in topic_names(s):
            out.append((name, s["partitions"], rf, config))
    random.Random(seed).shuffle(out)  # teams add topics in no particular order
    return out


def clients(topics, count, seed):
    rng = random.Random(seed + 1)
    names = [t[0] for t in topics if not t[0].startswith("__")]
    out = []
    for i in range(count):
        producer = i % 2 == 0
        config = {"acks": "all", "enable.idempotence": True, "delivery.timeout.ms": 120000} if producer else \
                 {"group.id": "svc-%d" % i, "enable.auto.commit": False, "auto.offset.reset": "earliest"}
        if i % 7 == 3:
            config = {"acks": "1"} if producer else {"group.id": "svc-%d" % i, "auto.offset.reset": "latest"}
        out.append({"name": "svc-%d" % i, "kind": "producer" if producer else "consumer", "config": config,
                    ("produces" if producer else "consumes"): rng.sample(names, min(3, len(names)))})
    return out


def yaml_scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    return '"%s"' % v if v in ("1", "all") or v[:1].isdigit() else v


def write_yaml(path, name, brokers, topics, client_list):
    with open(path, "w") as f:
        f.write("# Generated by bench/generate_cluster.py: a synthetic cluster for kafkalint's benchmarks.\n")
        f.write("kafkalint: cluster-spec/v1\n\ncluster:\n  name: bench-%s\n  kafka_version: \"3.7\"\n" % name)
        f.write("  brokers:\n")
        for b in range(1, brokers + 1):
            f.write("    - {id: %d, rack: %s}\n" % (b, RACKS[(b - 1) % len(RACKS)]))
        f.write("  broker_config:\n")
        for key in ("min.insync.replicas", "default.replication.factor", "unclean.leader.election.enable",
                    "auto.create.topics.enable", "offsets.topic.replication.factor",
                    "transaction.state.log.replication.factor", "transaction.state.log.min.isr"):
            v = BROKER_CONFIGS[key]
            f.write("    %s: %s\n" % (key, v[0] if isinstance(v, tuple) else v))
        f.write("\ntopics:\n")
        lines = []
        for tname, partitions, rf, config in topics:
            lines.append("  - name: %s\n    partitions: %d\n    replication_factor: %d\n" % (tname, partitions, rf))
            if config:
                lines.append("    config:\n" + "".join("      %s: %s\n" % (k, yaml_scalar(v))
                                                      for k, v in config.items()))
        f.write("".join(lines))
        f.write("\nclients:\n")
        for c in client_list:
            f.write("  - name: %s\n    kind: %s\n    config:\n" % (c["name"], c["kind"]))
            for k, v in c["config"].items():
                f.write("      %s: %s\n" % (k, yaml_scalar(v)))
            key = "produces" if "produces" in c else "consumes"
            f.write("    %s: [%s]\n" % (key, ", ".join(c[key])))


def toml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    return '"%s"' % v


def write_toml(path, name, brokers, topics, client_list):
    with open(path, "w") as f:
        f.write("# Generated by bench/generate_cluster.py: a synthetic cluster for kafkalint's benchmarks.\n")
        f.write('kafkalint = "cluster-spec/v1"\n\n[cluster]\nname = "bench-%s"\nkafka_version = "3.7"\n' % name)
        f.write("brokers = [%s]\n" % ", ".join('{id = %d, rack = "%s"}' % (b, RACKS[(b - 1) % len(RACKS)])
                                              for b in range(1, brokers + 1)))
        f.write("\n[cluster.broker_config]\n")
        for key in ("min.insync.replicas", "default.replication.factor", "unclean.leader.election.enable"):
            v = BROKER_CONFIGS[key]
            v = v[0] if isinstance(v, tuple) else v
            f.write('"%s" = %s\n' % (key, v if v in ("true", "false") or v.isdigit() else '"%s"' % v))
        lines = []
        for tname, partitions, rf, config in topics:
            lines.append('\n[[topics]]\nname = "%s"\npartitions = %d\nreplication_factor = %d\n' % (tname, partitions, rf))
            if config:
                lines.append("[topics.config]\n" + "".join('"%s" = %s\n' % (k, toml_value(v)) for k, v in config.items()))
        f.write("".join(lines))
        for c in client_list:
            key = "produces" if "produces" in c else "consumes"
            f.write('\n[[clients]]\nname = "%s"\nkind = "%s"\n%s = [%s]\n[clients.config]\n' %
                    (c["name"], c["kind"], key, ", ".join('"%s"' % t for t in c[key])))
            for k, v in c["config"].items():
                f.write('"%s" = %s\n' % (k, toml_value(v)))


def manifest(name, sets, brokers, topics, partitions, seed):
    """What was generated, and the number of topics that break each core invariant."""
    def count(pred):
        return sum(s["count"] for s in sets if pred(s["class"]))

    def min_isr(c):
        return int(c[3]) if c[3] else BROKER_MIN_ISR

    return {
        "name": name, "seed": seed, "brokers": brokers, "racks": len(RACKS), "topics": topics,
        "partitions": partitions,
        "classes": {s: count(lambda c, s=s: c[0] == s) for s in [c[0] for c in CLASSES]},
        "sets": [{"class": s["class"][0], "partitions": s["partitions"], "count": s["count"],
                  "name": s["pattern"], "first": s["first"]} for s in sets],
        # Topics (not partitions) breaking each invariant; the same in the spec and the live cluster
        # except under-min-isr, which only a live cluster has.
        "violations": {
            "replication_factor_below_3": count(lambda c: c[2] < 3),
            "min_isr_below_2": count(lambda c: min_isr(c) < 2),
            "replication_factor_below_min_isr_plus_1": count(lambda c: c[2] < min_isr(c) + 1),
            "unclean_leader_election": count(lambda c: c[4] == "true"),
            "under_min_isr_live": count(lambda c: c[0] == "under-min-isr"),
        },
    }


SMALL_REPO = {
    "cluster/server-1.properties": None,  # brokers: written below
    "cluster/server-2.properties": None,
    "cluster/server-3.properties": None,
    "clients/orders-producer.properties": """# orders-service producer
bootstrap.servers=kafka-1:9092,kafka-2:9092,kafka-3:9092
client.id=orders-service
acks=all
enable.idempotence=true
max.in.flight.requests.per.connection=5
retries=2147483647
delivery.timeout.ms=120000
linger.ms=5
compression.type=lz4
key.serializer=org.apache.kafka.common.serialization.StringSerializer
value.serializer=org.apache.kafka.common.serialization.ByteArraySerializer
""",
    "clients/audit-producer.properties": """# audit-log producer: "fire and forget"
bootstrap.servers=kafka-1:9092,kafka-2:9092,kafka-3:9092
client.id=audit-log
acks=1
retries=0
linger.ms=50
batch.size=65536
key.serializer=org.apache.kafka.common.serialization.StringSerializer
value.serializer=org.apache.kafka.common.serialization.StringSerializer
""",
    "clients/billing-consumer.properties": """bootstrap.servers=kafka-1:9092,kafka-2:9092,kafka-3:9092
group.id=billing
enable.auto.commit=false
auto.offset.reset=earliest
isolation.level=read_committed
max.poll.interval.ms=300000
session.timeout.ms=45000
heartbeat.interval.ms=3000
key.deserializer=org.apache.kafka.common.serialization.StringDeserializer
value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer
""",
    "clients/search-indexer-consumer.properties": """bootstrap.servers=kafka-1:9092,kafka-2:9092,kafka-3:9092
group.id=search-indexer
enable.auto.commit=true
auto.commit.interval.ms=5000
auto.offset.reset=latest
key.deserializer=org.apache.kafka.common.serialization.StringDeserializer
value.deserializer=org.apache.kafka.common.serialization.StringDeserializer
""",
    "clients/edge-librdkafka.properties": """# edge gateway (librdkafka)
bootstrap.servers=kafka-1:9092
client.id=edge-gateway
request.required.acks=-1
enable.idempotence=true
message.timeout.ms=300000
queue.buffering.max.ms=10
""",
    "connect/connect-distributed.properties": """bootstrap.servers=kafka-1:9092,kafka-2:9092,kafka-3:9092
group.id=connect-cluster
key.converter=org.apache.kafka.connect.json.JsonConverter
value.converter=org.apache.kafka.connect.json.JsonConverter
config.storage.topic=connect-configs
config.storage.replication.factor=3
offset.storage.topic=connect-offsets
offset.storage.replication.factor=3
offset.storage.partitions=25
status.storage.topic=connect-status
status.storage.replication.factor=1
plugin.path=/usr/share/java
""",
}


def small_repo(out):
    for b in (1, 2, 3):
        SMALL_REPO["cluster/server-%d.properties" % b] = "".join([
            "# broker %d\n" % b,
            "node.id=%d\nbroker.id=%d\nprocess.roles=broker,controller\n" % (b, b),
            "controller.quorum.voters=1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093\n",
            "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\ncontroller.listener.names=CONTROLLER\n",
            "advertised.listeners=PLAINTEXT://kafka-%d:9092\n" % b,
            "log.dirs=/var/lib/kafka/data\nbroker.rack=%s\n" % RACKS[b - 1],
            "num.partitions=6\ndefault.replication.factor=3\nmin.insync.replicas=2\n",
            "unclean.leader.election.enable=false\nauto.create.topics.enable=false\n",
            "offsets.topic.replication.factor=3\ntransaction.state.log.replication.factor=3\n",
            "transaction.state.log.min.isr=2\nlog.retention.hours=168\nlog.segment.bytes=1073741824\n",
            "num.network.threads=8\nnum.io.threads=16\nsocket.send.buffer.bytes=102400\n",
        ])
    for rel, text in SMALL_REPO.items():
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
    topics = [("orders.v1", 12, 3, {"min.insync.replicas": 2}), ("payments.v1", 12, 3, {}),
              ("audit.events.v1", 6, 2, {}), ("billing.invoices.v1", 6, 3, {"min.insync.replicas": 3}),
              ("search.documents.v1", 24, 3, {"retention.ms": 259200000})]
    clients_ = [{"name": "orders-service", "kind": "producer", "config": {"acks": "all"}, "produces": ["orders.v1"]},
                {"name": "billing", "kind": "consumer", "config": {"group.id": "billing"},
                 "consumes": ["orders.v1", "payments.v1"]}]
    os.makedirs(os.path.join(out, "topics"), exist_ok=True)
    write_yaml(os.path.join(out, "topics/cluster.yaml"), "small", 3, topics, clients_)
    files = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(out) for f in fs)
    assert len(files) == 10, files


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--topics", type=int, default=10000)
    ap.add_argument("--partitions", type=int, default=100000)
    ap.add_argument("--brokers", type=int, help="default: from the partition count (6 to 30)")
    ap.add_argument("--clients", type=int, help="producers and consumers in the spec (default: 10 + topics / 1000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--name", help="file name stem (default: the partition count, e.g. 100k)")
    ap.add_argument("--out", required=True, help="directory to write NAME.fixture.json, .cluster.yaml, .cluster.toml, "
                                                 ".manifest.json into")
    ap.add_argument("--small-repo", metavar="DIR", help="also write a typical 10-file repository into DIR")
    a = ap.parse_args()
    name = a.name or (("%dm" % (a.partitions // 1000000)) if a.partitions % 1000000 == 0
                      else ("%dk" % (a.partitions // 1000)) if a.partitions % 1000 == 0 else str(a.partitions))
    brokers = a.brokers or brokers_for(a.partitions)
    sets = plan(a.topics, a.partitions, a.seed)
    os.makedirs(a.out, exist_ok=True)
    base = os.path.join(a.out, name)
    with open(base + ".fixture.json", "w") as f:
        json.dump(fixture(name, sets, brokers), f, indent=1)
    topics = spec_topics(sets, a.seed)
    client_list = clients(topics, a.clients if a.clients is not None else 10 + a.topics // 1000, a.seed)
    write_yaml(base + ".cluster.yaml", name, brokers, topics, client_list)
    write_toml(base + ".cluster.toml", name, brokers, topics, client_list)
    m = manifest(name, sets, brokers, len(topics), sum(t[1] for t in topics), a.seed)
    with open(base + ".manifest.json", "w") as f:
        json.dump(m, f, indent=1)
    if a.small_repo:
        small_repo(a.small_repo)
    print("%s: %d brokers, %d topics, %d partitions -> %s.{fixture.json,cluster.yaml,cluster.toml,manifest.json}"
          % (name, brokers, m["topics"], m["partitions"], base))


if __name__ == "__main__":
    main()
