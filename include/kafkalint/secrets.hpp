// Secrets never leave kafkalint: every place that prints a configuration value goes through here.
#pragma once

#include <string>
#include <string_view>

namespace kafkalint {

inline constexpr std::string_view kRedacted = "[REDACTED]";

// True for keys whose values are credentials: Kafka PASSWORD-type configs in any scope, JAAS
// configs, librdkafka's sasl.password, schema-registry basic-auth user info, and any key whose
// name says password/secret/credential/token/private key.
bool isSecretKey(std::string_view key);

// The value as it may be shown: "[REDACTED]" for secret keys, and for any other key the value
// with URL user-info (scheme://user:password@host) masked.
std::string displayValue(std::string_view key, std::string_view value);

}  // namespace kafkalint
