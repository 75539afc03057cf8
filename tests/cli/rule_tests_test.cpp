// kafkalint rules --test: the runner of the rule tests beside each rule (the built-in rules' own
// evidence is in rules/**/*.tests.yaml, run by the ctest rule-tests).
#include "kafkalint/rule_tests.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "kafkalint/errors.hpp"
#include "support.hpp"

namespace kafkalint::test {
namespace {

namespace fs = std::filesystem;

const char* kRule = R"(id: ACME0001
name: acme-linger
severity: note
scope: producer
summary: linger at least 5
rationale: r
remediation: m
keys: [linger.ms]
require: linger.ms >= 5
message: "{name(linger.ms)}={linger.ms}{origin(linger.ms)} is below 5"
)";

const char* kTests = R"(rule: ACME0001
cases:
  - name: linger 1
    files:
      producer.properties: |
        bootstrap.servers=kafka:9092
        linger.ms=1
    fires:
      - at: producer.properties:2:1
        severity: note
        message: linger.ms=1 is below 5
  - name: linger 10
    files:
      producer.properties: "bootstrap.servers=kafka:9092\nlinger.ms=10\n"
    quiet: true
)";

// A rules directory of its own, removed at the end.
struct RulesDir {
  fs::path path = fs::temp_directory_path() / ("kafkalint-rule-tests-" + std::to_string(::getpid()));
  RulesDir() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~RulesDir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& text) const { std::ofstream(path / name) << text; }
  [[nodiscard]] std::string dir() const { return path.string(); }
};

std::string text(const RuleTestReport& report) {
  std::ostringstream out;
  writeRuleTestReport(out, report);
  return out.str();
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

TEST_CASE("a user's rule directory carries its rules' tests") {
  RulesDir d;
  d.write("acme.yaml", kRule);
  d.write("acme.tests.yaml", kTests);
  const RuleTestReport report = runRuleTests(d.dir(), {});
  INFO(text(report));
  REQUIRE(report.cases.size() == 2);
  CHECK(report.cases[0].passed());
  CHECK(report.cases[0].fires);
  CHECK(report.cases[1].passed());
  CHECK(report.exitCode() == 0);
  CHECK(text(report).find("ok   ACME0001 fires: linger 1") != std::string::npos);
  // The test file is not a rule file: --rules reads the rule only.
  RuleSet rules;
  rules.addDirectory(d.dir());
  CHECK(rules.rules().size() == 1);
}

TEST_CASE("a failing case shows what was expected and what was reported") {
  RulesDir d;
  d.write("acme.yaml", kRule);
  d.write("acme.tests.yaml", replace(kTests, "at: producer.properties:2:1", "at: producer.properties:1"));
  const RuleTestReport report = runRuleTests(d.dir(), {});
  REQUIRE(report.cases.size() == 2);
  CHECK_FALSE(report.cases[0].passed());
  REQUIRE(report.cases[0].missing.size() == 1);
  CHECK(report.cases[0].missing[0].find("producer.properties:1 note \"linger.ms=1 is below 5\"") == 0);
  REQUIRE(report.cases[0].unexpected.size() == 1);
  CHECK(report.cases[0].unexpected[0] ==
        "producer.properties:2:1 on producer:producer.properties note linger.ms=1 is below 5");
  CHECK(report.exitCode() == 1);
  const std::string out = text(report);
  CHECK(out.find("FAIL ACME0001 fires: linger 1") != std::string::npos);
  CHECK(out.find("     - expected  producer.properties:1") != std::string::npos);
  CHECK(out.find("     + reported  producer.properties:2:1") != std::string::npos);
}

TEST_CASE("a quiet case fails on any finding of its rule, and inputs that cannot be audited fail") {
  RulesDir d;
  d.write("acme.yaml", kRule);
  d.write("acme.tests.yaml", replace(replace(kTests, "linger.ms=10", "linger.ms=2"), "\"bootstrap", "\"\\u0000"));
  const RuleTestReport report = runRuleTests(d.dir(), {});
  REQUIRE(report.cases.size() == 2);
  CHECK_FALSE(report.cases[1].passed());
  CHECK(report.cases[1].errors.size() == 1);
  CHECK(report.cases[1].errors[0].find("producer.properties:1:1: binary content") == 0);
}

TEST_CASE("rules of the directory without both kinds of case fail the run") {
  RulesDir d;
  d.write("acme.yaml", kRule);
  d.write("acme.tests.yaml", std::string(kTests).substr(0, std::string(kTests).find("  - name: linger 10")));
  const RuleTestReport report = runRuleTests(d.dir(), {});
  CHECK(report.exitCode() == 1);
  REQUIRE(report.uncovered.size() == 1);
  CHECK(report.uncovered[0].find("ACME0001 [acme-linger]") == 0);
  CHECK(report.uncovered[0].find("no case where it stays quiet") != std::string::npos);
}

TEST_CASE("malformed test files exit 2 naming file, line and column") {
  RulesDir d;
  d.write("acme.yaml", kRule);
  d.write("acme.tests.yaml", replace(kTests, "quiet: true", "quiet: yes please"));
  RuleTestReport report = runRuleTests(d.dir(), {});
  CHECK(report.exitCode() == 2);
  REQUIRE(report.malformed.size() == 1);
  CHECK(report.malformed[0] == d.dir() + "/acme.tests.yaml:15:12: expected true or false for 'quiet'");

  d.write("acme.tests.yaml", replace(kTests, "rule: ACME0001", "rule: ACME0002"));
  report = runRuleTests(d.dir(), {});
  REQUIRE(report.malformed.size() == 1);
  CHECK(report.malformed[0].find("acme.tests.yaml:1: no rule 'ACME0002'") != std::string::npos);

  d.write("acme.tests.yaml", replace(kTests, "    quiet: true\n", ""));
  report = runRuleTests(d.dir(), {});
  REQUIRE(report.malformed.size() == 1);
  CHECK(report.malformed[0].find("acme.tests.yaml:12:5: a case says either 'fires:'") != std::string::npos);

  d.write("acme.tests.yaml", replace(kTests, "producer.properties: |", "../escape.properties: |"));
  report = runRuleTests(d.dir(), {});
  REQUIRE(report.malformed.size() == 1);
  CHECK(report.malformed[0].find("acme.tests.yaml:5:7: expected a relative file name") != std::string::npos);
}

TEST_CASE("a directory without rule tests is an error") {
  RulesDir d;
  d.write("acme.yaml", kRule);
  const RuleTestReport report = runRuleTests(d.dir(), {});
  CHECK(report.exitCode() == 2);
  REQUIRE(report.malformed.size() == 1);
  CHECK(report.malformed[0].find("no rule tests (*.tests.yaml) in directory") != std::string::npos);
}

TEST_CASE("the built-in rules' tests pass and cover every rule both ways") {
  const RuleTestReport report = runRuleTests(sourceDir() + "/rules", {});
  INFO(text(report));
  CHECK(report.exitCode() == 0);
  CHECK(report.cases.size() >= 2 * builtinRules().rules().size());
}

}  // namespace
}  // namespace kafkalint::test
