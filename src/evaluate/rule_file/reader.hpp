// Reading one rule file: the positioned YAML tree (the same bounded parse as every input file),
// then each rule through the field table, then its template's check bound to it. Anything
// malformed is an InputError naming file, line, column and what was expected.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiled_rule.hpp"

namespace kafkalint {

std::vector<std::unique_ptr<RuleSet::Compiled>> readRuleFile(const std::string& displayPath, std::string_view text,
                                                             bool builtin);

}  // namespace kafkalint
