// The names a rule file gives: rule ids, rule names, parameter names. Checked by hand, not with
// std::regex, which recurses once per character (a long id in a hostile file overflowed the stack).
#pragma once

#include <string_view>

namespace kafkalint {

bool isRuleId(std::string_view id);       // [A-Z][A-Z0-9]*[0-9]+, at most 32 characters
bool isKebabName(std::string_view name);  // [a-z][a-z0-9]*(-[a-z0-9]+)*, at most 128 characters
bool isSnakeName(std::string_view name);  // [a-z_][a-z0-9_]*, at most 128 characters

}  // namespace kafkalint
