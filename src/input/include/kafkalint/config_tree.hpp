// YAML and TOML files read into one positioned tree, so that each input kind (a cluster spec,
// Strimzi resources, compose files, Sarama configs...) is read by one reader whatever the syntax,
// with the file, line and column of every key and value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kafkalint/source_location.hpp"

namespace kafkalint {

struct TreeEntry;

struct TreeNode {
  enum class Kind { Null, Scalar, Sequence, Mapping };
  Kind kind = Kind::Null;
  std::string scalar;   // Scalar: the text as written, unquoted ("true", "3", "all")
  bool quoted = false;  // a quoted YAML scalar or a TOML string: "3" is text, not a number
  SourceLocation location;
  // A YAML block scalar (| or >): its text starts on line `blockLine`, indented by `blockIndent`
  // columns, so that a properties file embedded in it keeps its real positions.
  std::uint32_t blockLine = 0;
  std::uint32_t blockIndent = 0;
  std::vector<TreeNode> items;     // Sequence
  std::vector<TreeEntry> entries;  // Mapping: key, value (duplicates kept)

  [[nodiscard]] bool isMap() const { return kind == Kind::Mapping; }
  [[nodiscard]] bool isSeq() const { return kind == Kind::Sequence; }
  [[nodiscard]] bool isScalar() const { return kind == Kind::Scalar; }
  [[nodiscard]] bool isNull() const { return kind == Kind::Null; }
  // The value of a mapping key (the last one when it is written twice), or nullptr.
  [[nodiscard]] const TreeNode* get(std::string_view key) const;
  // get() along a path of keys: at("spec", "kafka", "config").
  template <typename... Keys>
  [[nodiscard]] const TreeNode* at(std::string_view first, Keys... rest) const {
    const TreeNode* n = get(first);
    if constexpr (sizeof...(rest) == 0) {
      return n;
    } else {
      return n == nullptr ? nullptr : n->at(rest...);
    }
  }
  // The scalar text of a key, or "" when absent or not a scalar.
  [[nodiscard]] std::string text(std::string_view key) const;
};

// A key and its value in a mapping. Not a std::pair: a pair of TreeNode inside TreeNode itself is
// an incomplete type to clang with libstdc++.
struct TreeEntry {
  TreeEntry(TreeNode key, TreeNode value) : first(std::move(key)), second(std::move(value)) {}
  TreeNode first;   // the key
  TreeNode second;  // the value
};

// One file's documents (YAML files may hold several, separated by ---; TOML files hold one).
struct ConfigTree {
  std::vector<TreeNode> documents;
};

// Limits against hostile input: nesting depth and the number of nodes after YAML aliases are
// expanded ("billion laughs").
inline constexpr int kMaxTreeDepth = 256;
inline constexpr std::size_t kMaxTreeNodes = 4'000'000;

// Nodes written in one YAML file, counted as the parser reports them: a 64 MiB file of empty
// documents ("---" lines) would otherwise need gigabytes. No node past the limit is built.
inline constexpr std::size_t kMaxYamlNodes = 1'000'000;

// Parse UTF-8 text. Throw InputError with file, line and column for syntax errors and when a
// limit is exceeded.
ConfigTree parseYamlTree(FileId file, const std::string& displayPath, std::string_view text);
ConfigTree parseTomlTree(FileId file, const std::string& displayPath, std::string_view text);

// A .properties or .env text as one document, a one-level mapping (src/input/flat_tree.cpp).
ConfigTree flatTree(FileId file, const struct PropertiesDocument& doc);

}  // namespace kafkalint
