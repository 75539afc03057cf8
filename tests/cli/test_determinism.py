#!/usr/bin/python3
"""The same inputs give byte-identical JSON and SARIF reports, whatever the order of the files
(in a directory, or on the command line), the run, the time zone or the locale; and a live audit of
the same cluster gives the same bytes twice.

  test_determinism.py --kafkalint build/kafkalint --source . [--broker build/tests/broker/kafkalint_test_broker]

kafkalint has no option to run jobs in parallel (no --jobs), so the number of jobs is not a
variable here.
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

ARGS = None

# Inputs of every kind besides the examples/ tree, so that each reader's output order is covered.
EXTRA = {
    "specs/cluster.toml": 'kafkalint = "cluster-spec/v1"\n[cluster]\nname = "toml"\nbrokers = 3\n'
                          '[cluster.broker_config]\n"min.insync.replicas" = 1\n'
                          '[[topics]]\nname = "b"\npartitions = 3\nreplication_factor = 2\n'
                          '[[topics]]\nname = "a"\npartitions = 3\nreplication_factor = 1\n',
    "k8s/strimzi.yaml": "apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata:\n  name: prod\nspec:\n"
                        "  kafka:\n    replicas: 3\n    config:\n      min.insync.replicas: 1\n---\n"
                        "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: zeta\n"
                        "  labels: {strimzi.io/cluster: prod}\nspec:\n  partitions: 1\n  replicas: 1\n---\n"
                        "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: alpha\n"
                        "  labels: {strimzi.io/cluster: prod}\nspec:\n  partitions: 1\n  replicas: 2\n",
    "k8s/topic-elsewhere.yaml": "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: mid\n"
                                "  labels: {strimzi.io/cluster: prod}\nspec:\n  partitions: 1\n  replicas: 1\n",
    "compose/docker-compose.yml": "services:\n  k2:\n    image: bitnami/kafka:3.7\n    environment:\n"
                                  "      - KAFKA_CFG_PROCESS_ROLES=broker\n  k1:\n    image: bitnami/kafka:3.7\n"
                                  "    environment:\n      - KAFKA_CFG_PROCESS_ROLES=broker\n"
                                  "      - KAFKA_CFG_SSL_KEYSTORE_PASSWORD=changeit\n",
    "app/application.yml": "spring:\n  kafka:\n    producer:\n      acks: 1\n    consumer:\n      group-id: g\n",
    "app/kafka.env": "KAFKA_CFG_NODE_ID=0\nKAFKA_CFG_PROCESS_ROLES=controller,broker\n",
    "z/dup.properties": "bootstrap.servers=h:9092\nacks=all\nacks=1\nretries=0\n",
    "a/dup.properties": "bootstrap.servers=h:9092\nacks=1\nsasl.password=pw\n",
}


def populate(root, reverse):
    """Writes the examples and the extra inputs, creating the files in one order or the reverse."""
    files = {}
    examples = os.path.join(ARGS.source, "examples")
    for dirpath, _, names in os.walk(examples):
        for name in names:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, examples)] = f.read()
    for name, text in EXTRA.items():
        files[name] = text.encode()
    order = sorted(files, reverse=reverse)
    for name in order:
        os.makedirs(os.path.join(root, os.path.dirname(name)), exist_ok=True)
    for name in order:
        with open(os.path.join(root, name), "wb") as f:
            f.write(files[name])
    return sorted(files)


def audit(cwd, paths, env=None, extra=()):
    outputs = tempfile.mkdtemp(prefix="kafkalint-reports-")  # outside the audited tree
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("KAFKALINT_") and k != "GITHUB_ACTIONS"}
    full_env.update(env or {})
    p = subprocess.run([ARGS.kafkalint, "check", "--kafka-version", "3.7", *extra,
                        "--format", "json:" + os.path.join(outputs, "r.json"),
                        "--format", "sarif:" + os.path.join(outputs, "r.sarif"), *paths],
                       cwd=cwd, capture_output=True, timeout=120, env=full_env)
    assert p.returncode in (1, 2), (p.returncode, p.stderr.decode()[-2000:])
    with open(os.path.join(outputs, "r.json"), "rb") as f:
        report_json = f.read()
    with open(os.path.join(outputs, "r.sarif"), "rb") as f:
        report_sarif = f.read()
    shutil.rmtree(outputs)
    return report_json, report_sarif


class Determinism(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.mkdtemp(prefix="kafkalint-determinism-")
        self.addCleanup(shutil.rmtree, self.work)
        self.root = os.path.join(self.work, "in")

    def fresh(self, reverse):
        shutil.rmtree(self.root, ignore_errors=True)
        os.makedirs(self.root)
        return populate(self.root, reverse)

    def assertSame(self, reports):
        first = reports[0]
        self.assertGreater(len(json.loads(first[0])["findings"]), 20)  # a report worth comparing
        for i, other in enumerate(reports[1:], 1):
            self.assertEqual(first[0], other[0], "JSON report %d differs" % i)
            self.assertEqual(first[1], other[1], "SARIF report %d differs" % i)

    def test_a_directory_whatever_the_order_its_files_were_created_in(self):
        reports = []
        for reverse in (False, True, False):
            self.fresh(reverse)
            reports.append(audit(self.root, ["."]))
        self.assertSame(reports)

    def test_files_named_in_any_order(self):
        names = self.fresh(False)
        shuffled = list(names)
        random.Random(7).shuffle(shuffled)
        reports = [audit(self.root, order) for order in (names, list(reversed(names)), shuffled)]
        self.assertSame(reports)

    def test_the_same_file_named_twice_and_through_its_directory(self):
        self.fresh(False)
        reports = [audit(self.root, ["clients", "."]), audit(self.root, [".", "clients/payments-producer.properties",
                                                                         "clients"])]
        self.assertSame(reports)

    def test_time_zone_locale_and_terminal_do_not_matter(self):
        self.fresh(False)
        reports = [audit(self.root, ["."], {"TZ": "UTC", "LC_ALL": "C", "LANG": "C"}),
                   audit(self.root, ["."], {"TZ": "Pacific/Chatham", "LC_ALL": "C.UTF-8", "LANG": "tr_TR.UTF-8",
                                            "COLUMNS": "40", "NO_COLOR": "1"}),
                   audit(self.root, ["."], extra=["--color", "always", "-v"])]
        self.assertSame(reports)

    def test_a_live_cluster_read_twice(self):
        if not ARGS.broker:
            self.skipTest("no --broker")
        ready = os.path.join(self.work, "ready.json")
        fixture = os.path.join(ARGS.source, "tests", "live", "fixtures", "live-state.json")
        broker = subprocess.Popen([ARGS.broker, "--fixture", fixture, "--ready-file", ready],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while not os.path.exists(ready):
                self.assertIsNone(broker.poll(), "test broker exited")
                self.assertLess(time.monotonic(), deadline, "test broker not ready")
                time.sleep(0.02)
            with open(ready) as f:
                bootstrap = json.load(f)["bootstrap"]
            self.fresh(False)
            reports = [audit(self.root, ["."], extra=["--bootstrap", bootstrap]) for _ in range(2)]
            self.assertSame(reports)
        finally:
            broker.send_signal(signal.SIGTERM)
            broker.wait(10)


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--kafkalint", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--broker", default="")
    ARGS, rest = parser.parse_known_args()
    ARGS.kafkalint = os.path.abspath(ARGS.kafkalint)
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
