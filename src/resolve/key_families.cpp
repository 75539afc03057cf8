#include "key_families.hpp"

#include "kafkalint/glob.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

namespace {

struct Family {
  std::string_view pattern;  // glob
  std::string_view note;
};

// Sources: Kafka broker docs (listener.name.* prefixes, KIP-103/KIP-226), KIP-297 config
// providers, KIP-405 remote storage prefixes (rlmm.config., rsm.config.), Kafka authorizers
// (super.users, allow.everyone.if.no.acl.found), Confluent Schema Registry serializer settings and
// Confluent Platform's confluent.* namespace, Kafka Connect worker prefixes.
constexpr Family kBroker[] = {
    {"listener.name.*", "a per-listener override (listener.name.<listener>.<key>)"},
    {"config.providers.*", "a config provider setting (KIP-297)"},
    {"rlmm.config.*", "a remote log metadata manager setting (KIP-405)"},
    {"rsm.config.*", "a remote storage manager setting (KIP-405)"},
    {"remote.log.metadata.*", "a remote log metadata manager setting (KIP-405)"},
    {"super.users", "an authorizer setting"},
    {"allow.everyone.if.no.acl.found", "an authorizer setting"},
    {"confluent.*", "a Confluent Platform setting"},
    {"ldap.*", "a Confluent Platform LDAP setting"},
    {"kafka.metrics.*", "a metrics reporter setting"},
    {"metric.reporters.*", "a metrics reporter setting"},
    {"opentelemetry.*", "an OpenTelemetry exporter setting"},
};

constexpr Family kClient[] = {
    {"config.providers.*", "a config provider setting (KIP-297)"},
    {"schema.registry.*", "a Schema Registry client setting"},
    {"basic.auth.*", "a Schema Registry client setting"},
    {"bearer.auth.*", "a Schema Registry client setting"},
    {"auto.register.schemas", "a Schema Registry serializer setting"},
    {"use.latest.version", "a Schema Registry serializer setting"},
    {"latest.compatibility.strict", "a Schema Registry serializer setting"},
    {"normalize.schemas", "a Schema Registry serializer setting"},
    {"key.subject.name.strategy", "a Schema Registry serializer setting"},
    {"value.subject.name.strategy", "a Schema Registry serializer setting"},
    {"specific.avro.reader", "a Schema Registry deserializer setting"},
    {"specific.protobuf.*", "a Schema Registry deserializer setting"},
    {"json.*", "a Schema Registry JSON serializer setting"},
    {"confluent.*", "a Confluent client setting (interceptors, monitoring)"},
};

constexpr Family kConnect[] = {
    {"config.providers.*", "a config provider setting (KIP-297)"},
    {"key.converter.*", "a key converter setting"},
    {"value.converter.*", "a value converter setting"},
    {"header.converter.*", "a header converter setting"},
    {"internal.key.converter*", "an internal converter setting (removed in Kafka 3.0)"},
    {"internal.value.converter*", "an internal converter setting (removed in Kafka 3.0)"},
    {"producer.*", "a producer override for the worker's producers"},
    {"consumer.*", "a consumer override for the worker's consumers"},
    {"admin.*", "an admin client override for the worker"},
    {"listeners.https.*", "a REST listener TLS setting"},
    {"admin.listeners.https.*", "an admin REST listener TLS setting"},
    {"confluent.*", "a Confluent Platform setting"},
    {"schema.registry.*", "a Schema Registry client setting"},
};

template <std::size_t N>
std::optional<std::string> match(const Family (&families)[N], std::string_view key) {
  for (const Family& f : families) {
    if (globMatch(f.pattern, key, false)) return std::string(f.note);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> keyFamily(ConfigScope scope, std::string_view key) {
  switch (scope) {
    case ConfigScope::Broker:
      return match(kBroker, key);
    case ConfigScope::Producer:
    case ConfigScope::Consumer:
    case ConfigScope::Admin:
      return match(kClient, key);
    case ConfigScope::Connect:
      return match(kConnect, key);
    case ConfigScope::Topic:
    case ConfigScope::Streams:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace kafkalint
