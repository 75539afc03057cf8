// Rule tests: the evidence of each rule, beside its YAML in NAME.tests.yaml (docs/rule-language.md,
// "Testing rules"). `kafkalint rules --test DIR` runs every *.tests.yaml under DIR against the
// built-in rules, the --rules directories and the rule files under DIR: each case's input files
// (and live cluster, if any) are audited as `kafkalint check` audits them, and the findings of the
// case's rule are compared with those the case expects.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace kafkalint {

struct RuleTestCaseResult {
  std::string file;  // the test file
  std::uint32_t line = 0;
  std::string rule;
  std::string name;
  bool fires = false;                   // a case where the rule fires (else: it stays quiet)
  std::vector<std::string> missing;     // expected findings that were not reported
  std::vector<std::string> unexpected;  // reported findings that were not expected
  std::vector<std::string> errors;      // inputs that could not be audited
  [[nodiscard]] bool passed() const { return missing.empty() && unexpected.empty() && errors.empty(); }
};

struct RuleTestReport {
  std::string dir;
  std::vector<RuleTestCaseResult> cases;
  // Test or rule files that could not be read ("FILE:LINE:COLUMN: what"), rules under DIR without
  // a firing or a quiet case.
  std::vector<std::string> malformed;
  std::vector<std::string> uncovered;
  // 0: every case passed; 1: a case failed or a rule lacks evidence; 2: a file is malformed.
  [[nodiscard]] int exitCode() const;
};

RuleTestReport runRuleTests(const std::string& dir, const std::vector<std::string>& ruleDirs);
// One line per case (ok / FAIL, with what was expected and what was reported), then a summary.
void writeRuleTestReport(std::ostream& out, const RuleTestReport& report);

}  // namespace kafkalint
