#include "rule_file/field_values.hpp"

#include <charconv>
#include <cstdint>
#include <set>

#include "kafkalint/errors.hpp"
#include "rule_file/scalar_position.hpp"

namespace kafkalint {

FieldValues::FieldValues(std::string path, std::string_view text) : path_(std::move(path)), lines_(splitLines(text)) {}

void FieldValues::fail(const TreeNode& node, const std::string& what) const {
  throw InputError(path_, node.location.line, node.location.column, what);
}

void FieldValues::failAt(const TreeNode& scalar, std::size_t offset, const std::string& what) const {
  const SourceLocation at = locateInScalar(scalar, offset, lines_);
  throw InputError(path_, at.line, at.column, what);
}

// A set, not a list: a hostile file may have a mapping of a million fields.
void FieldValues::checkDuplicateKeys(const TreeNode& map) const {
  std::set<std::string_view> seen;
  for (const TreeEntry& e : map.entries) {
    if (!e.first.isScalar()) fail(e.first, "expected a field name");
    if (!seen.insert(e.first.scalar).second) fail(e.first, "duplicate field '" + e.first.scalar + "'");
  }
}

std::string FieldValues::scalar(const TreeNode& node, std::string_view field) const {
  if (!node.isScalar()) fail(node, "expected text for '" + std::string(field) + "'");
  return node.scalar;
}

std::vector<std::string> FieldValues::stringList(const TreeNode& node, std::string_view field) const {
  if (node.isScalar()) return {node.scalar};
  if (!node.isSeq()) fail(node, "expected a list for '" + std::string(field) + "'");
  std::vector<std::string> out;
  out.reserve(node.items.size());
  for (const TreeNode& item : node.items) out.push_back(scalar(item, field));
  return out;
}

// Aliases can make a short text stand for an exponential number of values ("billion laughs"):
// the tree refuses more nodes than the text has room for, and parameter values are counted too.
Value FieldValues::paramValue(const TreeNode& node, int depth) {
  if (++paramNodes_ > kMaxParamNodes) {
    fail(node, "parameter values of more than " + std::to_string(kMaxParamNodes) +
                   " items in this file (repeated aliases?); parameters are single values or short lists");
  }
  if (node.isSeq()) {
    if (depth >= kMaxParamDepth) {
      fail(node, "lists nested more than " + std::to_string(kMaxParamDepth) + " levels deep in a parameter value");
    }
    Value::List items;
    for (const TreeNode& item : node.items) items.push_back(paramValue(item, depth + 1));
    return Value(std::move(items));
  }
  if (!node.isScalar()) fail(node, "expected a value (number, boolean, text or list)");
  const std::string& s = node.scalar;
  if (node.quoted) return Value(s);  // always text
  if (s == "true") return Value(true);
  if (s == "false") return Value(false);
  if (s == "null" || s == "~") return Value::null();
  std::int64_t i = 0;
  if (!s.empty() && std::from_chars(s.data(), s.data() + s.size(), i).ptr == s.data() + s.size()) return Value(i);
  double d = 0;
  if (!s.empty() && std::from_chars(s.data(), s.data() + s.size(), d).ptr == s.data() + s.size()) return Value(d);
  return Value(s);
}

}  // namespace kafkalint
