// What a rule file can say, for the reference documentation (docs/rules/README.md, written by
// `kafkalint rules --docs`): its fields, the templates and the functions of the rule language.
// Each list is read from the table the rule loader and the engine use, so the docs cannot drift.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kafkalint {

struct FieldReference {
  std::string_view name;
  bool required;
  bool expressionOnly;  // only for rules of the expression template
  std::string_view doc;
};

struct TemplateReference {
  std::string_view name;
  std::string_view doc;
  std::string_view params;  // "" when it takes none
};

struct FunctionReference {
  std::string signature;  // "defined(key)"
  std::string_view doc;
};

std::vector<FieldReference> ruleFieldReference();
std::vector<TemplateReference> ruleTemplateReference();
std::vector<FunctionReference> ruleFunctionReference();
// nullptr for a name that is no template.
const TemplateReference* findTemplateReference(std::string_view name);

}  // namespace kafkalint
