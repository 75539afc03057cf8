// Rule files: YAML, the rule schema, parameters, and the expressions and message templates in
// them, validated as `--rules DIR` validates them; and the rule test files beside them.
#include "fuzz/fuzz_target.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/rules.hpp"
#include "rule_tests/test_file.hpp"

KAFKALINT_FUZZ_TARGET(rule_file) {
  kafkalint::RuleSet rules;
  try {
    rules.addFile("rules/input.yaml", kafkalint::fuzz::text(data, size), false);
  } catch (const kafkalint::InputError&) {
  }
  return 0;
}

// Rule test files (NAME.tests.yaml, kafkalint rules --test): cases, expectations and live-cluster
// descriptions as the runner reads them (the cases are not run: they write files).
KAFKALINT_FUZZ_TARGET(rule_test_file) {
  try {
    (void)kafkalint::readRuleTestFile("rules/input.tests.yaml", kafkalint::fuzz::text(data, size));
  } catch (const kafkalint::InputError&) {
  }
  return 0;
}
