#include "kafkalint/config_tree.hpp"

namespace kafkalint {

const TreeNode* TreeNode::get(std::string_view key) const {
  const TreeNode* found = nullptr;
  for (const auto& [k, v] : entries) {
    if (k.scalar == key) found = &v;
  }
  return found;
}

std::string TreeNode::text(std::string_view key) const {
  const TreeNode* n = get(key);
  return n != nullptr && n->isScalar() ? n->scalar : std::string();
}

}  // namespace kafkalint
