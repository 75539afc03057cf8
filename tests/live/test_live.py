#!/usr/bin/python3
"""kafkalint check --bootstrap against the project's test broker (tests/broker/), which speaks the
Kafka wire protocol on loopback to the real librdkafka 2.0.2 client inside kafkalint.

  test_live.py --kafkalint build/kafkalint --broker build/tests/broker/kafkalint_test_broker \
               --source . [--suite default|large] [unittest args]

The default suite covers the findings and provenance of a live audit, files and cluster in one
audit, secrets, every fault knob (connection refused, a broker down, unreachable, vanishing
mid-audit, slow, dropped connections, truncated and malformed responses, authorization errors, an
unknown controller, a failed SASL handshake: each must end in exit 3, never a pass or a hang) and the
read-only guarantee (the broker's request log holds only read APIs). The large suite audits
100,000 topics / 1,000,000 partitions and prints wall time and peak memory (not asserted: timing
belongs to bench/).
"""
import argparse
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest

ARGS = None
READ_APIS = {"ApiVersions", "Metadata", "DescribeConfigs", "ListGroups", "FindCoordinator", "DescribeGroups"}
HANG_GUARD_S = 90  # a run that takes longer has hung: kafkalint bounds every request with --timeout


class Broker:
    """The test broker serving one fixture, started for a test and stopped after it."""

    def __init__(self, fixture, *extra):
        self.workdir = tempfile.mkdtemp(prefix="kafkalint-live-")
        self.record = os.path.join(self.workdir, "requests.jsonl")
        ready = os.path.join(self.workdir, "ready.json")
        path = fixture if os.path.isabs(fixture) else os.path.join(fixtures_dir(fixture), fixture)
        self.process = subprocess.Popen([ARGS.broker, "--fixture", path, "--record", self.record, "--ready-file", ready,
                                         *extra], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while not os.path.exists(ready):
            if self.process.poll() is not None:
                raise AssertionError("test broker exited: " + self.process.stderr.read().decode())
            if time.monotonic() > deadline:
                raise AssertionError("test broker not ready within 60 s")
            time.sleep(0.02)
        with open(ready) as f:
            self.ready = json.load(f)
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


def fixtures_dir(name):
    own = os.path.join(ARGS.source, "tests", "live", "fixtures")
    return own if os.path.exists(os.path.join(own, name)) else os.path.join(ARGS.source, "tests", "broker", "fixtures")


class Run:
    def __init__(self, p, seconds):
        self.code = p.returncode
        self.stdout = p.stdout
        self.stderr = p.stderr
        self.seconds = seconds
        self.report = None
        if self.stdout.lstrip().startswith("{"):
            self.report = json.loads(self.stdout)

    def findings(self, rule=None):
        assert self.report is not None, "not a JSON run"
        return [f for f in self.report["findings"] if rule is None or f["ruleId"] == rule]

    def entities(self, rule):
        return sorted(f["entity"]["kind"] + " " + f["entity"]["name"] for f in self.findings(rule))


def kafkalint(*args, env=None):
    started = time.monotonic()
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("KAFKALINT_")}
    full_env.update(env or {})
    p = subprocess.run([ARGS.kafkalint, "check", *args], capture_output=True, text=True, timeout=HANG_GUARD_S,
                       env=full_env)
    return Run(p, time.monotonic() - started)


def validate(test, report):
    import jsonschema
    with open(os.path.join(ARGS.source, "docs", "report.schema.json")) as f:
        schema = json.load(f)
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(report), key=str)
    test.assertEqual([], [e.message for e in errors[:5]])


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class BrokerTest(unittest.TestCase):
    def broker(self, fixture, *extra):
        b = Broker(fixture, *extra)
        self.addCleanup(b.stop)
        return b

    def assertReadOnly(self, broker):
        apis = {r["api_name"] for r in broker.requests()}
        self.assertTrue(apis, "no request recorded")
        self.assertLessEqual(apis, READ_APIS, "kafkalint sent a request that is not a read")


class LiveAudit(BrokerTest):
    def test_findings_and_provenance_come_from_the_cluster(self):
        b = self.broker("three-brokers.json")
        r = kafkalint("--bootstrap", b.bootstrap, "--format", "json")
        self.assertEqual(1, r.code, r.stderr)
        validate(self, r.report)
        # unclean.leader.election.enable=true is a dynamic config of broker 1 only.
        kl0101 = r.findings("KL0101")
        self.assertEqual(["broker 1"], r.entities("KL0101"))
        self.assertEqual("dynamic-broker-config", kl0101[0]["effective"]["unclean.leader.election.enable"]["source"])
        self.assertIn("dynamic config of broker 1", kl0101[0]["message"])
        # min.insync.replicas=1 by Kafka's default on brokers 1 and 3; broker 2 has a dynamic default of 2.
        self.assertEqual(["broker 1", "broker 3"], r.entities("KL0102"))
        self.assertIn("Kafka default; not set on broker 1", r.findings("KL0102")[0]["message"])
        # Topics: replication factors from the metadata, overrides from the topic configs.
        self.assertEqual(["topic audit-log", "topic payments"], r.entities("KL0201"))
        self.assertEqual("cluster-metadata",
                         r.findings("KL0201")[0]["effective"]["replication.factor"]["source"])
        self.assertEqual(["topic payments"], r.entities("KL0206"))
        self.assertEqual("topic-override",
                         r.findings("KL0206")[0]["effective"]["unclean.leader.election.enable"]["source"])
        # Live findings name the cluster, not a file line.
        loc = kl0101[0]["location"]
        self.assertEqual("kafka://" + b.bootstrap, loc["file"])
        self.assertIsNone(loc["line"])
        cluster = r.report["clusters"][0]
        self.assertEqual("kl-3b-cluster", cluster["clusterId"])
        self.assertEqual(2, cluster["controllerId"])
        self.assertEqual({"1": "rack-a", "2": "rack-b", "3": "rack-a"}, cluster["racks"])
        self.assertEqual((3, 4, 8), (cluster["brokers"], cluster["topics"], cluster["partitions"]))
        billing = [g for g in cluster["groups"] if g["id"] == "billing"][0]
        self.assertEqual(("Stable", 2, ["orders", "payments"]), (billing["state"], billing["members"], billing["topics"]))
        self.assertEqual([], r.findings("KL9009"))
        # payments enables unclean election: a crash of its in-sync replicas is enough to lose acked writes.
        budget = {t["topic"]: t for t in r.report["durabilityBudget"]}
        self.assertEqual("crash", budget["payments"]["ackedWrites"]["lostBy"])
        self.assertEqual("never-writable", budget["payments"]["writes"]["state"])  # min ISR 3 on 2 replicas
        self.assertReadOnly(b)

    def test_partition_state_rules_and_the_durability_budget(self):
        b = self.broker("live-state.json")
        r = kafkalint("--bootstrap", b.bootstrap, "--format", "json")
        self.assertEqual(1, r.code, r.stderr)
        validate(self, r.report)
        self.assertEqual(["topic under-replicated"], r.entities("KL0210"))
        self.assertEqual(["topic under-min-isr"], r.entities("KL0211"))
        self.assertEqual(["topic __consumer_offsets", "topic at-min-isr"], r.entities("KL0212"))  # internal too
        self.assertEqual(["topic leaderless"], r.entities("KL0213"))
        self.assertEqual(["topic same-zone"], r.entities("KL0214"))
        self.assertEqual(["topic mixed-rf"], r.entities("KL0215"))
        self.assertIn("ISR [3] of replicas [3, 4, 2]", r.findings("KL0211")[0]["message"])
        healthy = [f for f in r.findings() if f["entity"]["name"] == "healthy"]
        self.assertEqual([], healthy)
        budget = {t["topic"]: t for t in r.report["durabilityBudget"]}
        self.assertEqual("placement", budget["healthy"]["basis"])
        survive = lambda t: (budget[t]["writes"]["brokers"], budget[t]["writes"]["racks"],
                             budget[t]["ackedWrites"]["brokers"], budget[t]["ackedWrites"]["racks"])
        self.assertEqual((1, 1, 1, 1), survive("healthy"))
        self.assertEqual((0, 0, 1, 1), survive("at-min-isr"))
        self.assertEqual("stopped", budget["under-min-isr"]["writes"]["state"])
        self.assertEqual((1, 0, 1, 0), survive("same-zone"))  # brokers 1 and 4 share zone-a
        self.assertEqual((1, 1, 1, 0), survive("under-replicated"))
        self.assertEqual("disk-loss", budget["healthy"]["ackedWrites"]["lostBy"])
        text = kafkalint("--bootstrap", b.bootstrap).stdout
        self.assertIn("Durability budget", text)
        self.assertLess(text.index("leaderless "), text.index("healthy "))  # worst first

    def test_text_report_names_the_cluster_and_entity(self):
        b = self.broker("three-brokers.json")
        r = kafkalint("--bootstrap", b.bootstrap, "-v")
        self.assertEqual(1, r.code, r.stderr)
        self.assertIn("kafka://%s broker 1: error KL0101" % b.bootstrap, r.stdout)
        self.assertIn("in the cluster at " + b.bootstrap, r.stdout)
        self.assertIn("(Kafka default; not set on broker 3)", r.stdout)
        self.assertIn("3 brokers, 4 topics, 8 partitions, 3 consumer groups", r.stderr)

    def test_a_healthy_cluster_passes(self):
        b = self.broker("healthy.json")
        r = kafkalint("--bootstrap", b.bootstrap, "--format", "json")
        self.assertEqual(0, r.code, r.stdout + r.stderr)
        self.assertEqual([], r.findings(), r.stdout)
        validate(self, r.report)
        self.assertReadOnly(b)

    def test_only_the_topic_configs_rules_read_are_requested(self):
        b = self.broker("healthy.json")
        r = kafkalint("--bootstrap", b.bootstrap)
        self.assertEqual(0, r.code, r.stderr)
        describes = [q for q in b.requests() if q["api_name"] == "DescribeConfigs"]
        self.assertEqual(4, len(describes), describes)  # 3 brokers, 1 batch of topics

    def test_progress_is_shown_when_stderr_is_a_terminal(self):
        import pty
        b = self.broker("healthy.json")
        controller, terminal = pty.openpty()
        p = subprocess.run([ARGS.kafkalint, "check", "--bootstrap", b.bootstrap], stdout=subprocess.PIPE,
                           stderr=terminal, timeout=HANG_GUARD_S)
        os.close(terminal)
        seen = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        os.close(controller)
        self.assertEqual(0, p.returncode)
        self.assertIn(b"topic configs 3/3", seen)
        # Not in a pipe: CI logs stay clean.
        self.assertNotIn("topic configs", kafkalint("--bootstrap", b.bootstrap).stderr)

    def test_bootstrap_from_the_environment(self):
        b = self.broker("healthy.json")
        r = kafkalint(env={"KAFKALINT_BOOTSTRAP": b.bootstrap})
        self.assertEqual(0, r.code, r.stderr)
        self.assertIn("in the cluster at " + b.bootstrap, r.stdout)

    def test_files_and_the_live_cluster_in_one_audit(self):
        b = self.broker("three-brokers.json")
        work = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, work)
        with open(os.path.join(work, "clients.yaml"), "w") as f:
            f.write("kafkalint: cluster-spec/v1\n"
                    "cluster: {name: prod, brokers: 3}\n"
                    "clients:\n"
                    "  - name: audit-writer\n"
                    "    kind: producer\n"
                    "    config: {acks: all, enable.idempotence: true}\n"
                    "    produces: [audit-log]\n")
        with open(os.path.join(work, "billing.properties"), "w") as f:
            f.write("bootstrap.servers=kafka:9092\ngroup.id=billing\nenable.auto.commit=false\n"
                    "auto.offset.reset=latest\nkey.deserializer=x\nvalue.deserializer=y\n")
        r = kafkalint(work, "--bootstrap", b.bootstrap, "--format", "json")
        self.assertEqual(1, r.code, r.stderr)
        validate(self, r.report)
        # acks=all to a live topic whose effective min.insync.replicas is 1 (Kafka's default).
        kl0307 = r.findings("KL0307")
        self.assertEqual(["producer audit-writer"], r.entities("KL0307"))
        self.assertIn("audit-log", kl0307[0]["message"])
        self.assertIn("billing.properties", json.dumps(r.report["inputs"]))


class Secrets(BrokerTest):
    SECRETS = ["KEYSTORE-hunter2", "JAAS-s3cret", "KEYPASS-plain", "JAAS-inclear", "cli-Pa55word", "env-Pa55word",
               "file-Pa55word"]

    def test_no_secret_appears_in_any_format_or_log(self):
        b = self.broker("secrets.json")
        work = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, work)
        client = os.path.join(work, "admin.properties")
        with open(client, "w") as f:
            f.write("sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
                    "username=\"audit\" password=\"file-Pa55word\";\n")
        outputs = []
        for fmt in ("text", "json", "sarif", "github", "junit", "gitlab"):
            for verbosity in ([], ["-v"], ["-v", "-X", "debug=all"]):
                r = kafkalint("--bootstrap", b.bootstrap, "--format", fmt, "--client-config", client,
                              "-X", "sasl.password=cli-Pa55word", *verbosity,
                              env={"KAFKALINT_CLIENT_SASL_PASSWORD": "env-Pa55word"})
                self.assertEqual(1, r.code, r.stderr[-2000:])  # broker 2's min.insync.replicas=1
                outputs.append(r.stdout + r.stderr)
        # The same cluster through SASL, which the test broker does not speak: the failed
        # handshake's errors must not quote the password either.
        r = kafkalint("--bootstrap", b.bootstrap, "--timeout", "3", "-v", "-X", "security.protocol=SASL_PLAINTEXT",
                      "-X", "sasl.mechanism=PLAIN", "-X", "sasl.username=audit", "-X", "sasl.password=cli-Pa55word",
                      "-X", "debug=security,broker")
        self.assertEqual(3, r.code, r.stdout + r.stderr[-2000:])
        outputs.append(r.stdout + r.stderr)
        for out in outputs:
            for secret in self.SECRETS:
                self.assertNotIn(secret, out)
        self.assertIn("librdkafka", outputs[2])  # the debug log was there to leak, and did not

    def test_a_bad_secret_setting_is_reported_without_its_value(self):
        r = kafkalint("--bootstrap", "127.0.0.1:9", "-X", "ssl.key.password", "-X", "sasl.password=x")
        self.assertEqual(2, r.code)
        r = kafkalint("--bootstrap", "127.0.0.1:9", "-X", "security.protocol=NOT-A-PROTOCOL")
        self.assertEqual(2, r.code)
        self.assertIn("security.protocol", r.stderr)
        r = kafkalint("--bootstrap", "127.0.0.1:9", "-X", "transactional.id=audit")
        self.assertEqual(2, r.code)
        self.assertIn("read only", r.stderr)

    def test_librdkafka_is_loaded_for_live_audits_only_and_a_broken_one_is_an_error(self):
        cc = shutil.which("cc") or shutil.which("gcc")
        if cc is None:
            self.skipTest("no C compiler to make a stand-in librdkafka.so.1")
        with tempfile.TemporaryDirectory() as d:
            # A librdkafka.so.1 found first, with none of librdkafka's functions in it.
            subprocess.run([cc, "-shared", "-fPIC", "-o", os.path.join(d, "librdkafka.so.1"), "-x", "c", "/dev/null"],
                           check=True)
            env = {"LD_LIBRARY_PATH": d}
            r = kafkalint("--bootstrap", "127.0.0.1:9", env=env)
            self.assertEqual(2, r.code, r.stderr)
            self.assertIn("cannot load librdkafka, which a live audit needs", r.stderr)
            self.assertIn("lacks rd_kafka_", r.stderr)
            self.assertEqual("", r.stdout)  # no report that could pass for an audit
            # An offline run never loads it.
            producer = os.path.join(d, "producer.properties")
            with open(producer, "w") as f:
                f.write("bootstrap.servers=kafka:9092\nacks=0\n")
            r = kafkalint(producer, "--format", "json", env=env)
            self.assertEqual(1, r.code, r.stderr)
            self.assertIn("KL0301", json.dumps(r.report))


class FailClosed(BrokerTest):
    """Every fault ends in exit 3 with a KL9009 finding naming what was not checked."""

    def audit(self, broker_or_bootstrap, *args):
        bootstrap = broker_or_bootstrap if isinstance(broker_or_bootstrap, str) else broker_or_bootstrap.bootstrap
        r = kafkalint("--bootstrap", bootstrap, "--format", "json", *args)
        self.assertEqual(3, r.code, r.stdout[-3000:] + r.stderr[-2000:])
        validate(self, r.report)
        self.assertEqual(3, r.report["summary"]["exitCode"])
        self.assertTrue(r.findings("KL9009"))
        return r

    def test_connection_refused(self):
        r = self.audit("127.0.0.1:%d" % free_port(), "--timeout", "2")
        self.assertEqual(["cluster 127.0.0.1:%s" % r.report["clusters"][0]["bootstrap"].split(":")[1]],
                         r.entities("KL9009"))
        self.assertIn("Connection refused", r.findings("KL9009")[0]["message"])
        self.assertFalse(r.report["clusters"][0]["read"])

    def test_a_broker_down(self):
        b = self.broker("three-brokers.json", "--down", "3")
        r = self.audit(b)
        self.assertIn("broker 3", r.entities("KL9009"))
        self.assertIn("not in the cluster's metadata", r.findings("KL9009")[0]["message"] + json.dumps(r.findings()))
        self.assertReadOnly(b)

    def test_a_broker_unreachable(self):
        b = self.broker("three-brokers.json", "--unreachable", "3")
        r = self.audit(b, "--timeout", "2")
        self.assertIn("broker 3", r.entities("KL9009"))
        self.assertIn("cluster kl-3b-cluster", r.entities("KL9009"))  # its rack is not known

    def test_responses_slower_than_the_timeout(self):
        b = self.broker("healthy.json", "--delay", "DescribeConfigs=4000")
        r = self.audit(b, "--timeout", "1")
        self.assertLess(r.seconds, 30)
        self.assertIn("topic orders", r.entities("KL9009"))
        self.assertIn("broker 1", r.entities("KL9009"))

    def test_a_dropped_connection(self):
        b = self.broker("healthy.json", "--drop-on", "DescribeConfigs")
        r = self.audit(b, "--timeout", "2")
        self.assertIn("topic orders", r.entities("KL9009"))

    def test_connections_dropped_after_a_few_requests(self):
        # librdkafka reconnects and retries: the audit either reads everything and gives the same
        # findings as without the fault, or says what it could not read. Never a partial pass.
        clean = self.broker("three-brokers.json")
        expected = kafkalint("--bootstrap", clean.bootstrap, "--format", "json")
        for after in ("1", "2", "3"):
            b = self.broker("three-brokers.json", "--drop-after", after)
            r = kafkalint("--bootstrap", b.bootstrap, "--format", "json", "--timeout", "3")
            self.assertIn(r.code, (1, 3), r.stderr[-2000:])
            if r.code == 1:
                ids = lambda run: sorted((f["ruleId"], f["entity"]["name"]) for f in run.findings())
                self.assertEqual(ids(expected), ids(r))
            else:
                self.assertTrue(r.findings("KL9009"))
            self.assertReadOnly(b)

    def test_a_truncated_metadata_response(self):
        b = self.broker("healthy.json", "--truncate", "Metadata")
        r = self.audit(b, "--timeout", "2")
        self.assertEqual(1, len(r.findings("KL9009")))
        self.assertEqual("cluster", r.findings("KL9009")[0]["entity"]["kind"])

    def test_authorization_errors_on_some_resources(self):
        b = self.broker("resource-errors.json")
        r = self.audit(b)
        self.assertEqual(["broker 2", "cluster kl-errors", "topic secret-configs"], r.entities("KL9009"))
        topic = [f for f in r.findings("KL9009") if f["entity"]["name"] == "secret-configs"][0]
        self.assertIn("TOPIC_AUTHORIZATION_FAILED", topic["message"])
        self.assertIn("KL0202", topic["message"])
        self.assertEqual([], r.findings("KL9004"))  # reported once, as not read
        self.assertReadOnly(b)

    def test_an_unknown_controller(self):
        b = self.broker("healthy.json", "--controller", "-1")
        r = self.audit(b, "--timeout", "2")
        self.assertLess(r.seconds, 30)  # not one timeout per topic batch
        self.assertIn("topic orders", r.entities("KL9009"))
        self.assertIn("no controller", json.dumps(r.findings("KL9009")))

    def test_authentication_failure(self):
        b = self.broker("healthy.json")
        r = self.audit(b, "--timeout", "3", "-X", "security.protocol=SASL_PLAINTEXT", "-X", "sasl.mechanism=PLAIN",
                       "-X", "sasl.username=u", "-X", "sasl.password=p")
        self.assertEqual(["cluster " + b.bootstrap], r.entities("KL9009"))

    def test_a_broker_vanishing_mid_audit(self):
        # Every broker dies once it has answered N requests: after the metadata (N=2), or in the
        # middle of the broker and topic configs (N=3): what was not read is reported, never passed.
        for after in ("2", "3"):
            b = self.broker("healthy.json", "--vanish-after", after)
            r = self.audit(b, "--timeout", "2")
            # Why, in librdkafka's words: refused, timed out or a transport failure, depending on
            # when the client noticed.
            for f in r.findings("KL9009"):
                self.assertRegex(f["message"], r"could not (be )?read|Not checked")
            messages = json.dumps(r.findings("KL9009"))
            self.assertRegex(messages, r"Connection refused|Timed out|transport failure", messages[:2000])
            self.assertReadOnly(b)

    def test_malformed_responses(self):
        # Absurd array counts and string lengths, a size prefix announcing bytes that never come, a
        # response to no request: each fails closed, within the timeout, naming what was not read.
        cases = [("Metadata", "counts", "cluster", "Bad message format"),
                 ("ApiVersions", "counts", "cluster", "could not read the cluster's metadata"),
                 ("DescribeConfigs", "counts", "broker", "Bad message format"),
                 ("DescribeConfigs", "length", "broker", "Timed out"),
                 ("Metadata", "correlation", "cluster", "Timed out"),
                 ("Metadata", "length", "cluster", "Timed out")]
        for api, how, kind, message in cases:
            with self.subTest(api=api, how=how):
                b = self.broker("healthy.json", "--corrupt", "%s=%s" % (api, how))
                r = self.audit(b, "--timeout", "2")
                unverified = [f for f in r.findings("KL9009") if f["entity"]["kind"] == kind]
                self.assertTrue(unverified, json.dumps(r.findings("KL9009"))[:2000])
                self.assertIn(message, unverified[0]["message"])
                self.assertIn("Not checked: KL", unverified[0]["message"])
                self.assertTrue(any(q["outcome"].startswith("corrupted") for q in b.requests()))

    def test_describe_configs_not_supported(self):
        # A broker older than Kafka 0.11 has no DescribeConfigs: nothing of its configuration is known.
        with open(os.path.join(fixtures_dir("healthy.json"), "healthy.json")) as f:
            fixture = json.load(f)
        fixture["api_versions"] = {"DescribeConfigs": None}
        work = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, work)
        path = os.path.join(work, "old-brokers.json")
        with open(path, "w") as f:
            json.dump(fixture, f)
        b = self.broker(path)
        r = self.audit(b, "--timeout", "3")
        self.assertIn("broker 1", r.entities("KL9009"))
        self.assertIn("UNSUPPORTED_FEATURE", json.dumps(r.findings("KL9009")))

    def test_consumer_group_faults_fail_closed_when_a_consumer_file_needs_the_groups(self):
        work = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, work)
        with open(os.path.join(work, "billing.properties"), "w") as f:
            f.write("bootstrap.servers=kafka:9092\ngroup.id=billing\nenable.auto.commit=false\n"
                    "auto.offset.reset=earliest\nkey.deserializer=x\nvalue.deserializer=y\n")
        for api in ("ListGroups", "FindCoordinator", "DescribeGroups"):
            with self.subTest(api=api):
                b = self.broker("three-brokers.json", "--corrupt", api + "=counts")
                r = kafkalint(work, "--bootstrap", b.bootstrap, "--format", "json", "--timeout", "2")
                self.assertEqual(3, r.code, r.stdout[-3000:] + r.stderr[-2000:])
                cluster = [f["message"] for f in r.findings("KL9009") if f["entity"]["kind"] == "cluster"]
                self.assertTrue(any("consumer group" in m for m in cluster), cluster)
        # Without a consumer file, no rule needs the groups: the audit is complete, and the report
        # still says the groups could not be read.
        b = self.broker("three-brokers.json", "--corrupt", "ListGroups=counts")
        r = kafkalint("--bootstrap", b.bootstrap, "--format", "json", "--timeout", "2")
        self.assertEqual(1, r.code, r.stderr[-2000:])
        self.assertIn("ListConsumerGroups", r.report["clusters"][0]["groupsError"])

    def test_a_gate_that_reports_only_still_fails_closed(self):
        b = self.broker("resource-errors.json")
        r = kafkalint("--bootstrap", b.bootstrap, "--fail-on", "never")
        self.assertEqual(3, r.code, r.stdout)


class Gate(BrokerTest):
    """Baselines, suppression entries and exclusions work for live findings, which have no file."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="kafkalint-live-gate-")
        self.addCleanup(shutil.rmtree, self.dir, True)

    def path(self, name):
        return os.path.join(self.dir, name)

    def test_a_baseline_accepts_the_cluster_as_it_is_and_reports_what_changes(self):
        b = self.broker("live-state.json")
        w = kafkalint("--no-config", "--bootstrap", b.bootstrap, "--write-baseline", self.path("b.toml"))
        self.assertEqual(0, w.code, w.stdout + w.stderr)
        r = kafkalint("--no-config", "--bootstrap", b.bootstrap, "--baseline", self.path("b.toml"), "--format", "json")
        self.assertEqual(0, r.code, r.stdout + r.stderr)
        self.assertEqual([], r.findings())
        validate(self, r.report)
        self.assertGreater(r.report["gate"]["baseline"]["matched"], 0)
        # Against another cluster state, the entries of topics that are gone are stale, new risks are new.
        b2 = self.broker("three-brokers.json")
        r = kafkalint("--no-config", "--bootstrap", b2.bootstrap, "--baseline", self.path("b.toml"), "--format", "json")
        self.assertEqual(1, r.code)
        self.assertTrue(r.findings())
        self.assertTrue(all(f["baselineState"] == "new" for f in r.findings()))
        self.assertIn("topic:leaderless", [e["entity"] for e in r.report["gate"]["baseline"]["stale"]])

    def test_suppression_entries_and_exclusions_select_live_entities(self):
        b = self.broker("live-state.json")
        with open(self.path("s.toml"), "w") as f:
            f.write('[[suppress]]\nrule = "topic-leaderless"\nentity = "topic:leader*"\n'
                    'reason = "being reassigned (OPS-9)"\nexpires = 2099-01-01\n')
        r = kafkalint("--no-config", "--bootstrap", b.bootstrap, "--suppressions", self.path("s.toml"),
                      "--exclude", "topic:same-*", "--format", "json")
        validate(self, r.report)
        self.assertEqual([], r.findings("KL0213"))
        self.assertEqual([], r.findings("KL0214"))
        self.assertEqual(1, r.report["gate"]["suppressedByEntry"])
        self.assertNotIn("same-zone", [t["topic"] for t in r.report["durabilityBudget"]])

    def test_nothing_accepts_a_check_that_could_not_be_made(self):
        w = kafkalint("--no-config", "--bootstrap", "127.0.0.1:%d" % free_port(), "--timeout", "2",
                      "--write-baseline", self.path("b.toml"), "--exit-zero")
        self.assertEqual(3, w.code)
        with open(self.path("b.toml")) as f:
            self.assertNotIn("KL9009", f.read())


class Large(BrokerTest):
    def test_a_million_partitions(self):
        b = self.broker("generated-1m-partitions.json")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        r = kafkalint("--bootstrap", b.bootstrap, "--format", "json", "-v")
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        self.assertIn(r.code, (0, 1), r.stderr[-3000:])
        cluster = r.report["clusters"][0]
        self.assertEqual((5, 100000, 1000000), (cluster["brokers"], cluster["topics"], cluster["partitions"]))
        self.assertEqual([], r.findings("KL9009"))
        self.assertReadOnly(b)
        sys.stderr.write("\n1,000,000 partitions / 100,000 topics: kafkalint wall %.1f s, peak RSS %d MiB "
                         "(children max before: %d MiB)\n%s\n" % (r.seconds, peak_kib // 1024, before // 1024,
                                                                   r.stderr.strip().splitlines()[-1]))


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--kafkalint", required=True)
    parser.add_argument("--broker", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--suite", choices=["default", "large"], default="default")
    ARGS, rest = parser.parse_known_args()
    ARGS.kafkalint = os.path.abspath(ARGS.kafkalint)
    loader = unittest.TestLoader()
    suite = unittest.TestSuite()
    classes = [Large] if ARGS.suite == "large" else [LiveAudit, Secrets, FailClosed, Gate]
    if rest:
        suite = loader.loadTestsFromNames(rest, sys.modules[__name__])
    else:
        for c in classes:
            suite.addTests(loader.loadTestsFromTestCase(c))
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    sys.exit(0 if result.wasSuccessful() else 1)


if __name__ == "__main__":
    main()
