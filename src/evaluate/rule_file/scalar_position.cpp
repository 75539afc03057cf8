#include "rule_file/scalar_position.hpp"

#include <algorithm>

#include "kafkalint/text.hpp"

namespace kafkalint {

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

namespace {

bool space(char c) { return c == ' ' || c == '\t'; }
bool continuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The byte a 1-based code-point column starts at.
std::size_t byteOfColumn(std::string_view line, std::uint32_t column) {
  std::size_t byte = 0;
  for (std::uint32_t c = 1; c < column && byte < line.size(); ++c) {
    ++byte;
    while (byte < line.size() && continuationByte(line[byte])) ++byte;
  }
  return byte;
}

// Walks a scalar's text and the file side by side: characters match one for one, except that a
// line break in the file becomes a space or a newline in the text (folding), indentation and
// blank lines are not in the text, and escapes are longer in the file.
class ScalarWalk {
 public:
  ScalarWalk(const TreeNode& scalar, const std::vector<std::string_view>& lines) : n_(scalar), lines_(lines) {
    if (scalar.blockLine > 0) {
      block_ = true;
      line_ = scalar.blockLine - 1;
      byte_ = scalar.blockIndent;
      return;
    }
    line_ = scalar.location.line - 1;
    if (line_ >= lines_.size()) return;
    byte_ = byteOfColumn(lines_[line_], scalar.location.column);
    if (scalar.quoted && byte_ < lines_[line_].size() &&
        (lines_[line_][byte_] == '"' || lines_[line_][byte_] == '\'')) {
      quote_ = lines_[line_][byte_++];
    }
  }

  std::optional<SourceLocation> find(std::size_t offset) {
    if (n_.location.line == 0 || line_ >= lines_.size()) return std::nullopt;
    const std::string& text = n_.scalar;
    std::size_t i = 0;
    while (i < offset && i < text.size()) {
      if (byte_ >= lines_[line_].size()) {
        // Only line breaks and spaces up to the offset: it is at the end of this line.
        if (text.find_first_not_of(" \n", i) > offset || !nextLine()) break;
        if (text[i] == ' ' || text[i] == '\n') ++i;  // the line break became this character
        continue;
      }
      if (!step(text, i)) return std::nullopt;
    }
    if (byte_ >= lines_[line_].size() && text.find_first_not_of(" \n", i) == offset) nextLine();
    return SourceLocation{n_.location.file, std::uint32_t(line_ + 1),
                          std::uint32_t(codePoints(lines_[line_].substr(0, byte_)) + 1)};
  }

 private:
  // One character of the text against the file; false when they cannot be matched.
  bool step(const std::string& text, std::size_t& i) {
    const std::string_view line = lines_[line_];
    const char c = text[i];
    const char s = line[byte_];
    if (quote_ == '\'' && s == '\'' && c == '\'') {  // '' is one quote
      byte_ += 2, ++i;
    } else if (s == c && !(quote_ == '"' && s == '\\')) {
      ++i, ++byte_;
    } else if (quote_ == '"' && s == '\\') {  // an escape: several bytes in the file, one character in the text
      const char e = byte_ + 1 < line.size() ? line[byte_ + 1] : ' ';
      byte_ = std::min(line.size(), byte_ + (e == 'x' ? 4 : e == 'u' ? 6 : e == 'U' ? 10 : 2));
      ++i;
      while (i < text.size() && continuationByte(text[i])) ++i;
    } else if (c == ' ' || c == '\n') {  // a blank line or a break the walk did not see
      ++i;
    } else if (space(s)) {  // whitespace the text dropped
      ++byte_;
    } else {
      return false;
    }
    return true;
  }

  bool nextLine() {
    if (line_ + 1 >= lines_.size()) return false;
    const std::string_view line = lines_[++line_];
    if (block_) {
      byte_ = std::min<std::size_t>(n_.blockIndent, line.size());
    } else {
      byte_ = 0;
      while (byte_ < line.size() && space(line[byte_])) ++byte_;
    }
    return true;
  }

  const TreeNode& n_;
  const std::vector<std::string_view>& lines_;
  bool block_ = false;
  char quote_ = 0;
  std::size_t line_ = 0;
  std::size_t byte_ = 0;
};

}  // namespace

SourceLocation locateInScalar(const TreeNode& scalar, std::size_t offset, const std::vector<std::string_view>& lines) {
  if (auto found = ScalarWalk(scalar, lines).find(offset)) return *found;
  return scalar.location;
}

}  // namespace kafkalint
