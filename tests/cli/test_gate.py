#!/usr/bin/env python3
"""End-to-end tests of the gate: exit codes and the options that set them, .kafkalint.toml
discovery, profiles, `kafkalint config show`, inline suppressions, suppression files with expiry
dates, and baselines, all through the kafkalint binary.

Usage: test_gate.py --kafkalint BUILD/kafkalint
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

ARGS = None

PRODUCER = ("# kafkalint: ignore KL0301 -- the edge gateway resends from its journal (PLAT-12)\n"
            "acks=1\n"
            "enable.idempotence=false\n")
BROKER = "broker.id=1\nmin.insync.replicas=2\ndefault.replication.factor=3\nunclean.leader.election.enable=false\n"
TOPICS = ("kafkalint: cluster-spec/v1\ncluster:\n  name: prod\n  brokers: 3\n"
          "  broker_config: {min.insync.replicas: 2, default.replication.factor: 3}\n"
          "topics:\n"
          "  - {name: orders, replication_factor: 3}\n"
          "  - {name: _confluent-metrics, replication_factor: 1}\n"
          "  - {name: scratch, replication_factor: 2}\n")


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


class Repo(unittest.TestCase):
    """A repository with a .git directory, a few configs, and runs of kafkalint in it."""

    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="kafkalint-gate-")
        os.makedirs(os.path.join(self.root, ".git"))
        write(self.root, "clients/producer.properties", PRODUCER)
        write(self.root, "brokers/server.properties", BROKER)
        write(self.root, "topics/prod.yaml", TOPICS)

    def tearDown(self):
        shutil.rmtree(self.root, ignore_errors=True)

    def run_kl(self, *args, cwd=None, env=None):
        full_env = {k: v for k, v in os.environ.items()
                    if k not in ("GITHUB_ACTIONS", "KAFKALINT_CONFIG", "KAFKALINT_BOOTSTRAP")}
        full_env["KAFKALINT_TODAY"] = "2026-11-22"
        full_env.update(env or {})
        return subprocess.run([ARGS.kafkalint, *args], cwd=cwd or self.root, env=full_env, capture_output=True,
                              text=True, timeout=60)

    def check(self, *args, **kw):
        kind = ["--kind", "producer=clients/producer.properties"] if "clients" in args else []
        return self.run_kl("check", *kind, *args, **kw)

    def json_of(self, *args, **kw):
        p = self.check("--format", "json", *args, **kw)
        self.assertTrue(p.stdout, p.stderr)
        return p, json.loads(p.stdout)


class ExitCodes(Repo):
    def test_fail_on_chooses_the_lowest_failing_severity(self):
        # Only the idempotence warning is left once KL0301 is suppressed inline.
        self.assertEqual(0, self.check("clients").returncode)
        p = self.check("clients", "--fail-on", "warning")
        self.assertEqual(1, p.returncode, p.stdout + p.stderr)
        self.assertEqual(0, self.check("clients", "--fail-on", "never", "--no-inline-suppressions").returncode)

    def test_exit_zero_reports_but_never_fails_on_findings(self):
        p = self.check("clients", "--no-inline-suppressions", "--exit-zero")
        self.assertEqual(0, p.returncode)
        self.assertIn("KL0301", p.stdout)
        # Input errors still exit 2.
        self.assertEqual(2, self.check("clients", "missing.properties", "--exit-zero").returncode)

    def test_min_severity_filters_the_report_not_the_gate_inputs(self):
        p, report = self.json_of("clients", "topics", "--no-inline-suppressions", "--min-severity", "error")
        self.assertEqual(1, p.returncode)
        self.assertTrue(report["findings"])
        self.assertTrue(all(f["severity"] == "error" for f in report["findings"]))
        self.assertGreater(report["gate"]["belowMinSeverity"], 0)

    def test_options_that_cannot_take_effect_are_errors(self):
        cases = [
            (["--exit-zero", "--fail-on", "warning"], "contradict"),
            (["--fail-on", "note", "--min-severity", "warning"], "would fail the run on notes"),
            (["-v", "-q"], "contradict"),
            (["-X", "security.protocol=SSL"], "give --bootstrap too"),
            (["--client-config", "x.properties"], "give --bootstrap too"),
            (["--timeout", "5"], "give --bootstrap too"),
            (["--profile", "dev"], "there is no .kafkalint.toml"),
            (["--select", "no-such-rule"], "is not a rule id, rule name or tag"),
            (["--ignore", "KL9009"], "cannot be turned off"),
            (["--exclude", "topicz:x*"], "is not an entity kind"),
            (["--baseline", "missing-baseline.toml"], "missing-baseline.toml"),
        ]
        for extra, message in cases:
            with self.subTest(extra=extra):
                p = self.check("clients", *extra)
                self.assertEqual(2, p.returncode, p.stdout + p.stderr)
                self.assertIn(message, p.stderr)
                self.assertEqual("", p.stdout)


class Configuration(Repo):
    def test_found_from_a_subdirectory_and_applied(self):
        write(self.root, ".kafkalint.toml", 'fail-on = "warning"\n')
        sub = os.path.join(self.root, "clients")
        p = self.run_kl("check", "--kind", "producer=producer.properties", "producer.properties", cwd=sub)
        self.assertEqual(1, p.returncode, p.stdout + p.stderr)  # the idempotence warning fails the run
        self.assertEqual(0, self.run_kl("check", "--no-config", "--kind", "producer=producer.properties",
                                        "producer.properties", cwd=sub).returncode)

    def test_not_looked_for_above_the_repository_root(self):
        outer = tempfile.mkdtemp(prefix="kafkalint-gate-outer-")
        try:
            write(outer, ".kafkalint.toml", 'fail-on = "warning"\n')
            repo = os.path.join(outer, "repo")
            shutil.copytree(self.root, repo)
            self.assertEqual(0, self.check("clients", cwd=repo).returncode)
        finally:
            shutil.rmtree(outer, ignore_errors=True)

    def test_config_option_and_environment(self):
        path = write(self.root, "ci/kafkalint.toml", 'fail-on = "warning"\n')
        self.assertEqual(1, self.check("clients", "--config", path).returncode)
        self.assertEqual(1, self.check("clients", env={"KAFKALINT_CONFIG": path}).returncode)
        # The command line wins over the file.
        self.assertEqual(0, self.check("clients", "--config", path, "--fail-on", "error").returncode)

    def test_an_invalid_configuration_is_an_error_at_its_line(self):
        write(self.root, ".kafkalint.toml", 'fail-on = "warning"\nselect = ["durability"]\nignore = "KL0109"\n')
        p = self.check("clients")
        self.assertEqual(2, p.returncode)
        self.assertIn(".kafkalint.toml:3:", p.stderr)
        self.assertIn("expected a list of strings for 'ignore'", p.stderr)

    def test_rules_selection_severity_params_and_exclusions(self):
        write(self.root, ".kafkalint.toml",
              'exclude = ["topic:_confluent-*"]\n'
              '[params]\nmin_replication_factor = 2\n'
              '[severity]\nproducer-idempotence-disabled = "error"\n')
        p, report = self.json_of("clients", "topics")
        rules = {(f["ruleId"], f["entity"]["name"]) for f in report["findings"]}
        self.assertNotIn(("KL0201", "_confluent-metrics"), rules)  # excluded
        self.assertNotIn(("KL0201", "scratch"), rules)  # replication factor 2 is enough with the parameter
        self.assertIn("error", [f["severity"] for f in report["findings"] if f["ruleId"] == "KL0304"])
        self.assertEqual(1, p.returncode)
        self.assertGreaterEqual(report["gate"]["excluded"], 1)

    def test_profiles_relax_rules_for_an_environment(self):
        write(self.root, ".kafkalint.toml",
              '[profiles.dev]\nignore = ["replication"]\nfail-on = "never"\n')
        p, prod = self.json_of("topics")
        self.assertIn("KL0201", [f["ruleId"] for f in prod["findings"]])
        p, dev = self.json_of("topics", "--profile", "dev")
        self.assertEqual(0, p.returncode)
        self.assertNotIn("KL0201", [f["ruleId"] for f in dev["findings"]])
        p = self.check("topics", "--profile", "staging")
        self.assertEqual(2, p.returncode)
        self.assertIn("--profile staging: no such profile (defined: dev)", p.stderr)

    def test_config_show_tells_where_each_value_comes_from(self):
        write(self.root, ".kafkalint.toml",
              'fail-on = "warning"\nignore = ["KL0109"]\n[profiles.dev]\nmin-severity = "warning"\n')
        p = self.run_kl("config", "show", "--profile", "dev")
        self.assertEqual(0, p.returncode, p.stderr)
        lines = {line.split(" = ")[0]: line for line in p.stdout.splitlines() if " = " in line}
        self.assertIn("# .kafkalint.toml:1", lines["fail-on"])
        self.assertIn("# profile dev (.kafkalint.toml:4)", lines["min-severity"])
        self.assertIn("# default", lines["kafka-version"])
        self.assertIn('off: ["KL0109"]', p.stdout)
        p = self.run_kl("config", "show", "--format", "json")
        shown = json.loads(p.stdout)
        self.assertEqual({"value": "warning", "origin": ".kafkalint.toml:1"}, shown["fail-on"])
        self.assertEqual(["KL0109"], shown["rulesOff"])
        p = self.run_kl("config", "show", "--no-config")
        self.assertIn("# configuration file: none", p.stdout)


class Suppressions(Repo):
    def test_inline_suppressions_are_counted_and_shown_on_request(self):
        p = self.check("clients")
        self.assertNotIn("KL0301", p.stdout)
        self.assertIn("1 suppressed (1 inline, 0 by [[suppress]] entries) (--show-suppressed lists them)", p.stdout)
        p = self.check("clients", "--show-suppressed")
        self.assertIn("[suppressed inline: the edge gateway resends from its journal (PLAT-12)]", p.stdout)
        _, report = self.json_of("clients", "--show-suppressed")
        kl0301 = [f for f in report["findings"] if f["ruleId"] == "KL0301"][0]
        self.assertEqual([{"kind": "inSource", "justification": "the edge gateway resends from its journal (PLAT-12)"}],
                         kl0301["suppressions"])
        self.assertEqual(0, report["summary"]["errors"])  # suppressed findings do not count

    def test_a_central_gate_can_ignore_inline_suppressions(self):
        p = self.check("clients", "--no-inline-suppressions")
        self.assertEqual(1, p.returncode)
        self.assertIn("KL0301", p.stdout)
        write(self.root, ".kafkalint.toml", "inline-suppressions = false\n")
        self.assertEqual(1, self.check("clients").returncode)

    def test_bad_directives_fail_the_gate(self):
        write(self.root, "clients/producer.properties", "# kafkalint: ignore KL0301\nacks=all\n")
        p = self.check("clients")
        self.assertEqual(1, p.returncode)
        self.assertIn("clients/producer.properties:1:3: error KL9011 [invalid-suppression]", p.stdout)

    def test_suppression_entries_expire(self):
        write(self.root, "ci/suppress.toml",
              '[[suppress]]\nrule = "topic-replication-factor"\nentity = "topic:scratch"\n'
              'reason = "rebuilt nightly"\nexpires = 2027-01-31\n')
        p, report = self.json_of("topics", "--suppressions", "ci/suppress.toml")
        self.assertNotIn("scratch", [f["entity"]["name"] for f in report["findings"] if f["ruleId"] == "KL0201"])
        self.assertEqual(1, report["gate"]["suppressedByEntry"])
        p, later = self.json_of("topics", "--suppressions", "ci/suppress.toml", env={"KAFKALINT_TODAY": "2027-02-01"})
        self.assertIn("scratch", [f["entity"]["name"] for f in later["findings"] if f["ruleId"] == "KL0201"])
        expired = [f for f in later["findings"] if f["ruleId"] == "KL9013"]
        self.assertEqual(1, len(expired))
        self.assertEqual({"file": "ci/suppress.toml", "line": 1, "column": 1}, expired[0]["location"])

    def test_suppression_entries_in_the_configuration_and_unused_ones(self):
        write(self.root, ".kafkalint.toml",
              '[[suppress]]\nrule = "KL0201"\nentity = "topic:nothing-here"\nreason = "old"\n')
        p = self.check("topics")
        self.assertIn(".kafkalint.toml:1:1: warning KL9012 [unused-suppression]", p.stdout)


class Baselines(Repo):
    def test_a_pull_request_gate_fails_only_on_new_findings(self):
        p = self.check("clients", "topics", "--no-inline-suppressions", "--write-baseline", "kafkalint-baseline.toml")
        self.assertEqual(0, p.returncode, p.stdout + p.stderr)
        self.assertIn("wrote kafkalint-baseline.toml", p.stderr)
        with open(os.path.join(self.root, "kafkalint-baseline.toml"), encoding="utf-8") as f:
            baseline = f.read()
        self.assertIn('rule = "KL0301"', baseline)
        self.assertNotRegex(baseline, r"(?m)^line")  # keyed by identity, not by line

        # Unrelated edits move every line: nothing new.
        write(self.root, "clients/producer.properties", "# moved\n\n\nenable.idempotence=false\nacks=1\n")
        p = self.check("clients", "topics", "--no-inline-suppressions", "--baseline", "kafkalint-baseline.toml")
        self.assertEqual(0, p.returncode, p.stdout)
        # A new risk fails the gate, and only it is reported.
        write(self.root, "clients/producer.properties", "enable.idempotence=false\nacks=1\nretries=0\n")
        p, report = self.json_of("clients", "topics", "--no-inline-suppressions", "--baseline",
                                 "kafkalint-baseline.toml")
        self.assertEqual(1, p.returncode)
        self.assertEqual(["KL0302"], [f["ruleId"] for f in report["findings"]])
        self.assertEqual("new", report["findings"][0]["baselineState"])

    def test_stale_entries_are_reported(self):
        self.check("clients", "--no-inline-suppressions", "--write-baseline", "b.toml")
        write(self.root, "clients/producer.properties", "acks=all\n")
        p = self.check("clients", "--no-inline-suppressions", "--baseline", "b.toml")
        self.assertEqual(0, p.returncode)
        self.assertIn("Baseline entries no finding matches any more", p.stdout)
        self.assertIn("b.toml:7: KL0301 producer:clients/producer.properties", p.stdout)

    def test_the_baseline_can_be_set_in_the_configuration(self):
        os.makedirs(os.path.join(self.root, "ci"))
        self.check("clients", "--no-inline-suppressions", "--fail-on", "warning", "--write-baseline", "ci/b.toml")
        write(self.root, ".kafkalint.toml", 'baseline = "ci/b.toml"\nfail-on = "warning"\ninline-suppressions = false\n')
        self.assertEqual(0, self.check("clients").returncode)

    def test_an_unreadable_baseline_is_an_error(self):
        write(self.root, "b.toml", "version = 1\n[[finding]]\nrule = 3\n")
        p = self.check("clients", "--baseline", "b.toml")
        self.assertEqual(2, p.returncode)
        self.assertIn("b.toml:3:8: expected a string for 'rule'", p.stderr)


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--kafkalint", required=True)
    ARGS, rest = parser.parse_known_args()
    ARGS.kafkalint = os.path.abspath(ARGS.kafkalint)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
