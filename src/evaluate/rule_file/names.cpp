#include "rule_file/names.hpp"

#include <algorithm>

namespace kafkalint {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

bool isRuleId(std::string_view id) {
  if (id.size() < 2 || id.size() > 32 || !isUpper(id.front()) || !isDigit(id.back())) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return isUpper(c) || isDigit(c); });
}

bool isKebabName(std::string_view name) {
  if (name.empty() || name.size() > 128 || !isLower(name.front()) || name.back() == '-') return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == '-' ? name[i - 1] == '-' : !(isLower(c) || isDigit(c))) return false;
  }
  return true;
}

bool isSnakeName(std::string_view name) {
  if (name.empty() || name.size() > 128 || isDigit(name.front())) return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return isLower(c) || isDigit(c) || c == '_'; });
}

}  // namespace kafkalint
