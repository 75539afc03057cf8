// One rule test case, audited as `kafkalint check` audits: its files written to a fresh
// directory and loaded, its live cluster added, every rule evaluated, the gate applied (inline
// suppressions, the case's suppression files); then the findings of the case's rule compared
// with what the case expects.
#pragma once

#include "kafkalint/rule_tests.hpp"
#include "kafkalint/rules.hpp"
#include "rule_tests/test_file.hpp"

namespace kafkalint {

RuleTestCaseResult runRuleTestCase(const RuleTestFile& file, const RuleTestCase& c, const RuleInfo& rule,
                                   RuleSet& rules);

}  // namespace kafkalint
