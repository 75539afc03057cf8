#include "rule_docs/markdown.hpp"

#include "kafkalint/text.hpp"

namespace kafkalint {

std::string cell(const std::string& text) {
  std::string out;
  for (char c : trimView(text)) {
    if (c == '|') {
      out += "\\|";
    } else {
      out += c == '\n' ? ' ' : c;
    }
  }
  return out;
}

std::string paragraphs(const std::string& text) { return std::string(trimView(text)); }

}  // namespace kafkalint
