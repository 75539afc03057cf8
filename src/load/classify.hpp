// Deciding what a configuration file configures (broker, producer, consumer...) and in which
// client dialect, from its keys and its name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kafkalint/entity.hpp"
#include "kafkalint/kafka_version.hpp"

namespace kafkalint {

struct KeyOccurrence {
  std::string_view key;
  std::string_view value;
  std::uint32_t line;
};

struct Classification {
  InputRecord::Status status = InputRecord::Status::Checked;
  std::vector<EntityKind> kinds;  // a shared client file yields {Producer, Consumer}
  std::string dialect = "java";
  std::string reason;
};

Classification classify(const std::vector<KeyOccurrence>& keys, std::string_view fileName);

// Picks the client dialect (java, librdkafka, scala) for a client file from its keys.
std::string clientDialect(const std::vector<KeyOccurrence>& keys, std::string* reason);

}  // namespace kafkalint
