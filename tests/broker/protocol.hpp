// Answers one Kafka request the way a broker of the fixture's cluster would.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "broker/fixture.hpp"

namespace kafkalint::testbroker {

struct RequestHeader {
  std::int16_t apiKey = -1;
  std::int16_t apiVersion = -1;
  std::int32_t correlationId = 0;
  std::optional<std::string> clientId;
};

struct Reply {
  std::optional<RequestHeader> header;  // nullopt when even the header did not decode
  std::vector<std::uint8_t> frame;      // the size-prefixed response; empty when the connection is closed
  bool closeConnection = false;
  std::string closeReason;
};

// Versions the broker implements, by API key (the ApiVersions table before fixture overrides).
const std::map<std::int16_t, std::pair<std::int16_t, std::int16_t>>& implementedApiVersions();

class ProtocolHandler {
 public:
  ProtocolHandler(const Cluster& cluster, std::int32_t brokerId);

  // `request` is one frame without its 4-byte size prefix.
  Reply handle(std::span<const std::uint8_t> request) const;

 private:
  const Cluster& cluster_;
  const BrokerSpec& self_;
  std::map<std::int16_t, std::pair<std::int16_t, std::int16_t>> advertised_;
};

}  // namespace kafkalint::testbroker
