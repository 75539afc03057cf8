#!/usr/bin/python3
"""kafkalint check --bootstrap against real Apache Kafka KRaft clusters on loopback (issue 18, part 1).

  test_realkafka.py --kafkalint build/kafkalint --broker build/tests/broker/kafkalint_test_broker \
                    --source . [--versions 3.9.2,4.1.2] [--keep-logs DIR] [unittest names or -k PATTERN]

For each pinned Kafka release (kafka/<version>/pom.xml, fetched by fetch_kafka.py), a cluster of
three brokers and one KRaft controller is started (cluster.py) and driven through scenarios with
Kafka's own Java clients (driver/KafkaDriver.java): topics with overrides, dynamic broker configs and
cluster-wide defaults, consumer groups, DescribeConfigs denied by ACLs to a SASL/SCRAM user, a
stopped broker; and a cluster of three combined broker+controller nodes left at Kafka's defaults.
After each, kafkalint's JSON report must be exactly what model.py works out from Kafka's own
answers (findings, effective values and their config sources, KL9009 for what could not be read,
the durability budget, the exit code), and its text report must agree with the JSON one. Then the
same answers are served by the project's test broker (mirror.py) and compared, on the wire and
through kafkalint.

Differences that are kafkalint's fault are listed in KNOWN_PRODUCT_BUGS below: each is claimed
there with the exact difference and the code believed responsible, so the suite stays green while
they are open; a full run fails when one of them is no longer observed (fixed: remove it).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cluster as kcluster  # noqa: E402
import fetch_kafka  # noqa: E402
import mirror  # noqa: E402
import model  # noqa: E402
import oracle  # noqa: E402

ARGS = None
HANG_GUARD_S = 120
READ_APIS = {"ApiVersions", "Metadata", "DescribeConfigs", "ListGroups", "FindCoordinator", "DescribeGroups"}

# SCRAM users of the SASL listener. The passwords must never appear in any kafkalint output.
AUDIT_FULL = ("kafkalint-audit", "Full-Audit-Secret-7f3a")
AUDIT_LIMITED = ("kafkalint-limited", "Limited-Audit-Secret-91c2")
WRONG_PASSWORD = "Wrong-Password-Secret-55e0"

BROKER_CONFIG = {
    "min.insync.replicas": "2",
    "default.replication.factor": "3",
    "offsets.topic.replication.factor": "3",
    "transaction.state.log.replication.factor": "3",
    "transaction.state.log.min.isr": "2",
    "auto.create.topics.enable": "false",
}
RACKS = {1: {"broker.rack": "rack-a"}, 2: {"broker.rack": "rack-b"}}  # broker 3 has none

# Topics of the overrides scenario, with their replica assignments (deterministic placement).
TOPICS = {
    "rf1-on-3": {"assignment": [[3]]},
    "rf2": {"assignment": [[1, 2], [2, 1]]},
    "rf3-mi2": {"assignment": [[1, 2, 3], [2, 3, 1], [3, 1, 2]], "configs": {"min.insync.replicas": "2"}},
    "rf3-mi1": {"assignment": [[1, 2, 3]], "configs": {"min.insync.replicas": "1"}},
    "rf3-unclean": {"assignment": [[2, 3, 1]], "configs": {"unclean.leader.election.enable": "true"}},
    "rf2-mi3": {"assignment": [[1, 2]], "configs": {"min.insync.replicas": "3"}},
    "rf3-mi3": {"assignment": [[1, 2, 3]], "configs": {"min.insync.replicas": "3"}},
}


# ---------------------------------------------------------------------------------------------
# Known product bugs: where kafkalint itself is wrong against real Kafka. src/ is not changed by
# these tests; each entry claims the differences (model.compare tuples) it explains. The list must
# shrink to zero: a full run fails when an entry claims nothing (fixed, or the scenario changed).
# ---------------------------------------------------------------------------------------------
def _min_isr_above_replicas(d, ctx):
    # Kafka 3.7+ (KAFKA-15583) enforces min(min.insync.replicas, replicas): a partition with fewer
    # replicas than min.insync.replicas takes acks=all writes while all its replicas are in sync.
    topics = set()
    for name, t in ctx["state"]["topics"].items():
        mi = (t["configs"] or {}).get("min.insync.replicas")
        if mi and any(len(p["replicas"]) < int(mi["value"]) for p in t["partitions"]):
            topics.add(name)
    if d[:3] == ("finding", "extra", "KL0211") and d[3][len("topic "):] in topics:
        return True
    if d[0] == "message" and d[2][len("topic "):] in topics:  # a text saying Kafka refuses such writes
        return True
    if d[0] == "budget" and d[1] in topics and d[2] in ("writes.state", "writes.brokers", "writes.racks",
                                                         "writes.partition", "ackedWrites.brokers",
                                                         "ackedWrites.racks", "ackedWrites.partition"):
        return True
    return False


def _topic_configs_from_another_broker(d, ctx):
    # The detail names the broker of Metadata's ControllerId; the answer came from another broker.
    if d[0] != "detail" or not d[2].startswith("topic "):
        return False
    named = "broker %d " % ctx["reported_controller"]
    return ctx["answering"] != ctx["reported_controller"] and named in d[5] and "broker %d " % ctx["answering"] in d[4]


def _scram_with_kafka_4(d, ctx):
    # The whole audit fails: every difference of that run is this one.
    return ctx["scenario"].startswith("SCRAM user") and "invalid credentials with SASL mechanism SCRAM" in \
        ctx["cluster_unverified"]


def _consumer_protocol_groups(d, ctx):
    return d[0] == "group" and d[1] == "modern-readers"


KNOWN_PRODUCT_BUGS = [
    {
        "id": "min-isr-above-replicas",
        "summary": "Partition state and durability budget use min.insync.replicas as is, not Kafka's effective "
                   "min(min.insync.replicas, replicas) (3.7+, KAFKA-15583): a partition with fewer replicas than "
                   "min.insync.replicas is reported under min ISR (KL0211) and its topic 'never-writable' "
                   "(writes.state) although Kafka acknowledges acks=all writes to it while all its replicas are in "
                   "sync (the scenario produces with acks=all and Kafka acknowledges every record)",
        "difference": "extra KL0211 on topics rf1-on-3 (RF 1, inherited min ISR 2) and rf2-mi3 (RF 2, override "
                      "min ISR 3); budget writes.state never-writable instead of accepted (or stopped, when the "
                      "partition is offline), writes.brokers -1 instead of 0, ackedWrites counted with min ISR "
                      "instead of min(min ISR, replicas); messages saying 'acks=all writes cannot reach "
                      "min.insync.replicas in-sync replicas' (KL0205), 'acks=all writes can never succeed' (KL0211)",
        "source": "src/evaluate/partition_state.cpp partitionHealth() and partitionBudget() (neverWritable = "
                  "replicaCount < minIsr); the texts of rules/topic/KL0205, KL0208, KL0211",
        "versions": ("3.9", "4.1"),
        "claims": _min_isr_above_replicas,
    },
    {
        "id": "topic-configs-attributed-to-the-wrong-broker",
        "summary": "kafkalint names the broker of Metadata's ControllerId as the one whose configs a topic "
                   "inherits ('dynamic broker config, as broker N reports it', 'server.properties of broker N') "
                   "and reports it as clusters[].controllerId. In KRaft, brokers answer Metadata with a random live "
                   "broker as ControllerId (it changes from one response to the next; the real controller, node "
                   "100 here, is not a broker), and librdkafka sends the topic DescribeConfigs to the controller of "
                   "a later Metadata response (it refreshes metadata on every new broker connection): the values "
                   "come from another broker than the one named. With per-broker dynamic configs the values "
                   "themselves differ from run to run, and the report of an unchanged cluster is not deterministic",
        "difference": "detail of a topic's inherited min.insync.replicas / unclean.leader.election.enable names broker "
                      "N (Metadata's ControllerId) while librdkafka's log shows 'DESCRIBECONFIGS: controller "
                      "host:port/M' with M != N, and the values are broker M's",
        "source": "src/load/live/cluster_reader.cpp ClusterReader::readMetadata() (rd_kafka_controllerid) and "
                  "readTopicConfigs(); src/load/live/live_model.cpp LiveModelBuilder::begin() (controllerName_) "
                  "and describeSource()",
        "versions": ("3.9", "4.1"),
        "claims": _topic_configs_from_another_broker,
    },
    {
        "id": "scram-with-kafka-4",
        "summary": "kafkalint cannot authenticate with SASL/SCRAM to Kafka 4.x: Debian 12's librdkafka 2.0.2 "
                   "repeats the client nonce in its SCRAM client-final-message (fixed in librdkafka 2.6.1, "
                   "confluentinc/librdkafka#4895), which Kafka 3.8.1-3.9.x tolerate (endsWith) and Kafka 4.x refuses "
                   "since the CVE-2024-56128 fix. The same user and password work with Kafka's Java client and with "
                   "wire.py; kafkalint reports the cluster unverified and blames the credentials",
        "difference": "SCRAM user with the README's ACLs on Kafka 4.1: exit 3, one KL9009 on the cluster ('SASL "
                      "authentication error: Authentication failed during authentication due to invalid credentials "
                      "with SASL mechanism SCRAM-SHA-256') instead of the super user's findings (exit 1)",
        "source": "the librdkafka kafkalint loads (src/load/live/rdkafka_api.cpp rdk::load() accepts any "
                  "librdkafka.so.1 with the functions it needs; packaging asks for librdkafka1 >= 2.0.2); "
                  "src/load/live/cluster_reader.cpp readMetadata() words the error",
        "versions": ("4.1",),
        "claims": _scram_with_kafka_4,
    },
    {
        "id": "consumer-protocol-groups-read-as-dead",
        "summary": "A consumer group of the consumer protocol (KIP-848, GA in Kafka 4.0) is reported Dead, without "
                   "members or topics: librdkafka 2.0.2's DescribeConsumerGroups sends the classic DescribeGroups, "
                   "which Kafka 4.x answers for such a group as for an unknown one (Dead, no error), although its "
                   "ListGroups answer says Stable. Kafka's Admin client (ConsumerGroupDescribe) sees the member and "
                   "its assignment. Nothing says the group was not read: a consumer file naming it is silently "
                   "checked against no topic",
        "difference": "clusters[].groups modern-readers: state Dead instead of Stable, members 0 instead of 1, topics "
                      "[] instead of [rf3-mi1] (Kafka 4.1, group.protocol=consumer)",
        "source": "src/load/live/cluster_reader.cpp ClusterReader::readGroups() (trusts DescribeConsumerGroups over "
                  "ListConsumerGroups' state; librdkafka 2.0.2 has no ConsumerGroupDescribe); "
                  "src/load/live/live_model.cpp linkConsumerGroups()",
        "versions": ("4.1",),
        "claims": _consumer_protocol_groups,
    },
]


def claim(diffs, version, ctx):
    """Splits differences into those a known product bug explains and the rest."""
    unexplained = []
    for d in diffs:
        for bug in KNOWN_PRODUCT_BUGS:
            if version[:3] in bug["versions"] and bug["claims"](d, ctx):
                OBSERVED.setdefault(bug["id"], []).append((version, ctx["scenario"], d))
                break
        else:
            unexplained.append(d)
    return unexplained


ROUTING = []  # (version, scenario, Metadata's ControllerId in the report, broker that answered topic DescribeConfigs)
OBSERVED = {}  # bug id -> [(version, scenario, difference)]


# ---------------------------------------------------------------------------------------------

class Run:
    def __init__(self, p, seconds):
        self.code = p.returncode
        self.stdout = p.stdout
        self.stderr = p.stderr
        self.seconds = seconds
        self.report = json.loads(p.stdout) if p.stdout.lstrip().startswith("{") else None

    def findings(self, rule=None, entity=None):
        return [f for f in self.report["findings"] if (rule is None or f["ruleId"] == rule) and
                (entity is None or f["entity"]["kind"] + " " + f["entity"]["name"] == entity)]

    def entities(self, rule):
        return sorted(f["entity"]["kind"] + " " + f["entity"]["name"] for f in self.findings(rule))


def kafkalint(*args, env=None):
    started = time.monotonic()
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("KAFKALINT_")}
    full_env.update(env or {})
    p = subprocess.run([ARGS.kafkalint, "check", "--no-config", *args], capture_output=True, text=True,
                       timeout=HANG_GUARD_S, env=full_env)
    return Run(p, time.monotonic() - started)


def validate(test, report):
    import jsonschema
    with open(os.path.join(ARGS.source, "docs", "report.schema.json")) as f:
        schema = json.load(f)
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(report), key=str)
    test.assertEqual([], [e.message for e in errors[:5]])


def text_findings(text, bootstrap):
    """(rule, "kind name") of every finding line of the text report."""
    out = set()
    prefix = "kafka://" + bootstrap + " "
    for line in text.splitlines():
        if not line.startswith(prefix):
            continue
        m = re.match(r"(\S+) (.+?): (error|warning|note) (KL\d{4}) ", line[len(prefix):])
        if m:
            out.add((m.group(4), m.group(1) + " " + m.group(2)))
    return out


# What a test-broker fixture cannot reproduce, by design. Anything else that differs is a bug of
# the test broker, to be fixed in tests/broker/.
def test_broker_limit(d, version):
    path, kafka, served = d
    # The test broker implements the versions of Kafka 3.8 (tests/broker/README.md): a newer release's
    # higher maxima cannot be advertised (librdkafka 2.0.2 uses none of them).
    if path[:1] == ("api_versions",) and isinstance(kafka, tuple) and isinstance(served, tuple) and \
            kafka[0] == served[0] and kafka[1] > served[1]:
        return True
    return False


def _normal_report(run, bootstrap):
    text = json.dumps(run.report).replace(bootstrap, "BOOTSTRAP")
    # Which broker's name a topic's inherited config carries (topic-configs-attributed-to-the-wrong-broker).
    text = re.sub(r"as broker \d+ reports it", "as broker N reports it", text)
    text = re.sub(r"server.properties of broker \d+ \(static", "server.properties of broker N (static", text)
    report = json.loads(text)
    report["clusters"][0].pop("controllerId", None)
    for f in report["findings"]:
        f.pop("fingerprint", None)
    report.pop("inputs", None)
    return report, run.code


def report_differences(real, mirrored, real_bootstrap, mirror_bootstrap):
    out = []
    a, code_a = _normal_report(real, real_bootstrap)
    b, code_b = _normal_report(mirrored, mirror_bootstrap)
    if code_a != code_b:
        out.append(("exit code", code_a, code_b))
    key = lambda f: (f["ruleId"], f["entity"]["kind"], f["entity"]["name"])
    fa, fb = {key(f): f for f in a["findings"]}, {key(f): f for f in b["findings"]}
    for k in sorted(set(fa) | set(fb)):
        if k not in fa or k not in fb:
            out.append(("finding", k, k in fa, k in fb))
        elif fa[k] != fb[k]:
            out.append(("finding", k, fa[k]["message"], fb[k]["message"], fa[k]["effective"], fb[k]["effective"]))
    ba, bb = {x["topic"]: x for x in a["durabilityBudget"]}, {x["topic"]: x for x in b["durabilityBudget"]}
    diffs = []
    mirror._walk(("durabilityBudget",), ba, bb, diffs)
    mirror._walk(("clusters",), a["clusters"], b["clusters"], diffs)
    if [x["topic"] for x in a["durabilityBudget"]] != [x["topic"] for x in b["durabilityBudget"]]:
        diffs.append((("durabilityBudget", "order"), [x["topic"] for x in a["durabilityBudget"]],
                      [x["topic"] for x in b["durabilityBudget"]]))
    return out + diffs


def file_findings(report):
    return sorted((f["ruleId"], f["entity"]["kind"] + " " + f["entity"]["name"]) for f in report["findings"]
                  if not f["location"]["file"].startswith("kafka://"))


class ClusterTest(unittest.TestCase):
    """What every real-cluster test shares: the cluster of the class, and audit()."""
    VERSION = None
    cluster = None

    @classmethod
    def tearDownClass(cls):
        if cls.cluster is not None:
            cls.cluster.close()

    # ---- helpers

    @property
    def v(self):
        return self.VERSION[:3]  # the --kafka-version kafkalint is told

    def sasl_view(self, user):
        return oracle.View({n.id: "127.0.0.1:%d" % n.sasl_port for n in self.cluster.brokers}, sasl=user)

    def ensure_topics(self, names=None):
        existing = {t["name"] for t in self.plain.settle()["topics"]}
        for name in names or TOPICS:
            if name not in existing:
                self.driver.call("createTopic", name=name, **TOPICS[name])
        return self.plain.settle(check=lambda md: {n for n in names or TOPICS} <= {t["name"] for t in md["topics"]}
                                 and all(p["leader"] >= 0 for t in md["topics"] for p in t["partitions"]
                                         if t["name"] in (names or TOPICS)))

    def audit(self, scenario, view=None, args=(), env=None, expect_code=None, extra_ctx=None, files=()):
        """Runs kafkalint (JSON and text) against the cluster as `view` sees it, compares the report with
        model.py's expectation from the same view, and the test broker serving a mirror of the view."""
        view = view or self.plain
        bootstrap = ",".join(view.addresses[i] for i in sorted(view.addresses))
        common = ["--bootstrap", bootstrap, "--kafka-version", self.v, *args, *files]
        work = tempfile.mkdtemp(prefix="kafkalint-realkafka-report-")
        self.addCleanup(shutil.rmtree, work, True)
        json_path = os.path.join(work, "report.json")
        for attempt in range(3):
            before = oracle.normal_metadata(view.settle())
            # One run, two reports: JSON to a file, text to standard output. librdkafka's admin log (-v)
            # names the broker its topic DescribeConfigs went to.
            r = kafkalint(*common, "--format", "json:" + json_path, "--format", "text", "-v", "-X", "debug=admin",
                          env=env)
            with open(json_path) as f:
                r.report = json.load(f)
            after_md = view.settle()
            if oracle.normal_metadata(after_md) == before:
                break
        else:
            self.fail("the cluster kept changing while kafkalint read it")
        validate(self, r.report)
        routed = re.findall(r"DESCRIBECONFIGS: controller \S+/(\d+)", r.stderr)
        answering = int(routed[-1]) if routed else r.report["clusters"][0]["controllerId"]
        ROUTING.append((self.VERSION, scenario, r.report["clusters"][0]["controllerId"], answering))
        if answering not in view.addresses:  # kafkalint read no topic configs: any broker's view
            answering = min(view.addresses)
        state = view.state(self.VERSION, answering, metadata=None)
        expected = model.expected_report(state)
        diffs = model.compare(expected, r.report)
        want_code = 3 if expected.unverified else (1 if expected.findings else 0)
        if files:
            want_code = max(want_code, 1) if want_code != 3 else 3
        if expect_code is not None:
            self.assertEqual(expect_code, want_code, "the scenario and the model disagree on the exit code")
        if r.code != want_code:
            diffs.append(("exit", want_code, r.code))
        ctx = {"scenario": scenario, "state": state, "reported_controller": r.report["clusters"][0]["controllerId"],
               "answering": answering,
               "cluster_unverified": " ".join(f["message"] for f in r.report["findings"]
                                              if f["ruleId"] == "KL9009" and f["entity"]["kind"] == "cluster")}
        ctx.update(extra_ctx or {})
        unexplained = claim(diffs, self.VERSION, ctx)
        self.assertEqual([], unexplained, "kafkalint's report differs from what Kafka says (%s, Kafka %s):\n%s" % (
            scenario, self.VERSION, "\n".join(map(repr, unexplained))))
        # The text report of the same run: the same findings.
        live_json = {(f["ruleId"], f["entity"]["kind"] + " " + f["entity"]["name"]) for f in r.report["findings"]
                     if f["location"]["file"].startswith("kafka://")}
        self.assertEqual(live_json, text_findings(r.stdout, bootstrap))
        self.assertEqual(r.report["summary"]["exitCode"], r.code)
        if r.report["clusters"][0]["brokers"]:  # (not when kafkalint could not read the metadata at all)
            self.compare_with_test_broker(scenario, view, answering, r, files)
        r.state, r.view, r.ctx = state, view, ctx
        return r

    def compare_with_test_broker(self, scenario, view, answering, real, files):
        """The test broker serving a mirror of what Kafka answered must answer the same, on the wire and
        through kafkalint."""
        seen = mirror.collect(view, answering)
        tb = mirror.TestBroker(ARGS.broker, mirror.fixture(seen))
        self.addCleanup(tb.stop)
        served = mirror.collect(oracle.View(tb.addresses), answering)
        diffs = [d for d in mirror.differences(seen, served) if not test_broker_limit(d, self.VERSION)]
        self.assertEqual([], diffs, "the test broker answers otherwise than Kafka %s (%s):\n%s" % (
            self.VERSION, scenario, "\n".join(map(repr, diffs[:40]))))
        mirrored = kafkalint("--bootstrap", tb.bootstrap, "--kafka-version", self.v, "--format", "json", *files)
        self.assertIsNotNone(mirrored.report, mirrored.stderr[-2000:])
        self.assertEqual([], report_differences(real, mirrored, real_bootstrap=",".join(
            view.addresses[i] for i in sorted(view.addresses)), mirror_bootstrap=tb.bootstrap),
            "kafkalint reports otherwise on the test broker than on Kafka %s (%s)" % (self.VERSION, scenario))
        self.assertLessEqual({q["api_name"] for q in tb.requests()}, READ_APIS)

    def topic_configs(self, topic, broker=None):
        with self.plain.connect(broker or min(self.plain.addresses)) as c:
            return {x["name"]: x for x in c.describe_configs([(2, topic, oracle.TOPIC_KEYS)])[0]["configs"]}


class RealKafka(ClusterTest):
    """The scenarios on one release: a cluster of brokers 1-3 (racks on 1 and 2) and controller 100,
    with a SASL_PLAINTEXT/SCRAM listener and StandardAuthorizer. Scenarios run in name order and build
    on each other, but each sets up what it needs, so that one can be run alone."""
    VERSION = None
    SEPARATE_CONTROLLER = True
    cluster = None

    @classmethod
    def setUpClass(cls):
        if cls.VERSION is None:
            raise unittest.SkipTest("base class")
        started = time.monotonic()
        libs = fetch_kafka.fetch(cls.VERSION, log=lambda m: sys.stderr.write(m + "\n"))
        fetched = time.monotonic()
        cls.cluster = kcluster.KafkaCluster(cls.VERSION, libs, fetch_kafka.cache_root(), brokers=3,
                                            separate_controller=cls.SEPARATE_CONTROLLER, broker_config=BROKER_CONFIG,
                                            per_broker=RACKS, sasl=True, plain_users=dict([AUDIT_FULL, AUDIT_LIMITED]),
                                            keep_logs=ARGS.keep_logs)
        try:
            cls.cluster.start()
            cls.driver = cls.cluster.driver
            cls.plain = oracle.View({n.id: "127.0.0.1:%d" % n.port for n in cls.cluster.brokers})
            cls.setUpUsers()
            # __consumer_offsets from the start (FindCoordinator creates it): the scenarios do not see it
            # appear between two audits.
            cls.driver.call("findCoordinator", group="kafkalint-setup")
            cls.plain.settle(check=lambda md: any(t["name"] == "__consumer_offsets" and all(
                p["leader"] >= 0 for p in t["partitions"]) for t in md["topics"]))
        except BaseException:
            cls.cluster.close()
            raise
        sys.stderr.write("\nKafka %s: fetched in %.1f s, cluster up in %.1f s\n" % (
            cls.VERSION, fetched - started, time.monotonic() - fetched))

    @classmethod
    def setUpUsers(cls):
        d = cls.driver
        for user, password in (AUDIT_FULL, AUDIT_LIMITED):
            d.call("scramUser", user=user, password=password, mechanism="SCRAM-SHA-256")
        acl = lambda principal, rtype, name, op, permission="ALLOW": {
            "principal": "User:" + principal, "resourceType": rtype, "name": name, "operation": op,
            "permission": permission}
        full, limited = AUDIT_FULL[0], AUDIT_LIMITED[0]
        d.call("addAcls", acls=[
            # The permissions the README asks for, exactly.
            acl(full, "CLUSTER", "kafka-cluster", "DESCRIBE"), acl(full, "CLUSTER", "kafka-cluster", "DESCRIBE_CONFIGS"),
            acl(full, "TOPIC", "*", "DESCRIBE"), acl(full, "TOPIC", "*", "DESCRIBE_CONFIGS"),
            acl(full, "GROUP", "*", "DESCRIBE"),
            # Less: no broker configs, one topic's configs denied, one topic hidden.
            acl(limited, "CLUSTER", "kafka-cluster", "DESCRIBE"),
            acl(limited, "TOPIC", "*", "DESCRIBE"), acl(limited, "TOPIC", "*", "DESCRIBE_CONFIGS"),
            acl(limited, "TOPIC", "rf3-mi1", "DESCRIBE_CONFIGS", "DENY"),
            acl(limited, "TOPIC", "rf3-unclean", "DESCRIBE", "DENY"),
            acl(limited, "GROUP", "*", "DESCRIBE"),
        ])

    # ---- scenarios

    def test_1_topics_with_overrides(self):
        self.ensure_topics()
        # Kafka's own answer to acks=all writes where min.insync.replicas exceeds the replicas.
        produced = {t: self.driver.call("produce", topic=t, count=5, acks="all") for t in ("rf2-mi3", "rf1-on-3")}
        for t, result in produced.items():
            self.assertEqual({"acked": 5, "errors": []}, result, "Kafka %s refused acks=all writes to %s" % (
                self.VERSION, t))
        r = self.audit("topics with overrides")
        # No message may say that Kafka refuses the writes it has just acknowledged.
        false_claims = [("message", f["ruleId"], "topic " + f["entity"]["name"], phrase) for f in r.findings()
                        if f["entity"]["kind"] == "topic" and f["entity"]["name"] in produced
                        for phrase in ("cannot reach min.insync.replicas", "can never be acknowledged",
                                       "acks=all writes can never succeed") if phrase in f["message"]]
        self.assertEqual([], claim(false_claims, self.VERSION, r.ctx))
        self.assertEqual(["topic rf1-on-3", "topic rf2", "topic rf2-mi3"], r.entities("KL0201"))
        [kl0202] = r.findings("KL0202", "topic rf3-mi1")
        self.assertEqual({"value": "1", "source": "topic-override"},
                         {k: kl0202["effective"]["min.insync.replicas"][k] for k in ("value", "source")})
        self.assertEqual(["topic rf3-unclean"], r.entities("KL0206"))
        self.assertIn("topic rf2-mi3", r.entities("KL0208"))
        if self.v == "4.1":
            # Eligible leader replicas are on for a new 4.1 cluster: the controller made its own static
            # min.insync.replicas (Kafka's default, 1) the cluster-wide value, over the brokers' files (2).
            self.assertEqual(1, self.driver.call("features").get("eligible.leader.replicas.version"))
            self.assertEqual(["broker 1", "broker 2", "broker 3"], r.entities("KL0102"))
            self.assertEqual("dynamic-default-broker-config",
                             r.findings("KL0102")[0]["effective"]["min.insync.replicas"]["source"])
            self.assertIn("dynamic cluster-wide broker default", r.findings("KL0102")[0]["message"])
        else:
            self.assertEqual([], r.findings("KL0102"))

    def test_2_dynamic_broker_configs(self):
        self.ensure_topics()
        d = self.driver
        # kafka-configs --entity-type brokers --entity-name 2 / --entity-default
        d.call("alterConfigs", type="broker", name="2", set={"unclean.leader.election.enable": "true"})
        d.call("alterConfigs", type="broker", name="", set={"unclean.leader.election.enable": "true",
                                                            "min.insync.replicas": "2"})
        if self.v == "4.1":
            # With eligible leader replicas, min.insync.replicas is cluster-wide only.
            with self.assertRaises(kcluster.DriverError) as refused:
                d.call("alterConfigs", type="broker", name="3", set={"min.insync.replicas": "1"})
            self.assertIn("min.insync.replicas", str(refused.exception))
        else:
            d.call("alterConfigs", type="broker", name="3", set={"min.insync.replicas": "1"})
        try:
            self.wait_for_broker_configs({2: {"unclean.leader.election.enable": ("true", "DYNAMIC_BROKER_CONFIG")},
                                          1: {"unclean.leader.election.enable": ("true",
                                                                                 "DYNAMIC_DEFAULT_BROKER_CONFIG"),
                                              "min.insync.replicas": ("2", "DYNAMIC_DEFAULT_BROKER_CONFIG")},
                                          3: {"min.insync.replicas": ("1", "DYNAMIC_BROKER_CONFIG") if self.v == "3.9"
                                              else ("2", "DYNAMIC_DEFAULT_BROKER_CONFIG")}})
            r = self.audit("dynamic broker configs")
            # Per-broker dynamic config before the cluster-wide default before server.properties.
            self.assertEqual(["broker 1", "broker 2", "broker 3"], r.entities("KL0101"))
            sources = {f["entity"]["name"]: f["effective"]["unclean.leader.election.enable"]["source"]
                       for f in r.findings("KL0101")}
            self.assertEqual({"1": "dynamic-default-broker-config", "2": "dynamic-broker-config",
                              "3": "dynamic-default-broker-config"}, sources)
            self.assertIn("dynamic config of broker 2", r.findings("KL0101", "broker 2")[0]["message"])
            self.assertEqual(["broker 3"] if self.v == "3.9" else [], r.entities("KL0102"))
            # The same values from Kafka's Admin client (another client than the wire one model.py saw).
            admin = d.call("describeConfigs", type="broker", name="2", keys=["unclean.leader.election.enable"])
            self.assertEqual(("true", "DYNAMIC_BROKER_CONFIG"),
                             (admin["unclean.leader.election.enable"]["value"],
                              admin["unclean.leader.election.enable"]["source"]))
        finally:
            d.call("alterConfigs", type="broker", name="2", delete=["unclean.leader.election.enable"])
            if self.v == "3.9":
                d.call("alterConfigs", type="broker", name="", delete=["unclean.leader.election.enable",
                                                                        "min.insync.replicas"])
                d.call("alterConfigs", type="broker", name="3", delete=["min.insync.replicas"])
            else:  # the cluster-wide min.insync.replicas stays: with ELR it cannot go
                d.call("alterConfigs", type="broker", name="", delete=["unclean.leader.election.enable"])
            self.wait_for_broker_configs({i: {"unclean.leader.election.enable": ("false", "DEFAULT_CONFIG")}
                                          for i in (1, 2, 3)})

    def wait_for_broker_configs(self, wanted, timeout=30):
        """Until every broker reports these (value, source) pairs, itself and in its topics' synonyms."""
        deadline = time.monotonic() + timeout
        while True:
            seen = {}
            for i, keys in wanted.items():
                with self.plain.connect(i) as c:
                    got = {x["name"]: (x["value"], x["source"]) for x in
                           c.describe_configs([(4, str(i), list(keys))])[0]["configs"]}
                seen[i] = got
            if all(seen[i].get(k) == v for i, keys in wanted.items() for k, v in keys.items()):
                return
            if time.monotonic() > deadline:
                self.fail("dynamic configs did not reach the brokers: want %s, have %s" % (wanted, seen))
            time.sleep(0.2)

    def test_3_consumer_groups(self):
        self.ensure_topics(["rf3-mi2", "rf3-mi1"])
        d = self.driver
        self.assertEqual(10, d.call("produce", topic="rf3-mi2", count=10, acks="all")["acked"])
        # A group that read and committed, then left: Empty, with committed offsets.
        self.assertEqual(10, d.call("consume", group="billing", topics=["rf3-mi2"], count=10)["read"])
        # A group with a member: Stable.
        d.call("startConsumer", id="live", group="live-readers", topics=["rf3-mi2"], clientId="live-readers-1")
        states = {"billing": "Empty", "live-readers": "Stable"}
        if self.v == "4.1":  # and a group of the consumer protocol (KIP-848, GA in 4.0)
            d.call("startConsumer", id="modern", group="modern-readers", topics=["rf3-mi1"], protocol="consumer",
                   clientId="modern-readers-1")
            self.addCleanup(d.call, "stopConsumer", id="modern")
            states["modern-readers"] = "Stable"
        try:
            groups = self.wait_for_groups(states)
            self.assertEqual(10, sum(groups["billing"]["offsets"].values()))
            work = tempfile.mkdtemp(prefix="kafkalint-realkafka-files-")
            self.addCleanup(shutil.rmtree, work, True)
            # A consumer file naming the live group but no topics, and a producer writing to a live topic.
            with open(os.path.join(work, "live-readers.properties"), "w") as f:
                f.write("bootstrap.servers=kafka:9092\ngroup.id=live-readers\nenable.auto.commit=true\n"
                        "auto.offset.reset=earliest\nkey.deserializer=x\nvalue.deserializer=y\n")
            with open(os.path.join(work, "clients.yaml"), "w") as f:
                f.write("kafkalint: cluster-spec/v1\ncluster: {name: prod, brokers: 3}\nclients:\n"
                        "  - name: ledger-writer\n    kind: producer\n"
                        "    config: {acks: all, enable.idempotence: true}\n    produces: [rf3-mi1]\n")
            r = self.audit("consumer groups", files=[work])
            # (the cluster spec's cluster has 3 brokers and no racks: KL0501)
            self.assertEqual([("KL0307", "producer ledger-writer"), ("KL0401", "consumer %s/live-readers.properties"
                                                                      % work), ("KL0501", "cluster prod")],
                             file_findings(r.report))
            self.assertIn("rf3-mi1", r.findings("KL0307")[0]["message"])
            # kafkalint's view of the groups is Kafka's (Admin client: describeConsumerGroups).
            seen = {g["id"]: {"state": g["state"], "members": g["members"], "topics": g["topics"]}
                    for g in r.report["clusters"][0]["groups"]}
            want = {g: {"state": x["state"], "members": len(x["members"]), "topics": x["topics"]}
                    for g, x in groups.items()}
            diffs = [("group", g, k, want[g][k], seen.get(g, {}).get(k)) for g in sorted(want) for k in sorted(want[g])
                     if want[g][k] != seen.get(g, {}).get(k)]
            self.assertEqual([], claim(diffs, self.VERSION, r.ctx))
            self.assertEqual({"state": "Stable", "members": 1, "topics": ["rf3-mi2"]}, seen["live-readers"])
        finally:
            d.call("stopConsumer", id="live")

    def wait_for_groups(self, states, timeout=60):
        deadline = time.monotonic() + timeout
        while True:
            groups = self.driver.call("groups")
            if all(groups.get(g, {}).get("state") == s for g, s in states.items()):
                return groups
            if time.monotonic() > deadline:
                self.fail("groups not in states %s: %s" % (states, groups))
            time.sleep(0.3)

    def test_4_describe_configs_denied_by_acls(self):
        self.ensure_topics()
        secrets = [AUDIT_FULL[1], AUDIT_LIMITED[1], WRONG_PASSWORD]
        sasl = lambda mechanism, user: ["-X", "security.protocol=SASL_PLAINTEXT", "-X", "sasl.mechanism=" + mechanism,
                                        "-X", "sasl.username=" + user]
        outputs = []
        keep = lambda run: outputs.extend([run.stdout, run.stderr, json.dumps(run.report)])
        plain = self.audit("super user (PLAINTEXT listener)")
        ids = lambda run: sorted((f["ruleId"], f["entity"]["name"]) for f in run.findings())
        # The README's permissions make the audit as complete as the super user's, through SASL/SCRAM
        # (the password from the environment) and SASL/PLAIN (from a client properties file).
        scram = self.audit("SCRAM user with the README's ACLs", view=self.sasl_view(AUDIT_FULL),
                           args=sasl("SCRAM-SHA-256", AUDIT_FULL[0]) + ["--timeout", "10"],
                           env={"KAFKALINT_CLIENT_SASL_PASSWORD": AUDIT_FULL[1]})
        keep(scram)
        if not scram.findings("KL9009"):
            self.assertEqual(ids(plain), ids(scram))
        work = tempfile.mkdtemp(prefix="kafkalint-realkafka-client-")
        self.addCleanup(shutil.rmtree, work, True)
        client = os.path.join(work, "admin.properties")
        with open(client, "w") as f:
            f.write("security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config="
                    "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"%s\" "
                    "password=\"%s\";\n" % AUDIT_FULL)
        plain_user = self.audit("PLAIN user with the README's ACLs", view=self.sasl_view(AUDIT_FULL),
                                args=["--client-config", client])
        keep(plain_user)
        self.assertEqual(ids(plain), ids(plain_user))
        # No DescribeConfigs on the cluster, denied on topic rf3-mi1, rf3-unclean not describable.
        limited = self.audit("DescribeConfigs denied by ACLs", view=self.sasl_view(AUDIT_LIMITED),
                             args=sasl("PLAIN", AUDIT_LIMITED[0]) + ["-X", "sasl.password=" + AUDIT_LIMITED[1]],
                             expect_code=3)
        keep(limited)
        self.assertEqual(3, limited.code)
        self.assertEqual(3, limited.report["summary"]["exitCode"])
        self.assertEqual(["broker 1", "broker 2", "broker 3", "cluster " + limited.report["clusters"][0]["clusterId"],
                          "topic rf3-mi1"], limited.entities("KL9009"))
        self.assertIn("CLUSTER_AUTHORIZATION_FAILED", limited.findings("KL9009", "broker 1")[0]["message"])
        self.assertIn("TOPIC_AUTHORIZATION_FAILED", limited.findings("KL9009", "topic rf3-mi1")[0]["message"])
        # Kafka leaves out of the metadata a topic the principal may not describe, without an error.
        self.assertNotIn("rf3-unclean", json.dumps(limited.report))
        # A wrong password: the cluster could not be read; the password is not printed either.
        for mechanism in ("SCRAM-SHA-256", "PLAIN"):
            wrong = kafkalint("--bootstrap", self.sasl_view(AUDIT_FULL).addresses[1], *sasl(mechanism, AUDIT_FULL[0]),
                              "-X", "sasl.password=" + WRONG_PASSWORD, "-v", "-X", "debug=security,broker",
                              "--timeout", "5", "--format", "json")
            self.assertEqual(3, wrong.code, wrong.stdout[-2000:] + wrong.stderr[-2000:])
            self.assertIn("Authentication failed", json.dumps(wrong.report["findings"]))
            outputs += [wrong.stdout, wrong.stderr]
        # Every format, at the highest verbosity with librdkafka's security log.
        for fmt in ("text", "sarif", "github", "junit", "gitlab"):
            r = kafkalint("--bootstrap", self.sasl_view(AUDIT_FULL).addresses[2], *sasl("PLAIN", AUDIT_FULL[0]),
                          "-X", "sasl.password=" + AUDIT_FULL[1], "-v", "-X", "debug=security,broker,protocol",
                          "--format", fmt)
            self.assertIn(r.code, (0, 1), r.stderr[-2000:])
            outputs += [r.stdout, r.stderr]
        for secret in secrets:
            for out in outputs:
                self.assertNotIn(secret, out)

    def test_5_stopped_broker(self):
        self.ensure_topics()
        # The last scenario: broker 3 stays down until the cluster is stopped.
        self.cluster.stop_node(3)
        md = self.plain.settle(check=lambda md: 3 not in {b["id"] for b in md["brokers"]} and all(
            3 not in p["isr"] or p["leader"] < 0 for t in md["topics"] for p in t["partitions"]))
        view = oracle.View({i: a for i, a in self.plain.addresses.items() if i != 3})
        # No retries, so that the producer reports the broker's error rather than its own timeout.
        evidence = {"rf3-mi3": self.driver.call("produce", topic="rf3-mi3", count=3, acks="all",
                                                config={"retries": "0", "enable.idempotence": "false"}),
                    "rf3-mi2": self.driver.call("produce", topic="rf3-mi2", count=3, acks="all")}
        # Kafka refuses acks=all writes under min ISR, and takes them at min ISR.
        self.assertEqual(0, evidence["rf3-mi3"]["acked"])
        self.assertIn("NotEnoughReplicasException", evidence["rf3-mi3"]["errors"])
        self.assertEqual(3, evidence["rf3-mi2"]["acked"])
        r = self.audit("a stopped broker", view=view, expect_code=3)
        self.assertEqual(3, r.code)
        self.assertIn("broker 3", r.entities("KL9009"))
        self.assertIn("not in the cluster's metadata", r.findings("KL9009", "broker 3")[0]["message"])
        self.assertIn("topic rf1-on-3", r.entities("KL0213"))  # its only replica is on broker 3
        offline = [p for t in md["topics"] if t["name"] == "rf1-on-3" for p in t["partitions"]]
        self.assertEqual([-1], [p["leader"] for p in offline])
        self.assertIn("topic rf3-mi3", r.entities("KL0211"))
        self.assertIn("topic rf3-mi2", r.entities("KL0212"))


class RealKafkaCombined(ClusterTest):
    """Three combined broker+controller nodes with nothing configured: Kafka's defaults, and the
    provenance kafkalint gives them."""
    SEPARATE_CONTROLLER = False

    @classmethod
    def setUpClass(cls):
        if cls.VERSION is None:
            raise unittest.SkipTest("base class")
        started = time.monotonic()
        libs = fetch_kafka.fetch(cls.VERSION, log=lambda m: sys.stderr.write(m + "\n"))
        cls.cluster = kcluster.KafkaCluster(cls.VERSION, libs, fetch_kafka.cache_root(), brokers=3,
                                            separate_controller=False, keep_logs=ARGS.keep_logs)
        try:
            cls.cluster.start()
            cls.driver = cls.cluster.driver
            cls.plain = oracle.View({n.id: "127.0.0.1:%d" % n.port for n in cls.cluster.brokers})
        except BaseException:
            cls.cluster.close()
            raise
        sys.stderr.write("\nKafka %s (combined nodes): cluster up in %.1f s\n" % (cls.VERSION, time.monotonic() - started))

    def test_kafka_defaults(self):
        # No replication factor: the brokers' default.replication.factor (1).
        self.driver.call("createTopic", name="defaults", partitions=2)
        self.driver.call("createTopic", name="rf3", partitions=1, rf=3)
        self.plain.settle(check=lambda md: {"defaults", "rf3"} <= {t["name"] for t in md["topics"]})
        r = self.audit("Kafka's defaults, combined broker+controller nodes")
        brokers = ["broker 1", "broker 2", "broker 3"]
        for rule, key, value in (("KL0103", "default.replication.factor", "1"),
                                 ("KL0109", "auto.create.topics.enable", "true")):
            self.assertEqual(brokers, r.entities(rule))
            effective = r.findings(rule, "broker 2")[0]["effective"][key]
            self.assertEqual((value, "kafka-default", "Kafka default; not set on broker 2"),
                             (effective["value"], effective["source"], effective["detail"]))
        self.assertEqual(brokers, r.entities("KL0102"))
        mi = r.findings("KL0102", "broker 1")[0]["effective"]["min.insync.replicas"]
        if self.v == "4.1":
            # ELR: the controllers' own min.insync.replicas (the default, 1) became the cluster-wide value.
            self.assertEqual(("1", "dynamic-default-broker-config"), (mi["value"], mi["source"]))
        else:
            self.assertEqual(("1", "kafka-default"), (mi["value"], mi["source"]))
        self.assertEqual(["cluster " + r.report["clusters"][0]["clusterId"]], r.entities("KL0501"))
        self.assertEqual(["topic defaults"], r.entities("KL0201"))
        self.assertEqual({"1": None, "2": None, "3": None}, r.report["clusters"][0]["racks"])


class Kafka39(RealKafka):
    VERSION = "3.9.2"


class Kafka41(RealKafka):
    VERSION = "4.1.2"


class Kafka39Combined(RealKafkaCombined):
    VERSION = "3.9.2"


class Kafka41Combined(RealKafkaCombined):
    VERSION = "4.1.2"


class Fetching(unittest.TestCase):
    """When Maven Central cannot be reached, the test fails and says what could not be fetched."""
    VERSION = None

    def test_an_unreachable_repository_fails_naming_what_was_not_fetched(self):
        work = tempfile.mkdtemp(prefix="kafkalint-realkafka-fetch-")
        self.addCleanup(shutil.rmtree, work, True)
        env = dict(os.environ, KAFKALINT_KAFKA_CACHE=work, KAFKALINT_MAVEN_MIRROR="http://127.0.0.1:%d/maven2" %
                   kcluster.free_ports(1)[0])
        version = fetch_kafka.versions()[-1]
        p = subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "fetch_kafka.py"),
                            version], capture_output=True, text=True, env=env, timeout=600)
        self.assertEqual(1, p.returncode, p.stdout + p.stderr)
        self.assertIn("could not fetch Apache Kafka %s from http://127.0.0.1:" % version, p.stderr)
        self.assertIn("not fetched: ", p.stderr)
        self.assertIn("Connection refused", p.stderr)
        self.assertFalse(os.path.exists(os.path.join(work, "kafka-" + version, "libs")))


TEST_CLASSES = [Kafka39, Kafka41, Kafka39Combined, Kafka41Combined]


def main():
    global ARGS
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kafkalint", required=True)
    parser.add_argument("--broker", required=True, help="the project's test broker (tests/broker/)")
    parser.add_argument("--source", required=True)
    parser.add_argument("--versions", default=",".join(fetch_kafka.versions()))
    parser.add_argument("--keep-logs", help="copy every Kafka node's log here")
    parser.add_argument("-k", dest="patterns", action="append", default=[],
                        help="run only the tests whose name contains this (repeatable), e.g. -k stopped_broker")
    parser.add_argument("tests", nargs="*", help="test names, e.g. Kafka41.test_5_stopped_broker")
    ARGS = parser.parse_args()
    ARGS.kafkalint = os.path.abspath(ARGS.kafkalint)
    ARGS.broker = os.path.abspath(ARGS.broker)
    wanted = ARGS.versions.split(",")
    classes = [c for c in TEST_CLASSES if c.VERSION in wanted] + [Fetching]
    loader = unittest.TestLoader()
    selected = bool(ARGS.tests or ARGS.patterns)
    if ARGS.tests:
        suite = loader.loadTestsFromNames(ARGS.tests, sys.modules[__name__])
    else:
        if ARGS.patterns:
            loader.testNamePatterns = ["*%s*" % p for p in ARGS.patterns]
        suite = unittest.TestSuite(loader.loadTestsFromTestCase(c) for c in classes)
    started = time.monotonic()
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    ok = result.wasSuccessful()
    sys.stderr.write("\nKnown product bugs (KNOWN_PRODUCT_BUGS), as observed in this run:\n")
    for bug in KNOWN_PRODUCT_BUGS:
        seen = OBSERVED.get(bug["id"], [])
        sys.stderr.write("  %s: %d difference(s) claimed (%s)\n" % (bug["id"], len(seen), bug["source"]))
        shown = set()
        for version, scenario, d in seen:  # each difference once, first where it was seen
            if repr(d) not in shown:
                shown.add(repr(d))
                sys.stderr.write("      Kafka %s, %s: %r\n" % (version, scenario, d))
        applicable = any(c.VERSION and c.VERSION[:3] in bug["versions"] for c in classes)
        if not selected and ok and applicable and not seen:
            sys.stderr.write("  ERROR: %s was not observed: fixed? Remove it from KNOWN_PRODUCT_BUGS.\n" % bug["id"])
            ok = False
    sys.stderr.write("topic DescribeConfigs routing (reported controller -> answering broker): %s\n" % ROUTING)
    sys.stderr.write("real-Kafka tests: %.0f s\n" % (time.monotonic() - started))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
