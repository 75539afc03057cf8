// The application-level readers: docker-compose and .env files, Spring Boot configs, Kafka client
// ConfigMaps and Sarama configs. Each test loads files as the command line does.
#include <doctest/doctest.h>

#include <set>

#include "support.hpp"

namespace kafkalint::test {
namespace {

const Entity* entity(const Audit& a, EntityKind kind, const std::string& nameEnd = "") {
  for (const Entity& e : a.loaded.model.entities) {
    if (e.kind == kind && e.name.ends_with(nameEnd)) return &e;
  }
  return nullptr;
}

const Setting* setting(const Entity& e, const std::string& key) {
  const Setting* found = nullptr;
  for (const Setting& s : e.settings) {
    if (s.key == key) found = &s;
  }
  return found;
}

std::set<std::string> ruleIds(const Audit& a) {
  std::set<std::string> out;
  for (const Finding& f : a.findings) out.insert(f.ruleId);
  return out;
}

TEST_CASE("compose: Confluent/apache variables map back to keys, with their positions") {
  Audit a = auditTempFiles({{"docker-compose.yml",
                             "services:\n"
                             "  zk:\n"
                             "    image: confluentinc/cp-zookeeper:7.8.0\n"
                             "    environment:\n"
                             "      ZOOKEEPER_CLIENT_PORT: 2181\n"
                             "  kafka1:\n"
                             "    image: confluentinc/cp-kafka:7.8.0\n"
                             "    environment:\n"
                             "      KAFKA_BROKER_ID: 1\n"
                             "      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1\n"
                             "      KAFKA_LISTENER_NAME_INTERNAL_SSL___KEY__STORE: x\n"
                             "      KAFKA_HEAP_OPTS: -Xmx1G\n"
                             "      KAFKA_JMX_PORT: 9999\n"
                             "      CONFLUENT_METRICS_ENABLE: 'false'\n"
                             "      KAFKA_BROKER_RACK: a\n"}});
  INFO(a.describe());
  const Entity* broker = entity(a, EntityKind::Broker, "kafka1");
  REQUIRE(broker != nullptr);
  CHECK(entity(a, EntityKind::Broker, "zk") == nullptr);  // not a Kafka service
  REQUIRE(setting(*broker, "offsets.topic.replication.factor") != nullptr);
  CHECK(setting(*broker, "offsets.topic.replication.factor")->keyLocation.line == 10);
  CHECK(setting(*broker, "offsets.topic.replication.factor")->keyLocation.column == 7);
  CHECK(setting(*broker, "offsets.topic.replication.factor")->valueLocation.column == 47);
  // '___' is '_', '__' is '-', '_' is '.'
  CHECK(setting(*broker, "listener.name.internal.ssl_key-store") != nullptr);
  CHECK(setting(*broker, "heap.opts") == nullptr);  // launcher variables are not broker keys
  CHECK(setting(*broker, "jmx.port") == nullptr);
  CHECK(setting(*broker, "confluent.metrics.enable") != nullptr);
  REQUIRE(broker->kafkaVersion.has_value());
  CHECK(broker->kafkaVersion->str() == "3.8");  // Confluent Platform 7.8 ships Kafka 3.8
  const Entity* cluster = entity(a, EntityKind::Cluster);
  REQUIRE(cluster != nullptr);
  CHECK(setting(*cluster, "broker.count")->value == "1");
  CHECK(setting(*cluster, "rack.count")->value == "1");
  CHECK(a.has("KL0105"));
}

TEST_CASE("compose: Bitnami list-style environment, controllers, racks and the image's base config") {
  Audit a = auditTempFiles({{"compose.yaml",
                             "services:\n"
                             "  c1:\n"
                             "    image: bitnami/kafka:3.7\n"
                             "    environment:\n"
                             "      - KAFKA_CFG_PROCESS_ROLES=controller\n"
                             "      - KAFKA_CFG_NODE_ID=9\n"
                             "  b1:\n"
                             "    image: bitnami/kafka:3.7\n"
                             "    environment:\n"
                             "      - KAFKA_CFG_PROCESS_ROLES=broker\n"
                             "      - \"KAFKA_CFG_MIN_INSYNC_REPLICAS=2\"\n"
                             "      - KAFKA_KRAFT_CLUSTER_ID=abc\n"
                             "  b2:\n"
                             "    image: bitnami/kafka:3.7\n"
                             "    environment:\n"
                             "      - KAFKA_CFG_PROCESS_ROLES=broker\n"}});
  INFO(a.describe());
  CHECK(entity(a, EntityKind::Controller, "c1") != nullptr);
  const Entity* b1 = entity(a, EntityKind::Broker, "b1");
  REQUIRE(b1 != nullptr);
  const Setting* minIsr = setting(*b1, "min.insync.replicas");
  REQUIRE(minIsr != nullptr);
  CHECK(minIsr->keyLocation.line == 11);
  CHECK(minIsr->keyLocation.column == 10);  // after the opening quote
  CHECK(minIsr->valueLocation.column == 40);
  CHECK(setting(*b1, "kraft.cluster.id") == nullptr);  // Bitnami: only KAFKA_CFG_* are broker keys
  // Bitnami starts from Kafka's stock server.properties: internal topics replicated once.
  const Setting* base = setting(*b1, "offsets.topic.replication.factor");
  REQUIRE(base != nullptr);
  CHECK(base->origin == ProvenanceKind::StaticBrokerConfig);
  CHECK(base->detail.find("Bitnami") != std::string::npos);
  // b1 has a cluster id and b2 none: two clusters of one broker each.
  std::size_t clusters = 0;
  for (const Entity& e : a.loaded.model.entities) clusters += e.kind == EntityKind::Cluster ? 1 : 0;
  CHECK(clusters == 2);
  const auto kl0105 = a.byRule("KL0105");
  REQUIRE_FALSE(kl0105.empty());
  CHECK(kl0105.front()->message.find("Bitnami kafka image's base config") != std::string::npos);
}

TEST_CASE("compose: wurstmeister KAFKA_CREATE_TOPICS become topics at their columns") {
  Audit a = auditTempFiles({{"docker-compose.yml",
                             "services:\n"
                             "  kafka:\n"
                             "    build: .\n"
                             "    environment:\n"
                             "      KAFKA_ZOOKEEPER_CONNECT: zk:2181\n"
                             "      KAFKA_CREATE_TOPICS: \"orders:3:1,audit:1:3:compact\"\n"}},
                           "2.8");
  INFO(a.describe());
  const Entity* orders = entity(a, EntityKind::Topic, "orders");
  const Entity* audit = entity(a, EntityKind::Topic, "audit");
  REQUIRE(orders != nullptr);
  REQUIRE(audit != nullptr);
  CHECK(setting(*orders, "replication.factor")->value == "1");
  CHECK(setting(*orders, "partitions")->value == "3");
  CHECK(orders->origin.column == 29);
  CHECK(audit->origin.column == 40);
  CHECK(setting(*audit, "cleanup.policy")->value == "compact");
  CHECK(a.byRule("KL0201").size() == 1);
  CHECK(a.byRule("KL0201").front()->entityName == "orders");
}

TEST_CASE("compose: malformed Kafka services are errors with a line; unrelated YAML is not taken") {
  Audit bad = auditTempFiles({{"docker-compose.yml",
                               "services:\n"
                               "  kafka:\n"
                               "    image: wurstmeister/kafka\n"
                               "    environment:\n"
                               "      KAFKA_ZOOKEEPER_CONNECT: zk:2181\n"
                               "      KAFKA_CREATE_TOPICS: \"orders\"\n"}});
  REQUIRE(bad.loaded.errors.size() == 1);
  CHECK(bad.loaded.errors[0].line() == 6);
  CHECK(std::string(bad.loaded.errors[0].what()).find("name:partitions:replicas") != std::string::npos);

  Audit web = auditTempFiles({{"docker-compose.yml",
                               "services:\n"
                               "  web:\n"
                               "    image: nginx\n"
                               "    environment:\n"
                               "      KAFKA_TOPIC: orders\n"}});
  CHECK(web.loaded.model.entities.empty());
  CHECK(web.has("KL9005"));
}

TEST_CASE("compose: a Bitnami .env file is one broker") {
  Audit a = auditTempFiles({{"kafka.env",
                             "KAFKA_CFG_NODE_ID=0\nKAFKA_CFG_PROCESS_ROLES=controller,broker\n"
                             "KAFKA_CFG_AUTO_CREATE_TOPICS_ENABLE=false\nKAFKA_CFG_SEGMENT_BYTES=1\n"}});
  INFO(a.describe());
  const Entity* broker = entity(a, EntityKind::Broker);
  REQUIRE(broker != nullptr);
  CHECK(setting(*broker, "auto.create.topics.enable")->keyLocation.line == 3);
  CHECK(a.has("KL9001"));  // segment.bytes is a topic config
  CHECK_FALSE(a.has("KL0109"));
}

TEST_CASE("spring: relaxed binding, bracket keys, precedence and placeholders") {
  Audit a = auditTempFiles({{"application.properties",
                             "spring.kafka.properties.acks=1\n"
                             "spring.kafka.producer.acks=${ACKS:all}\n"
                             "spring.kafka.producer.properties[max.block.ms]=1000\n"
                             "spring.kafka.consumer.autoOffsetReset=earliest\n"
                             "spring.kafka.consumer.group_id=g\n"
                             "spring.kafka.consumer.properties.enable.auto.commit=true\n"
                             "spring.kafka.consumer.enable-auto-commit=false\n"
                             "spring.kafka.producer.ack=all\n"
                             "server.port=8080\n"}});
  INFO(a.describe());
  const Entity* producer = entity(a, EntityKind::Producer);
  const Entity* consumer = entity(a, EntityKind::Consumer);
  REQUIRE(producer != nullptr);
  REQUIRE(consumer != nullptr);
  CHECK(producer->dialect == "spring");
  // The typed property wins over spring.kafka.properties; the placeholder reads as its default.
  const Setting* acks = setting(*producer, "acks");
  REQUIRE(acks != nullptr);
  CHECK(acks->value == "all");
  CHECK(acks->keyLocation.line == 2);
  CHECK(acks->detail.find("${ACKS:all}") != std::string::npos);
  CHECK(setting(*producer, "max.block.ms")->value == "1000");
  CHECK(setting(*consumer, "auto.offset.reset")->value == "earliest");
  CHECK(setting(*consumer, "group.id")->value == "g");
  // consumer.properties.* wins over the typed enable-auto-commit.
  CHECK(setting(*consumer, "enable.auto.commit")->value == "true");
  CHECK(a.has("KL0401"));
  // The overridden values and the misspelled property are reported as ignored.
  std::vector<std::string> ignored;
  for (const Finding* f : a.byRule("KL9007")) ignored.push_back(f->message);
  CHECK(ignored.size() == 3);
  CHECK_FALSE(a.has("KL0301"));
}

TEST_CASE("spring: spring.kafka.properties.isolation.level is overridden by Spring's always-written default") {
  Audit a = auditTempFiles({{"application.yml",
                             "spring:\n"
                             "  kafka:\n"
                             "    properties:\n"
                             "      isolation.level: read_committed\n"
                             "      sasl.mechanism: PLAIN\n"
                             "    consumer:\n"
                             "      group-id: g\n"
                             "---\n"
                             "spring.kafka.consumer.heartbeat-interval: 10s\n"}});
  INFO(a.describe());
  const Entity* consumer = entity(a, EntityKind::Consumer);
  REQUIRE(consumer != nullptr);
  CHECK(setting(*consumer, "isolation.level") == nullptr);
  CHECK(setting(*consumer, "sasl.mechanism") != nullptr);
  CHECK(setting(*consumer, "heartbeat.interval.ms")->value == "10000");  // Duration -> ms
  const auto ignored = a.byRule("KL9007");
  REQUIRE(ignored.size() == 1);
  CHECK(ignored.front()->location.line == 4);
  CHECK(ignored.front()->message.find("spring.kafka.consumer.isolation-level") != std::string::npos);
  CHECK_FALSE(a.has("KL0401"));  // the listener container commits
}

TEST_CASE("spring: transaction-id-prefix makes the producer transactional; non-Spring files are not taken") {
  Audit tx = auditTempFiles(
      {{"application.yml", "spring:\n  kafka:\n    producer:\n      transaction-id-prefix: tx.\n      acks: 1\n"}});
  INFO(tx.describe());
  const Entity* producer = entity(tx, EntityKind::Producer);
  REQUIRE(producer != nullptr);
  CHECK(setting(*producer, "transactional.id") != nullptr);
  CHECK(tx.has("KL0301"));

  Audit other = auditTempFiles({{"application.properties", "server.port=8080\nlogging.level.root=info\n"}});
  CHECK(other.loaded.model.entities.empty());
  Audit yaml = auditTempFiles({{"application.yml", "spring:\n  datasource:\n    url: jdbc:x\n"}});
  CHECK(yaml.loaded.model.entities.empty());
}

TEST_CASE("client ConfigMaps: Java properties blocks and fluent-bit rdkafka pass-throughs, at their lines") {
  Audit a = auditTempFiles({{"cm.yaml",
                             "apiVersion: v1\n"
                             "kind: ConfigMap\n"
                             "metadata:\n"
                             "  name: clients\n"
                             "data:\n"
                             "  _example: |\n"
                             "    config-producer.properties: |\n"
                             "      acks=0\n"
                             "  app-producer.properties: |\n"
                             "    acks=1\n"
                             "  out.conf: |\n"
                             "    [OUTPUT]\n"
                             "        Name  kafka\n"
                             "        rdkafka.request.required.acks 0\n"}});
  INFO(a.describe());
  const auto acks = a.byRule("KL0301");
  REQUIRE(acks.size() == 2);
  std::set<std::pair<std::uint32_t, std::uint32_t>> where;
  for (const Finding* f : acks) where.insert({f->location.line, f->location.column});
  CHECK(where.count({10, 5}) == 1);   // the Java producer's acks=1
  CHECK(where.count({14, 17}) == 1);  // request.required.acks after "rdkafka."
  const Entity* fluent = entity(a, EntityKind::Producer, "[OUTPUT] kafka");
  REQUIRE(fluent != nullptr);
  CHECK(fluent->dialect == "librdkafka");

  Audit other = auditTempFiles({{"cm.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  app.conf: x=1\n"}});
  CHECK(other.loaded.model.entities.empty());
}

TEST_CASE("sarama: fields, named configs and malformed sections") {
  Audit a = auditPaths({sourceDir() + "/tests/load/fixtures/sarama/http-server.yaml"});
  INFO(a.describe());
  const auto acks = a.byRule("KL0301");
  REQUIRE(acks.size() == 1);
  CHECK(acks.front()->entityName.ends_with("access_log"));
  CHECK(acks.front()->location.line == 13);
  CHECK(acks.front()->location.column == 5);

  Audit bad = auditTempFiles({{"sarama.yaml", "Producer: WaitForAll\nNet:\n  MaxOpenRequests: 1\n"}});
  REQUIRE(bad.loaded.errors.size() == 1);
  CHECK(bad.loaded.errors[0].line() == 1);

  Audit typo = auditTempFiles({{"sarama.yaml", "Producer:\n  RequiredAcks: WaitForAll\n  Idempotnet: true\n"}});
  CHECK(typo.has("KL9001"));

  Audit unrelated = auditTempFiles({{"values.yaml", "Producer: acme\nreplicas: 3\n"}});
  CHECK(unrelated.loaded.model.entities.empty());
}

TEST_CASE("sarama: the exactly-once example is clean, the DivineEye consumer keeps Sarama's defaults") {
  Audit eos = auditPaths({sourceDir() + "/tests/load/fixtures/sarama/exactly-once.toml"});
  INFO(eos.describe());
  CHECK(eos.findings.empty());
  CHECK(eos.loaded.errors.empty());

  Audit divine = auditPaths({sourceDir() + "/tests/load/fixtures/sarama/divineeye-alert-service.yaml"});
  INFO(divine.describe());
  CHECK(ruleIds(divine) == std::set<std::string>{"KL0304", "KL0402"});
}

}  // namespace
}  // namespace kafkalint::test
