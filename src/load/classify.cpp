#include "classify.hpp"

#include <algorithm>

#include "kafkalint/catalog.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

namespace {

// Keys that say "this is a broker" (ZooKeeper mode or KRaft).
constexpr std::string_view kBrokerIdentity[] = {
    "broker.id",
    "node.id",
    "process.roles",
    "listeners",
    "advertised.listeners",
    "log.dirs",
    "log.dir",
    "controller.quorum.voters",
    "controller.quorum.bootstrap.servers",
    "controller.listener.names",
    "inter.broker.listener.name",
    "num.partitions",
    "default.replication.factor",
    "offsets.topic.replication.factor",
    "transaction.state.log.replication.factor",
    "transaction.state.log.min.isr",
    "unclean.leader.election.enable",
    "auto.create.topics.enable",
    "num.network.threads",
    "num.io.threads",
    "port",
    "host.name",
    "advertised.host.name",
    "num.recovery.threads.per.data.dir",
    "log.retention.hours",
    "broker.rack",
};

constexpr std::string_view kProducerIdentity[] = {
    "acks",
    "key.serializer",
    "value.serializer",
    "transactional.id",
    "enable.idempotence",
    "delivery.timeout.ms",
    "linger.ms",
    "batch.size",
    "buffer.memory",
    "max.block.ms",
    "max.in.flight.requests.per.connection",
    // librdkafka and Scala producer names
    "request.required.acks",
    "message.send.max.retries",
    "message.timeout.ms",
    "queue.buffering.max.ms",
    "queue.buffering.max.messages",
    "queue.buffering.max.kbytes",
    "enable.gapless.guarantee",
    "batch.num.messages",
    "producer.type",
    "serializer.class",
    "key.serializer.class",
};

constexpr std::string_view kConsumerIdentity[] = {
    "group.id",
    "key.deserializer",
    "value.deserializer",
    "enable.auto.commit",
    "auto.offset.reset",
    "isolation.level",
    "max.poll.records",
    "max.poll.interval.ms",
    "group.instance.id",
    "auto.commit.interval.ms",
    "fetch.min.bytes",
    "fetch.max.wait.ms",
    "partition.assignment.strategy",
    "group.protocol",
    // librdkafka and Scala consumer names
    "enable.auto.offset.store",
    "fetch.wait.max.ms",
    "queued.min.messages",
    "auto.commit.enable",
    "consumer.timeout.ms",
    "fetch.message.max.bytes",
};

// session.timeout.ms and heartbeat.interval.ms show up in shared client files (Confluent's samples
// put session.timeout.ms in the one file used by producers and consumers), so they alone do not
// make a file a consumer config.
constexpr std::string_view kConsumerWeak[] = {"session.timeout.ms", "heartbeat.interval.ms"};

constexpr std::string_view kConnectWorker[] = {
    "key.converter",
    "value.converter",
    "offset.storage.topic",
    "config.storage.topic",
    "status.storage.topic",
    "plugin.path",
    "offset.storage.file.filename",
    "offset.flush.interval.ms",
    "rest.port",
    "rest.advertised.host.name",
};

constexpr std::string_view kScalaProducer[] = {"producer.type", "serializer.class", "key.serializer.class",
                                               "queue.enqueue.timeout.ms"};
constexpr std::string_view kScalaConsumer[] = {"consumer.timeout.ms",   "queued.max.message.chunks",
                                               "rebalance.max.retries", "offsets.storage",
                                               "dual.commit.enabled",   "zookeeper.session.timeout.ms"};

constexpr std::string_view kClientCommon[] = {"bootstrap.servers", "metadata.broker.list", "security.protocol",
                                              "client.id", "client.dns.lookup"};

template <std::size_t N>
bool in(const std::string_view (&list)[N], std::string_view key) {
  return std::find(std::begin(list), std::end(list), key) != std::end(list);
}

bool isLog4j(std::string_view key) {
  return startsWith(key, "log4j.") || startsWith(key, "log4j2.") || startsWith(key, "appender.") ||
         startsWith(key, "logger.") || startsWith(key, "rootLogger") || key == "status" || key == "name";
}

struct Evidence {
  std::vector<const KeyOccurrence*> hits;
  void add(const KeyOccurrence& k) { hits.push_back(&k); }
  [[nodiscard]] std::size_t size() const { return hits.size(); }
  [[nodiscard]] std::string describe() const {
    std::string out;
    for (std::size_t i = 0; i < hits.size() && i < 3; ++i) {
      if (!out.empty()) out += ", ";
      out += std::string(hits[i]->key) + " (line " + std::to_string(hits[i]->line) + ")";
    }
    if (hits.size() > 3) out += ", ...";
    return out;
  }
};

bool onlyInScope(ConfigScope scope, std::string_view key) {
  const Catalog& c = Catalog::instance();
  if (!c.knownInAnyRelease(scope, key)) return false;
  for (ConfigScope other : {ConfigScope::Broker, ConfigScope::Producer, ConfigScope::Consumer, ConfigScope::Admin,
                            ConfigScope::Connect, ConfigScope::Streams}) {
    if (other != scope && c.knownInAnyRelease(other, key)) return false;
  }
  return true;
}

// A key of broker or topic configs that no client or Connect config has.
bool brokerOrTopicOnly(std::string_view key) {
  const Catalog& c = Catalog::instance();
  if (!c.knownInAnyRelease(ConfigScope::Broker, key) && !c.knownInAnyRelease(ConfigScope::Topic, key)) return false;
  for (ConfigScope other : {ConfigScope::Producer, ConfigScope::Consumer, ConfigScope::Admin, ConfigScope::Connect}) {
    if (c.knownInAnyRelease(other, key)) return false;
  }
  return true;
}

}  // namespace

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

Classification classify(const std::vector<KeyOccurrence>& keys, std::string_view fileName) {
  Classification out;
  if (keys.empty()) {
    out.status = InputRecord::Status::Unclassified;
    out.reason = "the file has no settings";
    return out;
  }

  Evidence log4j, connect, connector, broker, brokerCatalog, producer, consumer, consumerWeak, common;
  const KeyOccurrence* processRoles = nullptr;
  bool zookeeperConnect = false;
  for (const KeyOccurrence& k : keys) {
    if (isLog4j(k.key)) log4j.add(k);
    if (in(kConnectWorker, k.key)) connect.add(k);
    if (k.key == "connector.class") connector.add(k);
    if (in(kBrokerIdentity, k.key)) broker.add(k);
    if (k.key == "zookeeper.connect") zookeeperConnect = true;
    if (k.key == "process.roles") processRoles = &k;
    if (brokerOrTopicOnly(k.key)) brokerCatalog.add(k);
    if (in(kProducerIdentity, k.key) || onlyInScope(ConfigScope::Producer, k.key)) producer.add(k);
    if (in(kConsumerIdentity, k.key) || onlyInScope(ConfigScope::Consumer, k.key)) consumer.add(k);
    if (in(kConsumerWeak, k.key)) consumerWeak.add(k);
    if (in(kClientCommon, k.key) || startsWith(k.key, "sasl.") || startsWith(k.key, "ssl.")) common.add(k);
  }

  std::string dialectWhy;
  const std::string dialect = clientDialect(keys, &dialectWhy);
  auto clientResult = [&](std::vector<EntityKind> kinds, std::string why) {
    out.kinds = std::move(kinds);
    out.dialect = dialect;
    out.reason = std::move(why) + "; dialect " + dialect + " (" + dialectWhy + ")";
    return out;
  };

  if (log4j.size() * 2 >= keys.size()) {
    out.status = InputRecord::Status::Skipped;
    out.reason = "a logging (log4j) configuration, not a Kafka config: " + log4j.describe();
    return out;
  }
  if (connect.size() > 0) {
    out.kinds = {EntityKind::Connect};
    out.reason = "Kafka Connect worker: " + connect.describe();
    return out;
  }
  if (connector.size() > 0) {
    out.status = InputRecord::Status::Skipped;
    out.reason = "a Kafka Connect connector configuration (connector.class), which kafkalint does not audit";
    return out;
  }

  // Scala clients: the old consumer also names zookeeper.connect, which is otherwise a broker key.
  const bool hasGroupId =
      std::any_of(keys.begin(), keys.end(), [](const KeyOccurrence& k) { return k.key == "group.id"; });
  const bool scalaKeys = dialect == "scala";
  if (scalaKeys || (zookeeperConnect && hasGroupId && broker.size() == 0)) {
    const bool isProducer = std::any_of(keys.begin(), keys.end(), [](const KeyOccurrence& k) {
      return in(kScalaProducer, k.key) || k.key == "metadata.broker.list";
    });
    out.kinds = {isProducer ? EntityKind::Producer : EntityKind::Consumer};
    out.dialect = "scala";
    out.reason = std::string(isProducer ? "producer" : "consumer") + "; dialect scala (" +
                 (scalaKeys ? dialectWhy : "zookeeper.connect with group.id: the Kafka 0.8 high-level consumer") + ")";
    return out;
  }

  if (broker.size() > 0) {
    if (processRoles != nullptr && trimView(processRoles->value) == "controller") {
      out.kinds = {EntityKind::Controller};
      out.reason = "KRaft controller-only node: process.roles=controller (line " + std::to_string(processRoles->line) +
                   "); it hosts no topic partitions";
      return out;
    }
    out.kinds = {EntityKind::Broker};
    out.reason = "broker: " + broker.describe();
    return out;
  }
  if (producer.size() > 0 && (consumer.size() > 0 || consumerWeak.size() > 0)) {
    Evidence consumerAll = consumer;
    for (auto* k : consumerWeak.hits) consumerAll.add(*k);
    return clientResult({EntityKind::Producer, EntityKind::Consumer},
                        "client shared by producers and consumers: producer keys " + producer.describe() +
                            "; consumer keys " + consumerAll.describe());
  }
  if (producer.size() > 0) return clientResult({EntityKind::Producer}, "producer: " + producer.describe());
  if (consumer.size() > 0) return clientResult({EntityKind::Consumer}, "consumer: " + consumer.describe());
  if (brokerCatalog.size() > 0) {
    out.kinds = {EntityKind::Broker};
    out.reason = "broker (broker-only keys): " + brokerCatalog.describe();
    return out;
  }

  const std::string name = toLower(fileName);
  if (name.find("producer") != std::string::npos) return clientResult({EntityKind::Producer}, "producer (file name)");
  if (name.find("consumer") != std::string::npos) return clientResult({EntityKind::Consumer}, "consumer (file name)");
  if (common.size() > 0 || consumerWeak.size() > 0) {
    Evidence all = common;
    for (auto* k : consumerWeak.hits) all.add(*k);
    return clientResult({EntityKind::Producer, EntityKind::Consumer},
                        "client connection settings only (" + all.describe() +
                            "), no producer- or consumer-specific keys: audited as both; use --kind to choose");
  }
  out.status = InputRecord::Status::Unclassified;
  out.reason = "none of its " + std::to_string(keys.size()) +
               " keys identifies a Kafka broker, producer, consumer or Connect worker config";
  return out;
}

}  // namespace kafkalint
