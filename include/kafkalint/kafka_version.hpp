// A Kafka release number such as 2.8, 3.0.1 or 0.10.2.2.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kafkalint {

struct KafkaVersion {
  int major = 0;
  int minor = 0;
  int patch = 0;
  int build = 0;  // the fourth component of 0.x releases (0.10.2.2)

  // Accepts "3", "3.7", "3.7.1", "0.10.2.2" (components 0-255). Returns nullopt otherwise.
  static std::optional<KafkaVersion> parse(std::string_view text);

  [[nodiscard]] std::uint32_t packed() const {
    return (std::uint32_t(major) << 24) | (std::uint32_t(minor) << 16) | (std::uint32_t(patch) << 8) |
           std::uint32_t(build);
  }
  // "3.7" for 3.7.0, "3.0.1", "0.10.2.2": the shortest spelling that keeps what was given.
  [[nodiscard]] std::string str() const;
  // The release line, "3.7" or "0.10.2".
  [[nodiscard]] std::string line() const;

  friend auto operator<=>(const KafkaVersion& a, const KafkaVersion& b) { return a.packed() <=> b.packed(); }
  friend bool operator==(const KafkaVersion& a, const KafkaVersion& b) { return a.packed() == b.packed(); }
};

}  // namespace kafkalint
