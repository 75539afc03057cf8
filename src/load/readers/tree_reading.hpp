// Small helpers the readers of Kubernetes resources, chart values and topics-as-code files share:
// type checks that fail with the file, line and column of the offending node.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "input_builder.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/typed_value.hpp"

namespace kafkalint {

// A value that is a template placeholder (Terraform/Helm/Jinja) rather than a value: kept as
// written, the resolver reports it as "could not verify" when a rule needs it.
// The resolver's own test, so that what a reader keeps is what the resolver then reports.
inline bool isPlaceholder(std::string_view text) { return placeholderReason(text).has_value(); }

inline bool isWholeNumber(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  return !text.empty() && text.size() <= 9 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class TreeReading {
 public:
  TreeReading(InputBuilder& in, std::string what) : in_(in), what_(std::move(what)) {}

  [[noreturn]] void fail(const TreeNode& node, const std::string& message) const {
    throw InputError(in_.displayPath(), node.location.line, node.location.column, what_ + ": " + message);
  }

  const TreeNode& map(const TreeNode& node, const std::string& field) const {
    if (!node.isMap()) fail(node, "expected '" + field + "' to be a mapping");
    return node;
  }
  // An optional mapping: nullptr when absent or null (`config:` with nothing under it).
  const TreeNode* optionalMap(const TreeNode& parent, std::string_view key, const std::string& field) const {
    const TreeNode* n = parent.get(key);
    if (n == nullptr || n->isNull()) return nullptr;
    return &map(*n, field);
  }
  const TreeNode* optionalList(const TreeNode& parent, std::string_view key, const std::string& field) const {
    const TreeNode* n = parent.get(key);
    if (n == nullptr || n->isNull()) return nullptr;
    if (!n->isSeq()) fail(*n, "expected '" + field + "' to be a list");
    return n;
  }
  const std::string& scalar(const TreeNode& node, const std::string& field) const {
    if (!node.isScalar()) fail(node, "expected '" + field + "' to be a single value");
    return node.scalar;
  }
  // A count or replication factor: a whole number (-1 where the tool allows it), or a template
  // placeholder kept for the resolver.
  const std::string& number(const TreeNode& node, const std::string& field, bool minusOne = false) const {
    const std::string& text = scalar(node, field);
    if (isPlaceholder(text)) return text;
    if (!isWholeNumber(text) || (text.front() == '-' && !(minusOne && text == "-1"))) {
      fail(node,
           "expected '" + field + "' to be a whole number" + (minusOne ? " (or -1)" : "") + ", got '" + text + "'");
    }
    return text;
  }
  std::string requiredText(const TreeNode& parent, std::string_view key, const std::string& field) const {
    const TreeNode* n = parent.get(key);
    if (n == nullptr || n->isNull()) fail(parent, "missing '" + field + "'");
    std::string text = scalar(*n, field);
    if (text.empty()) fail(*n, "'" + field + "' must not be empty");
    return text;
  }

 private:
  InputBuilder& in_;
  std::string what_;
};

// The Kafka release at the start of an image tag or version ("3.7.0", "2.7.0-debian-10-r1").
inline std::optional<KafkaVersion> versionPrefix(std::string_view text) {
  std::size_t end = 0;
  while (end < text.size() && ((text[end] >= '0' && text[end] <= '9') || text[end] == '.')) ++end;
  while (end > 0 && text[end - 1] == '.') --end;
  return KafkaVersion::parse(text.substr(0, end));
}

}  // namespace kafkalint
