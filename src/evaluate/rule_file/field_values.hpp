// Reading the values of a rule file's fields from its positioned tree: text, lists, parameter
// values; every error names the file, line and column of the node at fault.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kafkalint/config_tree.hpp"
#include "kafkalint/value.hpp"

namespace kafkalint {

class FieldValues {
 public:
  FieldValues(std::string path, std::string_view text);

  [[nodiscard]] const std::string& path() const { return path_; }

  [[noreturn]] void fail(const TreeNode& node, const std::string& what) const;
  // At byte `offset` of a scalar's text.
  [[noreturn]] void failAt(const TreeNode& scalar, std::size_t offset, const std::string& what) const;

  // Field names must be text and not repeat.
  void checkDuplicateKeys(const TreeNode& map) const;
  [[nodiscard]] std::string scalar(const TreeNode& node, std::string_view field) const;
  // A list of text, or one text standing for a list of one.
  [[nodiscard]] std::vector<std::string> stringList(const TreeNode& node, std::string_view field) const;
  // A number, boolean, text or list (of at most kMaxParamNodes values per file, kMaxParamDepth deep).
  Value paramValue(const TreeNode& node, int depth = 0);

  static constexpr std::size_t kMaxParamNodes = 10000;
  static constexpr int kMaxParamDepth = 16;

 private:
  std::string path_;
  std::vector<std::string_view> lines_;
  std::size_t paramNodes_ = 0;
};

}  // namespace kafkalint
