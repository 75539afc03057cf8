// The rule tests' results for people: one line per case, what differed, a summary.
#include "kafkalint/rule_tests.hpp"

namespace kafkalint {

void writeRuleTestReport(std::ostream& out, const RuleTestReport& report) {
  std::size_t passed = 0;
  for (const RuleTestCaseResult& c : report.cases) {
    passed += c.passed() ? 1 : 0;
    out << (c.passed() ? "ok   " : "FAIL ") << c.rule << " " << (c.fires ? "fires" : "quiet") << ": " << c.name << " ("
        << c.file << ":" << c.line << ")\n";
    for (const std::string& e : c.errors) out << "       input error: " << e << "\n";
    for (const std::string& m : c.missing) out << "     - expected  " << m << "\n";
    for (const std::string& u : c.unexpected) out << "     + reported  " << u << "\n";
  }
  for (const std::string& m : report.malformed) out << "error: " << m << "\n";
  for (const std::string& u : report.uncovered) out << "no evidence: " << u << "\n";
  out << "kafkalint: rule tests under " << report.dir << ": " << passed << " of " << report.cases.size()
      << " cases passed";
  if (!report.uncovered.empty()) out << "; rules without both kinds of case: " << report.uncovered.size();
  if (!report.malformed.empty()) out << "; files that could not be read: " << report.malformed.size();
  out << "\n";
}

}  // namespace kafkalint
