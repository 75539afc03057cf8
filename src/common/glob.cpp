#include "kafkalint/glob.hpp"

#include <vector>

namespace kafkalint {

bool globMatch(std::string_view pattern, std::string_view text, bool paths) {
  // reach[j]: the first i pattern characters can match the first j text characters.
  const std::size_t n = text.size();
  std::vector<char> reach(n + 1, 0), next(n + 1, 0);
  reach[0] = 1;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char p = pattern[i];
    std::fill(next.begin(), next.end(), 0);
    if (p == '*') {
      const bool crossesSlash = !paths || (i + 1 < pattern.size() && pattern[i + 1] == '*');
      if (crossesSlash && paths) ++i;  // `**`
      // `**/` also matches no directory at all: "a/**/b" matches "a/b".
      const bool optionalSlash = crossesSlash && paths && i + 1 < pattern.size() && pattern[i + 1] == '/';
      char carry = 0;
      for (std::size_t j = 0; j <= n; ++j) {
        carry = static_cast<char>(carry || reach[j]);
        next[j] = carry;
        if (j < n && !crossesSlash && text[j] == '/') carry = 0;
      }
      if (optionalSlash) {
        // Skip the slash too: next[j] stays valid, and the slash may be absent.
        std::vector<char> afterSlash(n + 1, 0);
        for (std::size_t j = 0; j <= n; ++j) {
          if (next[j] && j < n && text[j] == '/') afterSlash[j + 1] = 1;
          if (reach[j]) afterSlash[j] = 1;
        }
        ++i;
        next.swap(afterSlash);
      }
    } else {
      for (std::size_t j = 0; j < n; ++j) {
        if (!reach[j]) continue;
        const char t = text[j];
        if (p == '?' ? !(paths && t == '/') : p == t) next[j + 1] = 1;
      }
    }
    reach.swap(next);
  }
  return reach[n] != 0;
}

}  // namespace kafkalint
