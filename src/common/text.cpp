#include "kafkalint/text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iterator>

namespace kafkalint {

std::string_view trimView(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && static_cast<unsigned char>(s[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(s[e - 1]) <= 0x20) --e;
  return s.substr(b, e - b);
}

std::vector<std::string_view> splitView(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

std::string joinedList(const std::vector<std::string>& items, std::string_view separator,
                       std::string_view lastSeparator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() && !lastSeparator.empty() ? lastSeparator : separator;
    out += items[i];
  }
  return out;
}

static char lowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lowerAscii(a[i]) != lowerAscii(b[i])) return false;
  }
  return true;
}

std::string toLower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lowerAscii);
  return out;
}

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string trimDouble(double d) {
  char buf[64];
  if (!std::isfinite(d)) return std::string(buf, std::to_chars(std::begin(buf), std::end(buf), d).ptr);
  // to_chars finds the fewest significant digits that read back as d; they are then spelt as %g
  // spells them (3e+01, 1234567, 1e-05).
  char* end = std::to_chars(std::begin(buf), std::end(buf), d, std::chars_format::scientific).ptr;
  int digits = 0;
  for (const char* c = buf; c != end && *c != 'e'; ++c) digits += *c >= '0' && *c <= '9' ? 1 : 0;
  for (;; ++digits) {
    end = std::to_chars(std::begin(buf), std::end(buf), d, std::chars_format::general, digits).ptr;
    // Next to a power of two the nearest number with that many digits may fall just outside d's
    // rounding interval, where to_chars found another one: %g needs one digit more there.
    double back = 0;
    std::from_chars(buf, end, back);
    if (back == d || digits >= 17) return std::string(buf, end);
  }
}

std::string stableHash(std::string_view text) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::size_t editDistance(std::string_view a, std::string_view b, std::size_t cap) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > cap) return cap + 1;
  // Rows are reused across calls: suggestions compare one key with hundreds of candidates.
  thread_local std::vector<std::size_t> prev2, prev, cur;
  prev2.assign(m + 1, 0);
  prev.assign(m + 1, 0);
  cur.assign(m + 1, 0);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t rowMin = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      rowMin = std::min(rowMin, cur[j]);
    }
    if (rowMin > cap) return cap + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], cap + 1);
}

static std::string normaliseKey(std::string_view s) {
  std::string out = toLower(s);
  for (char& c : out) {
    if (c == '_' || c == '-') c = '.';
  }
  return out;
}

KeySuggester::KeySuggester(std::vector<std::string> candidates) : candidates_(std::move(candidates)) {
  normalised_.reserve(candidates_.size());
  for (const std::string& c : candidates_) normalised_.push_back(normaliseKey(c));
}

std::optional<KeySuggester::Suggestion> KeySuggester::closest(std::string_view word) const {
  const std::string w = normaliseKey(word);
  const std::size_t cap = std::clamp<std::size_t>(w.size() / 6, 1, 3);
  std::optional<Suggestion> best;
  for (std::size_t i = 0; i < candidates_.size(); ++i) {
    if (candidates_[i] == word) continue;
    const std::string& c = normalised_[i];
    std::size_t score = c == w ? 0 : editDistance(w, c, cap);
    if (w.size() >= 8 && c.size() > w.size() && c[w.size()] == '.' && startsWith(c, w)) {
      score = std::min<std::size_t>(score, 1);
    }
    if (score > cap) continue;
    if (!best || score < best->distance || (score == best->distance && candidates_[i] < best->name)) {
      best = Suggestion{candidates_[i], score};
    }
  }
  return best;
}

std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  auto s = KeySuggester(candidates).closest(word);
  if (!s) return std::nullopt;
  return s->name;
}

std::size_t codePoints(std::string_view utf8) {
  std::size_t n = 0;
  for (char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if ((c < 0x20 && c != '\t') || c == 0x7F) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      const auto c1 = static_cast<unsigned char>(text[++i]);  // U+0080..U+009F, the C1 controls
      out += "\\u00";
      out += kHex[c1 >> 4];
      out += kHex[c1 & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace kafkalint
