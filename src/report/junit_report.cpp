// JUnit XML for CI test tabs: a test suite per rule, a test case per rule x entity the rule applies
// to, failed by the rule's findings on that entity; input errors are errors (docs/ci.md).
#include <algorithm>
#include <map>

#include "ci_support.hpp"
#include "kafkalint/gate.hpp"
#include "kafkalint/report_formats.hpp"

namespace kafkalint {

namespace {

// XML 1.0 text and attribute values: markup characters escaped, control characters XML cannot
// carry replaced.
std::string xml(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += "&#9;";
        break;
      default:
        out += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
    }
  }
  return out;
}

struct TestCase {
  std::string name;  // the entity
  std::optional<ci::FilePlace> place;
  std::vector<const Finding*> findings;
};

struct Suite {
  std::vector<TestCase> cases;
  std::map<std::string, std::size_t> byEntity;

  TestCase& at(const std::string& entity) {
    auto [it, added] = byEntity.emplace(entity, cases.size());
    if (added) cases.push_back(TestCase{entity, std::nullopt, {}});
    return cases[it->second];
  }
};

std::string findingLine(const Finding& f, const std::optional<ci::FilePlace>& place, const std::string& live) {
  std::string where = !live.empty() ? live : place ? place->path + ":" + std::to_string(place->line) : "";
  if (live.empty() && place && place->column > 0) where.append(":").append(std::to_string(place->column));
  return (where.empty() ? "" : where + ": ") + std::string(severityId(f.severity)) + " " + f.ruleId + " " + f.message;
}

// A suite per rule that ran, a case per entity it applies to, and the findings that fail each.
std::map<std::string, Suite> suitesOf(const Report& report, const ci::Places& places) {
  std::map<std::string, Suite> suites;  // by rule id
  for (const RuleInfo* rule : report.rules.rules()) {
    if (!rule->enabled) continue;
    Suite& suite = suites[rule->id];
    for (const Entity& e : report.model.entities) {
      if (std::find(rule->scope.begin(), rule->scope.end(), e.kind) == rule->scope.end()) continue;
      TestCase& c = suite.at(places.qualifiedEntityName(e));
      if (!e.fromCluster && e.origin.valid()) {
        c.place = places.ofPath(report.model.files.path(e.origin.file), e.origin.line, e.origin.column);
      }
    }
  }
  for (const Finding& f : report.findings) {
    if (!countsForGate(f)) continue;  // suppressed or in the baseline: the case passes
    TestCase& c = suites[f.ruleId].at(places.qualifiedEntityName(f));
    if (!c.place) c.place = places.of(f);
    c.findings.push_back(&f);
  }
  return suites;
}

void writeSuite(std::ostream& out, const std::string& suiteName, const Suite& suite, const ci::Places& places) {
  std::size_t failed = 0;
  for (const TestCase& c : suite.cases) failed += c.findings.empty() ? 0 : 1;
  out << "  <testsuite name=\"" << xml(suiteName) << "\" tests=\"" << suite.cases.size() << "\" failures=\"" << failed
      << "\" errors=\"0\" skipped=\"0\">\n";
  for (const TestCase& c : suite.cases) {
    out << "    <testcase classname=\"" << xml(suiteName) << "\" name=\"" << xml(c.name) << "\"";
    if (c.place) out << " file=\"" << xml(c.place->path) << "\" line=\"" << c.place->line << "\"";
    if (c.findings.empty()) {
      out << "/>\n";
      continue;
    }
    const Finding& first = *c.findings.front();
    out << ">\n      <failure type=\"" << severityId(first.severity) << "\" message=\"" << xml(first.message) << "\">";
    for (const Finding* f : c.findings) {
      out << xml(findingLine(*f, places.of(*f), places.liveSubject(*f))) << "&#10;";
    }
    out << "</failure>\n    </testcase>\n";
  }
  out << "  </testsuite>\n";
}

// Input errors (and nothing checked) fail the gate: error cases of a `kafkalint inputs` suite.
void writeInputErrors(std::ostream& out, const Report& report, std::size_t errors) {
  out << "  <testsuite name=\"kafkalint inputs\" tests=\"" << errors << "\" failures=\"0\" errors=\"" << errors
      << "\" skipped=\"0\">\n";
  for (const InputError& e : report.errors) {
    out << "    <testcase classname=\"kafkalint inputs\" name=\"" << xml(e.path()) << "\">\n"
        << "      <error type=\"input-error\" message=\"" << xml(e.what()) << "\">" << xml(e.what())
        << "</error>\n    </testcase>\n";
  }
  if (report.verdict.nothingChecked) {
    out << "    <testcase classname=\"kafkalint inputs\" name=\"inputs\">\n"
        << "      <error type=\"nothing-checked\" message=\"nothing checked: no Kafka configuration found\"/>\n"
        << "    </testcase>\n";
  }
  out << "  </testsuite>\n";
}

}  // namespace

void writeJunit(std::ostream& out, const Report& report, const std::filesystem::path& workingDirectory) {
  const ci::Places places(report.model, workingDirectory);
  const std::map<std::string, Suite> suites = suitesOf(report, places);
  std::size_t tests = 0, failures = 0;
  for (const auto& [id, suite] : suites) {
    tests += suite.cases.size();
    for (const TestCase& c : suite.cases) failures += c.findings.empty() ? 0 : 1;
  }
  const std::size_t errors = report.errors.size() + (report.verdict.nothingChecked ? 1 : 0);

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"kafkalint\" tests=\"" << tests + errors << "\" failures=\"" << failures << "\" errors=\""
      << errors << "\">\n";
  for (const auto& [id, suite] : suites) {
    if (suite.cases.empty()) continue;
    const RuleInfo* rule = report.rules.find(id);
    writeSuite(out, rule != nullptr ? id + " " + rule->name : id, suite, places);
  }
  if (errors > 0) writeInputErrors(out, report, errors);
  out << "</testsuites>\n";
}

}  // namespace kafkalint
