#include "kafkalint/properties_parser.hpp"

#include <optional>

#include "kafkalint/errors.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

namespace {

bool isPropertiesSpace(char c) { return c == ' ' || c == '\t' || c == '\f'; }

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

// One logical line: natural lines joined by continuations, with where each piece came from.
struct LogicalLine {
  struct Segment {
    std::size_t offset;  // in text
    std::uint32_t line;
    std::uint32_t column;
  };
  std::string text;
  std::vector<Segment> segments;
  std::uint32_t lastLine = 0;

  [[nodiscard]] PropertiesPosition position(std::size_t offset) const {
    const Segment* seg = &segments.front();
    for (const Segment& s : segments) {
      if (s.offset <= offset) seg = &s;
    }
    auto col =
        seg->column + std::uint32_t(codePoints(std::string_view(text).substr(seg->offset, offset - seg->offset)));
    return {seg->line, col};
  }
};

class Parser {
 public:
  Parser(std::string_view text, const std::string& path) : text_(text), path_(path) {}

  PropertiesDocument run() {
    std::optional<LogicalLine> open;  // a logical line waiting for its continuation
    std::uint32_t lineNo = 0;
    std::size_t pos = 0;
    while (pos < text_.size()) {
      // Natural line: up to \n, \r or \r\n.
      std::size_t end = pos;
      while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') ++end;
      std::string_view natural = text_.substr(pos, end - pos);
      pos = end;
      if (pos < text_.size()) {
        if (text_[pos] == '\r' && pos + 1 < text_.size() && text_[pos + 1] == '\n') ++pos;
        ++pos;
      }
      ++lineNo;
      handleNaturalLine(natural, lineNo, open);
    }
    if (open) finish(*open);  // a trailing backslash at end of input is dropped
    return std::move(doc_);
  }

 private:
  void handleNaturalLine(std::string_view natural, std::uint32_t lineNo, std::optional<LogicalLine>& open) {
    std::size_t skip = 0;
    while (skip < natural.size() && isPropertiesSpace(natural[skip])) ++skip;
    std::string_view rest = natural.substr(skip);
    const auto column = std::uint32_t(skip + 1);  // leading whitespace is ASCII

    if (!open) {
      if (rest.empty()) return;
      if (rest.front() == '#' || rest.front() == '!') {
        doc_.comments.push_back({{lineNo, column}, std::string(rest.substr(1))});
        return;  // a comment line never continues, even when it ends with a backslash
      }
      open.emplace();
    } else if (rest.empty()) {
      // An empty continuation line ends the logical line.
      finish(*open);
      open.reset();
      return;
    }

    std::size_t backslashes = 0;
    while (backslashes < rest.size() && rest[rest.size() - 1 - backslashes] == '\\') ++backslashes;
    const bool continues = backslashes % 2 == 1;
    open->segments.push_back({open->text.size(), lineNo, column});
    open->text.append(continues ? rest.substr(0, rest.size() - 1) : rest);
    open->lastLine = lineNo;
    if (!continues) {
      finish(*open);
      open.reset();
    }
  }

  // Splits a logical line into key and value the way java.util.Properties#load0 does.
  void finish(const LogicalLine& line) {
    const std::string& s = line.text;
    std::size_t keyLen = 0;
    std::size_t valueStart = s.size();
    bool hasSeparator = false;
    bool precedingBackslash = false;
    while (keyLen < s.size()) {
      char c = s[keyLen];
      if ((c == '=' || c == ':') && !precedingBackslash) {
        valueStart = keyLen + 1;
        hasSeparator = true;
        break;
      }
      if (isPropertiesSpace(c) && !precedingBackslash) {
        valueStart = keyLen + 1;
        break;
      }
      precedingBackslash = c == '\\' ? !precedingBackslash : false;
      ++keyLen;
    }
    while (valueStart < s.size()) {
      char c = s[valueStart];
      if (!isPropertiesSpace(c)) {
        if (!hasSeparator && (c == '=' || c == ':')) {
          hasSeparator = true;
        } else {
          break;
        }
      }
      ++valueStart;
    }
    PropertiesEntry entry;
    entry.key = unescape(line, 0, keyLen);
    entry.value = unescape(line, valueStart, s.size());
    entry.keyPosition = line.position(0);
    entry.valuePosition = line.position(valueStart);
    entry.lastLine = line.lastLine;
    doc_.entries.push_back(std::move(entry));
  }

  // java.util.Properties#loadConvert: \uXXXX, \t \n \r \f, and "\x" = "x" for any other x.
  std::string unescape(const LogicalLine& line, std::size_t begin, std::size_t end) {
    const std::string& s = line.text;
    std::string out;
    out.reserve(end - begin);
    char16_t pendingHigh = 0;  // a high surrogate waiting for its low half (0: none)
    auto flushPending = [&] {
      if (pendingHigh != 0) appendUtf8(out, 0xFFFD);
      pendingHigh = 0;
    };
    std::size_t i = begin;
    while (i < end) {
      char c = s[i];
      if (c != '\\' || i + 1 >= end) {
        flushPending();
        out += c;
        ++i;
        continue;
      }
      char e = s[i + 1];
      if (e == 'u') {
        char16_t unit = 0;
        for (int k = 0; k < 4; ++k) {
          std::size_t at = i + 2 + std::size_t(k);
          int digit = -1;
          if (at < end) {
            char h = s[at];
            if (h >= '0' && h <= '9') digit = h - '0';
            if (h >= 'a' && h <= 'f') digit = h - 'a' + 10;
            if (h >= 'A' && h <= 'F') digit = h - 'A' + 10;
          }
          if (digit < 0) {
            auto p = line.position(i);
            throw InputError(path_, p.line, p.column,
                             "malformed \\uXXXX escape: expected four hexadecimal digits after \\u");
          }
          unit = char16_t(unit * 16 + digit);
        }
        i += 6;
        if (unit >= 0xD800 && unit <= 0xDBFF) {
          flushPending();
          pendingHigh = unit;
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
          if (pendingHigh != 0) {
            appendUtf8(out, 0x10000 + ((char32_t(pendingHigh) - 0xD800) << 10) + (unit - 0xDC00));
            pendingHigh = 0;
          } else {
            appendUtf8(out, 0xFFFD);
          }
        } else {
          flushPending();
          appendUtf8(out, unit);
        }
        continue;
      }
      flushPending();
      switch (e) {
        case 't':
          out += '\t';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 'f':
          out += '\f';
          break;
        default:
          out += e;  // \\ \= \: \# \! \<space> and any other character stand for themselves
          break;
      }
      i += 2;
    }
    flushPending();
    return out;
  }

  std::string_view text_;
  const std::string& path_;
  PropertiesDocument doc_;
};

}  // namespace

PropertiesDocument parseProperties(std::string_view text, const std::string& displayPath) {
  return Parser(text, displayPath).run();
}

}  // namespace kafkalint
