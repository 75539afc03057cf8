"""What kafkalint must report about a live cluster, worked out independently from what Kafka says
about it (test_realkafka.py gathers that with Kafka's own Admin client and the wire client).

This is the expectation side of the real-Kafka tests: the rules' conditions (rules/*.yaml) and the
durability budget (docs/durability-budget.md) evaluated over Kafka's answers, with Kafka's real
semantics where they differ from what kafkalint assumes (min(min.insync.replicas, replicas) since
Kafka 3.7, KAFKA-15583). Where kafkalint is known to differ, the test's KNOWN_PRODUCT_BUGS list
claims the difference; nothing here bends towards kafkalint.

State (a plain dict, see test_realkafka.Oracle.state):
  version        "3.9.2"
  cluster_id     str
  brokers        {id: {"rack": str or None, "configs": {key: {"value", "source"}} or None, "error": str}}
                 (brokers Kafka lists; configs None when DescribeConfigs failed, with error)
  down           [ids]  brokers that hold replicas but are not listed (stopped)
  topics         {name: {"internal": bool, "partitions": [{"partition", "leader", "replicas", "isr"}],
                         "configs": {key: {"value", "source"}} or None, "error": str}}
"""

SOURCE_IDS = {
    "DYNAMIC_TOPIC_CONFIG": "topic-override",
    "DYNAMIC_BROKER_CONFIG": "dynamic-broker-config",
    "DYNAMIC_DEFAULT_BROKER_CONFIG": "dynamic-default-broker-config",
    "STATIC_BROKER_CONFIG": "static-broker-config",
    "DEFAULT_CONFIG": "kafka-default",
}

BROKER_RULES = ["KL0101", "KL0102", "KL0103", "KL0104", "KL0105", "KL0106", "KL0107", "KL0108", "KL0109", "KL0110",
                "KL0111", "KL0112", "KL0113"]


def version_tuple(v):
    return tuple(int(x) for x in v.split(".")[:2])


class Expected:
    """Findings (rule, "kind name") -> {key: (value, source)} of the keys to check, budgets by topic."""

    def __init__(self):
        self.findings = {}
        self.budgets = {}
        self.unverified = {}  # "kind name" -> fragment its KL9009 message must hold

    def add(self, rule, entity, **effective):
        self.findings[(rule, entity)] = effective


def _int(c):
    return int(c["value"]) if c and c.get("value") is not None else None


def _bool(c):
    return c["value"] == "true" if c and c.get("value") is not None else None


def _eff(c, broker=None, topic=False):
    """(value, source, detail) as kafkalint must give them: the source DescribeConfigs reports, and in
    the detail the broker it concerns (for a topic: the broker that answered its DescribeConfigs)."""
    source = c["source"]
    if topic:
        detail = {"DYNAMIC_TOPIC_CONFIG": "topic override",
                  "DYNAMIC_BROKER_CONFIG": "dynamic broker config, as broker %s reports it" % broker,
                  "DYNAMIC_DEFAULT_BROKER_CONFIG": "dynamic cluster-wide broker default",
                  "STATIC_BROKER_CONFIG": "server.properties of broker %s (static broker config)" % broker,
                  "DEFAULT_CONFIG": "Kafka default; not set on the topic or the brokers"}.get(source)
    else:
        detail = {"DYNAMIC_BROKER_CONFIG": "dynamic config of broker %s" % broker,
                  "DYNAMIC_DEFAULT_BROKER_CONFIG": "dynamic cluster-wide broker default",
                  "STATIC_BROKER_CONFIG": "server.properties of broker %s" % broker,
                  "DEFAULT_CONFIG": "Kafka default; not set on broker %s" % broker}.get(source)
    return (c["value"], SOURCE_IDS.get(source, source), detail)


def expected_report(state):
    e = Expected()
    brokers = state["brokers"]
    down = sorted(state.get("down", []))
    broker_count = len(brokers) + len(down)
    cluster = "cluster " + state["cluster_id"]
    v37 = version_tuple(state["version"]) >= (3, 7)

    # Racks are known when every broker's configs were read (librdkafka 2.0.2 drops Metadata's rack:
    # kafkalint reads broker.rack from DescribeConfigs).
    racks_known = not down and all(b["configs"] is not None for b in brokers.values())
    # broker.rack of the brokers whose configs were read (the durability budget and KL0214 use what is
    # known; cluster:rack.count needs every broker's)
    rack_of = {i: b["rack"] for i, b in brokers.items() if b["configs"] is not None}
    rack_count = len({r for r in rack_of.values() if r}) if racks_known else None
    if not racks_known:
        e.unverified[cluster] = "broker.rack of broker(s)"
    if racks_known and broker_count > 1 and rack_count == 0:
        e.add("KL0501", cluster)
    for i in down:
        e.unverified["broker %d" % i] = "not in the cluster's metadata"

    for i, b in sorted(brokers.items()):
        name = "broker %d" % i
        c = b["configs"]
        if c is None:
            e.unverified[name] = b["error"]
            continue
        _broker_rules(e, name, c, broker_count, i)

    for t, topic in sorted(state["topics"].items()):
        _topic(e, state, t, topic, broker_count, rack_count, rack_of, v37)
    return e


def _broker_rules(e, name, c, broker_count, broker_id):
    get = lambda k: c.get(k)
    eff = lambda x: _eff(x, broker_id)

    unclean = get("unclean.leader.election.enable")
    if _bool(unclean):
        e.add("KL0101", name, **{"unclean.leader.election.enable": eff(unclean)})
    mi = get("min.insync.replicas")
    if _int(mi) is not None and _int(mi) < 2:
        e.add("KL0102", name, **{"min.insync.replicas": eff(mi)})
    drf = get("default.replication.factor")
    if _int(drf) is not None and _int(drf) < 3:
        e.add("KL0103", name, **{"default.replication.factor": eff(drf)})
    if _int(drf) is not None and _int(mi) is not None and (_int(drf) > 1 or _int(mi) > 1) and \
            not _int(drf) >= _int(mi) + 1:
        e.add("KL0104", name, **{"default.replication.factor": eff(drf), "min.insync.replicas": eff(mi)})
    orf = get("offsets.topic.replication.factor")
    if _int(orf) is not None and _int(orf) < 3:
        e.add("KL0105", name, **{"offsets.topic.replication.factor": eff(orf)})
    trf = get("transaction.state.log.replication.factor")
    if _int(trf) is not None and _int(trf) < 3:
        e.add("KL0106", name, **{"transaction.state.log.replication.factor": eff(trf)})
    tmi = get("transaction.state.log.min.isr")
    if _int(tmi) is not None and _int(tmi) < 2:
        e.add("KL0107", name, **{"transaction.state.log.min.isr": eff(tmi)})
    if _int(trf) is not None and _int(tmi) is not None and (_int(trf) > 1 or _int(tmi) > 1) and \
            not _int(trf) >= _int(tmi) + 1:
        e.add("KL0108", name)
    auto = get("auto.create.topics.enable")
    if _bool(auto):
        e.add("KL0109", name, **{"auto.create.topics.enable": eff(auto)})
    srf = get("share.coordinator.state.topic.replication.factor")
    if _int(srf) is not None and _int(srf) < 3:
        e.add("KL0110", name)
    smi = get("share.coordinator.state.topic.min.isr")
    if _int(smi) is not None and _int(smi) < 2:
        e.add("KL0111", name)
    if any(_int(x) is not None and _int(x) > broker_count for x in (drf, orf, trf)):
        e.add("KL0112", name)
    if broker_count > 1 and _int(mi) is not None and _int(mi) >= broker_count:
        e.add("KL0113", name, **{"min.insync.replicas": eff(mi)})


def partition_state(p, m, v37):
    """The most severe state of one partition, with Kafka's effective min ISR."""
    replicas, isr = len(p["replicas"]), len(p["isr"])
    m_eff = min(m, replicas) if v37 else m
    if p["leader"] < 0:
        return "leaderless"
    if isr < m_eff:
        return "under-min-isr"
    if isr >= replicas:
        return "healthy"
    return "at-min-isr" if isr == m_eff else "under-replicated"


STATE_RULES = {"leaderless": "KL0213", "under-min-isr": "KL0211", "at-min-isr": "KL0212",
               "under-replicated": "KL0210"}


def _topic(e, state, t, topic, broker_count, rack_count, rack_of, v37):
    name = "topic " + t
    parts = sorted(topic["partitions"], key=lambda p: p["partition"])
    c = topic["configs"]
    if c is None:
        e.unverified[name] = topic["error"]
    rf = min(len(p["replicas"]) for p in parts)
    rf_eff = (str(rf), "cluster-metadata", "from the cluster's metadata")
    if rf < 3:
        e.add("KL0201", name, **{"replication.factor": rf_eff})
    if rf > broker_count:
        e.add("KL0207", name, **{"replication.factor": rf_eff})
    if rack_count is not None and rack_count > 0 and rf > rack_count:
        e.add("KL0209", name, **{"replication.factor": rf_eff})
    if len({len(p["replicas"]) for p in parts}) > 1:
        e.add("KL0215", name)
    known_racks = len({r for r in rack_of.values() if r})
    if known_racks:
        for p in parts:
            racks = [rack_of.get(r) for r in p["replicas"]]
            if all(racks) and len(set(racks)) < min(len(p["replicas"]), known_racks):
                e.add("KL0214", name)
                break
    eff = lambda x: _eff(x, state["answering"], topic=True)
    mi = c.get("min.insync.replicas") if c else None
    unclean = c.get("unclean.leader.election.enable") if c else None
    m = _int(mi)
    if c is not None:
        explicit_mi = mi["source"] == "DYNAMIC_TOPIC_CONFIG"
        if explicit_mi and m < 2:
            e.add("KL0202", name, **{"min.insync.replicas": eff(mi)})
        # No broker's configs could be read: the topic's own answer is all there is (KL0203 stands in
        # for the brokers' KL0102).
        if not explicit_mi and m < 2 and not any(b["configs"] is not None for b in state["brokers"].values()):
            e.add("KL0203", name, **{"min.insync.replicas": eff(mi)})
        if (rf > 1 or m > 1) and not rf >= m + 1:
            e.add("KL0205", name, **{"replication.factor": rf_eff, "min.insync.replicas": eff(mi)})
        if unclean["source"] == "DYNAMIC_TOPIC_CONFIG" and _bool(unclean):
            e.add("KL0206", name, **{"unclean.leader.election.enable": eff(unclean)})
        if explicit_mi and broker_count > 1 and m >= broker_count:
            e.add("KL0208", name, **{"min.insync.replicas": eff(mi)})
    states = {}
    for p in parts:
        s = partition_state(p, m if m is not None else 1, v37)
        if m is None and s != "leaderless":
            continue
        states.setdefault(s, []).append(p["partition"])
    for s, rule in STATE_RULES.items():
        if s in states:
            e.add(rule, name, **({"min.insync.replicas": eff(mi)} if mi else {}))
    e.budgets[t] = budget(parts, m, _bool(unclean), rack_of, v37)


def budget(parts, m, unclean, rack_of, v37):
    """The durability budget of a live topic (docs/durability-budget.md), with Kafka's effective min ISR."""
    b = {"basis": "placement", "partitions": len(parts), "replicationFactor": min(len(p["replicas"]) for p in parts),
         "maxReplicationFactor": max(len(p["replicas"]) for p in parts), "minInsyncReplicas": m,
         "uncleanLeaderElection": unclean}
    if m is None:
        b["writes"] = b["ackedWrites"] = None
        return b
    rack_count = len({r for r in rack_of.values() if r}) if rack_of else 0
    worst_w = worst_a = None
    never = False
    for p in parts:
        replicas, isr = p["replicas"], p["isr"]
        m_eff = min(m, len(replicas)) if v37 else m
        never = never or len(replicas) < m_eff
        writable = p["leader"] >= 0 and len(isr) >= m_eff
        wb = len(isr) - m_eff if writable else -1
        copies = min(m_eff, len(isr))
        ab = max(copies - 1, -1)
        wr = ar = None
        per_rack = None
        if rack_count and all(rack_of.get(r) for r in isr):
            counts = {}
            for r in isr:
                counts[rack_of[r]] = counts.get(rack_of[r], 0) + 1
            per_rack = sorted(counts.values(), reverse=True)
        if per_rack is not None:
            if not writable:
                wr = -1
            else:
                left, failed = len(isr), 0
                for n in per_rack:
                    if left < m_eff:
                        break
                    left -= n
                    failed += 1
                wr = failed - 1
            covered = holding = 0
            for n in per_rack:
                if covered >= copies:
                    break
                covered += n
                holding += 1
            ar = -1 if copies <= 0 else holding - 1
        for worst, brokers, racks in ((0, wb, wr), (1, ab, ar)):
            cur = worst_w if worst == 0 else worst_a
            if cur is None:
                cur = {"brokers": brokers, "racks": racks, "partition": p["partition"]}
            else:
                if brokers < cur["brokers"]:
                    cur["brokers"], cur["partition"] = brokers, p["partition"]
                cur["racks"] = None if racks is None or cur["racks"] is None else min(cur["racks"], racks)
            if worst == 0:
                worst_w = cur
            else:
                worst_a = cur
    worst_w["state"] = "never-writable" if never else ("stopped" if worst_w["brokers"] < 0 else "accepted")
    worst_a["lostBy"] = "crash" if unclean is None or unclean else "disk-loss"
    b["writes"], b["ackedWrites"] = worst_w, worst_a
    return b


BUDGET_FIELDS = [("basis",), ("partitions",), ("replicationFactor",), ("maxReplicationFactor",),
                 ("minInsyncReplicas",), ("uncleanLeaderElection",), ("writes", "brokers"), ("writes", "racks"),
                 ("writes", "partition"), ("writes", "state"), ("ackedWrites", "brokers"), ("ackedWrites", "racks"),
                 ("ackedWrites", "partition"), ("ackedWrites", "lostBy")]


def _field(d, path):
    for k in path:
        if d is None:
            return None
        d = d.get(k)
    return d


def compare(expected, report):
    """Differences between what kafkalint must report and what it reported, as tuples:
    ("finding", "extra"|"missing", rule, entity), ("effective", rule, entity, key, expected, actual),
    ("unverified", entity, fragment, message), ("budget", topic, field, expected, actual)."""
    diffs = []
    actual = {}
    live = [f for f in report["findings"] if f["location"]["file"].startswith("kafka://")]
    for f in live:
        if f["ruleId"] == "KL9009":
            continue
        actual[(f["ruleId"], f["entity"]["kind"] + " " + f["entity"]["name"])] = f
    for key in sorted(set(actual) - set(expected.findings)):
        diffs.append(("finding", "extra") + key)
    for key in sorted(set(expected.findings) - set(actual)):
        diffs.append(("finding", "missing") + key)
    for key in sorted(set(expected.findings) & set(actual)):
        for k, want in sorted(expected.findings[key].items()):
            got = actual[key]["effective"].get(k)
            got = (got["value"], got["source"], got["detail"]) if got else None
            if got is None or got[:2] != want[:2]:
                diffs.append(("effective",) + key + (k, want, got))
            elif want[2] is not None and got[2] != want[2]:
                diffs.append(("detail",) + key + (k, want[2], got[2]))
    unverified = {f["entity"]["kind"] + " " + f["entity"]["name"]: f["message"]
                  for f in live if f["ruleId"] == "KL9009"}
    for entity in sorted(set(unverified) | set(expected.unverified)):
        if entity not in unverified:
            diffs.append(("unverified", "missing", entity, expected.unverified[entity]))
        elif entity not in expected.unverified:
            diffs.append(("unverified", "extra", entity, unverified[entity][:200]))
        elif expected.unverified[entity] not in unverified[entity]:
            diffs.append(("unverified", "message", entity, expected.unverified[entity], unverified[entity][:300]))
    budgets = {b["topic"]: b for b in report.get("durabilityBudget", [])}
    for t in sorted(set(budgets) | set(expected.budgets)):
        if t not in budgets or t not in expected.budgets:
            diffs.append(("budget", t, "present", t in expected.budgets, t in budgets))
            continue
        for path in BUDGET_FIELDS:
            want, got = _field(expected.budgets[t], path), _field(budgets[t], path)
            if want != got:
                diffs.append(("budget", t, ".".join(path), want, got))
    return diffs
