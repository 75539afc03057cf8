#include "directive_comments.hpp"

#include <vector>

namespace kafkalint {

namespace {

constexpr std::string_view kMarker = "kafkalint:";

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\r'; }

// Where the comment of a line starts (the `#`), or npos.
std::size_t commentStart(std::string_view line, CommentSyntax syntax) {
  std::size_t first = 0;
  while (first < line.size() && isBlank(line[first])) ++first;
  if (syntax == CommentSyntax::Properties) {
    return first < line.size() && (line[first] == '#' || line[first] == '!') ? first : std::string_view::npos;
  }
  bool inSingle = false, inDouble = false;
  for (std::size_t i = first; i < line.size(); ++i) {
    const char c = line[i];
    if (inDouble) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        inDouble = false;
      }
    } else if (inSingle) {
      if (c == '\'') inSingle = false;
    } else if (c == '"') {
      inDouble = true;
    } else if (c == '\'') {
      // An apostrophe inside a plain scalar (it's) does not open a quoted string.
      if (i == first || isBlank(line[i - 1]) || line[i - 1] == ':' || line[i - 1] == '=' || line[i - 1] == '[' ||
          line[i - 1] == ',' || line[i - 1] == '-')
        inSingle = true;
    } else if (c == '#' && (i == first || isBlank(line[i - 1]))) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::uint32_t codePoints(std::string_view text) {
  std::uint32_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

void scanDirectiveComments(Model& model, FileId file, std::string_view content, CommentSyntax syntax) {
  if (content.find(kMarker) == std::string_view::npos) return;  // the common case: nothing to do
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= content.size();) {
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    lines.push_back(content.substr(start, end - start));
    start = end + 1;
  }
  std::vector<bool> commentOnly(lines.size(), false);
  const std::size_t firstNew = model.directives.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    const std::size_t hash = commentStart(line, syntax);
    if (hash == std::string_view::npos) continue;
    bool ownLine = true;
    for (std::size_t k = 0; k < hash; ++k) ownLine = ownLine && isBlank(line[k]);
    commentOnly[i] = ownLine;
    std::size_t text = hash;
    while (text < line.size() && (line[text] == '#' || line[text] == '!' || isBlank(line[text]))) ++text;
    if (line.substr(text, kMarker.size()) != kMarker) continue;
    DirectiveComment d;
    const auto lineNumber = static_cast<std::uint32_t>(i + 1);
    d.location = {file, lineNumber, codePoints(line.substr(0, text)) + 1};
    std::string_view rest = line.substr(text + kMarker.size());
    while (!rest.empty() && isBlank(rest.back())) rest.remove_suffix(1);
    d.text = std::string(rest);
    d.ownLine = ownLine;
    d.appliesToLine = lineNumber;
    model.directives.push_back(std::move(d));
  }
  // A directive on a line of its own is about the next line that is not a comment, so that
  // several directives can stand one above the other.
  for (std::size_t k = firstNew; k < model.directives.size(); ++k) {
    DirectiveComment& d = model.directives[k];
    if (!d.ownLine) continue;
    std::size_t next = d.location.line;  // index of the following line
    while (next < lines.size() && commentOnly[next]) ++next;
    d.appliesToLine = static_cast<std::uint32_t>(next + 1);
  }
}

}  // namespace kafkalint
