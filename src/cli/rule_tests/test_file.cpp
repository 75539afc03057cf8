#include "rule_tests/test_file.hpp"

#include <algorithm>

#include "kafkalint/config_tree.hpp"
#include "kafkalint/errors.hpp"
#include "rule_tests/cluster_description.hpp"
#include "rule_tests/yaml_values.hpp"

namespace kafkalint {

namespace {

// "file:line[:column]", or "file"; the file's name may itself hold colons.
void readPlace(const YamlValues& in, const TreeNode& node, ExpectedFinding& out) {
  std::string place = in.text(node, "at");
  std::vector<std::uint32_t> numbers;
  while (numbers.size() < 2) {
    const std::size_t colon = place.rfind(':');
    if (colon == std::string::npos) break;
    const std::string tail = place.substr(colon + 1);
    if (tail.empty() || !std::all_of(tail.begin(), tail.end(), [](char c) { return c >= '0' && c <= '9'; })) break;
    numbers.insert(numbers.begin(), std::uint32_t(std::stoul(tail.substr(0, 9))));
    place.resize(colon);
  }
  if (place.empty()) in.fail(node, "expected FILE, FILE:LINE or FILE:LINE:COLUMN for 'at'");
  out.file = place;
  if (!numbers.empty()) out.line = numbers[0];
  if (numbers.size() > 1) out.column = numbers[1];
}

ExpectedFinding readExpected(const YamlValues& in, const TreeNode& node) {
  in.mapping(node, "an expected finding", {"at", "entity", "severity", "message"});
  ExpectedFinding e;
  e.sourceLine = node.location.line;
  if (const TreeNode* at = node.get("at")) readPlace(in, *at, e);
  if (const TreeNode* entity = node.get("entity")) e.entity = in.text(*entity, "entity");
  if (const TreeNode* severity = node.get("severity")) {
    e.severity = parseSeverity(in.text(*severity, "severity"));
    if (!e.severity) in.fail(*severity, "expected severity error, warning or note");
  }
  if (const TreeNode* message = node.get("message")) e.message = in.texts(*message, "message");
  return e;
}

KafkaVersion version(const YamlValues& in, const TreeNode& node, std::string_view field) {
  auto v = KafkaVersion::parse(in.text(node, field));
  if (!v) in.fail(node, "expected a Kafka release such as 3.7 or 2.8.1 for '" + std::string(field) + "'");
  return *v;
}

// A file name relative to the case's directory, which it may not leave.
void checkFileName(const YamlValues& in, const TreeNode& node, const std::string& name) {
  if (name.empty() || name.front() == '/' || name == ".." || name.starts_with("../") ||
      name.find("/../") != std::string::npos || name.ends_with("/..")) {
    in.fail(node, "expected a relative file name that stays in the case's directory, not '" + name + "'");
  }
}

void readFiles(const YamlValues& in, const TreeNode& node, RuleTestCase& c) {
  c.files = in.textMap(node, "files");
  for (const TreeEntry& e : node.entries) checkFileName(in, e.first, e.first.scalar);
}

// The names the options give must be files of the case.
void checkNamed(const YamlValues& in, const TreeNode& node, const RuleTestCase& c, const std::string& name) {
  const bool known = std::any_of(c.files.begin(), c.files.end(), [&](const auto& f) { return f.first == name; });
  if (!known) in.fail(node, "'" + name + "' is not one of the case's files");
}

void readExpectations(const YamlValues& in, const TreeNode& node, RuleTestCase& c) {
  const TreeNode* fires = node.get("fires");
  const TreeNode* quiet = node.get("quiet");
  if ((fires == nullptr) == (quiet == nullptr))
    in.fail(node, "a case says either 'fires:' (the findings expected) or 'quiet: true'");
  if (quiet != nullptr && !in.boolean(*quiet, "quiet")) in.fail(*quiet, "expected quiet: true (or 'fires:')");
  if (fires == nullptr) return;
  if (!fires->isSeq() || fires->items.empty()) in.fail(*fires, "expected a list of the findings the rule reports");
  for (const TreeNode& f : fires->items) c.fires.push_back(readExpected(in, f));
}

RuleTestCase readCase(const YamlValues& in, const TreeNode& node) {
  in.mapping(node, "a case",
             {"name", "files", "kafka_version", "client_version", "kinds", "suppressions", "cluster", "rules", "fires",
              "quiet"});
  RuleTestCase c;
  c.line = node.location.line;
  const TreeNode* name = node.get("name");
  if (name == nullptr) in.fail(node, "a case needs a 'name'");
  c.name = in.text(*name, "name");
  if (const TreeNode* files = node.get("files")) readFiles(in, *files, c);
  if (const TreeNode* v = node.get("kafka_version")) c.kafkaVersion = version(in, *v, "kafka_version");
  if (const TreeNode* v = node.get("client_version")) c.clientVersion = version(in, *v, "client_version");
  if (const TreeNode* kinds = node.get("kinds")) {
    c.kinds = in.textMap(*kinds, "kinds");
    for (const TreeEntry& e : kinds->entries) checkNamed(in, e.first, c, e.first.scalar);
  }
  if (const TreeNode* s = node.get("suppressions")) {
    c.suppressions = in.texts(*s, "suppressions");
    for (const std::string& file : c.suppressions) checkNamed(in, *s, c, file);
  }
  if (const TreeNode* cluster = node.get("cluster")) c.cluster = readClusterDescription(in, *cluster);
  if (const TreeNode* rules = node.get("rules")) c.rules = in.textMap(*rules, "rules");
  if (c.files.empty() && !c.cluster) in.fail(node, "a case needs input 'files:' or a live 'cluster:'");
  readExpectations(in, node, c);
  return c;
}

}  // namespace

RuleTestFile readRuleTestFile(const std::string& path, std::string_view text) {
  const ConfigTree tree = parseYamlTree(kNoFile, path, text);
  const YamlValues in(path);
  if (tree.documents.size() != 1 || !tree.documents.front().isMap())
    throw InputError(path, 1, 1, "expected one mapping with 'rule:' and 'cases:'");
  const TreeNode& doc = tree.documents.front();
  in.mapping(doc, "a rule test file", {"rule", "cases"});
  const TreeNode* rule = doc.get("rule");
  const TreeNode* cases = doc.get("cases");
  if (rule == nullptr || cases == nullptr) in.fail(doc, "a rule test file has 'rule:' (an id) and 'cases:'");
  RuleTestFile file;
  file.path = path;
  file.rule = in.text(*rule, "rule");
  file.ruleLine = rule->location.line;
  if (!cases->isSeq() || cases->items.empty()) in.fail(*cases, "expected a list of cases under 'cases:'");
  for (const TreeNode& c : cases->items) file.cases.push_back(readCase(in, c));
  return file;
}

}  // namespace kafkalint
