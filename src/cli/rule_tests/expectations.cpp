#include "rule_tests/expectations.hpp"

#include <functional>

namespace kafkalint {

namespace {

bool matches(const ExpectedFinding& e, const ReportedFinding& f) {
  if (!e.file.empty() && e.file != f.file) return false;
  if (e.line != 0 && e.line != f.line) return false;
  if (e.column != 0 && e.column != f.column) return false;
  if (!e.entity.empty() && e.entity != f.entity) return false;
  if (e.severity && *e.severity != f.severity) return false;
  for (const std::string& part : e.message) {
    if (f.message.find(part) == std::string::npos) return false;
  }
  return true;
}

}  // namespace

std::string describe(const ExpectedFinding& e) {
  std::string out = e.file.empty() ? "anywhere" : e.file;
  if (e.line != 0) out.append(":").append(std::to_string(e.line));
  if (e.column != 0) out.append(":").append(std::to_string(e.column));
  if (!e.entity.empty()) out += " on " + e.entity;
  if (e.severity) out.append(" ").append(severityId(*e.severity));
  for (const std::string& part : e.message) out += " \"" + part + "\"";
  return out + " (line " + std::to_string(e.sourceLine) + ")";
}

std::string describe(const ReportedFinding& f) {
  return f.file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + " on " + f.entity + " " +
         std::string(severityId(f.severity)) + " " + f.message;
}

void compareFindings(const std::vector<ExpectedFinding>& expected, const std::vector<ReportedFinding>& reported,
                     RuleTestCaseResult& result) {
  // A maximum matching (augmenting paths): an expectation that several findings satisfy must not
  // take the only finding another expectation matches.
  std::vector<int> owner(reported.size(), -1);  // reported finding -> expectation
  const std::function<bool(std::size_t, std::vector<bool>&)> assign = [&](std::size_t e, std::vector<bool>& seen) {
    for (std::size_t f = 0; f < reported.size(); ++f) {
      if (seen[f] || !matches(expected[e], reported[f])) continue;
      seen[f] = true;
      if (owner[f] < 0 || assign(std::size_t(owner[f]), seen)) {
        owner[f] = int(e);
        return true;
      }
    }
    return false;
  };
  std::vector<bool> matched(expected.size(), false);
  for (std::size_t e = 0; e < expected.size(); ++e) {
    std::vector<bool> seen(reported.size(), false);
    matched[e] = assign(e, seen);
  }
  for (std::size_t e = 0; e < expected.size(); ++e) {
    if (!matched[e]) result.missing.push_back(describe(expected[e]));
  }
  for (std::size_t f = 0; f < reported.size(); ++f) {
    if (owner[f] < 0) result.unexpected.push_back(describe(reported[f]));
  }
}

}  // namespace kafkalint
