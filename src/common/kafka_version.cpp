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

std::string KafkaVersion::str() const {
  std::string out = std::to_string(major) + "." + std::to_string(minor);
  if (patch != 0 || build != 0) out += "." + std::to_string(patch);
  if (build != 0) out += "." + std::to_string(build);
  return out;
}

std::string KafkaVersion::line() const {
  std::string out = std::to_string(major) + "." + std::to_string(minor);
  // 0.x releases carry their line in the third component (0.10.2).
  if (major == 0) out += "." + std::to_string(patch);
  return out;
}

}  // namespace kafkalint
