// What a .properties file configures (broker, controller, producer, consumer, a client shared by
// both, Connect worker), from its keys and, failing those, its name.
#include "classify.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "kafkalint/catalog.hpp"
#include "kafkalint/text.hpp"
#include "key_evidence.hpp"

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

constexpr std::string_view kClientCommon[] = {"bootstrap.servers", "metadata.broker.list", "security.protocol",
                                              "client.id", "client.dns.lookup"};

bool isLog4j(std::string_view key) {
  return startsWith(key, "log4j.") || startsWith(key, "log4j2.") || startsWith(key, "appender.") ||
         startsWith(key, "logger.") || startsWith(key, "rootLogger") || key == "status" || key == "name";
}

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

// Every key of the file that points to one kind of configuration or another.
struct FileEvidence {
  Evidence log4j, connect, connector, broker, brokerCatalog, producer, consumer, consumerWeak, common;
  const KeyOccurrence* processRoles = nullptr;
  bool zookeeperConnect = false;
  bool groupId = false;
};

FileEvidence gatherEvidence(const std::vector<KeyOccurrence>& keys) {
  FileEvidence e;
  for (const KeyOccurrence& k : keys) {
    if (isLog4j(k.key)) e.log4j.add(k);
    if (in(kConnectWorker, k.key)) e.connect.add(k);
    if (k.key == "connector.class") e.connector.add(k);
    if (in(kBrokerIdentity, k.key)) e.broker.add(k);
    if (k.key == "zookeeper.connect") e.zookeeperConnect = true;
    if (k.key == "group.id") e.groupId = true;
    if (k.key == "process.roles") e.processRoles = &k;
    if (brokerOrTopicOnly(k.key)) e.brokerCatalog.add(k);
    if (in(kProducerIdentity, k.key) || onlyInScope(ConfigScope::Producer, k.key)) e.producer.add(k);
    if (in(kConsumerIdentity, k.key) || onlyInScope(ConfigScope::Consumer, k.key)) e.consumer.add(k);
    if (in(kConsumerWeak, k.key)) e.consumerWeak.add(k);
    if (in(kClientCommon, k.key) || startsWith(k.key, "sasl.") || startsWith(k.key, "ssl.")) e.common.add(k);
  }
  return e;
}

Classification result(InputRecord::Status status, std::vector<EntityKind> kinds, std::string reason) {
  Classification out;
  out.status = status;
  out.kinds = std::move(kinds);
  out.reason = std::move(reason);
  return out;
}

// Logging and Connect configurations: not clients, whatever client keys they hold.
std::optional<Classification> logOrConnect(const FileEvidence& e, std::size_t keyCount) {
  using enum InputRecord::Status;
  if (e.log4j.size() * 2 >= keyCount) {
    return result(Skipped, {}, "a logging (log4j) configuration, not a Kafka config: " + e.log4j.describe());
  }
  if (e.connect.size() > 0)
    return result(Checked, {EntityKind::Connect}, "Kafka Connect worker: " + e.connect.describe());
  if (e.connector.size() > 0) {
    return result(Skipped, {},
                  "a Kafka Connect connector configuration (connector.class), which kafkalint does not audit");
  }
  return std::nullopt;
}

// Scala clients: the old consumer also names zookeeper.connect, which is otherwise a broker key.
std::optional<Classification> scalaClient(const FileEvidence& e, const std::vector<KeyOccurrence>& keys,
                                          const std::string& dialect, const std::string& dialectWhy) {
  const bool scalaKeys = dialect == "scala";
  if (!scalaKeys && !(e.zookeeperConnect && e.groupId && e.broker.size() == 0)) return std::nullopt;
  const bool isProducer = std::any_of(keys.begin(), keys.end(), [](const KeyOccurrence& k) {
    return isScalaProducerKey(k.key) || k.key == "metadata.broker.list";
  });
  Classification out =
      result(InputRecord::Status::Checked, {isProducer ? EntityKind::Producer : EntityKind::Consumer},
             std::string(isProducer ? "producer" : "consumer") + "; dialect scala (" +
                 (scalaKeys ? dialectWhy : "zookeeper.connect with group.id: the Kafka 0.8 high-level consumer") + ")");
  out.dialect = "scala";
  return out;
}

std::optional<Classification> brokerOrController(const FileEvidence& e) {
  if (e.broker.size() == 0) return std::nullopt;
  if (e.processRoles != nullptr && trimView(e.processRoles->value) == "controller") {
    return result(InputRecord::Status::Checked, {EntityKind::Controller},
                  "KRaft controller-only node: process.roles=controller (line " + std::to_string(e.processRoles->line) +
                      "); it hosts no topic partitions");
  }
  return result(InputRecord::Status::Checked, {EntityKind::Broker}, "broker: " + e.broker.describe());
}

Evidence joined(Evidence all, const Evidence& more) {
  for (const KeyOccurrence* k : more.hits) all.add(*k);
  return all;
}

// Producers, consumers, or a client file shared by both (or, with broker-only keys, a broker);
// failing keys, the file's name.
std::optional<std::pair<std::vector<EntityKind>, std::string>> clientKinds(const FileEvidence& e,
                                                                           std::string_view fileName) {
  using Kinds = std::vector<EntityKind>;
  const Kinds both = {EntityKind::Producer, EntityKind::Consumer};
  if (e.producer.size() > 0 && (e.consumer.size() > 0 || e.consumerWeak.size() > 0)) {
    return std::pair{both, "client shared by producers and consumers: producer keys " + e.producer.describe() +
                               "; consumer keys " + joined(e.consumer, e.consumerWeak).describe()};
  }
  if (e.producer.size() > 0) return std::pair{Kinds{EntityKind::Producer}, "producer: " + e.producer.describe()};
  if (e.consumer.size() > 0) return std::pair{Kinds{EntityKind::Consumer}, "consumer: " + e.consumer.describe()};
  const std::string name = toLower(fileName);
  if (name.find("producer") != std::string::npos) return std::pair{Kinds{EntityKind::Producer}, "producer (file name)"};
  if (name.find("consumer") != std::string::npos) return std::pair{Kinds{EntityKind::Consumer}, "consumer (file name)"};
  if (e.common.size() > 0 || e.consumerWeak.size() > 0) {
    return std::pair{both, "client connection settings only (" + joined(e.common, e.consumerWeak).describe() +
                               "), no producer- or consumer-specific keys: audited as both; use --kind to choose"};
  }
  return std::nullopt;
}

}  // namespace

Classification classify(const std::vector<KeyOccurrence>& keys, std::string_view fileName) {
  if (keys.empty()) return result(InputRecord::Status::Unclassified, {}, "the file has no settings");
  const FileEvidence e = gatherEvidence(keys);
  if (auto c = logOrConnect(e, keys.size())) return *c;
  std::string dialectWhy;
  const std::string dialect = clientDialect(keys, &dialectWhy);
  if (auto c = scalaClient(e, keys, dialect, dialectWhy)) return *c;
  if (auto c = brokerOrController(e)) return *c;
  // Broker-only keys make a broker only when no client key is there.
  const bool clientKeys = e.producer.size() > 0 || e.consumer.size() > 0;
  if (!clientKeys && e.brokerCatalog.size() > 0) {
    return result(InputRecord::Status::Checked, {EntityKind::Broker},
                  "broker (broker-only keys): " + e.brokerCatalog.describe());
  }
  if (auto kinds = clientKinds(e, fileName)) {
    Classification out = result(InputRecord::Status::Checked, std::move(kinds->first),
                                std::move(kinds->second) + "; dialect " + dialect + " (" + dialectWhy + ")");
    out.dialect = dialect;
    return out;
  }
  return result(InputRecord::Status::Unclassified, {},
                "none of its " + std::to_string(keys.size()) +
                    " keys identifies a Kafka broker, producer, consumer or Connect worker config");
}

}  // namespace kafkalint
