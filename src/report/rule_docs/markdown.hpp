// Small helpers for the Markdown of the rule documentation.
#pragma once

#include <string>

namespace kafkalint {

// Text for a table cell: no line breaks, '|' escaped.
std::string cell(const std::string& text);
// A YAML text block as Markdown: trimmed at both ends.
std::string paragraphs(const std::string& text);

}  // namespace kafkalint
