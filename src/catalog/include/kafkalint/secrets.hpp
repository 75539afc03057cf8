// Secrets never leave kafkalint: every place that prints a configuration value goes through here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kafkalint {

inline constexpr std::string_view kRedacted = "[REDACTED]";

// True for keys whose values are credentials: Kafka PASSWORD-type configs in any scope, JAAS
// configs, librdkafka's sasl.password, schema-registry basic-auth user info, and any key whose
// name says password/secret/credential/token/private key.
bool isSecretKey(std::string_view key);

// The value as it may be shown: "[REDACTED]" for secret keys, and for any other key the value
// with URL user-info (scheme://user:password@host) masked.
std::string displayValue(std::string_view key, std::string_view value);

// Narrower than isSecretKey, for the plaintext-secret rule: keys whose value is itself a
// credential. Kafka keys of type PASSWORD; for keys Kafka does not know (librdkafka, schema
// registry, plugins), a secret-looking name that does not name something else (a URL, a file, a
// type, a duration: sasl.oauthbearer.token.endpoint.url, basic.auth.credentials.source).
bool holdsCredential(std::string_view key);

// The credentials written in plain text in a value: for a JAAS configuration the names of its
// password/secret/token options with a literal value; for any value, "URL password" when a URL
// carries user:password@. Config provider references and template placeholders (${file:...},
// ${env:...}, {{ ... }}) are not plain text. Never returns the values themselves.
std::vector<std::string> plaintextCredentials(std::string_view key, std::string_view value);

}  // namespace kafkalint
