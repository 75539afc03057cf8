#include "rule_tests/yaml_values.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "kafkalint/errors.hpp"

namespace kafkalint {

void YamlValues::fail(const TreeNode& node, const std::string& what) const {
  throw InputError(path_, node.location.line, node.location.column, what);
}

void YamlValues::mapping(const TreeNode& node, std::string_view what,
                         std::initializer_list<std::string_view> allowed) const {
  if (!node.isMap()) fail(node, "expected " + std::string(what) + " (a mapping)");
  std::set<std::string_view> seen;
  for (const TreeEntry& e : node.entries) {
    if (!e.first.isScalar()) fail(e.first, "expected a field name");
    const std::string& key = e.first.scalar;
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string names;
      for (std::string_view a : allowed) names += (names.empty() ? "" : ", ") + std::string(a);
      fail(e.first, "unknown field '" + key + "' in " + std::string(what) + " (expected one of: " + names + ")");
    }
    if (!seen.insert(key).second) fail(e.first, "duplicate field '" + key + "'");
  }
}

std::string YamlValues::text(const TreeNode& node, std::string_view field) const {
  if (!node.isScalar()) fail(node, "expected text for '" + std::string(field) + "'");
  return node.scalar;
}

std::int64_t YamlValues::integer(const TreeNode& node, std::string_view field) const {
  const std::string s = text(node, field);
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc{} || ptr != s.data() + s.size())
    fail(node, "expected an integer for '" + std::string(field) + "'");
  return value;
}

bool YamlValues::boolean(const TreeNode& node, std::string_view field) const {
  const std::string s = text(node, field);
  if (s != "true" && s != "false") fail(node, "expected true or false for '" + std::string(field) + "'");
  return s == "true";
}

std::vector<std::string> YamlValues::texts(const TreeNode& node, std::string_view field) const {
  if (node.isScalar()) return {node.scalar};
  if (!node.isSeq()) fail(node, "expected a list for '" + std::string(field) + "'");
  std::vector<std::string> out;
  for (const TreeNode& item : node.items) out.push_back(text(item, field));
  return out;
}

std::vector<std::int32_t> YamlValues::integers(const TreeNode& node, std::string_view field) const {
  if (!node.isSeq()) fail(node, "expected a list of integers for '" + std::string(field) + "'");
  std::vector<std::int32_t> out;
  for (const TreeNode& item : node.items) out.push_back(std::int32_t(integer(item, field)));
  return out;
}

std::vector<std::pair<std::string, std::string>> YamlValues::textMap(const TreeNode& node,
                                                                     std::string_view field) const {
  if (!node.isMap()) fail(node, "expected a mapping for '" + std::string(field) + "'");
  std::vector<std::pair<std::string, std::string>> out;
  std::set<std::string> seen;
  for (const TreeEntry& e : node.entries) {
    const std::string key = text(e.first, field);
    if (!seen.insert(key).second) fail(e.first, "'" + key + "' is given twice");
    out.emplace_back(key, text(e.second, key));
  }
  return out;
}

}  // namespace kafkalint
