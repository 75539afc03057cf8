// Which client a producer or consumer file is written for: the Java clients, librdkafka 2.0.2, or
// the Kafka 0.8 Scala clients, from the keys only one of them has.
#include "classify.hpp"
#include "kafkalint/catalog.hpp"
#include "key_evidence.hpp"

namespace kafkalint {

namespace {

constexpr std::string_view kScalaProducer[] = {"producer.type", "serializer.class", "key.serializer.class",
                                               "queue.enqueue.timeout.ms"};
constexpr std::string_view kScalaConsumer[] = {"consumer.timeout.ms",   "queued.max.message.chunks",
                                               "rebalance.max.retries", "offsets.storage",
                                               "dual.commit.enabled",   "zookeeper.session.timeout.ms"};

}  // namespace

bool isScalaProducerKey(std::string_view key) { return in(kScalaProducer, key); }

std::string clientDialect(const std::vector<KeyOccurrence>& keys, std::string* reason) {
  const Catalog& c = Catalog::instance();
  Evidence librdkafka, java, scala;
  for (const KeyOccurrence& k : keys) {
    const bool inJava = c.knownInAnyRelease(ConfigScope::Producer, k.key) ||
                        c.knownInAnyRelease(ConfigScope::Consumer, k.key) ||
                        c.knownInAnyRelease(ConfigScope::Admin, k.key);
    const bool inLibrdkafka = c.librdkafka(k.key) != nullptr;
    if (in(kScalaProducer, k.key) || in(kScalaConsumer, k.key)) {
      scala.add(k);
    } else if (inLibrdkafka && !inJava) {
      librdkafka.add(k);
    } else if (inJava && !inLibrdkafka) {
      java.add(k);
    }
  }
  if (scala.size() > 0) {
    if (reason) *reason = "Kafka 0.8 Scala client keys: " + scala.describe();
    return "scala";
  }
  if (librdkafka.size() > java.size()) {
    if (reason) *reason = "librdkafka property names: " + librdkafka.describe();
    return "librdkafka";
  }
  if (reason) *reason = java.size() > 0 ? "Java client keys: " + java.describe() : "no dialect-specific keys";
  return "java";
}

}  // namespace kafkalint
