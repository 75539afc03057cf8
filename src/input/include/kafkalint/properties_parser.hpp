// A parser for Java .properties text that reads exactly what java.util.Properties#load reads,
// and remembers where every key and value was written.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kafkalint {

struct PropertiesPosition {
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based, in code points
};

struct PropertiesEntry {
  std::string key;    // escapes decoded
  std::string value;  // escapes decoded; continuation lines joined; not trimmed
  PropertiesPosition keyPosition;
  PropertiesPosition valuePosition;  // where the value starts (end of line when empty)
  std::uint32_t lastLine = 0;        // last physical line of the entry (continuations)
};

struct PropertiesComment {
  PropertiesPosition position;  // of the '#' or '!'
  std::string text;             // after the marker, as written
};

struct PropertiesDocument {
  std::vector<PropertiesEntry> entries;  // in file order, duplicates kept
  std::vector<PropertiesComment> comments;
};

// Parses UTF-8 `text`. Throws InputError (with line and column) for a malformed \uXXXX escape,
// which java.util.Properties rejects too.
PropertiesDocument parseProperties(std::string_view text, const std::string& displayPath);

}  // namespace kafkalint
