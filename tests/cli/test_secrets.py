#!/usr/bin/python3
"""No secret leaves kafkalint: every report format at every verbosity, to standard output and to
files, on configuration files full of secrets and on a cluster full of them.

  test_secrets.py --kafkalint build/kafkalint --source . --broker build/tests/broker/kafkalint_test_broker

Every secret value below contains the marker S3CR3T and no other text does, so one search of every
byte kafkalint wrote (stdout, stderr, report files) finds any of them, whole or in part. The
reports must still name the settings (so the test is not vacuous): KL0801 names each plaintext
secret of the files by its key.
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

ARGS = None
MARKER = "S3CR3T"
FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")
VERBOSITY = (["-q"], [], ["-v"])

JAAS = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="app" password="%s-jaas";' % MARKER
SCRAM_JAAS = ('org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" '
              'password="%s-scram";' % MARKER)

FILES = {
    # Java producer: JAAS, TLS key and store passwords, schema registry basic auth, a URL with a
    # password holding '@', a misspelled secret key next to the real one. Keys set twice have both
    # values quoted by the duplicate-key finding: the values must be redacted there too.
    "clients/producer.properties": "\n".join([
        "bootstrap.servers=kafka:9092", "acks=1", "security.protocol=SASL_SSL", "sasl.mechanism=PLAIN",
        "sasl.jaas.config=" + JAAS,
        "ssl.key.password=%s-key-1" % MARKER, "ssl.key.password=%s-key-2" % MARKER,
        "ssl.keystore.password=%s-keystore" % MARKER, "ssl.truststore.password=%s-truststore" % MARKER,
        "ssl.keystore.pasword=%s-typo" % MARKER,
        "basic.auth.credentials.source=USER_INFO", "basic.auth.user.info=sr-user:%s-userinfo" % MARKER,
        "schema.registry.url=https://sr-user:%s-p@ss@schema-registry:8081" % MARKER,
        "schema.registry.url=https://sr-user:pa@ss-%s@schema-registry:8082" % MARKER,  # set twice: both quoted
        "value.converter.schema.registry.url=http://u:%s-conv@sr:8081/,http://sr2:8081" % MARKER, ""]),
    # librdkafka consumer: its own secret keys, a PEM key, an OAuth client secret.
    "clients/consumer-librdkafka.properties": "\n".join([
        "bootstrap.servers=kafka:9092", "group.id=billing", "enable.auto.commit=true", "sasl.username=billing",
        "sasl.password=%s-sasl" % MARKER, "ssl.key.password=%s-rdkey" % MARKER,
        "ssl.key.pem=-----BEGIN PRIVATE KEY-----%s-pem-----END PRIVATE KEY-----" % MARKER,
        "ssl.key.pem=-----BEGIN PRIVATE KEY-----%s-pem-2-----END PRIVATE KEY-----" % MARKER,
        "sasl.oauthbearer.client.secret=%s-oauth" % MARKER, "sasl.oauthbearer.client.id=billing", ""]),
    # Broker: listener JAAS, encoder and token secrets, key material.
    "brokers/server.properties": "\n".join([
        "broker.id=1", "log.dirs=/var/lib/kafka", "min.insync.replicas=1",
        "listener.name.internal.scram-sha-256.sasl.jaas.config=" + SCRAM_JAAS,
        "ssl.keystore.password=%s-broker-keystore" % MARKER, "ssl.keystore.key=%s-broker-pem" % MARKER,
        "password.encoder.secret=%s-encoder" % MARKER, "delegation.token.secret.key=%s-token" % MARKER,
        "ssl.keystore.passwrd=%s-broker-typo" % MARKER, ""]),
    # Connect worker: prefixed client secrets and a converter URL with credentials.
    "connect/connect-distributed.properties": "\n".join([
        "bootstrap.servers=kafka:9092", "group.id=connect", "config.storage.topic=c", "offset.storage.topic=o",
        "status.storage.topic=s", "key.converter=x", "value.converter=y",
        "producer.sasl.jaas.config=" + JAAS.replace("-jaas", "-connect-producer"),
        "consumer.ssl.key.password=%s-connect-consumer" % MARKER,
        "value.converter.basic.auth.user.info=u:%s-connect-sr" % MARKER, ""]),
    # Strimzi: a Kafka resource whose config holds secrets, and a KafkaConnect with basic auth.
    "k8s/kafka.yaml": "\n".join([
        "apiVersion: kafka.strimzi.io/v1beta2", "kind: Kafka", "metadata:", "  name: prod", "spec:", "  kafka:",
        "    replicas: 3", "    config:", "      min.insync.replicas: 1",
        "      ssl.keystore.password: %s-strimzi" % MARKER,
        "      sasl.jaas.config: '%s'" % JAAS.replace("-jaas", "-strimzi-jaas"), ""]),
    # docker-compose: broker secrets in the environment, both map and list style.
    "compose/docker-compose.yml": "\n".join([
        "services:", "  kafka:", "    image: confluentinc/cp-kafka:7.8.0", "    environment:",
        "      KAFKA_BROKER_ID: 1", "      KAFKA_SSL_KEYSTORE_PASSWORD: %s-compose-keystore" % MARKER,
        "      KAFKA_SSL_KEY_CREDENTIALS: key_creds",
        "      KAFKA_SASL_JAAS_CONFIG: '%s'" % JAAS.replace("-jaas", "-compose-jaas"),
        "  bitnami:", "    image: bitnami/kafka:3.7", "    environment:",
        "      - KAFKA_CFG_SSL_KEY_PASSWORD=%s-compose-bitnami" % MARKER, ""]),
    # Spring Boot: typed properties and pass-through ones, a placeholder with a secret default.
    "app/application.yml": "\n".join([
        "spring:", "  kafka:", "    bootstrap-servers: kafka:9092", "    ssl:",
        "      key-store-password: %s-spring-keystore" % MARKER, "      key-password: %s-spring-key" % MARKER,
        "    properties:", "      sasl.jaas.config: '%s'" % JAAS.replace("-jaas", "-spring-jaas"),
        "      basic.auth.user.info: 'u:%s-spring-sr'" % MARKER,
        "      sasl.password: ${SASL_PASSWORD:%s-spring-default}" % MARKER,
        "    producer:", "      acks: 1", ""]),
    # A TOML cluster spec with client and broker secrets.
    "specs/cluster.toml": "\n".join([
        'kafkalint = "cluster-spec/v1"', "[cluster]", 'name = "toml"', "brokers = 3", "[cluster.broker_config]",
        '"min.insync.replicas" = 2', '"ssl.key.password" = "%s-toml-broker"' % MARKER,
        "[[clients]]", 'name = "writer"', 'kind = "producer"',
        'config = { acks = "all", "sasl.jaas.config" = \'%s\' }' % JAAS.replace("-jaas", "-toml-jaas"), ""]),
    # A file kafkalint does not recognise, full of secrets.
    "misc/unrelated.properties": "password=%s-unrelated\napi.key=%s-apikey\n" % (MARKER, MARKER),
}

# Settings named by KL0801 in each file (proof that the secrets were read, and named by key).
EXPECTED_KL0801 = {
    "clients/producer.properties": {"sasl.jaas.config", "ssl.key.password", "ssl.keystore.password",
                                    "ssl.truststore.password", "basic.auth.user.info", "schema.registry.url",
                                    "value.converter.schema.registry.url"},
    "clients/consumer-librdkafka.properties": {"sasl.password", "ssl.key.password", "ssl.key.pem",
                                               "sasl.oauthbearer.client.secret"},
    "brokers/server.properties": {"listener.name.internal.scram-sha-256.sasl.jaas.config", "ssl.keystore.password",
                                  "ssl.keystore.key", "password.encoder.secret", "delegation.token.secret.key"},
}

CLUSTER = {
    "cluster_id": "kl-full-of-secrets",
    "controller_id": 1,
    "brokers": [
        {"id": 1, "rack": "a", "configs": {
            "min.insync.replicas": {"value": "1", "source": "STATIC_BROKER_CONFIG"},
            # A well-behaved broker hides sensitive values...
            "ssl.keystore.password": {"value": MARKER + "-live-hidden", "source": "STATIC_BROKER_CONFIG",
                                      "sensitive": True},
            # ...a misbehaving one (or a proxy) may not.
            "sasl.jaas.config": {"value": JAAS.replace("-jaas", "-live-jaas"), "source": "STATIC_BROKER_CONFIG"},
            "listener.name.sasl_ssl.plain.sasl.jaas.config": {"value": JAAS.replace("-jaas", "-live-listener"),
                                                              "source": "DYNAMIC_BROKER_CONFIG"},
            "password.encoder.secret": {"value": MARKER + "-live-encoder", "source": "STATIC_BROKER_CONFIG"},
            "confluent.metadata.server.url": {"value": "https://u:%s-live-url@mds:8090" % MARKER,
                                              "source": "STATIC_BROKER_CONFIG"}}},
        {"id": 2, "rack": "b", "configs": {
            "min.insync.replicas": {"value": "2", "source": "STATIC_BROKER_CONFIG"},
            "ssl.key.password": {"value": MARKER + "-live-key", "source": "STATIC_BROKER_CONFIG",
                                 "synonyms": [{"name": "ssl.key.password", "value": MARKER + "-live-synonym",
                                               "source": "STATIC_BROKER_CONFIG"}]}}},
    ],
    "topics": [{"name": "orders", "configs": {"min.insync.replicas": "1"},
                "partitions": [{"replicas": [1, 2]}]}],
}


def run(args, env=None, cwd=None):
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("KAFKALINT_") and k != "GITHUB_ACTIONS"}
    full_env.update(env or {})
    return subprocess.run([ARGS.kafkalint, "check", *args], capture_output=True, timeout=120, env=full_env, cwd=cwd)


class NoSecretInAnyReport(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.mkdtemp(prefix="kafkalint-secrets-")
        self.addCleanup(shutil.rmtree, self.work)
        self.tree = os.path.join(self.work, "repo")
        for name, text in FILES.items():
            path = os.path.join(self.tree, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write(text)
        self.outputs = os.path.join(self.work, "reports")
        os.makedirs(self.outputs)

    def sweep(self, args, env=None, expect=(1, 2, 3)):
        """Runs every format at every verbosity, to stdout and to a file; returns all bytes written."""
        written = []
        for fmt in FORMATS:
            for verbosity in VERBOSITY:
                p = run([*args, "--format", fmt, *verbosity], env, cwd=self.work)
                self.assertIn(p.returncode, expect, p.stderr.decode()[-2000:])
                written += [p.stdout, p.stderr]
                report = os.path.join(self.outputs, "%s%s.out" % (fmt, "".join(verbosity)))
                p = run([*args, "--format", "%s:%s" % (fmt, report), *verbosity], env, cwd=self.work)
                self.assertIn(p.returncode, expect, p.stderr.decode()[-2000:])
                with open(report, "rb") as f:
                    written += [p.stdout, p.stderr, f.read()]
        return written

    def assertNoSecret(self, written):
        for i, data in enumerate(written):
            at = data.find(MARKER.encode())
            self.assertEqual(-1, at, "output %d leaks a secret: ...%s..." % (i, data[max(0, at - 200):at + 60]))

    def test_configuration_files(self):
        written = self.sweep(["repo"])
        self.assertNoSecret(written)
        # Not vacuous: the secrets were read, and the plaintext ones are named by their keys.
        p = run(["repo", "--format", "json"], cwd=self.work)
        report = json.loads(p.stdout)
        named = {}
        for f in report["findings"]:
            if f["ruleId"] == "KL0801":
                named.setdefault(f["location"]["file"], set()).update(f["keys"])
        for path, keys in EXPECTED_KL0801.items():
            self.assertLessEqual(keys, named.get("repo/" + path, set()), path)
        for path in ("repo/k8s/kafka.yaml", "repo/compose/docker-compose.yml", "repo/app/application.yml",
                     "repo/specs/cluster.toml", "repo/connect/connect-distributed.properties"):
            self.assertIn(path, named, "no KL0801 finding in " + path)
        self.assertIn(b"[REDACTED]", b"".join(written))

    def test_a_live_cluster_and_client_settings(self):
        fixture = os.path.join(self.work, "secrets-cluster.json")
        with open(fixture, "w") as f:
            json.dump(CLUSTER, f)
        ready = os.path.join(self.work, "ready.json")
        broker = subprocess.Popen([ARGS.broker, "--fixture", fixture, "--ready-file", ready],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.addCleanup(broker.wait, 10)
        self.addCleanup(broker.send_signal, signal.SIGTERM)
        deadline = time.monotonic() + 60
        while not os.path.exists(ready):
            self.assertIsNone(broker.poll(), "test broker exited")
            self.assertLess(time.monotonic(), deadline)
            time.sleep(0.02)
        with open(ready) as f:
            bootstrap = json.load(f)["bootstrap"]
        client = os.path.join(self.work, "admin.properties")
        with open(client, "w") as f:
            f.write("sasl.jaas.config=%s\nssl.key.password=%s-client-file\n" % (
                JAAS.replace("-jaas", "-client-jaas"), MARKER))
        args = ["--bootstrap", bootstrap, "--client-config", client, "-X", "sasl.password=%s-cli" % MARKER,
                "-X", "debug=broker,protocol,security"]
        env = {"KAFKALINT_CLIENT_SSL_KEYSTORE_PASSWORD": MARKER + "-env"}
        written = self.sweep(args, env)
        # Files and cluster in one audit too.
        written += self.sweep(["repo", *args], env)
        self.assertNoSecret(written)
        everything = b"".join(written)
        self.assertIn(b"librdkafka", everything)  # the debug log was there to leak, and did not
        self.assertIn(b"kl-full-of-secrets", everything)


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--kafkalint", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--broker", required=True)
    ARGS, rest = parser.parse_known_args()
    ARGS.kafkalint = os.path.abspath(ARGS.kafkalint)
    ARGS.broker = os.path.abspath(ARGS.broker)
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
