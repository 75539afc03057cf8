#include "kafkalint/kafka_version.hpp"

#include <charconv>

namespace kafkalint {

std::optional<KafkaVersion> KafkaVersion::parse(std::string_view text) {
  int parts[4] = {0, 0, 0, 0};
  int count = 0;
  std::size_t pos = 0;
  while (true) {
    if (count == 4) return std::nullopt;
    int value = 0;
    const char* begin = text.data() + pos;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc{} || ptr == begin || value < 0 || value > 255) return std::nullopt;
    parts[count++] = value;
    pos = std::size_t(ptr - text.data());
    if (pos == text.size()) break;
    if (text[pos] != '.') return std::nullopt;
    ++pos;
  }
  return KafkaVersion{parts[0], parts[1], parts[2], parts[3]};
}

namespace {

// Components are appended to one string: `"." + std::to_string(n)` inserts in front of a
// temporary, which GCC 12 at -O3 reports as a possible overlap (-Wrestrict).
void appendComponent(std::string& out, int component) {
  if (!out.empty()) out += '.';
  out += std::to_string(component);
}

}  // namespace

std::string KafkaVersion::str() const {
  std::string out;
  appendComponent(out, major);
  appendComponent(out, minor);
  if (patch != 0 || build != 0) appendComponent(out, patch);
  if (build != 0) appendComponent(out, build);
  return out;
}

std::string KafkaVersion::line() const {
  std::string out;
  appendComponent(out, major);
  appendComponent(out, minor);
  // 0.x releases carry their line in the third component (0.10.2).
  if (major == 0) appendComponent(out, patch);
  return out;
}

}  // namespace kafkalint
