// The rule templates: one row each in checkTemplates() (registry.cpp). A rule file names its
// template; its row binds the rule to the check that runs it.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "checks/check.hpp"

namespace kafkalint {

// Binds a rule to its check, once, when the rule is loaded and whenever a parameter changes:
// reads the typed parameters the check needs (and, for expression rules, compiles the conditions).
// Never returns null; throws TemplateError when the rule does not fit the template.
using CheckFactory = std::unique_ptr<const Check> (*)(const RuleInfo& rule, const RuleParams& params);

struct CheckTemplate {
  std::string_view name;
  CheckFactory bind;
  std::string_view doc;     // one line: what the check reports
  std::string_view params;  // the parameters it takes, for the docs ("" when none)
};

std::span<const CheckTemplate> checkTemplates();
const CheckTemplate* findTemplate(std::string_view name);
// "expression, unknown-key, ...", for messages.
std::string templateNames();
// The check for a rule, through its template's row. Throws TemplateError (an unknown template too).
std::unique_ptr<const Check> bindCheck(const RuleInfo& rule, const RuleParams& params);

}  // namespace kafkalint
