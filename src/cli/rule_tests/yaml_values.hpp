// Values of a rule test file, read from its positioned tree; errors name file, line and column.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "kafkalint/config_tree.hpp"

namespace kafkalint {

class YamlValues {
 public:
  explicit YamlValues(std::string path) : path_(std::move(path)) {}

  [[nodiscard]] const std::string& path() const { return path_; }
  [[noreturn]] void fail(const TreeNode& node, const std::string& what) const;

  // A mapping whose keys are among `allowed`, none twice.
  void mapping(const TreeNode& node, std::string_view what, std::initializer_list<std::string_view> allowed) const;
  [[nodiscard]] std::string text(const TreeNode& node, std::string_view field) const;
  [[nodiscard]] std::int64_t integer(const TreeNode& node, std::string_view field) const;
  [[nodiscard]] bool boolean(const TreeNode& node, std::string_view field) const;
  // A list of text, or one text standing for a list of one.
  [[nodiscard]] std::vector<std::string> texts(const TreeNode& node, std::string_view field) const;
  [[nodiscard]] std::vector<std::int32_t> integers(const TreeNode& node, std::string_view field) const;
  // A mapping of text to text (file names to contents, config names to values), in order.
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> textMap(const TreeNode& node,
                                                                         std::string_view field) const;

 private:
  std::string path_;
};

}  // namespace kafkalint
