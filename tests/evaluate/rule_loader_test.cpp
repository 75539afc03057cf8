// Rule files: what a valid rule looks like, and errors that name file, line, column and what was expected.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "kafkalint/errors.hpp"
#include "support.hpp"

namespace kafkalint::test {
namespace {

const char* kValidRule = R"(id: ACME0001
name: acme-min-isr-three
severity: warning
scope: broker
summary: our clusters run min.insync.replicas=3
rationale: Five-broker clusters in three zones.
remediation: Set min.insync.replicas=3.
params:
  wanted: 3
keys: [min.insync.replicas]
require: min.insync.replicas >= $wanted
message: "min.insync.replicas={min.insync.replicas}{origin(min.insync.replicas)} is below {$wanted}"
)";

std::string replace(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  return text.replace(pos, from.size(), to);
}

// The error a rule file produces, as "line:column: message".
std::string errorOf(const std::string& yaml) {
  RuleSet rules;
  try {
    rules.addFile("acme.yaml", yaml, false);
  } catch (const InputError& e) {
    CHECK(e.path() == "acme.yaml");
    return std::to_string(e.line()) + ":" + std::to_string(e.column()) + ": " +
           std::string(e.what()).substr(std::string(e.what()).find(": ") + 2);
  }
  return "no error";
}

TEST_CASE("the built-in rules load and are sorted by id") {
  auto rules = builtinRules().rules();
  REQUIRE(rules.size() >= 30);
  for (std::size_t i = 1; i < rules.size(); ++i) CHECK(rules[i - 1]->id < rules[i]->id);
  CHECK(builtinRules().find("KL0102") == builtinRules().find("broker-min-insync-replicas"));
}

TEST_CASE("a valid user rule loads with its parameters and runs") {
  RuleSet rules;
  rules.addFile("acme.yaml", kValidRule, false);
  const RuleInfo* r = rules.find("ACME0001");
  REQUIRE(r != nullptr);
  CHECK(r->severity == Severity::Warning);
  CHECK(!r->builtin);
  REQUIRE(r->params.size() == 1);
  CHECK(r->params[0].value == Value(3));

  LoadResult loaded;
  loadPropertiesText(loaded, "s.properties", "broker.id=1\nlog.dirs=/d\nmin.insync.replicas=2\n", false, {}, "s");
  Resolver resolver(ResolveOptions{*KafkaVersion::parse("3.7")});
  auto findings = evaluate(loaded.model, rules, resolver);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message == "min.insync.replicas=2 is below 3");
  CHECK(findings[0].location.line == 3);
}

TEST_CASE("YAML syntax errors name the line") {
  CHECK(errorOf("id: X1\nname: [unclosed\n").rfind("3:1: YAML syntax error", 0) == 0);
}

TEST_CASE("missing and unknown fields are errors") {
  CHECK(errorOf(replace(kValidRule, "severity: warning\n", "")) == "1:1: missing required field 'severity'");
  CHECK(errorOf(replace(kValidRule, "summary:", "sumary:"))
            .rfind("5:1: unknown field 'sumary'; did you mean 'summary'?", 0) == 0);
}

TEST_CASE("field values are validated") {
  CHECK(errorOf(replace(kValidRule, "severity: warning", "severity: fatal")) ==
        "3:11: expected severity error, warning or note");
  CHECK(errorOf(replace(kValidRule, "scope: broker", "scope: brokers")).rfind("4:8: unknown scope 'brokers'", 0) == 0);
  CHECK(errorOf(replace(kValidRule, "id: ACME0001", "id: acme-1")).rfind("1:5: expected an id", 0) == 0);
  CHECK(errorOf(replace(kValidRule, "name: acme-min-isr-three", "name: Acme Rule"))
            .rfind("2:7: expected a kebab-case name", 0) == 0);
  CHECK(errorOf(replace(kValidRule, "keys: [min.insync.replicas]", "keys: [min.insync.replica]"))
            .rfind("10:7: unknown configuration key 'min.insync.replica' for broker configs; did you mean "
                   "'min.insync.replicas'?",
                   0) == 0);
}

TEST_CASE("expression errors point into the expression") {
  CHECK(errorOf(
            replace(kValidRule, "require: min.insync.replicas >= $wanted", "require: min.insync.replicas >= $wantd")) ==
        "11:33: unknown parameter $wantd (declare it under 'params')");
  CHECK(errorOf(replace(kValidRule, "require: min.insync.replicas >= $wanted", "require: min.insync.replicas => 2")) ==
        "11:30: unexpected '='; use '==' to compare");
  CHECK(errorOf(replace(kValidRule, "{$wanted}\"", "{$wanted\"")) ==
        "12:91: in message: unterminated '{' (write '{{' for a literal brace)");
  // A block scalar: the error is on the expression's own line.
  CHECK(errorOf(replace(kValidRule, "require: min.insync.replicas >= $wanted",
                        "require: |\n  min.insync.replicas >= 2 and\n  unclean.leader.election.enabled")) ==
        "13:3: unknown configuration key 'unclean.leader.election.enabled' for broker configs; did you mean "
        "'unclean.leader.election.enable'?");
}

TEST_CASE("errors inside folded, block and quoted scalars are at their line and column") {
  const std::string message =
      "message: \"min.insync.replicas={min.insync.replicas}{origin(min.insync.replicas)} is below "
      "{$wanted}\"";
  // Folded: the second line of the message, at the '$' of the unknown parameter.
  CHECK(errorOf(replace(kValidRule, message, "message: >-\n  below {$wanted}:\n    indented\n  and {$wantd}")) ==
        "15:8: in message: unknown parameter $wantd (declare it under 'params')");
  // An escape before the error takes more columns in the file than characters in the text.
  CHECK(errorOf(replace(kValidRule, message, "message: \"\\u00e9\\t {$wantd}\"")) ==
        "12:21: in message: unknown parameter $wantd (declare it under 'params')");
  CHECK(errorOf(replace(kValidRule, message, "message: 'it''s {$wantd}'")) ==
        "12:18: in message: unknown parameter $wantd (declare it under 'params')");
  // The end of a literal block scalar.
  CHECK(errorOf(
            replace(kValidRule, "require: min.insync.replicas >= $wanted", "require: |\n  min.insync.replicas >=\n")) ==
        "12:25: expected a value at the end of the expression");
  CHECK(errorOf(replace(kValidRule, "require: min.insync.replicas >= $wanted",
                        "require: min.insync.replicas >= $wanted\nwhen: ''")) ==
        "12:7: expected a value at the end of the expression");
}

TEST_CASE("templates implemented in code take no conditions") {
  std::string rule =
      "id: X0001\nname: x\nseverity: note\nscope: broker\ntemplate: unknown-key\nsummary: s\nrationale: r\n"
      "remediation: m\nrequire: true\n";
  CHECK(errorOf(rule) == "9:10: 'require' does not apply to template 'unknown-key' (it is implemented in code)");
  CHECK(errorOf(replace(rule, "template: unknown-key", "template: magic")).rfind("5:11: unknown template 'magic'", 0) ==
        0);
}

TEST_CASE("duplicate ids and names are rejected, also against built-in rules") {
  RuleSet rules = RuleSet::builtin();
  CHECK_THROWS_WITH_AS(rules.addFile("mine.yaml", replace(kValidRule, "ACME0001", "KL0102"), false),
                       doctest::Contains("rule id KL0102 is already defined in rules/broker/"), InputError);
  CHECK_THROWS_WITH_AS(rules.addFile("mine.yaml", replace(kValidRule, "acme-min-isr-three", "producer-acks"), false),
                       doctest::Contains("rule name producer-acks is already used by KL0301"), InputError);
}

TEST_CASE("a file may hold several rules under 'rules:'") {
  std::string two = "rules:\n";
  for (const char* id : {"ACME0001", "ACME0002"}) {
    std::string r = replace(kValidRule, "ACME0001", id);
    r = replace(r, "acme-min-isr-three", std::string("acme-") + (id[7] == '1' ? "one" : "two"));
    std::string indented;
    bool first = true;
    for (std::size_t start = 0; start < r.size();) {
      std::size_t end = r.find('\n', start);
      indented += (first ? "  - " : "    ") + r.substr(start, end - start) + "\n";
      first = false;
      start = end + 1;
    }
    two += indented;
  }
  RuleSet rules;
  rules.addFile("two.yaml", two, false);
  CHECK(rules.rules().size() == 2);
}

TEST_CASE("rule directories load every YAML file, and an empty one is an error") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "kafkalint-rules-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  RuleSet rules;
  CHECK_THROWS_WITH_AS(rules.addDirectory(dir.string()), doctest::Contains("no rule files"), InputError);
  std::ofstream(dir / "sub" / "a.yaml") << kValidRule;
  rules.addDirectory(dir.string());
  CHECK(rules.find("ACME0001") != nullptr);
  CHECK_THROWS_AS(rules.addDirectory((dir / "missing").string()), InputError);
  fs::remove_all(dir);
}

TEST_CASE("the partition-state template needs a condition it knows") {
  const std::string rule =
      "id: X0001\nname: x\nseverity: warning\nscope: topic\ntemplate: partition-state\nsummary: s\nrationale: r\n"
      "remediation: m\nparams:\n  condition: at-min-isr\n";
  RuleSet rules;
  rules.addFile("acme.yaml", rule, false);
  CHECK(rules.find("X0001") != nullptr);
  const std::string expected =
      "template 'partition-state' needs parameter 'condition', one of: leaderless, under-min-isr, at-min-isr, "
      "under-replicated, replicas-share-rack, replication-factor-varies";
  CHECK(errorOf(replace(rule, "at-min-isr", "at-min-isrs")) == "10:14: " + expected);  // at the value
  CHECK(errorOf(replace(rule, "params:\n  condition: at-min-isr\n", "")) == "5:11: " + expected);
}

TEST_CASE("rule files must be UTF-8 text") {
  RuleSet rules;
  CHECK_THROWS_WITH_AS(rules.addFile("bin.yaml", std::string("id: X\0\n", 7), false), doctest::Contains("binary"),
                       InputError);
}

}  // namespace
}  // namespace kafkalint::test
