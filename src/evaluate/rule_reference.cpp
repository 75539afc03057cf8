#include "kafkalint/rule_reference.hpp"

#include "checks/registry.hpp"
#include "language/functions.hpp"
#include "rule_file/fields.hpp"

namespace kafkalint {

std::vector<FieldReference> ruleFieldReference() {
  std::vector<FieldReference> out;
  for (const RuleField& f : ruleFields()) {
    out.push_back({f.name, f.required, f.use == FieldUse::ExpressionRules, f.doc});
  }
  return out;
}

std::vector<TemplateReference> ruleTemplateReference() {
  std::vector<TemplateReference> out;
  for (const CheckTemplate& t : checkTemplates()) out.push_back({t.name, t.doc, t.params});
  return out;
}

std::vector<FunctionReference> ruleFunctionReference() {
  std::vector<FunctionReference> out;
  for (const RuleFunction& f : ruleFunctions()) {
    out.push_back({std::string(f.name) + "(" + std::string(f.parameters) + ")", f.doc});
  }
  return out;
}

const TemplateReference* findTemplateReference(std::string_view name) {
  static const std::vector<TemplateReference> all = ruleTemplateReference();
  for (const TemplateReference& t : all) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

}  // namespace kafkalint
