"""The project's test broker (tests/broker/) against real Kafka, for the same situation.

collect() asks every broker of a real cluster, as one principal, what librdkafka 2.0.2 asks
(wire.py), plus a few probes whose answers Kafka works out itself (an unknown topic or group, a
broker config asked of the wrong broker, a config name that does not exist, a group asked of a
broker that does not coordinate it). fixture() writes a test-broker fixture that reproduces what
was seen (brokers, racks, every config with its source and synonyms, partitions, errors, groups
and their members), TestBroker serves it, and differences() compares what the test broker answers
with what Kafka answered, field by field. Every difference is a bug of the test broker (or a
limit of what a fixture can say), listed in test_realkafka.py.
"""
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time

import wire

APIS = {18: "ApiVersions", 3: "Metadata", 32: "DescribeConfigs", 16: "ListGroups", 15: "DescribeGroups",
        10: "FindCoordinator"}
NO_TOPIC, NO_GROUP = "kafkalint-no-such-topic", "kafkalint-no-such-group"


def _configs(result):
    return {"error": result["error"], "error_message": result["error_message"],
            "configs": {c["name"]: c for c in result["configs"] or []}}


def collect(view, answering):
    """What `view`'s brokers say. `answering`: the broker that answers topic DescribeConfigs."""
    out = {"api_versions": {}, "metadata": {}, "broker_configs": {}, "list_groups": {}, "probes": {}}
    for i in sorted(view.addresses):
        with view.connect(i) as c:
            out["api_versions"][i] = {k: v for k, v in c.api_versions()["apis"].items() if k in APIS}
            out["metadata"][i] = c.metadata()
            out["broker_configs"][i] = _configs(c.describe_configs([(wire.RESOURCE_BROKER, str(i), None)])[0])
            out["list_groups"][i] = c.list_groups()
            other = min(j for j in view.addresses if j != i) if len(view.addresses) > 1 else i + 1
            out["probes"]["broker %d asked for broker %d's configs" % (i, other)] = _configs(
                c.describe_configs([(wire.RESOURCE_BROKER, str(other), ["min.insync.replicas"])])[0])
    md = out["metadata"][answering]
    topics = [t["name"] for t in md["topics"] if t["error"] == "NONE"]
    with view.connect(answering) as c:
        out["broker_defaults"] = _configs(c.describe_configs([(wire.RESOURCE_BROKER, "", None)])[0])
        out["topic_configs"] = {r["name"]: _configs(r) for r in
                                c.describe_configs([(wire.RESOURCE_TOPIC, t, None) for t in topics])} if topics else {}
        probes = out["probes"]
        probes["DescribeConfigs of an unknown topic"] = _configs(
            c.describe_configs([(wire.RESOURCE_TOPIC, NO_TOPIC, ["min.insync.replicas"])])[0])
        if topics:
            probes["DescribeConfigs of a key the topic does not have"] = _configs(c.describe_configs(
                [(wire.RESOURCE_TOPIC, topics[0], ["min.insync.replicas", "no.such.config", "broker.rack"])])[0])
        probes["Metadata of an unknown topic"] = c.metadata([NO_TOPIC])["topics"]
        coordinator = c.find_coordinator(NO_GROUP)
    probes["FindCoordinator of an unknown group"] = {k: coordinator[k] for k in ("error", "error_message", "node_id")}
    if coordinator["error"] == "NONE":
        with view.connect(coordinator["node_id"]) as c:
            probes["DescribeGroups of an unknown group"] = c.describe_groups([NO_GROUP])
    groups = {}
    for i, listed in out["list_groups"].items():
        for g in listed["groups"] or []:
            with view.connect(answering) as c:
                found = c.find_coordinator(g["group_id"])
            with view.connect(found["node_id"]) as c:
                [described] = c.describe_groups([g["group_id"]])
            groups[g["group_id"]] = {"listed_by": i, "find_coordinator": found, "described": described}
            wrong = min(j for j in view.addresses if j != found["node_id"])
            with view.connect(wrong) as c:
                probes["DescribeGroups of %s on a broker that does not coordinate it" % g["group_id"]] = \
                    c.describe_groups([g["group_id"]])
    out["groups"] = groups
    out["answering"] = answering
    return out


def _entry(c):
    e = {"value": c["value"], "source": c["source"], "read_only": c["read_only"], "sensitive": c["sensitive"],
         "synonyms": [{"name": s["name"], "value": s["value"], "source": s["source"]} for s in c["synonyms"] or []]}
    return e


def fixture(seen):
    """A test-broker fixture (tests/broker/README.md) reproducing what Kafka answered."""
    answering = seen["answering"]
    md = seen["metadata"][answering]
    listed = {b["id"]: b for b in md["brokers"]}
    down = sorted({r for t in md["topics"] for p in t["partitions"] for r in p["replicas"]} - set(listed))
    brokers = []
    for i in sorted(set(listed) | set(down)):
        b = {"id": i, "port": 0}
        if i in listed:
            b["rack"] = listed[i]["rack"]
            cfg = seen["broker_configs"].get(i)
            if cfg and cfg["error"] == "NONE":
                b["configs"] = {n: _entry(c) for n, c in cfg["configs"].items()}
            elif cfg:
                b["errors"] = {"describe_configs": cfg["error"]}
        else:
            b["down"] = True
        brokers.append(b)
    topics = []
    for t in md["topics"]:
        topic = {"name": t["name"], "internal": t["internal"], "partitions": [
            {"index": p["partition"], "leader": p["leader"], "replicas": p["replicas"], "isr": p["isr"],
             "error": p["error"]} for p in sorted(t["partitions"], key=lambda p: p["partition"])]}
        cfg = seen["topic_configs"].get(t["name"])
        if cfg and cfg["error"] == "NONE":
            topic["configs"] = {n: _entry(c) for n, c in cfg["configs"].items()}
        elif cfg:
            topic["errors"] = {"describe_configs": cfg["error"]}
        topics.append(topic)
    groups = []
    for gid, g in sorted(seen["groups"].items()):
        d = g["described"]
        listed = [x for x in seen["list_groups"][g["listed_by"]]["groups"] if x["group_id"] == gid][0]
        spec = {"id": gid, "state": d["state"], "protocol_type": d["protocol_type"], "protocol": d["protocol"]}
        if d["error"] == "NONE" and d["state"] == "Dead" and listed["state"] != "Dead":
            # Listed alive but described Dead: a group of the consumer protocol (KIP-848).
            spec = {"id": gid, "state": listed["state"], "protocol_type": listed["protocol_type"], "type": "consumer"}
        members = [{"member_id": m["member_id"], "group_instance_id": m["group_instance_id"],
                    "client_id": m["client_id"], "client_host": m["client_host"],
                    "metadata_hex": (m["metadata"] or b"").hex(), "assignment_hex": (m["assignment"] or b"").hex()}
                   for m in d["members"] or []]
        groups.append(dict(spec, coordinator=g["find_coordinator"]["node_id"], members=members))
    defaults = seen["broker_defaults"]
    # The version ranges Kafka advertised, within what the test broker implements (Kafka 3.8's).
    versions = seen["api_versions"][answering]
    return {"cluster_id": md["cluster_id"], "controller_id": answering, "brokers": brokers,
            "broker_defaults": {n: _entry(c) for n, c in defaults["configs"].items()}, "topics": topics,
            "groups": groups, "api_versions": {name: list(versions[key]) if key in versions else None
                                               for key, name in APIS.items() if key != 18}}


class TestBroker:
    """The project's test broker serving a fixture; `addresses` like a View's."""

    def __init__(self, binary, fixture_json):
        self.workdir = tempfile.mkdtemp(prefix="kafkalint-mirror-")
        self.fixture = os.path.join(self.workdir, "fixture.json")
        with open(self.fixture, "w") as f:
            json.dump(fixture_json, f, indent=1)
        ready = os.path.join(self.workdir, "ready.json")
        self.record = os.path.join(self.workdir, "requests.jsonl")
        self.process = subprocess.Popen([binary, "--fixture", self.fixture, "--ready-file", ready, "--record",
                                         self.record], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while not os.path.exists(ready):
            if self.process.poll() is not None:
                raise AssertionError("test broker exited: " + self.process.stderr.read().decode())
            if time.monotonic() > deadline:
                raise AssertionError("test broker not ready within 30 s")
            time.sleep(0.02)
        with open(ready) as f:
            self.ready = json.load(f)
        self.addresses = {int(i): "127.0.0.1:%d" % p for i, p in self.ready["brokers"].items()
                          if not any(b["id"] == int(i) and b.get("down") for b in fixture_json["brokers"])}
        self.bootstrap = self.ready["bootstrap"]

    def requests(self):
        with open(self.record) as f:
            return [json.loads(line) for line in f if line.strip()]

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stderr.close()
        shutil.rmtree(self.workdir, ignore_errors=True)


# ---- comparison

def _norm_metadata(md):
    return {"brokers": sorted((b["id"], b["rack"]) for b in md["brokers"]), "cluster_id": md["cluster_id"],
            "topics": {t["name"]: (t["error"], t["internal"], sorted(
                (p["partition"], p["error"], p["leader"], tuple(p["replicas"]), tuple(p["isr"])) for p in t["partitions"]))
                for t in md["topics"]}}


def _norm_group(d):
    members = [(m["member_id"], m["group_instance_id"], m["client_id"], m["client_host"],
                json.dumps(wire.decode_subscription(m["metadata"])) if d["protocol_type"] == "consumer" and m["metadata"]
                else (m["metadata"] or b"").hex(),
                json.dumps(wire.decode_assignment(m["assignment"])) if d["protocol_type"] == "consumer" and m["assignment"]
                else (m["assignment"] or b"").hex()) for m in d["members"] or []]
    return {"error": d["error"], "group_id": d["group_id"], "state": d["state"], "protocol_type": d["protocol_type"],
            "protocol": d["protocol"], "members": sorted(members)}


def _walk(path, a, b, out):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b), key=str):
            if k not in a or k not in b:
                out.append((path + (k,), a.get(k, "<absent>"), b.get(k, "<absent>")))
            else:
                _walk(path + (k,), a[k], b[k], out)
    elif a != b:
        out.append((path, a, b))


def normal(seen):
    """What must be equal between Kafka and the test broker (ports, and Metadata's ControllerId, which
    KRaft brokers pick at random per response, aside; see differences())."""
    n = {"api_versions": {k: v for i, vs in seen["api_versions"].items() for k, v in vs.items()},
         "metadata": {i: _norm_metadata(m) for i, m in seen["metadata"].items()},
         "broker_configs": seen["broker_configs"], "broker_defaults": seen["broker_defaults"],
         "topic_configs": seen["topic_configs"],
         "list_groups": {i: (g["error"], sorted((x["group_id"], x["protocol_type"], x["state"]) for x in g["groups"] or []))
                         for i, g in seen["list_groups"].items()},
         "groups": {gid: {"listed_by": g["listed_by"],
                          "find_coordinator": {k: g["find_coordinator"][k] for k in ("error", "error_message", "node_id")},
                          "described": _norm_group(g["described"])} for gid, g in seen["groups"].items()},
         "probes": {}}
    for k, v in seen["probes"].items():
        if k.startswith("DescribeGroups"):
            v = [_norm_group(g) for g in v]
        elif k.startswith("Metadata"):
            v = [(t["error"], t["name"], t["internal"], t["partitions"]) for t in v]
        n["probes"][k] = v
    return n


def differences(kafka, test_broker):
    """[(path, Kafka's answer, the test broker's answer)] for everything that must be equal."""
    out = []
    _walk((), normal(kafka), normal(test_broker), out)
    return out
