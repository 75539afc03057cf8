// Keys written in the wrong kind of configuration: a topic config in a broker file, a consumer
// setting in a producer's, a librdkafka property in a Java client's. Kafka ignores them silently.
#include "key_families.hpp"

namespace kafkalint {

namespace {

// A Java producer's or consumer's config: keys of the other client, of topics and brokers, of
// librdkafka and of the Scala clients.
std::optional<std::string> clientNote(const Catalog& catalog, bool producer, std::string_view key) {
  auto known = [&](ConfigScope s) { return catalog.knownInAnyRelease(s, key); };
  const std::string self = producer ? "producer" : "consumer";
  const std::string other = producer ? "consumer" : "producer";
  if (known(producer ? ConfigScope::Consumer : ConfigScope::Producer)) {
    return "it is a " + other + " setting; " + self + "s ignore it";
  }
  if (known(ConfigScope::Topic) || known(ConfigScope::Broker))
    return "it is a topic/broker setting; " + self + "s ignore it";
  if (catalog.librdkafka(key)) return "it is a librdkafka property; the Java " + self + " ignores it";
  if (catalog.scala(key, producer))
    return "it is a Kafka 0.8 Scala " + self + " setting; the Java " + self + " ignores it";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> otherScopeNote(ConfigScope scope, std::string_view key) {
  const Catalog& catalog = Catalog::instance();
  auto known = [&](ConfigScope s) { return catalog.knownInAnyRelease(s, key); };
  switch (scope) {
    case ConfigScope::Broker:
      if (known(ConfigScope::Topic)) {
        auto spec = catalog.at(ConfigScope::Topic, key, catalog.newest());
        std::string broker = spec && !spec->serverDefault.empty() ? std::string(spec->serverDefault) : "";
        return "it is a topic-level config" + (broker.empty() ? std::string() : "; the broker setting is " + broker);
      }
      if (known(ConfigScope::Producer) || known(ConfigScope::Consumer)) return std::string("it is a client setting");
      break;
    case ConfigScope::Producer:
    case ConfigScope::Consumer:
      return clientNote(catalog, scope == ConfigScope::Producer, key);
    case ConfigScope::Topic:
      if (known(ConfigScope::Broker)) return std::string("it is a broker setting, not a topic config");
      break;
    case ConfigScope::Connect:
      if (known(ConfigScope::Topic) || known(ConfigScope::Broker)) {
        return std::string("it is a topic/broker setting; Connect workers ignore it");
      }
      break;
    case ConfigScope::Admin:
    case ConfigScope::Streams:
      break;
  }
  return std::nullopt;
}

}  // namespace kafkalint
