// YAML into the positioned tree, built from yaml-cpp's parser events in one pass, with the node,
// depth and alias budgets checked as the events come.
#include <yaml-cpp/anchor.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>

#include "kafkalint/config_tree.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

namespace {

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

// Builds the tree straight from yaml-cpp's parser events, in one pass: no YAML::Node graph (yaml-cpp
// takes several hundred bytes and a few allocations per node), no second parse to count nodes.
// Aliases are copied from the anchored subtree; the node budget counts every copied node, so an
// alias bomb is refused before it is expanded.
class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(FileId file, const std::string& display, std::string_view text, std::size_t eventLimit)
      : file_(file),
        display_(display),
        lines_(splitLines(text)),
        // Each node written in the text takes at least one byte; more nodes than that can only come
        // from aliases expanding the same nodes again and again.
        budget_(std::min(kMaxTreeNodes, text.size() + 1024)),
        eventLimit_(eventLimit) {}

  ConfigTree take() { return std::move(tree_); }

  void OnDocumentStart(const YAML::Mark& mark) override {
    countEvent(mark);
    anchors_.clear();  // anchors are scoped to their document
    stack_.clear();
    items_.clear();
    entries_.clear();
  }
  void OnDocumentEnd() override {
    tree_.documents.push_back(std::move(root_));
    root_ = TreeNode{};
  }
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    countEvent(mark);
    TreeNode n = start(mark);
    n.kind = TreeNode::Kind::Null;
    finish(std::move(n), anchor, 1, 0);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    countEvent(mark);
    TreeNode n = start(mark);
    n.kind = TreeNode::Kind::Scalar;
    n.scalar = value;
    n.quoted = tag == "!";  // yaml-cpp's non-specific tag of a quoted or block scalar
    blockPosition(mark, n);
    finish(std::move(n), anchor, 1, 0);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    countEvent(mark);
    const int depth = static_cast<int>(stack_.size());
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      // The anchor's node is still open: the alias is inside it and the node contains itself.
      for (const Frame& f : stack_) {
        if (f.anchor == anchor)
          fail(f.node.location, "nesting deeper than " + std::to_string(kMaxTreeDepth) + " levels");
      }
      fail(locate(mark), "an alias to an anchor that is not defined");
    }
    const Anchored& a = it->second;
    if (depth + a.height > kMaxTreeDepth || nodes_ + a.size > budget_) walkToLimit(a.node, depth);
    nodes_ += a.size;
    finish(TreeNode(a.node), 0, a.size, a.height);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    open(mark, TreeNode::Kind::Sequence, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    open(mark, TreeNode::Kind::Mapping, anchor);
  }
  void OnMapEnd() override { close(); }

  [[noreturn]] void fail(const SourceLocation& at, const std::string& what) const {
    throw InputError(display_, at.line, at.column, what);
  }
  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& what) const { fail(locate(mark), what); }

 private:
  struct Frame {
    TreeNode node;
    YAML::anchor_t anchor = 0;
    std::optional<TreeNode> key;  // a mapping's key waiting for its value
    std::size_t first = 0;        // where its items or entries start in the scratch stacks
    std::size_t size = 1;         // nodes in the subtree, itself included
    int height = 0;               // levels below it
  };
  struct Anchored {
    TreeNode node;
    std::size_t size = 1;
    int height = 0;
  };

  // kMaxYamlNodes: the nodes written in the file, before any alias is expanded.
  void countEvent(const YAML::Mark& mark) {
    if (++events_ <= eventLimit_) return;
    throw InputError(display_, mark.line >= 0 ? std::uint32_t(mark.line + 1) : 0, 0,
                     "more than " + std::to_string(eventLimit_) +
                         " YAML nodes (documents, keys, values); far more than a configuration has");
  }

  // A node written in the text begins: depth and budget are checked in document order.
  TreeNode start(const YAML::Mark& mark) {
    TreeNode n;
    n.location = locate(mark);
    check(n.location, static_cast<int>(stack_.size()));
    return n;
  }
  void check(const SourceLocation& at, int depth) {
    if (depth > kMaxTreeDepth) fail(at, "nesting deeper than " + std::to_string(kMaxTreeDepth) + " levels");
    if (++nodes_ > budget_) {
      fail(at, "the document expands to more than " + std::to_string(budget_) +
                   " nodes, far more than it has text for (repeated aliases?)");
    }
  }
  // An alias would pass a limit: counts its copy node by node, in document order, so that the
  // error names the node where the limit is passed. Always throws.
  void walkToLimit(const TreeNode& n, int depth) {
    check(n.location, depth);
    for (const TreeNode& item : n.items) walkToLimit(item, depth + 1);
    for (const TreeEntry& e : n.entries) {
      walkToLimit(e.first, depth + 1);
      walkToLimit(e.second, depth + 1);
    }
  }

  void open(const YAML::Mark& mark, TreeNode::Kind kind, YAML::anchor_t anchor) {
    countEvent(mark);
    Frame f;
    f.node = start(mark);
    f.node.kind = kind;
    f.anchor = anchor;
    f.first = kind == TreeNode::Kind::Sequence ? items_.size() : entries_.size();
    stack_.push_back(std::move(f));
  }

  // The children of open collections wait on two stacks (a collection's are on top when it
  // closes) and move into a vector of the right size once: growing each node's vector as children
  // came reallocated and moved large nodes several times per mapping.
  void close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (f.node.kind == TreeNode::Kind::Sequence) {
      f.node.items.reserve(items_.size() - f.first);
      std::move(items_.begin() + std::ptrdiff_t(f.first), items_.end(), std::back_inserter(f.node.items));
      items_.erase(items_.begin() + std::ptrdiff_t(f.first), items_.end());
    } else {
      f.node.entries.reserve(entries_.size() - f.first);
      std::move(entries_.begin() + std::ptrdiff_t(f.first), entries_.end(), std::back_inserter(f.node.entries));
      entries_.erase(entries_.begin() + std::ptrdiff_t(f.first), entries_.end());
    }
    finish(std::move(f.node), f.anchor, f.size, f.height);
  }

  // A complete node: remembered under its anchor, then added to its parent.
  void finish(TreeNode n, YAML::anchor_t anchor, std::size_t size, int height) {
    if (anchor != 0) anchors_[anchor] = Anchored{n, size, height};
    if (stack_.empty()) {
      root_ = std::move(n);
      return;
    }
    Frame& parent = stack_.back();
    parent.size += size;
    parent.height = std::max(parent.height, height + 1);
    if (parent.node.kind == TreeNode::Kind::Sequence) {
      items_.push_back(std::move(n));
    } else if (!parent.key) {
      parent.key = std::move(n);
    } else {
      entries_.emplace_back(std::move(*parent.key), std::move(n));
      parent.key.reset();
    }
  }

  // Marks count bytes; locations count code points. Counting from the start of the line for each
  // node took minutes for a flow list of a million items on one line, so the count moves on from
  // the previous node's position on the same line.
  [[nodiscard]] SourceLocation locate(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0) return {file_, 0, 0};
    const auto line = std::size_t(mark.line);
    std::uint32_t column = std::uint32_t(mark.column + 1);
    const auto byte = std::size_t(mark.column);
    if (line < lines_.size() && byte <= lines_[line].size()) {
      if (line != cachedLine_) {
        cachedLine_ = line;
        cachedByte_ = 0;
        cachedCodePoints_ = 0;
      }
      if (byte >= cachedByte_) {
        cachedCodePoints_ += codePoints(lines_[line].substr(cachedByte_, byte - cachedByte_));
      } else {  // a node to the left of the previous one on the line
        cachedCodePoints_ -= codePoints(lines_[line].substr(byte, cachedByte_ - byte));
      }
      cachedByte_ = byte;
      column = std::uint32_t(cachedCodePoints_ + 1);
    }
    return {file_, std::uint32_t(line + 1), column};
  }

  // yaml-cpp marks a block scalar at its indicator; its text starts on the next non-empty line.
  void blockPosition(const YAML::Mark& mark, TreeNode& out) const {
    if (mark.is_null() || mark.line < 0) return;
    const auto line = std::size_t(mark.line);
    if (line >= lines_.size() || std::size_t(mark.column) >= lines_[line].size()) return;
    const char indicator = lines_[line][std::size_t(mark.column)];
    if (indicator != '|' && indicator != '>') return;
    for (std::size_t l = line + 1; l < lines_.size(); ++l) {
      std::string_view text = lines_[l];
      const std::size_t indent = text.find_first_not_of(' ');
      if (indent == std::string_view::npos) continue;
      out.blockLine = std::uint32_t(l + 1);
      out.blockIndent = std::uint32_t(indent);
      return;
    }
  }

  FileId file_;
  const std::string& display_;
  std::vector<std::string_view> lines_;
  std::size_t budget_;
  std::size_t eventLimit_;
  std::size_t nodes_ = 0;
  std::size_t events_ = 0;
  std::vector<Frame> stack_;
  std::vector<TreeNode> items_;     // items of the open sequences
  std::vector<TreeEntry> entries_;  // entries of the open mappings
  std::map<YAML::anchor_t, Anchored> anchors_;
  TreeNode root_;
  ConfigTree tree_;
  mutable std::size_t cachedLine_ = std::size_t(-1);
  mutable std::size_t cachedByte_ = 0;
  mutable std::size_t cachedCodePoints_ = 0;
};

}  // namespace

ConfigTree parseYamlTree(FileId file, const std::string& displayPath, std::string_view text) {
  TreeBuilder builder(file, displayPath, text, kMaxYamlNodes);
  try {
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const YAML::DeepRecursion& e) {
    builder.fail(e.mark, "YAML nested too deeply (more than " + std::to_string(e.depth() - 1) +
                             " levels of the parser); expected a configuration file");
  } catch (const YAML::ParserException& e) {
    builder.fail(e.mark, "YAML syntax error: " + e.msg);
  } catch (const YAML::Exception& e) {
    builder.fail(e.mark, std::string("cannot read YAML: ") + e.what());
  }
  return builder.take();
}

}  // namespace kafkalint
