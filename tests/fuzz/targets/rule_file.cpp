// Rule files: YAML, the rule schema, parameters, and the expressions and message templates in
// them, validated as `--rules DIR` validates them.
#include "fuzz/fuzz_target.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/rules.hpp"

KAFKALINT_FUZZ_TARGET(rule_file) {
  kafkalint::RuleSet rules;
  try {
    rules.addFile("rules/input.yaml", kafkalint::fuzz::text(data, size), false);
  } catch (const kafkalint::InputError&) {
  }
  return 0;
}
