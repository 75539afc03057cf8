// The fields of a rule file: one row each in ruleFields() (fields.cpp), in the order they are
// read. The "unknown field" message, the fields required, the "does not apply to template" check
// and the reference docs all derive from the rows.
#pragma once

#include <span>
#include <string_view>

#include "compiled_rule.hpp"
#include "kafkalint/config_tree.hpp"
#include "rule_file/field_values.hpp"

namespace kafkalint {

enum class FieldUse {
  AnyRule,          // every rule
  ExpressionRules,  // rules of the expression template only (templates in code have no conditions)
};

struct RuleField {
  std::string_view name;
  bool required;  // by the rules it applies to
  FieldUse use;
  // Reads the field's value into the rule; throws InputError at the value.
  void (*read)(FieldValues& in, const TreeNode& value, RuleSet::Compiled& rule);
  std::string_view doc;
};

std::span<const RuleField> ruleFields();
const RuleField* findField(std::string_view name);
// Whether a field applies to a rule of `templateName`.
bool appliesTo(const RuleField& field, std::string_view templateName);

}  // namespace kafkalint
