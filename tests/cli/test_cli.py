#!/usr/bin/env python3
"""End-to-end tests of the kafkalint binary: exit codes, golden reports on examples/, the JSON
report schema, colour, output files, stdin, rule documentation and secrets.

Run by ctest (test "cli"). To refresh the golden files after an intended change:
    tests/cli/test_cli.py --kafkalint build/kafkalint --source . --shared ../shared --update-golden
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import jsonschema

ARGS = None


def run(*args, cwd=None, env=None, stdin=None):
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env.pop("GITHUB_ACTIONS", None)
    if env:
        full_env.update(env)
    p = subprocess.run([ARGS.kafkalint, *args], cwd=cwd or ARGS.source, env=full_env, input=stdin,
                       capture_output=True, text=True, timeout=60)
    return p


class Temp:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="kafkalint-cli-")

    def write(self, rel, content, mode="w"):
        path = os.path.join(self.dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, mode) as f:
            f.write(content)
        return path

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


CLEAN_BROKER = ("broker.id=1\nlog.dirs=/d\nmin.insync.replicas=2\ndefault.replication.factor=3\n"
                "auto.create.topics.enable=false\n")


class ExitCodes(unittest.TestCase):
    def setUp(self):
        self.t = Temp()

    def tearDown(self):
        self.t.cleanup()

    def test_clean_configuration_exits_0(self):
        f = self.t.write("server.properties", CLEAN_BROKER)
        p = run("check", f)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("0 errors, 0 warnings, 0 notes in 1 file checked (1 broker)", p.stdout)

    def test_error_findings_exit_1(self):
        f = self.t.write("server.properties", "broker.id=1\nlog.dirs=/d\n")
        self.assertEqual(run("check", f).returncode, 1)

    def test_fail_on_threshold_is_independent_of_the_report(self):
        f = self.t.write("server.properties", CLEAN_BROKER.replace("auto.create.topics.enable=false\n", ""))
        self.assertEqual(run("check", f).returncode, 0)                       # a warning only
        self.assertEqual(run("check", "--fail-on", "warning", f).returncode, 1)
        self.assertEqual(run("check", "--fail-on", "note", f).returncode, 1)
        never = run("check", "--fail-on", "never", self.t.write("bad.properties", "acks=0\n"))
        self.assertEqual(never.returncode, 0)
        self.assertIn("KL0301", never.stdout)                                 # still reported

    def test_missing_file_exits_2_naming_it(self):
        p = run("check", os.path.join(self.t.dir, "nope.properties"))
        self.assertEqual(p.returncode, 2)
        self.assertIn("nope.properties: no such file or directory", p.stderr)

    def test_binary_and_invalid_utf8_exit_2_with_line(self):
        b = self.t.write("b.properties", b"acks=all\n\x00\x01\x02", mode="wb")
        p = run("check", b)
        self.assertEqual(p.returncode, 2)
        self.assertIn("b.properties:2:1: binary content", p.stderr)
        u = self.t.write("u.properties", b"acks=all\nclient.id=\xff\n", mode="wb")
        p = run("check", u)
        self.assertEqual(p.returncode, 2)
        self.assertIn("u.properties:2:11: invalid UTF-8", p.stderr)

    def test_a_bad_input_fails_the_run_but_the_others_are_still_reported(self):
        good = self.t.write("p.properties", "acks=0\n")
        p = run("check", good, os.path.join(self.t.dir, "missing.properties"))
        self.assertEqual(p.returncode, 2)
        self.assertIn("KL0301", p.stdout)
        self.assertIn("1 input error", p.stdout)

    def test_nothing_to_check_is_exit_2_not_a_silent_pass(self):
        empty = os.path.join(self.t.dir, "empty")
        os.makedirs(empty)
        p = run("check", empty)
        self.assertEqual(p.returncode, 2)
        self.assertIn("nothing checked: no Kafka configuration found", p.stderr)
        self.t.write("logs/log4j.properties", "log4j.rootLogger=INFO, stdout\nlog4j.appender.stdout=x\n")
        p = run("check", os.path.join(self.t.dir, "logs"))
        self.assertEqual(p.returncode, 2)
        self.assertIn("1 file skipped", p.stdout)
        p = run("check")
        self.assertEqual(p.returncode, 2)
        self.assertIn("nothing to check", p.stderr)

    def test_an_unrecognised_file_alone_is_a_note_and_exit_2(self):
        f = self.t.write("misc.properties", "colour=blue\n")
        p = run("check", f)
        self.assertEqual(p.returncode, 2)
        self.assertIn("note KL9005 [unclassified-input]", p.stdout)

    def test_usage_errors_exit_2(self):
        f = self.t.write("p.properties", "acks=all\n")
        for args in (["check", "--format", "xml", f], ["check", "--fail-on", "sometimes", f], ["frobnicate"],
                     ["check", "--kafka-version", "2.9", f], ["check", "--kafka-version", "three", f],
                     ["check", "--kind", "queue=" + f, f], ["check", "--kind", "producer=other.properties", f],
                     ["explain", "KL9999"], ["check", "--rules", os.path.join(self.t.dir, "none"), f]):
            with self.subTest(args=args):
                p = run(*args)
                self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
                self.assertTrue(p.stderr.strip(), "an error message is expected")

    def test_a_newer_kafka_release_is_audited_with_a_warning(self):
        f = self.t.write("p.properties", "acks=all\n")
        p = run("check", "--kafka-version", "4.2", f)
        self.assertEqual(p.returncode, 0)
        self.assertIn("newer than the newest release kafkalint knows", p.stderr)

    def test_client_version_applies_to_java_clients_only(self):
        p = run("check", "--kafka-version", "3.7", "--client-version", "2.8",
                self.t.write("producer.properties", "key.serializer=x\n"))
        self.assertEqual(p.returncode, 1)
        self.assertIn("acks=1 (Kafka 2.8 Java client default)", p.stdout)
        self.assertIn("Kafka 3.7 defaults (Java clients 2.8)", p.stdout)
        self.assertEqual(run("check", "--client-version", "2.9", "examples").returncode, 2)

    def test_a_broken_rule_file_exits_2_naming_file_and_line(self):
        rules = os.path.join(self.t.dir, "rules")
        self.t.write("rules/bad.yaml", "id: ACME0001\nname: acme\nseverity: error\nscope: broker\nsummary: s\n"
                                       "rationale: r\nremediation: m\nkeys: [acks]\nrequire: acks == 1\nmessage: m\n")
        f = self.t.write("p.properties", "acks=all\n")
        p = run("check", "--rules", rules, f)
        self.assertEqual(p.returncode, 2)
        self.assertIn("bad.yaml:8:7: unknown configuration key 'acks' for broker configs", p.stderr)

    def test_help_documents_the_exit_codes(self):
        for args in (["--help"], ["check", "--help"]):
            p = run(*args)
            self.assertEqual(p.returncode, 0)
            for code in ("0  no finding", "1  findings", "2  usage error", "3  a check could not be made"):
                self.assertIn(code, p.stdout)


class Reports(unittest.TestCase):
    def setUp(self):
        self.t = Temp()

    def tearDown(self):
        self.t.cleanup()

    def test_json_report_validates_against_its_schema(self):
        with open(os.path.join(ARGS.source, "docs", "report.schema.json")) as f:
            schema = json.load(f)
        jsonschema.Draft7Validator.check_schema(schema)
        cases = [["examples"], [os.path.join(ARGS.shared, "corpus", "broker"), "--kafka-version", "3.8"],
                 [self.t.write("clean.properties", CLEAN_BROKER)],
                 [self.t.write("clean.properties", CLEAN_BROKER), os.path.join(self.t.dir, "missing.properties")]]
        for args in cases:
            with self.subTest(args=args):
                p = run("check", "--format", "json", *args)
                jsonschema.validate(json.loads(p.stdout), schema)

    def test_output_file_is_written_and_stdout_stays_empty(self):
        out = os.path.join(self.t.dir, "report.json")
        p = run("check", "--format", "json", "--output", out, "examples")
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout, "")
        with open(out) as f:
            self.assertEqual(json.load(f)["summary"]["exitCode"], 1)
        self.assertEqual([n for n in os.listdir(self.t.dir) if ".tmp." in n], [])

    def test_unwritable_output_is_exit_2(self):
        p = run("check", "--output", os.path.join(self.t.dir, "no", "such", "dir", "r.txt"), "examples")
        self.assertEqual(p.returncode, 2)
        self.assertIn("cannot write", p.stderr)

    def test_colour_only_when_asked_or_on_a_terminal(self):
        plain = run("check", "examples")
        self.assertNotIn("\x1b[", plain.stdout)
        forced = run("check", "--color", "always", "examples")
        self.assertIn("\x1b[1;31merror\x1b[0m", forced.stdout)
        # NO_COLOR only changes the automatic choice.
        self.assertNotIn("\x1b[", run("check", "examples", env={"NO_COLOR": "1"}).stdout)

    def test_stdin(self):
        p = run("check", "-", stdin="acks=0\n")
        self.assertEqual(p.returncode, 1)
        self.assertIn("<stdin>:1:1: error KL0301", p.stdout)

    def test_verbose_shows_classification_on_stderr(self):
        p = run("check", "-v", "examples/clients")
        self.assertIn("examples/clients/edge-gateway-librdkafka.properties: producer:", p.stderr)
        self.assertIn("dialect librdkafka", p.stderr)

    def test_quiet_prints_nothing(self):
        p = run("check", "-q", "examples")
        self.assertEqual(p.stdout, "")
        self.assertEqual(p.returncode, 1)

    def test_kind_override(self):
        f = self.t.write("shared.properties", "bootstrap.servers=b\nsecurity.protocol=SSL\n")
        p = run("check", "--format", "json", "--kind", "consumer=" + f, f)
        doc = json.loads(p.stdout)
        self.assertEqual(doc["inputs"][0]["kinds"], ["consumer"])
        self.assertIn("--kind consumer", doc["inputs"][0]["reason"])

    def test_secrets_never_appear_in_any_format_or_verbosity(self):
        secrets = ["s3cr3t-payments", "gw-pass-123"]
        for args in (["check", "examples"], ["check", "-v", "examples"], ["check", "--format", "json", "examples"],
                     ["check", "-v", "--format", "json", "examples"]):
            p = run(*args)
            for s in secrets:
                self.assertNotIn(s, p.stdout + p.stderr, args)


class ClusterSpec(unittest.TestCase):
    """The cluster spec: its JSON Schema, YAML and TOML alike, strict errors with lines."""

    def setUp(self):
        self.t = Temp()

    def tearDown(self):
        self.t.cleanup()

    def schema(self):
        with open(os.path.join(ARGS.source, "docs", "cluster-spec.schema.json")) as f:
            schema = json.load(f)
        jsonschema.Draft7Validator.check_schema(schema)
        return schema

    def test_the_bundled_example_follows_the_schema(self):
        import yaml
        with open(os.path.join(ARGS.source, "examples", "topics", "payments-cluster.yaml")) as f:
            jsonschema.validate(yaml.safe_load(f), self.schema())

    def test_yaml_and_toml_specs_give_the_same_findings(self):
        import tomllib
        import yaml
        spec_yaml = ("kafkalint: cluster-spec/v1\ncluster:\n  name: c\n  brokers: 3\n"
                     "  broker_config: {min.insync.replicas: 2, default.replication.factor: 3}\n"
                     "topics:\n  - {name: t, replication_factor: 2, config: {min.insync.replicas: 1}}\n"
                     "clients:\n  - {name: p, kind: producer, config: {acks: all}, produces: [t]}\n")
        spec_toml = ('kafkalint = "cluster-spec/v1"\n[cluster]\nname = "c"\nbrokers = 3\n'
                     '[cluster.broker_config]\n"min.insync.replicas" = 2\n"default.replication.factor" = 3\n'
                     '[[topics]]\nname = "t"\nreplication_factor = 2\n[topics.config]\n"min.insync.replicas" = 1\n'
                     '[[clients]]\nname = "p"\nkind = "producer"\nproduces = ["t"]\n[clients.config]\nacks = "all"\n')
        schema = self.schema()
        jsonschema.validate(yaml.safe_load(spec_yaml), schema)
        jsonschema.validate(tomllib.loads(spec_toml), schema)
        results = []
        for name, text in (("spec.yaml", spec_yaml), ("spec.toml", spec_toml)):
            p = run("check", "--format", "json", self.t.write(name, text))
            self.assertEqual(p.returncode, 1, p.stderr)
            results.append(sorted((f["ruleId"], f["entity"]["name"]) for f in json.loads(p.stdout)["findings"]))
        self.assertEqual(results[0], results[1])
        self.assertIn(("KL0201", "t"), results[0])
        self.assertIn(("KL0202", "t"), results[0])
        self.assertIn(("KL0307", "p"), results[0])

    def test_schema_errors_name_file_line_and_field(self):
        cases = {
            "unknown.yaml": ("kafkalint: cluster-spec/v1\ncluster: {name: c, brokers: 3}\ntopics:\n  - name: t\n"
                             "    replicas: 3\n", ":5:5:", "unknown field 'replicas'"),
            "brokers.yaml": ("kafkalint: cluster-spec/v1\ncluster:\n  name: c\n  brokers: three\n", ":4:12:",
                             "positive number"),
            "syntax.yaml": ("kafkalint: cluster-spec/v1\ncluster: {name: c\n", ":", "YAML syntax error"),
            "syntax.toml": ('kafkalint = "cluster-spec/v1"\n[cluster\n', ":2:", "TOML syntax error"),
            "version.yaml": ("kafkalint: cluster-spec/v2\ncluster: {name: c, brokers: 1}\n", ":1:12:",
                             "expected 'kafkalint: cluster-spec/v1'"),
        }
        for name, (text, where, what) in cases.items():
            with self.subTest(name=name):
                p = run("check", self.t.write(name, text))
                self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
                self.assertIn(name + where, p.stderr)
                self.assertIn(what, p.stderr)

    def test_unrelated_yaml_in_a_scanned_directory_is_skipped_quietly(self):
        self.t.write(".github/workflows/ci.yml", "on: push\njobs: {}\n")
        self.t.write("deploy/values.yml", "image: nginx\nreplicas: 2\n")
        self.t.write("server.properties", CLEAN_BROKER)
        p = run("check", "--format", "json", self.t.dir)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        named = run("check", os.path.join(self.t.dir, "deploy", "values.yml"))
        self.assertEqual(named.returncode, 2)
        self.assertIn("KL9005", named.stdout)


class Golden(unittest.TestCase):
    """The bundled examples/ audited as README shows; outputs are committed under tests/golden/."""

    def check_golden(self, name, args):
        p = run(*args)
        self.assertEqual(p.returncode, 1, p.stderr)
        path = os.path.join(ARGS.source, "tests", "golden", name)
        if ARGS.update_golden:
            with open(path, "w") as f:
                f.write(p.stdout)
        with open(path) as f:
            expected = f.read()
        self.assertEqual(p.stdout, expected, "golden output %s changed; rerun with --update-golden if intended" % name)

    def test_examples_text(self):
        self.check_golden("examples.txt", ["check", "--kafka-version", "3.7", "examples"])

    def test_examples_verbose_text(self):
        self.check_golden("examples-verbose.txt", ["check", "-v", "--kafka-version", "3.7", "examples"])

    def test_examples_json(self):
        self.check_golden("examples.json", ["check", "--format", "json", "--kafka-version", "3.7", "examples"])

    def test_examples_are_stable_across_runs(self):
        a = run("check", "--format", "json", "--kafka-version", "3.7", "examples").stdout
        b = run("check", "--format", "json", "--kafka-version", "3.7", "examples/", "examples/clients").stdout
        self.assertEqual(a, b.replace("examples//", "examples/"))


class RuleDocs(unittest.TestCase):
    def test_rules_lists_every_rule_and_explain_prints_each(self):
        listed = json.loads(run("rules", "--format", "json").stdout)
        self.assertGreaterEqual(len(listed), 30)
        text = run("rules").stdout
        for rule in listed:
            self.assertIn(rule["id"], text)
            for key in (rule["id"], rule["name"]):
                p = run("explain", key)
                self.assertEqual(p.returncode, 0)
                self.assertTrue(p.stdout.startswith(rule["id"] + " " + rule["name"]))
                self.assertIn("How to fix:", p.stdout)

    def test_every_rule_has_a_doc_page(self):
        for rule in json.loads(run("rules", "--format", "json").stdout):
            page = os.path.join(ARGS.source, "docs", "rules", rule["id"] + ".md")
            self.assertTrue(os.path.isfile(page), page)

    def test_user_rules_join_the_list(self):
        t = Temp()
        try:
            rules = os.path.join(t.dir, "rules")
            t.write("rules/acme.yaml",
                    "id: ACME0001\nname: acme-linger\nseverity: note\nscope: producer\nsummary: linger at least 5\n"
                    "rationale: r\nremediation: m\nkeys: [linger.ms]\nrequire: linger.ms >= 5\n"
                    "message: \"{name(linger.ms)}={linger.ms}{origin(linger.ms)} is below 5\"\n")
            self.assertIn("ACME0001", run("rules", "--rules", rules).stdout)
            f = t.write("p.properties", "acks=all\nlinger.ms=1\n")
            p = run("check", "--rules", rules, f)
            self.assertIn("note ACME0001 [acme-linger] linger.ms=1 is below 5", p.stdout)
        finally:
            t.cleanup()


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--kafkalint", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--update-golden", action="store_true")
    ARGS, rest = ap.parse_known_args()
    ARGS.kafkalint = os.path.abspath(ARGS.kafkalint)
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
