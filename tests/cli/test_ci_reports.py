#!/usr/bin/env python3
"""End-to-end tests of kafkalint's CI reports (docs/ci.md):

- SARIF: every SARIF file these tests produce is validated against the official OASIS schema
  (python3-jsonschema, draft-04) and with Microsoft's SARIF Multitool (`validate --rule-kind
  "Sarif;Gh"`, error-level results counted in its output log, since its exit status is always 0),
  plus checks neither tool makes (one run, unique rules and tags, valid ruleIndex, relative
  percent-encoded URIs of files that exist, 1-based regions, unique fingerprints);
- GitHub workflow commands (escaping, the GITHUB_ACTIONS default), JUnit XML (well formed,
  counts), GitLab Code Quality (unique fingerprints, severities, locations);
- several reports in one run (--format/--output pairing) and the pre-commit hook's entry.

  test_ci_reports.py --kafkalint build/kafkalint --source . --shared ../shared \
                     [--broker build/tests/broker/kafkalint_test_broker] [unittest args]

The Multitool is the one scripts/setup.sh installs into tools/sarif/ (npm ci); without it the
test fails rather than skip, so that CI always runs both validators.
"""
import argparse
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

import jsonschema
import yaml

ARGS = None
MULTITOOL = os.path.join("tools", "sarif", "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool")
MULTITOOL_POLICY = os.path.join("tools", "sarif", "multitool-policy.xml")  # offline: no URI reachability
HOMEPAGE = "https://kafkalint.dev"
LEVELS = {"error", "warning", "note"}

CLEAN_BROKER = ("broker.id=1\nlog.dirs=/d\nmin.insync.replicas=2\ndefault.replication.factor=3\n"
                "auto.create.topics.enable=false\n")
PROD_SPEC = ("kafkalint: cluster-spec/v1\ncluster:\n  name: prod\n  brokers: 3\n"
             "  broker_config: {min.insync.replicas: 2, default.replication.factor: 3}\n"
             "topics:\n  - name: orders\n    replication_factor: 3\n    config: {min.insync.replicas: 2}\n")
# A producer writing to two topics with min.insync.replicas=1 is reported once per topic: two
# findings with the same rule, entity and keys.
TWO_TOPICS_SPEC = ("kafkalint: cluster-spec/v1\ncluster:\n  name: c\n  brokers: 3\n"
                   "  broker_config: {min.insync.replicas: 1, default.replication.factor: 3}\n"
                   "topics:\n  - {name: t1, replication_factor: 3}\n  - {name: t2, replication_factor: 3}\n"
                   "clients:\n  - {name: p, kind: producer, config: {acks: all}, produces: [t1, t2]}\n")
UNICODE_DIR = os.path.join("conf dir", "ünïcødé #1")
UNICODE_FILE = os.path.join(UNICODE_DIR, "prod ucer%.properties")
# Characters every format must escape: markup, quotes, '%', ',' and ':' (and a newline, as a
# .properties escape).
SPECIAL_FILE = os.path.join("special", "a,b:c.properties")
SPECIAL_TEXT = 'acks=<all> & "1" 50%\\nnext\nkey.serializer=x\n'


def kafkalint(*args, cwd, env=None, stdin=None):
    full_env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    full_env.update(env or {})
    return subprocess.run([ARGS.kafkalint, *args], cwd=cwd, env=full_env, input=stdin, capture_output=True,
                          text=True, timeout=90)


def write(root, rel, content, mode="w"):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f:
        f.write(content)
    return path


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


class Broker:
    """The project's test broker (tests/broker/) serving a fixture on loopback."""

    def __init__(self, fixture):
        self.dir = tempfile.mkdtemp(prefix="kafkalint-ci-broker-")
        ready = os.path.join(self.dir, "ready.json")
        self.process = subprocess.Popen([ARGS.broker, "--fixture", fixture, "--ready-file", ready],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while not os.path.exists(ready):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("the test broker did not start")
            time.sleep(0.02)
        time.sleep(0.05)  # the ready file is written whole, but give the writer a moment
        self.bootstrap = load(ready)["bootstrap"]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def readme_ci_examples():
    """The YAML examples of the README's "Use in CI" section, parsed."""
    with open(os.path.join(ARGS.source, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    section = readme.split("\n## Use in CI\n", 1)[1].split("\n## ", 1)[0]
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", section, re.S)]


def on_path(directory):
    """An environment whose PATH finds the kafkalint under test, as `kafkalint`."""
    link = os.path.join(directory, "kafkalint")
    if not os.path.exists(link):
        os.symlink(ARGS.kafkalint, link)
    return {"PATH": directory + os.pathsep + os.environ.get("PATH", "")}


def run_readme_command(command, cwd, env):
    """Runs a kafkalint command line of the README in `cwd`, where kafka/ is a copy of examples/."""
    shutil.copytree(os.path.join(ARGS.source, "examples"), os.path.join(cwd, "kafka"), dirs_exist_ok=True)
    full_env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    full_env.update(env)
    return subprocess.run(shlex.split(command), cwd=cwd, env=full_env, capture_output=True, text=True, timeout=90)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Fixture:
    """A small repository in a temporary directory (the working directory of most runs) and the
    reports of every case, written once for all tests."""

    def __init__(self):
        self.repo = tempfile.mkdtemp(prefix="kafkalint-ci-repo-")
        self.out = os.path.join(self.repo, ".reports")
        os.makedirs(self.out)
        write(self.repo, UNICODE_FILE, "acks=1\nkey.serializer=x\n")
        write(self.repo, SPECIAL_FILE, SPECIAL_TEXT)
        write(self.repo, "clean/server.properties", CLEAN_BROKER)
        write(self.repo, "specs/prod.yaml", PROD_SPEC)
        write(self.repo, "specs/two-topics.yaml", TWO_TOPICS_SPEC)
        write(self.repo, "dup/producer.properties", "acks=1\nacks=0\nacks=1\nretries=0\n")
        # Suppressed findings (inline and by a [[suppress]] entry) and a baseline with a stale entry.
        write(self.repo, "gate/producer.properties",
              "# kafkalint: ignore KL0301 -- the edge gateway resends from its journal\nacks=1\nretries=0\n"
              "enable.idempotence=false\n")
        write(self.repo, "gate/suppress.toml",
              '[[suppress]]\nrule = "KL0302"\nfile = "gate/*.properties"\nreason = "retried by the caller"\n')
        write(self.repo, "gate/baseline.toml",
              'version = 1\n\n[[finding]]\nrule = "KL0304"\nentity = "producer:gate/producer.properties"\n'
              'keys = ["enable.idempotence"]\n\n[[finding]]\nrule = "KL0201"\nentity = "topic:gone"\n'
              'keys = ["replication.factor"]\n')
        write(self.repo, "bad/u.properties", b"acks=all\nclient.id=\xff\n", mode="wb")
        write(self.repo, "rules/acme.yaml",
              "id: ACME0001\nname: acme-linger\nseverity: note\nscope: producer\nsummary: linger at least 5\n"
              "rationale: r\nremediation: m\nkeys: [linger.ms]\nrequire: linger.ms >= 5\nmessage: linger is low\n")
        os.makedirs(os.path.join(self.repo, "empty"))
        self.runs = {}  # case -> (process, working directory, {format: report path})

    def run(self, case, args, cwd=None, formats=("sarif", "json", "github", "junit", "gitlab"), stdin=None,
            env=None):
        cwd = cwd or self.repo
        paths = {f: os.path.join(self.out, "%s.%s" % (case, f)) for f in formats}
        fmt_args = [a for f in formats for a in ("--format", "%s:%s" % (f, paths[f]))]
        p = kafkalint("check", *fmt_args, *args, cwd=cwd, stdin=stdin, env=env)
        self.runs[case] = (p, cwd, paths)
        return p

    def cleanup(self):
        shutil.rmtree(self.repo, ignore_errors=True)


FIX = None


def setUpModule():
    global FIX
    FIX = Fixture()
    src = ARGS.source
    FIX.run("examples", ["--kafka-version", "3.7", "examples"], cwd=src)
    FIX.run("corpus-outside-cwd", ["--kafka-version", "3.8", os.path.join(ARGS.shared, "corpus", "broker")], cwd=src)
    FIX.run("spaces-unicode", ["conf dir"])
    FIX.run("special-characters", [SPECIAL_FILE])
    FIX.run("clean", ["clean"])
    FIX.run("nothing-checked", ["empty"])
    FIX.run("input-errors", ["clean", "missing.properties", "bad/u.properties"])
    FIX.run("stdin", ["-"], stdin="acks=0\n")
    FIX.run("user-rules", ["--rules", "rules", "conf dir"])
    FIX.run("same-identity", ["dup/producer.properties"])
    FIX.run("two-topics", ["specs/two-topics.yaml"])
    gate = ["--no-config", "--kind", "producer=gate/producer.properties", "gate/producer.properties",
            "--suppressions", "gate/suppress.toml"]
    FIX.run("suppressed-shown", gate + ["--show-suppressed"])
    FIX.run("baseline-shown", gate + ["--baseline", "gate/baseline.toml", "--show-suppressed"])
    FIX.run("baseline-new-only", gate + ["--baseline", "gate/baseline.toml", "--fail-on", "warning"])
    # The README's GitHub Actions step, as the runner would run it.
    workflow = readme_ci_examples()[0]
    audit = [s for s in workflow["jobs"]["kafkalint"]["steps"] if "kafkalint check" in s.get("run", "")][0]
    cwd = os.path.join(FIX.repo, "readme-github")
    os.makedirs(cwd)
    p = run_readme_command(audit["run"], cwd, dict(on_path(FIX.out), GITHUB_ACTIONS="true"))
    FIX.runs["readme-github-actions"] = (p, cwd, {"sarif": os.path.join(cwd, "kafkalint.sarif")})
    if ARGS.broker:
        broker = Broker(os.path.join(ARGS.source, "tests", "broker", "fixtures", "three-brokers.json"))
        try:
            FIX.run("live-only", ["--bootstrap", broker.bootstrap])
            FIX.run("live-with-spec", ["--bootstrap", broker.bootstrap, "specs/prod.yaml"])
        finally:
            broker.stop()
        FIX.run("live-unreachable", ["--bootstrap", "127.0.0.1:%d" % free_port(), "--timeout", "2"])


def tearDownModule():
    FIX.cleanup()


EXPECTED_EXIT = {"examples": 1, "corpus-outside-cwd": 1, "spaces-unicode": 1, "special-characters": 1, "clean": 0,
                 "nothing-checked": 2, "input-errors": 2, "stdin": 1, "user-rules": 1, "same-identity": 1, "two-topics": 1,
                 "suppressed-shown": 0, "baseline-shown": 0, "baseline-new-only": 0,
                 "readme-github-actions": 1,
                 "live-only": 1, "live-with-spec": 1, "live-unreachable": 3}


def cases(fmt):
    for case, (p, cwd, paths) in FIX.runs.items():
        if fmt in paths:
            yield case, p, cwd, paths[fmt]


class Sarif(unittest.TestCase):
    def test_every_case_ran_with_the_expected_exit_code(self):
        for case, (p, _, _) in FIX.runs.items():
            self.assertEqual(EXPECTED_EXIT[case], p.returncode, "%s: %s" % (case, p.stderr))
        if ARGS.broker:
            self.assertIn("live-with-spec", FIX.runs)

    def canary(self):
        """A SARIF file with a mistake both validators must catch (line 0), so that a validator that
        silently checks nothing fails the test."""
        doc = json.loads(json.dumps(load(FIX.runs["examples"][2]["sarif"])))
        doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
        path = os.path.join(FIX.out, "canary-line-0.sarif")
        with open(path, "w") as f:
            json.dump(doc, f)
        return path

    def test_suppressed_results_carry_their_suppressions_and_baseline_states(self):
        results = load(FIX.runs["suppressed-shown"][2]["sarif"])["runs"][0]["results"]
        by_rule = {r["ruleId"]: r for r in results}
        self.assertEqual([{"kind": "inSource", "status": "accepted",
                           "justification": "the edge gateway resends from its journal"}],
                         by_rule["KL0301"]["suppressions"])
        self.assertEqual("external", by_rule["KL0302"]["suppressions"][0]["kind"])
        self.assertNotIn("suppressions", by_rule["KL0304"])
        self.assertTrue(all("baselineState" not in r for r in results))  # no baseline given
        results = load(FIX.runs["baseline-shown"][2]["sarif"])["runs"][0]["results"]
        states = sorted((r["ruleId"], r["baselineState"]) for r in results)
        self.assertEqual([("KL0201", "absent"), ("KL0301", "new"), ("KL0302", "new"), ("KL0304", "unchanged")], states)
        notes = load(FIX.runs["baseline-shown"][2]["sarif"])["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        self.assertTrue(any("match no finding any more" in n["message"]["text"] for n in notes))

    def test_without_show_suppressed_accepted_findings_are_left_out_of_every_report(self):
        paths = FIX.runs["baseline-new-only"][2]
        self.assertEqual([], load(paths["sarif"])["runs"][0]["results"])
        self.assertEqual([], load(paths["json"])["findings"])
        self.assertEqual([], load(paths["gitlab"]))
        with open(paths["github"], encoding="utf-8") as f:
            self.assertEqual("", f.read())
        gate = load(paths["json"])["gate"]
        self.assertEqual((1, 1, 1), (gate["suppressedInline"], gate["suppressedByEntry"], gate["baseline"]["matched"]))
        self.assertEqual("topic:gone", gate["baseline"]["stale"][0]["entity"])

    def test_every_sarif_is_valid_against_the_oasis_schema(self):
        schema = load(os.path.join(ARGS.shared, "sarif", "sarif-schema-2.1.0.json"))
        jsonschema.Draft4Validator.check_schema(schema)
        validator = jsonschema.Draft4Validator(schema)
        for case, _, _, path in cases("sarif"):
            with self.subTest(case=case):
                errors = ["%s: %s" % (e.json_path, e.message) for e in validator.iter_errors(load(path))]
                self.assertEqual([], errors[:10])
        self.assertTrue(list(validator.iter_errors(load(self.canary()))))

    def test_the_sarif_multitool_reports_no_error(self):
        multitool = os.path.join(ARGS.source, MULTITOOL)
        self.assertTrue(os.access(multitool, os.X_OK), "%s is missing: run scripts/setup.sh" % multitool)
        files = [path for _, _, _, path in cases("sarif")]
        canary = self.canary()
        log = os.path.join(FIX.out, "multitool.sarif")
        # One call for every file (it takes seconds to start). Called directly: the npm wrapper runs
        # through a shell, which would split "Sarif;Gh" at the ';'.
        started = time.monotonic()
        p = subprocess.run([multitool, "validate", *files, canary, "-o", log, "--log", "ForceOverwrite",
                            "--rule-kind", "Sarif;Gh", "--config", os.path.join(ARGS.source, MULTITOOL_POLICY)],
                           capture_output=True, text=True, timeout=300)
        self.assertTrue(os.path.exists(log), p.stdout + p.stderr)
        self.assertIn("%d files scanned" % (len(files) + 1), p.stdout)
        # Its exit status is always 0: count the error-level results (no level means warning).
        errors = {}
        for run in load(log)["runs"]:
            for r in run.get("results", []):
                if r.get("level", "warning") == "error":
                    uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    errors.setdefault(urllib.parse.unquote(urllib.parse.urlparse(uri).path), []).append(r)
        self.assertTrue(errors.pop(canary, None), "the Multitool missed the canary's line 0")
        listing = "\n".join(line for line in p.stdout.splitlines() if ": error " in line)
        self.assertEqual({}, {f: len(e) for f, e in errors.items()}, listing)
        print("\nSARIF Multitool (Sarif;Gh): 0 errors in %d reports, %.1f s" % (len(files), time.monotonic() - started),
              file=sys.stderr)

    def test_what_neither_validator_checks(self):
        for case, p, cwd, path in cases("sarif"):
            with self.subTest(case=case):
                self.check_invariants(load(path), p.returncode, cwd)

    def check_invariants(self, doc, exit_code, cwd):
        self.assertEqual("2.1.0", doc["version"])
        self.assertTrue(doc["$schema"].endswith("sarif-schema-2.1.0.json"))
        self.assertEqual(1, len(doc["runs"]))
        run = doc["runs"][0]
        driver = run["tool"]["driver"]
        self.assertEqual("kafkalint", driver["name"])
        self.assertRegex(driver["semanticVersion"], r"^\d+\.\d+\.\d+")
        self.assertEqual(HOMEPAGE, driver["informationUri"])
        rules = driver["rules"]
        ids = [r["id"] for r in rules]
        self.assertEqual(len(ids), len(set(ids)), "rule ids are unique")
        self.assertGreaterEqual(len(rules), 40, "every rule is described, not only those with results")
        for r in rules:
            for field in ("shortDescription", "fullDescription"):
                self.assertTrue(r[field]["text"].strip())
                self.assertLessEqual(len(r[field]["text"]), 1024)
            self.assertTrue(r["help"]["text"].strip() and r["help"]["markdown"].strip())
            self.assertIn(r["defaultConfiguration"]["level"], LEVELS)
            tags = r["properties"]["tags"]
            self.assertEqual(len(tags), len(set(tags)))
            self.assertEqual("very-high", r["properties"]["precision"])
            if r["id"].startswith("KL"):
                self.assertEqual("%s/docs/rules/%s.md" % (HOMEPAGE, r["id"]), r["helpUri"])
                self.assertTrue(os.path.isfile(os.path.join(ARGS.source, "docs", "rules", r["id"] + ".md")))
        invocation = run["invocations"][0]
        self.assertEqual(exit_code, invocation["exitCode"])
        self.assertEqual(exit_code in (0, 1), invocation["executionSuccessful"])
        if exit_code in (2, 3):
            self.assertTrue(invocation["toolExecutionNotifications"])
        self.assertTrue(run["automationDetails"]["id"].startswith("kafkalint/"))
        self.assertTrue(run["automationDetails"]["id"].endswith("/"))
        root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        self.assertEqual(urllib.parse.quote(os.path.realpath(cwd)) + "/", urllib.parse.urlparse(root).path)

        fingerprints = [r["partialFingerprints"]["kafkalint/v1"] for r in run["results"]]
        self.assertEqual(len(fingerprints), len(set(fingerprints)), "result identities are unique")
        any_file = False
        for r in run["results"]:
            self.assertEqual(r["ruleId"], rules[r["ruleIndex"]]["id"])
            self.assertIn(r["level"], LEVELS)
            self.assertTrue(r["message"]["text"].strip())
            self.assertEqual(1, len(r["locations"]))
            location = r["locations"][0]
            self.assertTrue(location["logicalLocations"][0]["fullyQualifiedName"])
            physical = location.get("physicalLocation")
            if physical is None:
                continue
            any_file = True
            self.assertGreaterEqual(physical["region"]["startLine"], 1)
            uri = physical["artifactLocation"]["uri"]
            self.assertTrue(uri)
            path = uri[len("file://"):] if uri.startswith("file://") else uri
            self.assertEqual(path, urllib.parse.quote(urllib.parse.unquote(path), safe="/"), "percent-encoded")
            if "uriBaseId" in physical["artifactLocation"]:
                self.assertEqual("%SRCROOT%", physical["artifactLocation"]["uriBaseId"])
                self.assertFalse(uri.startswith(("/", "./", "../")), uri)
                self.assertTrue(os.path.isfile(os.path.join(cwd, urllib.parse.unquote(uri))), uri)
            else:
                self.assertTrue(uri.startswith("file:///"), uri)
                self.assertTrue(os.path.isfile(urllib.parse.unquote(uri[len("file://"):])), uri)
        if any_file:
            self.assertEqual("unicodeCodePoints", run["columnKind"])

    def test_results_are_the_json_findings(self):
        for case, _, _, path in cases("sarif"):
            if "json" not in FIX.runs[case][2]:
                continue
            with self.subTest(case=case):
                findings = load(FIX.runs[case][2]["json"])["findings"]
                # Stale baseline entries are SARIF "absent" results, and only SARIF has them.
                results = [r for r in load(path)["runs"][0]["results"] if r.get("baselineState") != "absent"]
                self.assertEqual([f["ruleId"] for f in findings], [r["ruleId"] for r in results])
                self.assertEqual([f["severity"] for f in findings], [r["level"] for r in results])
                for f, r in zip(findings, results):
                    self.assertTrue(r["partialFingerprints"]["kafkalint/v1"].startswith(f["fingerprint"]))

    def test_paths_with_spaces_and_non_ascii_names_are_percent_encoded(self):
        results = load(FIX.runs["spaces-unicode"][2]["sarif"])["runs"][0]["results"]
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
        self.assertEqual({"conf%20dir/%C3%BCn%C3%AFc%C3%B8d%C3%A9%20%231/prod%20ucer%25.properties"}, uris)

    def test_files_outside_the_working_directory_get_absolute_file_uris(self):
        results = load(FIX.runs["corpus-outside-cwd"][2]["sarif"])["runs"][0]["results"]
        self.assertGreater(len(results), 20)
        for r in results:
            artifact = r["locations"][0]["physicalLocation"]["artifactLocation"]
            self.assertNotIn("uriBaseId", artifact)
            self.assertTrue(artifact["uri"].startswith("file:///"))

    def test_a_clean_run_is_a_valid_empty_report(self):
        run = load(FIX.runs["clean"][2]["sarif"])["runs"][0]
        self.assertEqual([], run["results"])
        self.assertTrue(run["invocations"][0]["executionSuccessful"])
        self.assertNotIn("toolExecutionNotifications", run["invocations"][0])

    def test_input_errors_are_notifications_and_the_run_did_not_succeed(self):
        run = load(FIX.runs["input-errors"][2]["sarif"])["runs"][0]
        notes = run["invocations"][0]["toolExecutionNotifications"]
        self.assertFalse(run["invocations"][0]["executionSuccessful"])
        self.assertEqual(2, len(notes))
        texts = " ".join(n["message"]["text"] for n in notes)
        self.assertIn("missing.properties: no such file or directory", texts)
        self.assertIn("bad/u.properties:2:11: invalid UTF-8", texts)
        located = [n for n in notes if "locations" in n]
        self.assertEqual({"missing.properties", "bad/u.properties"},
                         {n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in located})
        nothing = load(FIX.runs["nothing-checked"][2]["sarif"])["runs"][0]["invocations"][0]
        self.assertIn("nothing checked", nothing["toolExecutionNotifications"][0]["message"]["text"])

    def test_stdin_and_user_rules(self):
        result = load(FIX.runs["stdin"][2]["sarif"])["runs"][0]["results"][0]
        self.assertNotIn("physicalLocation", result["locations"][0])
        rules = load(FIX.runs["user-rules"][2]["sarif"])["runs"][0]["tool"]["driver"]["rules"]
        acme = [r for r in rules if r["id"] == "ACME0001"][0]
        self.assertNotIn("helpUri", acme)  # a user's rule has no page on the project's site

    def test_live_findings_without_a_describing_file_have_logical_locations_only(self):
        if not ARGS.broker:
            self.skipTest("no --broker")
        run = load(FIX.runs["live-only"][2]["sarif"])["runs"][0]
        self.assertTrue(run["results"])
        self.assertNotIn("columnKind", run, "no text file was read")
        self.assertRegex(run["automationDetails"]["id"], r"^kafkalint/127\.0\.0\.1:\d+")
        for r in run["results"]:
            location = r["locations"][0]
            self.assertNotIn("physicalLocation", location)
            self.assertTrue(location["logicalLocations"][0]["fullyQualifiedName"].startswith("kafka://127.0.0.1:"))
            self.assertTrue(r["message"]["text"].startswith("kafka://127.0.0.1:"))

    def test_live_findings_are_anchored_at_the_spec_that_describes_the_cluster(self):
        if not ARGS.broker:
            self.skipTest("no --broker")
        run = load(FIX.runs["live-with-spec"][2]["sarif"])["runs"][0]
        spec_lines = PROD_SPEC.splitlines()
        orders_line = spec_lines.index("  - name: orders") + 1
        cluster_line = spec_lines.index("  name: prod") + 1
        live = [r for r in run["results"] if r["message"]["text"].startswith("kafka://")]
        self.assertTrue(live)
        for r in live:
            physical = r["locations"][0]["physicalLocation"]
            self.assertEqual("specs/prod.yaml", physical["artifactLocation"]["uri"])
            fqn = r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
            expected = orders_line if "/topic/orders/" in fqn else cluster_line
            self.assertEqual(expected, physical["region"]["startLine"], fqn)
        self.assertTrue(any("/topic/orders/" in r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
                            for r in live))

    def test_an_unreachable_cluster_is_not_a_successful_execution(self):
        if not ARGS.broker:
            self.skipTest("no --broker")
        invocation = load(FIX.runs["live-unreachable"][2]["sarif"])["runs"][0]["invocations"][0]
        self.assertFalse(invocation["executionSuccessful"])
        self.assertEqual(3, invocation["exitCode"])
        self.assertIn("could not be made against the live cluster",
                      invocation["toolExecutionNotifications"][0]["message"]["text"])


class Secrets(unittest.TestCase):
    def test_no_report_of_any_format_holds_a_secret_of_the_examples(self):
        for fmt, path in FIX.runs["examples"][2].items():
            with open(path, encoding="utf-8") as f:
                text = f.read()
            for secret in ("s3cr3t-payments", "gw-pass-123"):
                self.assertNotIn(secret, text, fmt)


class Github(unittest.TestCase):
    ANNOTATION = re.compile(r"^::(error|warning|notice) (?:file=([^,]*),line=(\d+)(?:,col=(\d+))?,)?"
                            r"title=([^:]*)::(.*)$")

    def annotations(self, case):
        with open(FIX.runs[case][2]["github"], encoding="utf-8") as f:
            lines = f.read().splitlines()
        parsed = [self.ANNOTATION.match(line) for line in lines]
        self.assertTrue(all(parsed), lines)
        return parsed

    def test_one_annotation_per_finding_with_file_line_and_column(self):
        findings = load(FIX.runs["examples"][2]["json"])["findings"]
        annotations = self.annotations("examples")
        self.assertEqual(len(findings), len(annotations))
        levels = {"error": "error", "warning": "warning", "note": "notice"}
        for f, a in zip(findings, annotations):
            self.assertEqual(levels[f["severity"]], a.group(1))
            self.assertEqual(f["location"]["file"], a.group(2))
            self.assertEqual(str(f["location"]["line"]), a.group(3))
            self.assertEqual("%s [%s]" % (f["ruleId"], f["ruleName"]), a.group(5))

    def test_data_and_properties_are_escaped(self):
        annotations = self.annotations("special-characters")
        self.assertEqual({"special/a%2Cb%3Ac.properties"}, {a.group(2) for a in annotations})
        messages = " ".join(a.group(6) for a in annotations)
        self.assertIn('<all> & "1" 50%25%0Anext', messages)
        self.assertNotIn("50% ", messages)

    def test_input_errors_are_annotated(self):
        text = " ".join(a.group(0) for a in self.annotations("input-errors"))
        self.assertIn("::error file=missing.properties,line=1,title=kafkalint input error::", text)
        self.assertIn("::error file=bad/u.properties,line=2,col=11,title=kafkalint input error::", text)

    def test_under_github_actions_annotations_follow_the_text_report(self):
        p = kafkalint("check", "conf dir", cwd=FIX.repo, env={"GITHUB_ACTIONS": "true"})
        self.assertEqual(1, p.returncode)
        lines = p.stdout.splitlines()
        summary = [i for i, line in enumerate(lines) if line.startswith("kafkalint: ")][0]
        self.assertTrue(all(not line.startswith("::") for line in lines[:summary]))
        self.assertTrue(lines[summary + 1:])
        self.assertTrue(all(line.startswith("::") for line in lines[summary + 1:]))
        # Formats given explicitly replace the default.
        p = kafkalint("check", "--format", "json", "conf dir", cwd=FIX.repo, env={"GITHUB_ACTIONS": "true"})
        self.assertNotIn("\n::", p.stdout)
        json.loads(p.stdout)

    def test_live_findings_without_a_file_have_no_file_property(self):
        if not ARGS.broker:
            self.skipTest("no --broker")
        for a in self.annotations("live-only"):
            self.assertIsNone(a.group(2))
            self.assertTrue(a.group(6).startswith("kafka://"))


class Junit(unittest.TestCase):
    def parse(self, case):
        return ET.parse(FIX.runs[case][2]["junit"]).getroot()

    def test_every_junit_report_is_well_formed_and_counts_add_up(self):
        for case, _, _, path in cases("junit"):
            with self.subTest(case=case):
                root = ET.parse(path).getroot()
                self.assertEqual("testsuites", root.tag)
                testcases = root.findall("./testsuite/testcase")
                self.assertEqual(int(root.get("tests")), len(testcases))
                self.assertEqual(int(root.get("failures")), len(root.findall("./testsuite/testcase/failure")))
                self.assertEqual(int(root.get("errors")), len(root.findall("./testsuite/testcase/error")))
                for suite in root.findall("testsuite"):
                    self.assertEqual(int(suite.get("tests")), len(suite.findall("testcase")))

    def test_a_test_case_per_rule_and_entity_failed_by_its_findings(self):
        findings = load(FIX.runs["examples"][2]["json"])["findings"]
        root = self.parse("examples")
        failed = {(tc.get("classname").split()[0], tc.get("name")) for tc in root.iter("testcase")
                  if tc.find("failure") is not None}
        self.assertEqual(len({(f["ruleId"], f["entity"]["kind"], f["entity"]["name"]) for f in findings}), len(failed))
        self.assertEqual({f["ruleId"] for f in findings}, {rule for rule, _ in failed})
        passed = [tc for tc in root.iter("testcase") if len(tc) == 0]
        self.assertGreater(len(passed), len(failed), "rules that hold are passed test cases")

    def test_markup_in_messages_survives(self):
        findings = load(FIX.runs["special-characters"][2]["json"])["findings"]
        messages = {tc.find("failure").get("message") for tc in self.parse("special-characters").iter("testcase")
                    if tc.find("failure") is not None}
        self.assertTrue({f["message"] for f in findings} & messages)
        self.assertTrue(any('<all> & "1" 50%\nnext' in m for m in messages))

    def test_clean_runs_pass_and_input_errors_are_errors(self):
        clean = self.parse("clean")
        self.assertEqual("0", clean.get("failures"))
        self.assertGreater(int(clean.get("tests")), 0)
        errors = self.parse("input-errors")
        self.assertEqual("2", errors.get("errors"))


class Gitlab(unittest.TestCase):
    SEVERITIES = {"error": "critical", "warning": "major", "note": "info"}

    def test_issues_have_what_gitlab_requires(self):
        for case, _, cwd, path in cases("gitlab"):
            with self.subTest(case=case):
                issues = load(path)
                self.assertIsInstance(issues, list)
                fingerprints = [i["fingerprint"] for i in issues]
                self.assertEqual(len(fingerprints), len(set(fingerprints)), "unique fingerprints")
                for i in issues:
                    self.assertTrue(i["description"] and i["check_name"])
                    self.assertIn(i["severity"], {"info", "minor", "major", "critical", "blocker"})
                    self.assertTrue(i["location"]["path"])
                    self.assertGreaterEqual(i["location"]["lines"]["begin"], 1)

    def test_severity_and_location_follow_the_findings(self):
        findings = load(FIX.runs["examples"][2]["json"])["findings"]
        issues = load(FIX.runs["examples"][2]["gitlab"])
        self.assertEqual(len(findings), len(issues))
        for f, i in zip(findings, issues):
            self.assertEqual(self.SEVERITIES[f["severity"]], i["severity"])
            self.assertEqual(f["ruleId"], i["check_name"])
            self.assertEqual(f["location"]["file"], i["location"]["path"])
            self.assertEqual(f["location"]["line"], i["location"]["lines"]["begin"])
            self.assertTrue(os.path.isfile(os.path.join(ARGS.source, i["location"]["path"])))

    def test_findings_with_the_same_identity_get_distinct_fingerprints(self):
        # A key written three times: the duplicate-key rule reports the same rule, entity and key twice.
        findings = load(FIX.runs["same-identity"][2]["json"])["findings"]
        dup = [f["fingerprint"] for f in findings if f["ruleId"] == "KL9003"]
        self.assertEqual(2, len(dup))
        self.assertEqual(dup[0], dup[1])
        issues = [i["fingerprint"] for i in load(FIX.runs["same-identity"][2]["gitlab"]) if i["check_name"] == "KL9003"]
        self.assertEqual([dup[0], dup[0] + "-2"], issues)

    def test_a_producers_findings_for_two_topics_have_their_own_identities(self):
        findings = load(FIX.runs["two-topics"][2]["json"])["findings"]
        kl0307 = [f for f in findings if f["ruleId"] == "KL0307"]
        self.assertEqual(["t1", "t2"], sorted(f["entity"]["topic"] for f in kl0307))
        self.assertNotEqual(kl0307[0]["fingerprint"], kl0307[1]["fingerprint"])

    def test_a_clean_run_is_an_empty_array(self):
        self.assertEqual([], load(FIX.runs["clean"][2]["gitlab"]))


class SeveralReports(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="kafkalint-ci-out-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.dir, name)

    def test_output_pairs_with_the_format_before_it(self):
        p = kafkalint("check", "--format", "sarif", "--output", self.path("r.sarif"), "--format", "text", "examples",
                      cwd=ARGS.source)
        self.assertEqual(1, p.returncode, p.stderr)
        self.assertIn("error KL0102 [broker-min-insync-replicas]", p.stdout)
        self.assertEqual("2.1.0", load(self.path("r.sarif"))["version"])

    def test_every_format_in_one_run(self):
        formats = {"text": "r.txt", "json": "r.json", "sarif": "r.sarif", "github": "r.github", "junit": "r.xml",
                   "gitlab": "r.gitlab.json"}
        args = [a for f, name in formats.items() for a in ("--format", "%s:%s" % (f, self.path(name)))]
        p = kafkalint("check", *args, "examples", cwd=ARGS.source)
        self.assertEqual(1, p.returncode, p.stderr)
        self.assertEqual("", p.stdout)
        self.assertEqual(sorted(formats.values()), sorted(os.listdir(self.dir)))  # no temporary file left
        with open(self.path("r.txt")) as f:
            self.assertIn("kafkalint: ", f.read())
        ET.parse(self.path("r.xml"))
        self.assertEqual(1, load(self.path("r.json"))["summary"]["exitCode"])

    def test_the_single_report_forms_still_work(self):
        for args in (["--format", "json", "-o", self.path("a.json")], ["-o", self.path("b.json"), "--format", "json"]):
            p = kafkalint("check", *args, "examples", cwd=ARGS.source)
            self.assertEqual(1, p.returncode, p.stderr)
            self.assertEqual("", p.stdout)
        self.assertEqual(load(self.path("a.json")), load(self.path("b.json")))

    def test_ambiguous_pairings_are_usage_errors(self):
        for args in (["--format", "json", "--format", "sarif"], ["--format", "json:x", "--format", "sarif:x"],
                     ["--format", "json:x", "-o", "y"], ["--format", "xml"], ["--format", "sarif:"]):
            with self.subTest(args=args):
                p = kafkalint("check", *args, "examples", cwd=self.dir)
                self.assertEqual(2, p.returncode)
                self.assertTrue(p.stderr.startswith("kafkalint: error: "), p.stderr)
                self.assertEqual([], os.listdir(self.dir))

    def test_an_unwritable_report_fails_the_run_but_the_others_are_written(self):
        p = kafkalint("check", "--format", "sarif:" + self.path("no/such/dir/r.sarif"), "--format",
                      "json:" + self.path("r.json"), "examples", cwd=ARGS.source)
        self.assertEqual(2, p.returncode)
        self.assertIn("cannot write", p.stderr)
        self.assertTrue(os.path.exists(self.path("r.json")))


class ReadmeExamples(unittest.TestCase):
    """The README's CI examples do what they say."""

    def setUp(self):
        self.github, self.gitlab, self.pre_commit = readme_ci_examples()
        self.dir = tempfile.mkdtemp(prefix="kafkalint-readme-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_github_workflow_uploads_the_sarif_even_when_the_audit_fails(self):
        job = self.github["jobs"]["kafkalint"]
        self.assertEqual("write", job["permissions"]["security-events"])
        audit = [s for s in job["steps"] if "kafkalint check" in s.get("run", "")][0]
        upload = [s for s in job["steps"] if s.get("uses", "").startswith("github/codeql-action/upload-sarif")][0]
        self.assertEqual("always()", upload["if"])
        self.assertTrue(upload["with"]["category"])
        self.assertIn("sarif:" + upload["with"]["sarif_file"], audit["run"])
        p, cwd, paths = FIX.runs["readme-github-actions"]
        self.assertEqual(1, p.returncode, p.stderr)
        self.assertTrue(os.path.isfile(paths["sarif"]))  # validated with every other SARIF (class Sarif)
        self.assertIn("kafkalint: ", p.stdout)
        self.assertIn("\n::error file=kafka/cluster/broker-1.properties,line=32,", p.stdout)

    def test_gitlab_job_writes_the_reports_it_declares(self):
        job = self.gitlab["kafkalint"]
        self.assertEqual("always", job["artifacts"]["when"])
        reports = job["artifacts"]["reports"]
        p = run_readme_command(job["script"][0], self.dir, on_path(self.dir))
        self.assertEqual(1, p.returncode, p.stderr)
        issues = load(os.path.join(self.dir, reports["codequality"]))
        self.assertTrue(issues)
        self.assertTrue(all(os.path.isfile(os.path.join(self.dir, i["location"]["path"])) for i in issues))
        ET.parse(os.path.join(self.dir, reports["junit"]))

    def test_pre_commit_config_names_the_hook(self):
        with open(os.path.join(ARGS.source, ".pre-commit-hooks.yaml")) as f:
            ids = {h["id"] for h in yaml.safe_load(f)}
        self.assertIn(self.pre_commit["repos"][0]["hooks"][0]["id"], ids)


class PreCommitHook(unittest.TestCase):
    """The hook in .pre-commit-hooks.yaml, run the way pre-commit runs it: its entry with the
    staged files that match `files`, kafkalint found on PATH."""

    def setUp(self):
        with open(os.path.join(ARGS.source, ".pre-commit-hooks.yaml")) as f:
            self.hook = [h for h in yaml.safe_load(f) if h["id"] == "kafkalint"][0]
        self.bin = tempfile.mkdtemp(prefix="kafkalint-hook-")
        os.symlink(ARGS.kafkalint, os.path.join(self.bin, "kafkalint"))

    def tearDown(self):
        shutil.rmtree(self.bin, ignore_errors=True)

    def run_hook(self, files):
        staged = [f for f in files if re.search(self.hook["files"], f)]
        command = shlex.split(self.hook["entry"]) + (staged if self.hook.get("pass_filenames", True) else [])
        env = dict(os.environ, PATH=self.bin + os.pathsep + os.environ.get("PATH", ""), PRE_COMMIT="1")
        return subprocess.run(command, cwd=ARGS.source, env=env, capture_output=True, text=True, timeout=60), staged

    def test_the_hook_is_a_system_hook_on_kafka_config_files(self):
        self.assertEqual("system", self.hook["language"])
        self.assertTrue(self.hook["entry"].startswith("kafkalint check"))
        for name in ("server.properties", "specs/prod.yaml", "cluster.toml", "kafka.env"):
            self.assertTrue(re.search(self.hook["files"], name), name)
        self.assertFalse(re.search(self.hook["files"], "README.md"))

    def test_flawed_files_fail_the_commit(self):
        p, staged = self.run_hook(["examples/cluster/broker-1.properties",
                                   "examples/clients/payments-producer.properties", "README.md"])
        self.assertEqual(2, len(staged))
        self.assertEqual(1, p.returncode, p.stdout + p.stderr)
        self.assertIn("error KL0102", p.stdout)

    def test_clean_files_and_files_that_are_not_kafka_configs_pass(self):
        p, _ = self.run_hook(["examples/config/log4j.properties", "packaging/README.md"])
        self.assertEqual(0, p.returncode, p.stdout + p.stderr)
        p, _ = self.run_hook([os.path.relpath(os.path.join(FIX.repo, "clean", "server.properties"), ARGS.source)])
        self.assertEqual(0, p.returncode, p.stdout + p.stderr)


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--kafkalint", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--broker", help="the test broker (tests/broker/): adds the live-cluster cases")
    ARGS, rest = ap.parse_known_args()
    ARGS.kafkalint = os.path.abspath(ARGS.kafkalint)
    ARGS.source = os.path.abspath(ARGS.source)
    ARGS.shared = os.path.abspath(ARGS.shared)
    if ARGS.broker:
        ARGS.broker = os.path.abspath(ARGS.broker)
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
