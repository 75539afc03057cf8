// Where a character of a YAML scalar is in its file. An error inside an expression has a byte
// offset into the scalar's text; the scalar may be quoted, folded or a block scalar, so its text
// is walked against the file's lines from where the tree says it starts.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "kafkalint/config_tree.hpp"

namespace kafkalint {

// The file's lines, without line ends.
std::vector<std::string_view> splitLines(std::string_view text);

// The position of byte `offset` of `scalar`'s text (the end of the text when offset is its size),
// or the scalar's own position when its text cannot be followed through the file.
SourceLocation locateInScalar(const TreeNode& scalar, std::size_t offset, const std::vector<std::string_view>& lines);

}  // namespace kafkalint
