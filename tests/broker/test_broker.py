#!/usr/bin/python3
"""Cross-checks the test broker with Kafka clients nobody here wrote.

kcat (librdkafka), python3-kafka (an independent protocol implementation), confluent_kafka and a
librdkafka 2.0.2 probe must all read back exactly what the fixture holds; every fault knob must
produce the error a client would see from a real cluster; raw requests check the protocol rules
(flexible headers, UNSUPPORTED_VERSION, closed connections, librdkafka's request quirks).

  test_broker.py --broker BIN --probe BIN --fixtures DIR [--suite main|large] [-k NAME]
"""

import argparse
import contextlib
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import traceback

ARGS = None
CHECKS = []

# librdkafka's ConfigSource names by Kafka's wire ids.
SOURCE_NAMES = {1: "DYNAMIC_TOPIC_CONFIG", 2: "DYNAMIC_BROKER_CONFIG", 3: "DYNAMIC_DEFAULT_BROKER_CONFIG",
                4: "STATIC_BROKER_CONFIG", 5: "DEFAULT_CONFIG"}
SOURCE_IDS = {name: i for i, name in SOURCE_NAMES.items()}
SOURCE_IDS["TOPIC_CONFIG"] = 1
READ_APIS = {18: "ApiVersions", 3: "Metadata", 32: "DescribeConfigs", 10: "FindCoordinator", 16: "ListGroups",
             15: "DescribeGroups", 60: "DescribeCluster"}


def check(suite="main"):
    def register(fn):
        CHECKS.append((suite, fn))
        return fn
    return register


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def expect_equal(actual, expected, what):
    if actual != expected:
        raise AssertionError(f"{what}:\n  got      {actual!r}\n  expected {expected!r}")


# --- the fixture, as a client should see it ----------------------------------------------------

def load_fixture(name):
    with open(os.path.join(ARGS.fixtures, name)) as f:
        return json.load(f)


def expected_partitions(topic):
    out = []
    for i, p in enumerate(topic.get("partitions", [])):
        replicas = p.get("replicas", [])
        out.append({"id": p.get("index", i), "leader": p.get("leader", replicas[0] if replicas else -1),
                    "replicas": replicas, "isr": p.get("isr", replicas)})
    return out


def expected_configs(configs, default_source):
    """name -> (value or None when sensitive, source name, read_only, sensitive, synonyms)."""
    out = {}
    for name, spec in (configs or {}).items():
        if not isinstance(spec, dict):
            spec = {"value": spec}
        source = spec.get("source", default_source)
        sensitive = spec.get("sensitive", False)
        value = None if sensitive else spec.get("value")
        synonyms = spec.get("synonyms", [{"name": name, "value": spec.get("value"), "source": source}])
        synonyms = [(s.get("name", name), None if sensitive else s.get("value"), s.get("source", "UNKNOWN"))
                    for s in synonyms]
        out[name] = (value, source, spec.get("read_only", False), sensitive, synonyms)
    return out


# --- running the broker ------------------------------------------------------------------------

class Broker:
    def __init__(self, fixture_path, extra_args, workdir):
        self.ready_path = os.path.join(workdir, "ready.json")
        self.record_path = os.path.join(workdir, "requests.jsonl")
        self.stderr = open(os.path.join(workdir, "broker.stderr"), "w+")
        self.process = subprocess.Popen(
            [ARGS.broker, "--fixture", fixture_path, "--record", self.record_path, "--ready-file", self.ready_path]
            + list(extra_args), stdout=subprocess.DEVNULL, stderr=self.stderr)
        deadline = time.monotonic() + 15
        while not os.path.exists(self.ready_path):
            if self.process.poll() is not None:
                self.stderr.seek(0)
                raise AssertionError(f"broker exited with {self.process.returncode}: {self.stderr.read()}")
            if time.monotonic() > deadline:
                raise AssertionError("broker did not write its ready file within 15 s")
            time.sleep(0.02)
        with open(self.ready_path) as f:
            self.ready = json.load(f)
        self.bootstrap = self.ready["bootstrap"]
        self.ports = {int(k): v for k, v in self.ready["brokers"].items()}

    def records(self):
        with open(self.record_path) as f:
            return [json.loads(line) for line in f if line.strip()]

    def peak_rss_kib(self):
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return None

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise AssertionError("broker did not exit within 10 s of SIGTERM")
        self.stderr.close()
        expect_equal(self.process.returncode, 0, "broker exit code after SIGTERM")


@contextlib.contextmanager
def broker(fixture, *extra_args):
    """Runs the broker on a fixture file name, or on a fixture given as a dict."""
    with tempfile.TemporaryDirectory(prefix="kl-broker-") as workdir:
        if isinstance(fixture, dict):
            path = os.path.join(workdir, "fixture.json")
            with open(path, "w") as f:
                json.dump(fixture, f)
        else:
            path = os.path.join(ARGS.fixtures, fixture)
        b = Broker(path, extra_args, workdir)
        try:
            yield b
        finally:
            b.stop()


def kcat_metadata(bootstrap, timeout_s=10, extra=()):
    result = subprocess.run([ARGS.kcat, "-L", "-J", "-m", str(timeout_s), "-b", bootstrap] + list(extra),
                            capture_output=True, text=True, timeout=timeout_s + 60)
    return result


def probe(bootstrap, timeout_ms=8000, extra=()):
    result = subprocess.run([ARGS.probe, "--bootstrap", bootstrap, "--timeout-ms", str(timeout_ms)] + list(extra),
                            capture_output=True, text=True, timeout=timeout_ms / 1000 * 8 + 60)
    expect(result.returncode == 0, f"probe failed: {result.stderr}")
    return json.loads(result.stdout)


# --- raw protocol ------------------------------------------------------------------------------

def raw_request(port, api_key, version, body, flexible_header=False, client_id="raw"):
    """Sends one request; returns the response frame (without size), or None if the broker closed."""
    header = struct.pack(">hhi", api_key, version, 7)
    cid = client_id.encode()
    header += struct.pack(">h", len(cid)) + cid
    if flexible_header:
        header += b"\x00"
    frame = header + body
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(struct.pack(">i", len(frame)) + frame)
        data = b""
        while len(data) < 4 or len(data) < 4 + struct.unpack(">i", data[:4])[0]:
            chunk = s.recv(65536)
            if not chunk:
                return None
            data += chunk
        return data[4:4 + struct.unpack(">i", data[:4])[0]]


# --- checks: cross-checks with independent clients ------------------------------------------------

@check()
def kcat_lists_the_fixture():
    fixture = load_fixture("three-brokers.json")
    with broker("three-brokers.json") as b:
        result = kcat_metadata(b.bootstrap)
        expect(result.returncode == 0, f"kcat failed: {result.stderr}")
        md = json.loads(result.stdout)
        expect_equal(md["controllerid"], fixture["controller_id"], "controller id")
        expect_equal(sorted((x["id"], x["name"]) for x in md["brokers"]),
                     sorted((i, f"127.0.0.1:{p}") for i, p in b.ports.items()), "brokers")
        seen = {t["topic"]: [{"id": p["partition"], "leader": p["leader"],
                              "replicas": [r["id"] for r in p["replicas"]], "isr": [r["id"] for r in p["isrs"]]}
                             for p in t["partitions"]] for t in md["topics"]}
        expect_equal(seen, {t["name"]: expected_partitions(t) for t in fixture["topics"]}, "topics")
        leaderless = [p for t in md["topics"] for p in t["partitions"] if p["leader"] == -1]
        expect(all("Leader not available" in p.get("error", "") for p in leaderless), "leaderless partition error")


@check()
def python_kafka_reads_configs_and_groups():
    from kafka.admin import ConfigResource, ConfigResourceType, KafkaAdminClient
    fixture = load_fixture("three-brokers.json")
    with broker("three-brokers.json") as b:
        admin = KafkaAdminClient(bootstrap_servers=b.bootstrap.split(","), client_id="python-kafka-check",
                                 request_timeout_ms=10000)
        try:
            resources = [ConfigResource(ConfigResourceType.BROKER, str(x["id"])) for x in fixture["brokers"]]
            resources += [ConfigResource(ConfigResourceType.TOPIC, t["name"]) for t in fixture["topics"]]
            responses = admin.describe_configs(resources, include_synonyms=True)
            seen = {}
            for response in responses:
                expect(response.API_VERSION >= 1, "python-kafka should use a version carrying config sources")
                for error, _msg, rtype, rname, entries in response.resources:
                    expect_equal(error, 0, f"error for {rname}")
                    seen[(rtype, rname)] = {
                        e[0]: (e[1], SOURCE_NAMES[e[3]], e[2], e[4], [(s[0], s[1], SOURCE_NAMES[s[2]]) for s in e[5]])
                        for e in entries}
            expected = {(4, str(x["id"])): expected_configs(x.get("configs"), "STATIC_BROKER_CONFIG")
                        for x in fixture["brokers"]}
            expected.update({(2, t["name"]): expected_configs(t.get("configs"), "DYNAMIC_TOPIC_CONFIG")
                             for t in fixture["topics"]})
            expect_equal(seen, expected, "configs read by python-kafka")
            expect(seen[(4, "1")]["ssl.keystore.password"][0] is None, "a sensitive value must come back as None")

            groups = sorted(admin.list_consumer_groups())
            expect_equal(groups, sorted((g["id"], g.get("protocol_type", "consumer")) for g in fixture["groups"]),
                         "list_consumer_groups")
            described = {g.group: g for g in admin.describe_consumer_groups([g["id"] for g in fixture["groups"]])}
            for g in fixture["groups"]:
                d = described[g["id"]]
                expect_equal((d.error_code, d.state, d.protocol_type), (0, g["state"], g.get("protocol_type")),
                             f"group {g['id']}")
                members = [(m.member_id, m.client_id, m.client_host, list(m.member_metadata.subscription),
                            {topic: list(partitions) for topic, partitions in m.member_assignment.assignment})
                           for m in d.members]
                expect_equal(members, [(m["member_id"], m["client_id"], m["client_host"], m["subscription"],
                                        m["assignment"]) for m in g.get("members", [])], f"members of {g['id']}")
        finally:
            admin.close()


@check()
def confluent_kafka_agrees():
    from confluent_kafka.admin import AdminClient, ConfigResource
    fixture = load_fixture("three-brokers.json")
    with broker("three-brokers.json") as b:
        admin = AdminClient({"bootstrap.servers": b.bootstrap, "client.id": "confluent-kafka-check"})
        md = admin.list_topics(timeout=10)
        expect_equal(md.controller_id, fixture["controller_id"], "controller")
        expect_equal({i: (x.host, x.port) for i, x in md.brokers.items()},
                     {i: ("127.0.0.1", p) for i, p in b.ports.items()}, "brokers")
        seen = {name: [{"id": p.id, "leader": p.leader, "replicas": list(p.replicas), "isr": list(p.isrs)}
                       for p in sorted(t.partitions.values(), key=lambda p: p.id)] for name, t in md.topics.items()}
        expect_equal(seen, {t["name"]: expected_partitions(t) for t in fixture["topics"]}, "topics")
        # One BROKER resource per call in librdkafka; topics can share one.
        calls = [[ConfigResource("broker", str(x["id"]))] for x in fixture["brokers"]]
        calls.append([ConfigResource("topic", t["name"]) for t in fixture["topics"]])
        for call in calls:
            for resource, future in admin.describe_configs(call, request_timeout=10).items():
                entries = future.result(timeout=15)
                if "BROKER" in str(resource.restype):
                    spec = next(x for x in fixture["brokers"] if str(x["id"]) == resource.name)
                    expected = expected_configs(spec.get("configs"), "STATIC_BROKER_CONFIG")
                else:
                    spec = next(t for t in fixture["topics"] if t["name"] == resource.name)
                    expected = expected_configs(spec.get("configs"), "DYNAMIC_TOPIC_CONFIG")
                got = {k: (v.value, SOURCE_NAMES[v.source], v.is_read_only, v.is_sensitive) for k, v in entries.items()}
                expect_equal(got, {k: v[:4] for k, v in expected.items()}, f"configs of {resource}")
        del admin  # before the broker stops, so that librdkafka does not log the disconnections


@check()
def librdkafka_probe_reads_everything():
    fixture = load_fixture("three-brokers.json")
    with broker("three-brokers.json") as b:
        out = probe(b.bootstrap, extra=["--group", "no-such-group"])
        expect_equal(out["librdkafka"], "2.0.2", "librdkafka version")
        md = out["metadata"]
        expect_equal((md["controller_id"], md["cluster_id"]), (fixture["controller_id"], fixture["cluster_id"]),
                     "controller and cluster id")
        expect_equal({t: [{k: p[k] for k in ("id", "leader", "replicas", "isr")} for p in v["partitions"]]
                      for t, v in md["topics"].items()},
                     {t["name"]: expected_partitions(t) for t in fixture["topics"]}, "topics")
        for x in fixture["brokers"]:
            r = out["broker_configs"][str(x["id"])]
            expect_equal(r["error"], None, f"DescribeConfigs BROKER {x['id']}")
            got = r["resources"][str(x["id"])]["configs"]
            got = {k: (v["value"], v["source"], v["read_only"], v["sensitive"],
                       [(s["name"], s["value"], s["source"]) for s in v["synonyms"]]) for k, v in got.items()}
            expect_equal(got, expected_configs(x.get("configs"), "STATIC_BROKER_CONFIG"), f"broker {x['id']} configs")
        for t in fixture["topics"]:
            got = out["topic_configs"]["resources"][t["name"]]["configs"]
            got = {k: (v["value"], v["source"], v["read_only"], v["sensitive"],
                       [(s["name"], s["value"], s["source"]) for s in v["synonyms"]]) for k, v in got.items()}
            expect_equal(got, expected_configs(t.get("configs"), "DYNAMIC_TOPIC_CONFIG"), f"topic {t['name']} configs")
            defaults = {k for k, v in out["topic_configs"]["resources"][t["name"]]["configs"].items() if v["is_default"]}
            expect_equal(defaults, {k for k, v in expected_configs(t.get("configs"), "DYNAMIC_TOPIC_CONFIG").items()
                                    if v[1] == "DEFAULT_CONFIG"}, "is_default follows DEFAULT_CONFIG")
        expect_equal(out["list_groups"]["groups"], {g["id"]: {"state": g["state"], "simple": False}
                                                    for g in fixture["groups"]}, "ListConsumerGroups")
        described = out["describe_groups"]["groups"]
        for g in fixture["groups"]:
            d = described[g["id"]]
            expect_equal((d["error"], d["state"], d["coordinator"]), (None, g["state"], g["coordinator"]),
                         f"group {g['id']}")
            expect_equal([(m["member_id"], m["client_id"], m["host"], m["group_instance_id"], m["assignment"])
                          for m in d["members"]],
                         [(m["member_id"], m["client_id"], m["client_host"], m.get("group_instance_id"),
                           m["assignment"]) for m in g.get("members", [])], f"members of {g['id']}")
        expect_equal(described["no-such-group"]["state"], "Dead", "a group the coordinator does not know")

        # The requests recorded are exactly the read APIs this client sends, at librdkafka 2.0.2's versions.
        records = [r for r in b.records() if r["client_id"] == "kafkalint-probe"]
        versions = {(r["api_name"], r["api_version"]) for r in records}
        expect_equal(versions, {("ApiVersions", 3), ("Metadata", 4), ("DescribeConfigs", 1), ("ListGroups", 4),
                                ("FindCoordinator", 2), ("DescribeGroups", 4)}, "recorded API versions")
        expect(all(r["outcome"] == "answered" for r in records), "every request answered")
        expect_equal({r["broker_id"] for r in records if r["api_name"] == "ListGroups"}, set(b.ports),
                     "ListGroups fans out to every broker")
        topic_configs = [r for r in records if r["api_name"] == "DescribeConfigs"]
        expect_equal(len(topic_configs), len(fixture["brokers"]) + 1, "one DescribeConfigs per broker + topics")


# --- checks: protocol rules with raw requests ---------------------------------------------------

@check()
def raw_protocol_rules():
    with broker("three-brokers.json") as b:
        port = b.ports[1]
        # ApiVersions v3: flexible request header, but the response header is v0 (no tagged fields).
        body = b"\x0blibrdkafka\x062.0.2\x00"
        resp = raw_request(port, 18, 3, body, flexible_header=True)
        correlation, error = struct.unpack(">ih", resp[:6])
        expect_equal((correlation, error), (7, 0), "ApiVersions v3 header v0 + error")
        count = resp[6] - 1  # compact array
        keys = {}
        at = 7
        for _ in range(count):
            k, lo, hi = struct.unpack(">hhh", resp[at:at + 6])
            keys[k] = (lo, hi)
            at += 7  # + tagged fields
        expect_equal(keys, {3: (0, 12), 10: (0, 5), 15: (0, 5), 16: (0, 5), 18: (0, 3), 32: (0, 4), 60: (0, 1)},
                     "advertised ApiVersions")
        # An ApiVersions version the broker does not know: UNSUPPORTED_VERSION in v0, with its own range.
        resp = raw_request(port, 18, 9, body, flexible_header=True)
        expect_equal(resp, struct.pack(">ihihhh", 7, 35, 1, 18, 0, 3), "ApiVersions v9 answer")
        # Other APIs at an unsupported version, or unknown APIs: the connection is closed.
        expect(raw_request(port, 3, 13, b"") is None, "Metadata v13 must close the connection")
        expect(raw_request(port, 0, 7, b"\x00" * 20) is None, "Produce must close the connection")
        expect(raw_request(port, 9, 7, b"\x03g1\x00\x00\x00\x00\x00\x00", True) is None, "OffsetFetch is not served")
        # Malformed body: Kafka closes the connection.
        expect(raw_request(port, 32, 1, b"\x00\x00\x00\x05\x02") is None, "a truncated DescribeConfigs")
        # librdkafka 2.0.2's ListGroups v4 quirk: an extra 0x00 before the tagged fields is ignored.
        resp = raw_request(port, 16, 4, b"\x01\x00\x00", flexible_header=True)
        expect(resp is not None and struct.unpack(">ih", resp[:6]) == (7, 0),
               "ListGroups v4 with the extra byte (v1 header: correlation id, tagged fields, throttle)")
        # DescribeConfigs v1 exactly as captured from librdkafka 2.0.2 (facts §5.4), for broker 1.
        resp = raw_request(port, 32, 1, bytes.fromhex("0000000104000131ffffffff01"))
        expect(resp is not None and b"rack-a" in resp and b"hunter2" not in resp,
               "captured DescribeConfigs request answered, sensitive value withheld")
        # Metadata v9 (flexible) and v12 parse and answer with the v1 response header.
        resp = raw_request(port, 3, 12, b"\x01\x00\x00\x00", flexible_header=True)
        expect(resp is not None and resp[4] == 0, "Metadata v12 with response header v1")
        # DescribeCluster v1 (flexible from v0).
        resp = raw_request(port, 60, 1, b"\x00\x01\x00", flexible_header=True)
        expect(resp is not None and b"kl-3b-cluster" in resp, "DescribeCluster v1")
        records = b.records()
        expect_equal([r["outcome"] for r in records if r["client_id"] == "raw"],
                     ["answered", "answered", "closed", "closed", "closed", "closed", "answered", "answered",
                      "answered", "answered"], "recorded outcomes")


# --- checks: fault knobs -----------------------------------------------------------------------

@check()
def down_and_unreachable_brokers():
    with broker("three-brokers.json", "--down", "3") as b:
        with socket.socket() as s:
            expect(s.connect_ex(("127.0.0.1", b.ports[3])) != 0, "a down broker refuses connections")
        md = json.loads(kcat_metadata(b.bootstrap).stdout)
        expect_equal(sorted(x["id"] for x in md["brokers"]), [1, 2], "a down broker is not in Metadata")
        expect("127.0.0.1:%d" % b.ports[3] not in b.bootstrap, "bootstrap lists live brokers only")
    with broker("three-brokers.json", "--unreachable", "3") as b:
        out = probe(b.bootstrap, timeout_ms=2500)
        expect_equal(sorted(out["metadata"]["brokers"]), ["1", "2", "3"], "an unreachable broker is advertised")
        expect_equal(out["broker_configs"]["3"]["error"]["name"], "_TIMED_OUT", "DescribeConfigs of it times out")
        expect_equal(out["broker_configs"]["1"]["error"], None, "other brokers still answer")


@check()
def slow_responses():
    with broker("three-brokers.json", "--delay", "DescribeConfigs=4000") as b:
        out = probe(b.bootstrap, timeout_ms=1500)
        expect_equal(out["broker_configs"]["1"]["error"]["name"], "_TIMED_OUT", "slower than the client's timeout")
        expect_equal(out["metadata"]["error"], None, "other APIs are not delayed")
    with broker("three-brokers.json", "--delay", "Metadata=700") as b:
        start = time.monotonic()
        result = kcat_metadata(b.bootstrap)
        expect(result.returncode == 0 and time.monotonic() - start >= 0.7, "a delay below the timeout only slows")
        expect(all(r["outcome"] == "delayed" for r in b.records() if r["api_name"] == "Metadata"), "recorded delayed")


@check()
def per_resource_errors():
    from kafka.admin import ConfigResource, ConfigResourceType, KafkaAdminClient
    with broker("resource-errors.json") as b:
        out = probe(b.bootstrap, extra=["--group", "forbidden"])
        expect_equal(sorted(out["metadata"]["topics"]), ["open", "secret-configs"],
                     "a topic without Describe is left out of all-topics Metadata")
        expect_equal(out["broker_configs"]["2"]["resources"]["2"]["error"]["name"], "CLUSTER_AUTHORIZATION_FAILED",
                     "broker 2 configs")
        expect_equal(out["broker_configs"]["1"]["resources"]["1"]["error"], None, "broker 1 configs")
        topics = out["topic_configs"]["resources"]
        expect_equal(topics["secret-configs"]["error"]["name"], "TOPIC_AUTHORIZATION_FAILED", "topic configs")
        expect_equal(topics["open"]["error"], None, "open topic configs")
        expect_equal(out["describe_groups"]["groups"]["forbidden"]["error"], "GROUP_AUTHORIZATION_FAILED", "group")
        # Asked by name, Metadata reports the authorization error (python-kafka, independently).
        admin = KafkaAdminClient(bootstrap_servers=b.bootstrap.split(","), client_id="python-kafka-errors")
        try:
            response = admin._send_request_to_node(
                admin._client.least_loaded_node(),
                __import__("kafka.protocol.metadata", fromlist=["x"]).MetadataRequest[1](topics=["hidden", "nope"]))
            admin._wait_for_futures([response])
            errors = {t[1]: t[0] for t in response.value.topics}
            expect_equal(errors, {"hidden": 29, "nope": 3}, "Metadata errors by name")
            r = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, "hidden")])
            expect_equal(r[0].resources[0][0], 29, "python-kafka sees TOPIC_AUTHORIZATION_FAILED")
        finally:
            admin.close()


def java_hash_code(text):
    """java.lang.String#hashCode (for BMP text), as Kafka maps group ids to __consumer_offsets partitions."""
    h = 0
    for unit in text.encode("utf-16-be").hex(" ", 2).split():
        h = (31 * h + int(unit, 16)) & 0xFFFFFFFF
    return h - (1 << 32) if h >= 1 << 31 else h


@check()
def answers_like_real_kafka():
    """Differences from Apache Kafka 3.9.2 and 4.1.2 found by tests/realkafka/ (TestBrokerVsKafka), fixed."""
    def describe_configs(port, resources):
        body = struct.pack(">i", len(resources))
        for rtype, name in resources:  # asking for one config name that no resource has
            n = name.encode()
            body += struct.pack(">bh", rtype, len(n)) + n + struct.pack(">ih", 1, 4) + b"none"
        resp = raw_request(port, 32, 1, body + b"\x01")
        at, out = 8, {}
        count = struct.unpack(">i", resp[at:at + 4])[0]
        at += 4
        for _ in range(count):
            error, length = struct.unpack(">hh", resp[at:at + 4])
            at += 4
            message = None if length < 0 else resp[at:at + length].decode()
            at += max(length, 0) + 1
            length = struct.unpack(">h", resp[at:at + 2])[0]
            name = resp[at + 2:at + 2 + length].decode()
            at += 2 + length
            expect_equal(struct.unpack(">i", resp[at:at + 4])[0], 0, "configs of " + name)
            at += 4
            out[name] = (error, message)
        return out

    def find_coordinator(port, group):
        g = group.encode()
        resp = raw_request(port, 10, 2, struct.pack(">h", len(g)) + g + b"\x00")
        error, length = struct.unpack(">hh", resp[8:12])
        message = None if length < 0 else resp[12:12 + length].decode()
        node = struct.unpack(">i", resp[12 + max(length, 0):16 + max(length, 0)])[0]
        return error, message, node

    def metadata_controller(port):
        resp = raw_request(port, 3, 4, b"\xff\xff\xff\xff\x00")
        at = 8
        count = struct.unpack(">i", resp[at:at + 4])[0]
        at += 4
        for _ in range(count):
            at += 4
            at += 2 + struct.unpack(">h", resp[at:at + 2])[0] + 4
            length = struct.unpack(">h", resp[at:at + 2])[0]
            at += 2 + max(length, 0)
        at += 2 + max(struct.unpack(">h", resp[at:at + 2])[0], 0)
        return struct.unpack(">i", resp[at:at + 4])[0]

    with broker("resource-errors.json") as b:
        # Kafka's ErrorMessage: "" without an error and for an unknown topic (ConfigHelper leaves the
        # default), Errors#message() for authorization errors (KafkaApis); never a text of its own.
        expect_equal(describe_configs(b.ports[1], [(2, "open"), (2, "secret-configs"), (2, "no-such-topic")]),
                     {"open": (0, ""), "secret-configs": (29, "Topic authorization failed."), "no-such-topic": (3, "")},
                     "DescribeConfigs errors and messages of topics")
        expect_equal(describe_configs(b.ports[2], [(4, "2")]), {"2": (31, "Cluster authorization failed.")},
                     "DescribeConfigs of a broker whose configs are not authorized")
    fixture = load_fixture("three-brokers.json")
    offsets = [t for t in fixture["topics"] if t.get("name") == "__consumer_offsets"][0]
    leaders = {p["id"]: p["leader"] for p in expected_partitions(offsets)}
    with broker("three-brokers.json") as b:
        # A group the fixture does not place: the leader of partition abs(hashCode) % partitions.
        for group in ("kafkalint-no-such-group", "billing-v2", "g"):
            h = java_hash_code(group)
            partition = (0 if h == -(1 << 31) else abs(h)) % len(leaders)
            expect_equal(find_coordinator(b.ports[1], group), (0, "NONE", leaders[partition]),
                         "FindCoordinator of " + group)
    # No group and no __consumer_offsets yet: Kafka answers COORDINATOR_NOT_AVAILABLE (and creates the topic).
    fresh = {"brokers": [{"id": 1}, {"id": 2}], "topics": [{"name": "t", "partitions": [{"replicas": [1, 2]}]}]}
    with broker(fresh) as b:
        expect_equal(find_coordinator(b.ports[1], "g"), (15, "The coordinator is not available.", -1),
                     "FindCoordinator before any group")
    # A group of the consumer protocol (KIP-848): listed alive, described by the classic API as Dead.
    modern = {"brokers": [{"id": 1}], "groups": [{"id": "modern", "type": "consumer", "state": "Stable",
                                                  "coordinator": 1}]}
    with broker(modern) as b:
        resp = raw_request(b.ports[1], 16, 4, b"\x01\x00\x00", flexible_header=True)
        expect(b"\x07modern\x09consumer\x07Stable" in resp, "ListGroups lists it with its state")
        resp = raw_request(b.ports[1], 15, 4, struct.pack(">ih", 1, 6) + b"modern" + b"\x00")
        expect_equal(resp[8:], struct.pack(">ih", 1, 0) + struct.pack(">h", 6) + b"modern" + struct.pack(">h", 4) +
                     b"Dead" + struct.pack(">hhi", 0, 0, 0) + struct.pack(">i", -2147483648),
                     "DescribeGroups v4 of a consumer-protocol group")
    # KRaft brokers name a random live broker as Metadata's ControllerId, response by response.
    fixture["controller_id"] = "random"
    with broker(fixture, "--down", "3") as b:
        seen = {metadata_controller(b.ports[1]) for _ in range(40)}
        expect(seen <= {1, 2} and len(seen) == 2, "random controller ids among the live brokers: %s" % seen)


@check()
def dropped_connections_and_truncated_responses():
    with broker("three-brokers.json", "--drop-on", "DescribeConfigs") as b:
        out = probe(b.bootstrap, timeout_ms=2500)
        expect_equal(out["metadata"]["error"], None, "metadata still works")
        expect_equal(out["broker_configs"]["1"]["error"]["name"], "_TRANSPORT", "a dropped DescribeConfigs")
        expect(any(r["outcome"] == "dropped" for r in b.records()), "recorded as dropped")
    with broker("three-brokers.json", "--drop-after", "1") as b:
        result = kcat_metadata(b.bootstrap, timeout_s=3)
        expect(result.returncode != 0, "kcat gets no metadata when every connection dies after ApiVersions")
        expect_equal({r["api_name"] for r in b.records() if r["outcome"] == "dropped"}, {"Metadata"}, "dropped")
    with broker("three-brokers.json", "--truncate", "Metadata") as b:
        result = kcat_metadata(b.bootstrap, timeout_s=3)
        expect(result.returncode != 0, "kcat fails on a truncated Metadata response")
        expect_equal(probe(b.bootstrap, timeout_ms=2000)["metadata"]["error"], "_UNDERFLOW", "probe metadata")
        expect(any(r["outcome"] == "truncated" for r in b.records()), "recorded as truncated")
    with broker("three-brokers.json", "--truncate", "DescribeConfigs") as b:
        out = probe(b.bootstrap, timeout_ms=2500)
        expect_equal(out["broker_configs"]["1"]["error"]["name"], "_UNDERFLOW", "a truncated DescribeConfigs")


@check()
def unknown_controller():
    with broker("three-brokers.json", "--controller", "-1") as b:
        out = probe(b.bootstrap, timeout_ms=2000)
        expect_equal(out["metadata"]["controller_id"], -1, "controller id")
        expect_equal(out["topic_configs"]["error"]["name"], "_TIMED_OUT", "topic configs wait for a controller")
        expect_equal(out["broker_configs"]["1"]["error"], None, "broker configs do not need the controller")


@check()
def api_left_out_of_api_versions():
    fixture = load_fixture("three-brokers.json")
    fixture["api_versions"] = {"DescribeConfigs": None, "ListGroups": [0, 2]}
    with broker(fixture) as b:
        out = probe(b.bootstrap, timeout_ms=2500)
        expect_equal(out["broker_configs"]["1"]["error"]["name"], "_UNSUPPORTED_FEATURE", "no DescribeConfigs")
        expect_equal(out["list_groups"]["error"], None, "ListGroups still served")
        expect(all(r["api_version"] == 2 for r in b.records() if r["api_name"] == "ListGroups"),
               "the client used the highest advertised ListGroups version")


@check()
def only_read_apis_recorded():
    with broker("three-brokers.json") as b:
        kcat_metadata(b.bootstrap)
        probe(b.bootstrap)
        keys = {r["api_key"] for r in b.records()}
        expect(keys <= set(READ_APIS), f"unexpected API keys recorded: {keys - set(READ_APIS)}")
        expect({18, 3, 32, 10, 16, 15} <= keys, "every read API of the audit was recorded")


@check()
def clients_vanishing_do_not_hurt():
    with broker("three-brokers.json") as b:
        port = b.ports[1]
        # Half a frame, then gone; a frame announcing 2 GiB; a connection that never sends.
        with socket.create_connection(("127.0.0.1", port)) as s:
            s.sendall(struct.pack(">i", 100) + b"\x00\x03")
        with socket.create_connection(("127.0.0.1", port)) as s:
            s.sendall(struct.pack(">i", 0x7FFFFFFF))
            expect(s.recv(10) == b"", "an oversized frame closes the connection")
        idle = socket.create_connection(("127.0.0.1", port))
        result = kcat_metadata(b.bootstrap)
        idle.close()
        expect(result.returncode == 0, "still serving after misbehaving clients")


# --- the large cluster -------------------------------------------------------------------------

@check("large")
def one_million_partitions():
    with broker("generated-1m-partitions.json") as b:
        start = time.monotonic()
        result = kcat_metadata(b.bootstrap, timeout_s=120)
        elapsed = time.monotonic() - start
        expect(result.returncode == 0, f"kcat failed: {result.stderr[-2000:]}")
        # ~100 MB of JSON: count and spot-check in the text rather than building a Python object per
        # partition (json.loads would take seconds and over a gigabyte).
        text = result.stdout
        expect_equal((text.count('"partitions":['), text.count('{"partition":')), (100000, 1000000),
                     "topics and partitions")
        decoder = json.JSONDecoder()
        topic, _ = decoder.raw_decode(text, text.index('{"topic":"bench-1234",'))
        ordinal = 1234 * 10 + 7
        p = topic["partitions"][7]
        expect_equal([r["id"] for r in p["replicas"]], [(ordinal + k) % 5 + 1 for k in range(3)], "placement")
        expect_equal(p["leader"], p["replicas"][0]["id"], "leader")
        topic, _ = decoder.raw_decode(text, text.index('{"topic":"bench-100",'))
        expect_equal([r["id"] for r in topic["partitions"][0]["isrs"]], [1, 2], "isr_shrink_every: 1000")
        topic, _ = decoder.raw_decode(text, text.index('{"topic":"bench-25000",'))
        expect_equal(topic["partitions"][0]["leader"], -1, "leaderless_every: 250000")
        # librdkafka 2.0.2 matches DescribeConfigs results by linear search: batch the topics.
        out = probe(b.bootstrap, timeout_ms=120000, extra=["--topic-batch", "1000"]) if ARGS.large_probe else None
        print(f"    kcat -L -J on 100,000 topics / 1,000,000 partitions: {elapsed:.1f} s; "
              f"broker peak RSS {b.peak_rss_kib() / 1024:.0f} MiB")
        if out is not None:
            expect(out["topic_configs"]["error"] is None, "DescribeConfigs of 100,000 topics")
            expect_equal(len(out["topic_configs"]["resources"]), 100000, "topic configs described")


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--broker", required=True)
    parser.add_argument("--probe", required=True)
    parser.add_argument("--fixtures", required=True)
    parser.add_argument("--kcat", default="/usr/bin/kcat")
    parser.add_argument("--suite", default="main", choices=["main", "large"])
    parser.add_argument("--large-probe", action="store_true", help="also run the librdkafka probe on the 1M fixture")
    parser.add_argument("-k", dest="only", help="run only checks whose name contains this")
    ARGS = parser.parse_args()
    failures = 0
    for suite, fn in CHECKS:
        if suite != ARGS.suite or (ARGS.only and ARGS.only not in fn.__name__):
            continue
        start = time.monotonic()
        try:
            fn()
            print(f"PASS {fn.__name__} ({time.monotonic() - start:.1f} s)", flush=True)
        except Exception:  # a failed check must not stop the others
            failures += 1
            print(f"FAIL {fn.__name__} ({time.monotonic() - start:.1f} s)\n{traceback.format_exc()}", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
