// Small string helpers shared by the stages.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kafkalint {

// Java's String.trim(): strips every character <= U+0020 at both ends.
std::string_view trimView(std::string_view s);
std::vector<std::string_view> splitView(std::string_view s, char sep);
bool equalsIgnoreCase(std::string_view a, std::string_view b);
std::string toLower(std::string_view s);
bool startsWith(std::string_view s, std::string_view prefix);
bool endsWith(std::string_view s, std::string_view suffix);
// "a, b, c", or with `lastSeparator` " or ": "a, b or c".
std::string joinedList(const std::vector<std::string>& items, std::string_view separator = ", ",
                       std::string_view lastSeparator = {});
std::string trimDouble(double d);  // the fewest digits that read back as d, spelt as printf's %g
// A 64-bit FNV-1a hash of a text, in hex: the same in every run and on every machine (identities
// in reports).
std::string stableHash(std::string_view text);

// Optimal string alignment distance (Levenshtein with adjacent transpositions), capped: returns
// `cap + 1` as soon as the distance is known to exceed `cap`.
std::size_t editDistance(std::string_view a, std::string_view b, std::size_t cap);

// Suggests the key a misspelled one was meant to be: the closest candidate when it is close enough
// to be a likely misspelling (case, '_' and '-' for '.', a few typos, a missing last segment such
// as "unclean.leader.election"). Candidates are normalised once, at construction.
class KeySuggester {
 public:
  struct Suggestion {
    std::string name;
    std::size_t distance;
  };
  explicit KeySuggester(std::vector<std::string> candidates);
  [[nodiscard]] std::optional<Suggestion> closest(std::string_view word) const;

 private:
  std::vector<std::string> candidates_;
  std::vector<std::string> normalised_;
};

// One-off form of KeySuggester.
std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string>& candidates);

// Number of Unicode code points in a UTF-8 string (columns are counted in code points).
std::size_t codePoints(std::string_view utf8);

// Text from the inputs (file names, keys, values) as it may be printed on a terminal or in a CI
// log: control characters become visible escapes (\n, \r, \x1B, \u009B...), so that a file named
// "x\n::error::..." cannot start a line of its own (a GitHub workflow command) and a value cannot
// move the cursor or recolour the screen. Tabs and valid printable text are kept.
std::string printable(std::string_view text);

}  // namespace kafkalint
