// What a rule test case expects of its rule, against what the audit reported.
#pragma once

#include <string>
#include <vector>

#include "kafkalint/rule_tests.hpp"
#include "rule_tests/test_file.hpp"

namespace kafkalint {

// A finding as a case sees it: its place relative to the case's directory.
struct ReportedFinding {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string entity;  // "topic:orders"
  Severity severity = Severity::Error;
  std::string message;
};

// Pairs every expected finding with a distinct reported one; what is left over on either side
// goes into the result's `missing` and `unexpected`.
void compareFindings(const std::vector<ExpectedFinding>& expected, const std::vector<ReportedFinding>& reported,
                     RuleTestCaseResult& result);

std::string describe(const ExpectedFinding& e);
std::string describe(const ReportedFinding& f);

}  // namespace kafkalint
