#include "load/config_tree.hpp"

#include <toml++/toml.h>
#include <yaml-cpp/anchor.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <sstream>

#include "kafkalint/errors.hpp"
#include "kafkalint/text.hpp"

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

class YamlConverter {
 public:
  YamlConverter(FileId file, const std::string& display, std::string_view text)
      : file_(file),
        display_(display),
        lines_(splitLines(text)),
        // Each node written in the text takes at least one byte; more nodes than that can only come
        // from aliases expanding the same nodes again and again.
        budget_(std::min(kMaxTreeNodes, text.size() + 1024)) {}

  TreeNode convert(const YAML::Node& node, int depth) {
    if (depth > kMaxTreeDepth) fail(node.Mark(), "nesting deeper than " + std::to_string(kMaxTreeDepth) + " levels");
    if (++nodes_ > budget_) {
      fail(node.Mark(), "the document expands to more than " + std::to_string(budget_) +
                            " nodes, far more than it has text for (repeated aliases?)");
    }
    TreeNode out;
    out.location = locate(node.Mark());
    switch (node.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out.kind = TreeNode::Kind::Null;
        break;
      case YAML::NodeType::Scalar:
        out.kind = TreeNode::Kind::Scalar;
        out.scalar = node.Scalar();
        out.quoted = node.Tag() == "!";
        blockPosition(node.Mark(), out);
        break;
      case YAML::NodeType::Sequence:
        out.kind = TreeNode::Kind::Sequence;
        for (const YAML::Node& item : node) out.items.push_back(convert(item, depth + 1));
        break;
      case YAML::NodeType::Map:
        out.kind = TreeNode::Kind::Mapping;
        for (auto it = node.begin(); it != node.end(); ++it) {
          // Key first, then value: as arguments of one call, gcc and clang converted them in
          // opposite orders, so the node budget ran out at a different place with each.
          TreeNode key = convert(it->first, depth + 1);
          TreeNode value = convert(it->second, depth + 1);
          out.entries.emplace_back(std::move(key), std::move(value));
        }
        break;
    }
    return out;
  }

  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& what) const {
    SourceLocation at = locate(mark);
    throw InputError(display_, at.line, at.column, what);
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

 private:
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
  std::size_t nodes_ = 0;
  mutable std::size_t cachedLine_ = std::size_t(-1);
  mutable std::size_t cachedByte_ = 0;
  mutable std::size_t cachedCodePoints_ = 0;
};

}  // namespace

namespace {

// Counts what yaml-cpp would build, without building it.
class NodeCounter final : public YAML::EventHandler {
 public:
  NodeCounter(const std::string& displayPath, std::size_t limit) : display_(displayPath), limit_(limit) {}
  void OnDocumentStart(const YAML::Mark& mark) override { count(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { count(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { count(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override {
    count(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    count(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    count(mark);
  }
  void OnMapEnd() override {}

 private:
  void count(const YAML::Mark& mark) {
    if (++nodes_ <= limit_) return;
    throw InputError(display_, mark.line >= 0 ? std::uint32_t(mark.line + 1) : 0, 0,
                     "more than " + std::to_string(limit_) +
                         " YAML nodes (documents, keys, values); far more than a configuration has");
  }
  const std::string& display_;
  std::size_t limit_;
  std::size_t nodes_ = 0;
};

}  // namespace

void checkYamlNodeCount(const std::string& displayPath, std::string_view text, std::size_t limit) {
  std::istringstream in{std::string(text)};
  YAML::Parser parser(in);
  NodeCounter counter(displayPath, limit);
  while (parser.HandleNextDocument(counter)) {
  }
}

ConfigTree parseYamlTree(FileId file, const std::string& displayPath, std::string_view text) {
  YamlConverter converter(file, displayPath, text);
  std::vector<YAML::Node> docs;
  try {
    checkYamlNodeCount(displayPath, text);
    docs = YAML::LoadAll(std::string(text));
  } catch (const YAML::DeepRecursion& e) {
    converter.fail(e.mark, "YAML nested too deeply (more than " + std::to_string(e.depth() - 1) +
                               " levels of the parser); expected a configuration file");
  } catch (const YAML::ParserException& e) {
    converter.fail(e.mark, "YAML syntax error: " + e.msg);
  } catch (const YAML::Exception& e) {
    converter.fail(e.mark, std::string("cannot read YAML: ") + e.what());
  }
  ConfigTree tree;
  for (const YAML::Node& doc : docs) tree.documents.push_back(converter.convert(doc, 0));
  return tree;
}

namespace {

class TomlConverter {
 public:
  TomlConverter(FileId file, const std::string& display) : file_(file), display_(display) {}

  TreeNode convert(const toml::node& node, int depth) {
    if (depth > kMaxTreeDepth) {
      throw InputError(display_, node.source().begin.line, node.source().begin.column,
                       "nesting deeper than " + std::to_string(kMaxTreeDepth) + " levels");
    }
    TreeNode out;
    out.location = locate(node.source());
    if (const toml::table* table = node.as_table()) {
      out.kind = TreeNode::Kind::Mapping;
      for (const auto& [key, value] : *table) {
        TreeNode k;
        k.kind = TreeNode::Kind::Scalar;
        k.scalar = std::string(key.str());
        k.location = locate(key.source());
        if (!k.location.line) k.location = locate(value.source());
        out.entries.emplace_back(std::move(k), convert(value, depth + 1));
      }
    } else if (const toml::array* array = node.as_array()) {
      out.kind = TreeNode::Kind::Sequence;
      for (const toml::node& item : *array) out.items.push_back(convert(item, depth + 1));
    } else {
      out.kind = TreeNode::Kind::Scalar;
      if (const auto* s = node.as_string()) {
        out.scalar = s->get();
        out.quoted = true;
      } else if (const auto* i = node.as_integer()) {
        out.scalar = std::to_string(i->get());
      } else if (const auto* b = node.as_boolean()) {
        out.scalar = b->get() ? "true" : "false";
      } else {
        std::ostringstream text;
        node.visit([&text](const auto& v) { text << v; });
        out.scalar = text.str();
      }
    }
    return out;
  }

 private:
  [[nodiscard]] SourceLocation locate(const toml::source_region& region) const {
    return {file_, std::uint32_t(region.begin.line), std::uint32_t(region.begin.column)};
  }

  FileId file_;
  const std::string& display_;
};

}  // namespace

// toml++ bounds nested arrays and inline tables, but not dotted keys: a table header of 100,000
// parts ([a.a.a...]) made it recurse until the stack overflowed. No configuration needs more than
// a few parts, so a line with more dots outside strings and comments than this is refused first.
constexpr std::size_t kMaxTomlDotsPerLine = 1024;

void checkTomlText(const std::string& displayPath, std::string_view text) {
  std::uint32_t line = 1;
  std::size_t lineStart = 0;
  std::size_t dots = 0;
  std::string_view closing;  // the string being read: "\"", "'", "\"\"\"" or "'''"; empty outside
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      lineStart = i + 1;
      dots = 0;
      if (closing.size() == 1) closing = {};  // a one-line string does not continue (toml++ reports it)
      continue;
    }
    if (!closing.empty()) {
      if (c == '\\' && closing[0] == '"') {
        ++i;  // an escape in a basic string
      } else if (text.substr(i, closing.size()) == closing) {
        i += closing.size() - 1;
        closing = {};
      }
      continue;
    }
    if (c == '#') {
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
    } else if (c == '"' || c == '\'') {
      const bool multiLine = text.substr(i, 3) == std::string_view(c == '"' ? "\"\"\"" : "'''");
      closing = c == '"' ? (multiLine ? "\"\"\"" : "\"") : (multiLine ? "'''" : "'");
      if (multiLine) i += 2;
    } else if (c == '.' && ++dots > kMaxTomlDotsPerLine) {
      throw InputError(displayPath, line, std::uint32_t(codePoints(text.substr(lineStart, i - lineStart)) + 1),
                       "more than " + std::to_string(kMaxTomlDotsPerLine) +
                           " dotted key parts on one line; nesting this deep is not a configuration");
    }
  }
}

ConfigTree parseTomlTree(FileId file, const std::string& displayPath, std::string_view text) {
  checkTomlText(displayPath, text);
  toml::table table;
  try {
    table = toml::parse(text, displayPath);
  } catch (const toml::parse_error& e) {
    throw InputError(displayPath, std::uint32_t(e.source().begin.line), std::uint32_t(e.source().begin.column),
                     "TOML syntax error: " + std::string(e.description()));
  }
  TomlConverter converter(file, displayPath);
  ConfigTree tree;
  tree.documents.push_back(converter.convert(table, 0));
  return tree;
}

}  // namespace kafkalint
