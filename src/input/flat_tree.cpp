#include "kafkalint/config_tree.hpp"
#include "kafkalint/properties_parser.hpp"

namespace kafkalint {

ConfigTree flatTree(FileId file, const PropertiesDocument& doc) {
  TreeNode root;
  root.kind = TreeNode::Kind::Mapping;
  root.location = {file, 1, 1};
  for (const PropertiesEntry& e : doc.entries) {
    TreeNode key;
    key.kind = TreeNode::Kind::Scalar;
    key.scalar = e.key;
    key.location = {file, e.keyPosition.line, e.keyPosition.column};
    TreeNode value;
    value.kind = TreeNode::Kind::Scalar;
    value.scalar = e.value;
    value.location = {file, e.valuePosition.line, e.valuePosition.column};
    root.entries.emplace_back(std::move(key), std::move(value));
  }
  ConfigTree tree;
  tree.documents.push_back(std::move(root));
  return tree;
}

}  // namespace kafkalint
