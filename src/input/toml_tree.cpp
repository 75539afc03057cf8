// TOML into the positioned tree (cluster specs), and the one bounded TOML parse every TOML file
// goes through (cluster specs, .kafkalint.toml, suppression files, baselines).
#include <toml++/toml.h>

#include <sstream>

#include "kafkalint/config_tree.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/text.hpp"
#include "kafkalint/toml_document.hpp"

namespace kafkalint {

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

namespace {

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

}  // namespace

toml::table parseTomlDocument(const std::string& displayPath, std::string_view text) {
  checkTomlText(displayPath, text);
  try {
    return toml::parse(text, displayPath);
  } catch (const toml::parse_error& e) {
    throw InputError(displayPath, std::uint32_t(e.source().begin.line), std::uint32_t(e.source().begin.column),
                     "TOML syntax error: " + std::string(e.description()));
  }
}

ConfigTree parseTomlTree(FileId file, const std::string& displayPath, std::string_view text) {
  const toml::table table = parseTomlDocument(displayPath, text);
  TomlConverter converter(file, displayPath);
  ConfigTree tree;
  tree.documents.push_back(converter.convert(table, 0));
  return tree;
}

}  // namespace kafkalint
