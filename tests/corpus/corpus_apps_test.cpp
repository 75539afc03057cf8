// Real-world application-level files from ../shared/corpus (see its PROVENANCE.md): docker-compose
// and .env files, Spring Boot configs and the client ConfigMaps. File by file, exactly the rules an
// experienced operator expects, and the facts behind them. Where this differs from PROVENANCE.md the
// comment says why.
#include <doctest/doctest.h>

#include <set>

#include "support.hpp"

namespace kafkalint::test {
namespace {

struct AppCase {
  const char* file;
  std::set<std::string> rules;  // exactly the rules that must fire
  const char* why;
};

const AppCase kCases[] = {
    // --- compose ---------------------------------------------------------------------------------
    {"compose/apache-kafka-docker-cluster-combined-plaintext.docker-compose.yml",
     {"KL0102", "KL0103", "KL0105", "KL0106", "KL0107", "KL0109", "KL0501", "KL9008"},
     "3 combined nodes with offsets/txn RF 1 and txn min ISR 1; defaults RF 1 / min ISR 1; no racks. The image "
     "is ${IMAGE}, so the image convention is an assumption (KL9008 says so)"},
    {"compose/bitnami-kafka-3.7-cluster.docker-compose.yml",
     {"KL0102", "KL0103", "KL0109", "KL0501"},
     "internal topics fine (3/3/2); user topics get RF 1 / min ISR 1; list-style env; no racks"},
    {"compose/bitnami-kafka-3.7-single.docker-compose.yml",
     {"KL0102", "KL0103", "KL0105", "KL0106", "KL0107", "KL0109"},
     "single node: the internal topics' RF 1 comes from the Bitnami image's base server.properties"},
    {"compose/conduktor-zk-multiple-kafka-multiple.yml",
     {"KL0102", "KL0103", "KL0109", "KL0501"},
     "3 cp-kafka brokers, no replication settings: offsets RF defaults to 3 (fine), user topics RF 1 / min ISR 1"},
    {"compose/conduktor-zk-single-kafka-single.yml",
     {"KL0102", "KL0103", "KL0105", "KL0106", "KL0107", "KL0109"},
     "dev stack: RF 1 everywhere"},
    {"compose/confluent-examples-multiregion.docker-compose.yml",
     {"KL0102", "KL0103", "KL0105", "KL0109", "KL0112", "KL9008"},
     "offsets RF 2 on the stretched cluster, min ISR 1 with observers that do not count (KL9008 explains the "
     "placement); the 1-broker monitoring cluster keeps transaction.state.log.replication.factor=3 (KL0112). "
     "The Confluent license/metrics topics with RF 1 have no rule (confluent.* keys are only recognised)"},
    {"compose/kafka-gitops-3broker-sasl.docker-compose.yml",
     {"KL0102", "KL0103", "KL0105", "KL0109", "KL0501"},
     "__consumer_offsets RF 1 on 3 brokers; defaults RF 1 / min ISR 1 (Kafka 2.5 from cp-kafka 5.5.3)"},
    {"compose/thingsboard-kafka.env",
     {"KL0102", "KL0103", "KL0105", "KL0106", "KL0107", "KL9001"},
     "Bitnami env file: internal topics RF 1 from the image's base config; segment.bytes is a topic config"},
    {"compose/wurstmeister-single-broker.docker-compose.yml",
     {"KL0102", "KL0103", "KL0105", "KL0106", "KL0107", "KL0109", "KL0201", "KL9001"},
     "topic test RF 1; the image's base server.properties replicates the internal topics once. Audited at Kafka "
     "4.1 (the image tag is not in the file): advertised.host.name and zookeeper.connect no longer exist there"},
    // --- spring ----------------------------------------------------------------------------------
    {"spring/confluent-examples-java-springboot.application.properties",
     {"KL0402"},
     "producer on Java 3.x defaults (acks=all, idempotence); listener consumer does not auto-commit; a new "
     "group starts at latest (PROVENANCE: mostly OK; the latest reset is reported for every consumer)"},
    {"spring/spring-kafka-sample-01.application.yml",
     {"KL0402"},
     "only serializers: Spring's container commits, acks=all by default; latest reset as for every consumer"},
    {"spring/spring-kafka-sample-03-tx.application.yml",
     {"KL0402"},
     "negative control for the producer: transaction-id-prefix makes it transactional and idempotent"},
    {"spring/spring-kafka-sample-05.application.properties", {}, "bracket keys; auto-offset-reset earliest"},
    {"spring/thingsboard.yml",
     {"KL0201", "KL0202", "KL0307"},
     "ThingsBoard defaults: replication_factor 1 and min.insync.replicas:1 for every topic group; acks=all on "
     "topics with min ISR 1. retries=1 has no rule (PROVENANCE asks for a warning: see the report)"},
    // --- client ConfigMaps -----------------------------------------------------------------------
    {"client/fluent-bit-k8s-logging-kafka-configmap.yaml",
     {"KL0301", "KL0304"},
     "rdkafka.request.required.acks 1 through the fluent-bit pass-through; librdkafka idempotence off"},
    {"client/knative-kafka-broker-data-plane-configmap.yaml",
     {"KL0304", "KL0402"},
     "enable.idempotence=false; auto.offset.reset=latest; the _example block is not read"},
};

std::set<std::string> ruleIds(const Audit& a) {
  std::set<std::string> out;
  for (const Finding& f : a.findings) out.insert(f.ruleId);
  return out;
}

std::string corpus(const std::string& file) { return sharedDir() + "/corpus/" + file; }

TEST_CASE("corpus (applications): each file gives exactly the findings an operator expects") {
  for (const AppCase& c : kCases) {
    CAPTURE(c.file);
    CAPTURE(c.why);
    Audit a = auditPaths({corpus(c.file)});
    INFO(a.describe());
    CHECK(a.loaded.errors.empty());
    REQUIRE(a.loaded.model.inputs.size() == 1);
    CHECK(a.loaded.model.inputs[0].status == InputRecord::Status::Checked);
    CHECK(ruleIds(a) == c.rules);
  }
}

int count(const Audit& a, EntityKind kind) {
  int n = 0;
  for (const Entity& e : a.loaded.model.entities) n += e.kind == kind ? 1 : 0;
  return n;
}

const Entity* named(const Audit& a, EntityKind kind, const std::string& nameEnd) {
  for (const Entity& e : a.loaded.model.entities) {
    if (e.kind == kind && e.name.ends_with(nameEnd)) return &e;
  }
  return nullptr;
}

std::string settingValue(const Entity& e, const std::string& key) {
  std::string out;
  for (const Setting& s : e.settings) {
    if (s.key == key) out = s.value;
  }
  return out;
}

TEST_CASE("corpus (applications): compose clusters, roles and racks") {
  Audit multi = auditPaths({corpus("compose/confluent-examples-multiregion.docker-compose.yml")});
  CHECK(count(multi, EntityKind::Cluster) == 2);  // two CLUSTER_IDs: the stretched cluster and the monitoring one
  CHECK(count(multi, EntityKind::Broker) == 5);
  CHECK(count(multi, EntityKind::Controller) == 4);
  CHECK(named(multi, EntityKind::Broker, "control-center") == nullptr);
  const Entity* stretched = nullptr;
  for (const Entity& e : multi.loaded.model.entities) {
    if (e.kind == EntityKind::Cluster && e.name.ends_with("4L6g3nShT-eMCtK--X86sw")) stretched = &e;
  }
  REQUIRE(stretched != nullptr);
  CHECK(settingValue(*stretched, "broker.count") == "4");
  CHECK(settingValue(*stretched, "rack.count") == "2");
  const auto placement = multi.byRule("KL9008");
  REQUIRE(placement.size() == 1);
  CHECK(placement.front()->message.find("2 synchronous replica(s) and 2 observer(s)") != std::string::npos);

  Audit bitnami = auditPaths({corpus("compose/bitnami-kafka-3.7-cluster.docker-compose.yml")});
  const Entity* kafka1 = named(bitnami, EntityKind::Broker, "kafka-1");
  REQUIRE(kafka1 != nullptr);
  CHECK(settingValue(*kafka1, "transaction.state.log.min.isr") == "2");  // list-style "- KEY=VALUE"
  CHECK(kafka1->kafkaVersion->str() == "3.7");

  Audit wurstmeister = auditPaths({corpus("compose/wurstmeister-single-broker.docker-compose.yml")});
  const Entity* topic = named(wurstmeister, EntityKind::Topic, "test");
  REQUIRE(topic != nullptr);
  CHECK(settingValue(*topic, "replication.factor") == "1");
  CHECK(wurstmeister.byRule("KL0201").front()->location.line == 13);
}

TEST_CASE("corpus (applications): Spring traps") {
  Audit tx = auditPaths({corpus("spring/spring-kafka-sample-03-tx.application.yml")});
  for (const Finding& f : tx.findings) CHECK(f.entityKind != EntityKind::Producer);  // the negative control
  const Entity* consumer = named(tx, EntityKind::Consumer, "");
  REQUIRE(consumer != nullptr);
  CHECK(settingValue(*consumer, "isolation.level") == "read_committed");  // consumer.properties is not overridden

  Audit brackets = auditPaths({corpus("spring/spring-kafka-sample-05.application.properties")});
  const Entity* producer = named(brackets, EntityKind::Producer, "");
  REQUIRE(producer != nullptr);
  CHECK(settingValue(*producer, "max.block.ms") == "1000");

  Audit tb = auditPaths({corpus("spring/thingsboard.yml")});
  const Entity* tbProducer = named(tb, EntityKind::Producer, "queue.kafka");
  REQUIRE(tbProducer != nullptr);
  CHECK(settingValue(*tbProducer, "acks") == "all");  // ${TB_KAFKA_ACKS:all}
  CHECK(settingValue(*tbProducer, "retries") == "1");
  const Entity* ruleEngine = named(tb, EntityKind::Topic, "rule-engine");
  REQUIRE(ruleEngine != nullptr);
  CHECK(settingValue(*ruleEngine, "min.insync.replicas") == "1");  // from 'k:v;k:v'
  CHECK(settingValue(*ruleEngine, "replication.factor") == "1");
  CHECK(tb.byRule("KL0201").size() == 17);
}

TEST_CASE("corpus (applications): ConfigMap traps") {
  Audit knative = auditPaths({corpus("client/knative-kafka-broker-data-plane-configmap.yaml")});
  CHECK(count(knative, EntityKind::Producer) == 1);  // not the _example block's copy
  CHECK(count(knative, EntityKind::Consumer) == 1);
  CHECK(knative.byRule("KL0304").front()->location.line == 100);

  Audit fluent = auditPaths({corpus("client/fluent-bit-k8s-logging-kafka-configmap.yaml")});
  const auto acks = fluent.byRule("KL0301");
  REQUIRE(acks.size() == 1);
  CHECK(acks.front()->location.line == 62);
  CHECK(acks.front()->location.column == 17);
}

}  // namespace
}  // namespace kafkalint::test
