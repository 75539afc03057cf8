// The Strimzi reader: Kafka, KafkaNodePool, KafkaTopic, KafkaConnect/KafkaMirrorMaker2 resources.
#include <doctest/doctest.h>

#include <set>

#include "support.hpp"

namespace kafkalint::test {
namespace {

const char* const kKafka = R"(apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: prod
spec:
  kafka:
    version: 3.7.0
    replicas: 3
    config:
      default.replication.factor: 3
      min.insync.replicas: 1
  zookeeper:
    replicas: 3
)";

std::set<std::string> ruleIds(const Audit& a) {
  std::set<std::string> out;
  for (const Finding& f : a.findings) out.insert(f.ruleId);
  return out;
}

TEST_CASE("strimzi: a Kafka resource gives a cluster, its brokers' config at exact locations, version and count") {
  Audit a = auditWritten({{"kafka.yaml", kKafka}});
  INFO(a.describe());
  REQUIRE(a.loaded.errors.empty());
  const Entity* cluster = findEntity(a.loaded.model, EntityKind::Cluster, "prod");
  const Entity* broker = findEntity(a.loaded.model, EntityKind::Broker, "prod brokers");
  REQUIRE(cluster != nullptr);
  REQUIRE(broker != nullptr);
  CHECK(broker->cluster == cluster);
  REQUIRE(broker->kafkaVersion.has_value());
  CHECK(broker->kafkaVersion->str() == "3.7");
  const Setting* minIsr = findSetting(*broker, "min.insync.replicas");
  REQUIRE(minIsr != nullptr);
  CHECK(minIsr->value == "1");
  CHECK(minIsr->keyLocation.line == 11);
  CHECK(minIsr->keyLocation.column == 7);
  CHECK(minIsr->valueLocation.column == 28);
  const Setting* count = findSetting(*cluster, "broker.count");
  REQUIRE(count != nullptr);
  CHECK(count->value == "3");
  CHECK(count->valueLocation.line == 8);
  // No rack: rack.count 0, so the cluster rule reports it.
  CHECK(findSetting(*cluster, "rack.count")->value == "0");
  CHECK(ruleIds(a) == std::set<std::string>{"KL0102", "KL0109", "KL0501"});
  for (const Finding* f : a.byRule("KL0102")) CHECK(f->location.line == 11);
}

TEST_CASE("strimzi: rack.topologyKey makes the brokers rack-aware without guessing the number of racks") {
  std::string text = kKafka;
  text.replace(text.find("    config:"), 0, "    rack:\n      topologyKey: topology.kubernetes.io/zone\n");
  Audit a = auditWritten({{"kafka.yaml", text}});
  REQUIRE(a.loaded.errors.empty());
  const Entity* cluster = findEntity(a.loaded.model, EntityKind::Cluster, "prod");
  const Entity* broker = findEntity(a.loaded.model, EntityKind::Broker, "prod brokers");
  CHECK(findSetting(*cluster, "rack.count") == nullptr);
  const Setting* rack = findSetting(*broker, "broker.rack");
  REQUIRE(rack != nullptr);
  CHECK(rack->keyLocation.line == 10);
  CHECK_FALSE(a.has("KL0501"));
}

TEST_CASE("strimzi: node pools count brokers, not controllers, and their replicas are not a replication factor") {
  const char* text = R"(apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: controllers
  labels:
    strimzi.io/cluster: prod
spec:
  replicas: 3
  roles: [controller]
---
apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: brokers-a
  labels:
    strimzi.io/cluster: prod
spec:
  replicas: 2
  roles: [broker]
---
apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: brokers-b
  labels:
    strimzi.io/cluster: prod
spec:
  replicas: 2
  roles: [broker, controller]
---
apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata:
  name: prod
spec:
  kafka:
    config:
      default.replication.factor: 3
      min.insync.replicas: 2
)";
  Audit a = auditWritten({{"kafka.yaml", text}});
  INFO(a.describe());
  REQUIRE(a.loaded.errors.empty());
  const Entity* cluster = findEntity(a.loaded.model, EntityKind::Cluster, "prod");
  const Setting* count = findSetting(*cluster, "broker.count");
  REQUIRE(count != nullptr);
  CHECK(count->value == "4");
  CHECK(count->valueLocation.line == 18);  // the first broker pool's replicas
  CHECK_FALSE(a.has("KL0112"));
  CHECK_FALSE(a.has("KL0113"));
}

TEST_CASE("strimzi: node pools in another file are counted into their cluster") {
  const char* pool = R"(apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: brokers
  labels:
    strimzi.io/cluster: prod
spec:
  replicas: 2
  roles: [broker]
)";
  const char* kafka = R"(apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata:
  name: prod
spec:
  kafka:
    config:
      default.replication.factor: 3
)";
  Audit a = auditWritten({{"kafka.yaml", kafka}, {"pools.yaml", pool}});
  INFO(a.describe());
  const Entity* cluster = findEntity(a.loaded.model, EntityKind::Cluster, "prod");
  REQUIRE(findSetting(*cluster, "broker.count") != nullptr);
  CHECK(findSetting(*cluster, "broker.count")->value == "2");
  CHECK(a.has("KL0112"));  // default.replication.factor 3 on 2 brokers

  // Without the pools, the count is unknown and said so.
  Audit alone = auditWritten({{"kafka.yaml", kafka}});
  CHECK(findSetting(*findEntity(alone.loaded.model, EntityKind::Cluster, "prod"), "broker.count") == nullptr);
  REQUIRE(alone.has("KL9008"));
  CHECK(alone.byRule("KL9008").front()->message.find("number of brokers is not known") != std::string::npos);
}

TEST_CASE("strimzi: KafkaTopic settings, name from spec.topicName, linked to its Kafka in another file") {
  const char* topic = R"(apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaTopic
metadata:
  name: orders-resource
  labels:
    strimzi.io/cluster: prod
spec:
  topicName: orders
  partitions: 12
  replicas: 2
  config:
    min.insync.replicas: 2
)";
  Audit alone = auditWritten({{"topic.yaml", topic}});
  INFO(alone.describe());
  const Entity* t = findEntity(alone.loaded.model, EntityKind::Topic, "orders");
  REQUIRE(t != nullptr);
  CHECK(t->inheritsFrom == nullptr);
  const Setting* rf = findSetting(*t, "replication.factor");
  REQUIRE(rf != nullptr);
  CHECK(rf->keyLocation.line == 10);
  CHECK(rf->keyLocation.column == 3);
  CHECK(rf->valueLocation.column == 13);
  CHECK(findSetting(*t, "partitions")->value == "12");
  CHECK(ruleIds(alone) == std::set<std::string>{"KL0201", "KL0205"});

  Audit linked = auditWritten({{"a/kafka.yaml", kKafka}, {"b/topic.yaml", topic}});
  INFO(linked.describe());
  const Entity* lt = findEntity(linked.loaded.model, EntityKind::Topic, "orders");
  const Entity* broker = findEntity(linked.loaded.model, EntityKind::Broker, "prod brokers");
  REQUIRE(lt != nullptr);
  CHECK(lt->inheritsFrom == broker);
  CHECK(lt->cluster == findEntity(linked.loaded.model, EntityKind::Cluster, "prod"));
  REQUIRE(lt->kafkaVersion.has_value());
  CHECK(lt->kafkaVersion->str() == "3.7");
}

TEST_CASE("strimzi: a topic without replicas inherits the linked broker's default; unlinked it is not in view") {
  const char* topic = R"(apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaTopic
metadata:
  name: events
  labels:
    strimzi.io/cluster: prod
spec:
  partitions: 3
)";
  Audit alone = auditWritten({{"topic.yaml", topic}});
  CHECK(ruleIds(alone) == std::set<std::string>{"KL0203", "KL0204"});
  Audit linked = auditWritten({{"kafka.yaml", kKafka}, {"topic.yaml", topic}});
  INFO(linked.describe());
  // The broker's values are reported once, on the broker.
  CHECK(ruleIds(linked) == std::set<std::string>{"KL0102", "KL0109", "KL0501"});
}

TEST_CASE("strimzi: a topic naming a cluster that two files define is not linked, and that is said") {
  const char* topic = R"(apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaTopic
metadata:
  name: events
  labels:
    strimzi.io/cluster: prod
spec:
  replicas: 3
)";
  Audit a = auditWritten({{"dev/kafka.yaml", kKafka}, {"prod/kafka.yaml", kKafka}, {"topics/t.yaml", topic}});
  const Entity* t = findEntity(a.loaded.model, EntityKind::Topic, "events");
  REQUIRE(t != nullptr);
  CHECK(t->inheritsFrom == nullptr);
  REQUIRE(a.has("KL9008"));
}

TEST_CASE("strimzi: MirrorMaker 2 with replication factors -1 is a Connect worker and no false alarm") {
  const char* text = R"(apiVersion: kafka.strimzi.io/v1
kind: KafkaMirrorMaker2
metadata:
  name: mm2
spec:
  version: 3.8.0
  replicas: 1
  target:
    alias: b
    bootstrapServers: b-kafka-bootstrap:9092
    config:
      config.storage.replication.factor: -1
      offset.storage.replication.factor: 1
  mirrors:
  - source:
      alias: a
    sourceConnector:
      config:
        replication.factor: -1
)";
  Audit a = auditWritten({{"mm2.yaml", text}});
  INFO(a.describe());
  const Entity* worker = findEntity(a.loaded.model, EntityKind::Connect, "mm2");
  REQUIRE(worker != nullptr);
  CHECK(ruleIds(a) == std::set<std::string>{"KL0602", "KL9008"});
  REQUIRE(a.byRule("KL9008").size() == 1);
  const Finding& note = *a.byRule("KL9008").front();
  CHECK(note.location.line == 12);
  CHECK(note.message.find("config.storage.replication.factor, replication.factor") != std::string::npos);
}

TEST_CASE("strimzi: malformed resources are errors with file and line") {
  const char* badReplicas = R"(apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaTopic
metadata:
  name: events
spec:
  replicas: three
)";
  Audit a = auditWritten({{"topic.yaml", badReplicas}});
  REQUIRE(a.loaded.errors.size() == 1);
  CHECK(a.loaded.errors[0].line() == 6);
  CHECK(std::string(a.loaded.errors[0].what()).find("spec.replicas") != std::string::npos);
  CHECK(std::string(a.loaded.errors[0].what()).find("three") != std::string::npos);
  CHECK(a.loaded.model.entities.empty());

  const char* noSpecKafka =
      "apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata:\n  name: x\nspec:\n  "
      "zookeeper: {}\n";
  Audit b = auditWritten({{"kafka.yaml", noSpecKafka}});
  REQUIRE(b.loaded.errors.size() == 1);
  CHECK(std::string(b.loaded.errors[0].what()).find("spec.kafka") != std::string::npos);

  const char* badRole =
      "apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: p\nspec:\n  "
      "replicas: 3\n  roles: [brokers]\n";
  Audit c = auditWritten({{"pool.yaml", badRole}});
  REQUIRE(c.loaded.errors.size() == 1);
  CHECK(c.loaded.errors[0].line() == 7);

  Audit syntax = auditWritten({{"kafka.yaml", "apiVersion: kafka.strimzi.io/v1\nkind: [Kafka\n"}});
  REQUIRE(syntax.loaded.errors.size() == 1);
  CHECK(std::string(syntax.loaded.errors[0].what()).find("YAML syntax error") != std::string::npos);
}

TEST_CASE("strimzi: placeholders stay values and are reported as unverifiable") {
  const char* text = R"(apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: ${name}
spec:
  kafka:
    version: ${kafka_version}
    replicas: ${brokers}
    config:
      min.insync.replicas: ${min_isr}
)";
  Audit a = auditWritten({{"kafka.yaml.tpl", text}});
  INFO(a.describe());
  REQUIRE(a.loaded.errors.empty());
  CHECK(a.has("KL9004"));
  CHECK_FALSE(a.has("KL0102"));
}

TEST_CASE("strimzi: other YAML is not taken, and --kind strimzi says when a file is not Strimzi") {
  const char* deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n";
  Audit a = auditWritten({{"deploy.yaml", deployment}});
  CHECK(a.loaded.model.entities.empty());
  CHECK(a.loaded.errors.empty());
  Audit forced = auditWritten({{"deploy.yaml", deployment}}, "4.1", {{"strimzi", "deploy.yaml"}});
  REQUIRE(forced.loaded.errors.size() == 1);
  CHECK(std::string(forced.loaded.errors[0].what()).find("not a strimzi file") != std::string::npos);
}

}  // namespace
}  // namespace kafkalint::test
