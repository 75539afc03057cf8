// Keys written in the wrong kind of configuration: a topic config in a broker file, a consumer
// setting in a producer's, a librdkafka property in a Java client's. Kafka ignores them silently.
#include "key_families.hpp"

namespace kafkalint {

// A key of another kind of configuration, which this one silently ignores.
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
      if (known(ConfigScope::Consumer)) return std::string("it is a consumer setting; producers ignore it");
      if (known(ConfigScope::Topic) || known(ConfigScope::Broker)) {
        return std::string("it is a topic/broker setting; producers ignore it");
      }
      if (catalog.librdkafka(key)) return std::string("it is a librdkafka property; the Java producer ignores it");
      if (catalog.scala(key, true))
        return std::string("it is a Kafka 0.8 Scala producer setting; the Java producer ignores it");
      break;
    case ConfigScope::Consumer:
      if (known(ConfigScope::Producer)) return std::string("it is a producer setting; consumers ignore it");
      if (known(ConfigScope::Topic) || known(ConfigScope::Broker)) {
        return std::string("it is a topic/broker setting; consumers ignore it");
      }
      if (catalog.librdkafka(key)) return std::string("it is a librdkafka property; the Java consumer ignores it");
      if (catalog.scala(key, false))
        return std::string("it is a Kafka 0.8 Scala consumer setting; the Java consumer ignores it");
      break;
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
