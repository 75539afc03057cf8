// The Helm values reader: Bitnami kafka (both layouts) and Confluent cp-kafka.
#include <doctest/doctest.h>

#include <set>

#include "support.hpp"

namespace kafkalint::test {
namespace {

std::set<std::string> ruleIds(const Audit& a) {
  std::set<std::string> out;
  for (const Finding& f : a.findings) out.insert(f.ruleId);
  return out;
}

const char* const kBitnamiLegacy = R"(image:
  registry: docker.io
  repository: bitnami/kafka
  tag: 2.8.1-debian-10-r0
replicaCount: 3
defaultReplicationFactor: 3
offsetsTopicReplicationFactor: 3
transactionStateLogMinIsr: 2
autoCreateTopicsEnable: false
logRetentionBytes: _1073741824
extraEnvVars:
  - name: KAFKA_CFG_MIN_INSYNC_REPLICAS
    value: "2"
)";

TEST_CASE("helm: Bitnami camelCase keys become broker settings at their own lines") {
  Audit a = auditWritten({{"values.yaml", kBitnamiLegacy}});
  INFO(a.describe());
  REQUIRE(a.loaded.errors.empty());
  const Entity* broker = findEntity(a.loaded.model, EntityKind::Broker, "values.yaml brokers");
  REQUIRE(broker != nullptr);
  REQUIRE(broker->kafkaVersion.has_value());
  CHECK(broker->kafkaVersion->str() == "2.8.1");
  const Setting* rf = findSetting(*broker, "default.replication.factor");
  REQUIRE(rf != nullptr);
  CHECK(rf->keyLocation.line == 6);
  CHECK(rf->keyLocation.column == 1);
  CHECK(rf->valueLocation.column == 27);
  CHECK(findSetting(*broker, "log.retention.bytes")->value == "1073741824");
  const Setting* minIsr = findSetting(*broker, "min.insync.replicas");
  REQUIRE(minIsr != nullptr);
  CHECK(minIsr->value == "2");
  CHECK(minIsr->valueLocation.line == 13);
  const Entity* cluster = findEntity(a.loaded.model, EntityKind::Cluster, "values.yaml");
  CHECK(findSetting(*cluster, "broker.count")->value == "3");
  CHECK(ruleIds(a) == std::set<std::string>{"KL0501"});
}

TEST_CASE("helm: a Bitnami config block replaces the generated server.properties; the camelCase keys are ignored") {
  std::string text = kBitnamiLegacy;
  text += "config: |-\n  default.replication.factor=1\n  min.insync.replicas=2\n";
  Audit a = auditWritten({{"values.yaml", text}});
  INFO(a.describe());
  const Entity* broker = findEntity(a.loaded.model, EntityKind::Broker, "values.yaml brokers");
  const Setting* rf = findSetting(*broker, "default.replication.factor");
  REQUIRE(rf != nullptr);
  CHECK(rf->value == "1");
  CHECK(rf->keyLocation.line == 15);
  CHECK(rf->keyLocation.column == 3);
  CHECK(findSetting(*broker, "offsets.topic.replication.factor") == nullptr);
  REQUIRE(a.has("KL9007"));
  CHECK(a.byRule("KL9007").front()->message.find("defaultReplicationFactor") != std::string::npos);
  CHECK(a.has("KL0103"));
}

TEST_CASE("helm: Bitnami KRaft layout counts combined controller nodes as brokers") {
  const char* text = R"(image:
  repository: bitnami/kafka
  tag: 3.9.0
overrideConfiguration:
  min.insync.replicas: 2
  default.replication.factor: 3
existingConfigmap: ""
controller:
  replicaCount: 3
  controllerOnly: false
broker:
  replicaCount: 2
  overrideConfiguration:
    default.replication.factor: 5
provisioning:
  replicationFactor: 2
  topics:
    - name: orders
    - name: audit
      replicationFactor: 3
)";
  Audit a = auditWritten({{"values.yaml", text}});
  INFO(a.describe());
  REQUIRE(a.loaded.errors.empty());
  const Entity* cluster = findEntity(a.loaded.model, EntityKind::Cluster, "values.yaml");
  CHECK(findSetting(*cluster, "broker.count")->value == "5");
  const Entity* combined = findEntity(a.loaded.model, EntityKind::Broker, "values.yaml controller+broker nodes");
  const Entity* brokers = findEntity(a.loaded.model, EntityKind::Broker, "values.yaml broker nodes");
  REQUIRE(combined != nullptr);
  REQUIRE(brokers != nullptr);
  CHECK(findSetting(*combined, "default.replication.factor")->value == "3");
  CHECK(findSetting(*brokers, "default.replication.factor")->value == "5");  // the group's override wins
  const Entity* orders = findEntity(a.loaded.model, EntityKind::Topic, "orders");
  REQUIRE(orders != nullptr);
  CHECK(findSetting(*orders, "replication.factor")->value == "2");  // provisioning.replicationFactor
  CHECK(findSetting(*orders, "replication.factor")->keyLocation.line == 16);
  // The group's override replaces the common value: not a duplicate key. orders: RF 2 with the
  // inherited min ISR 2.
  CHECK(ruleIds(a) == std::set<std::string>{"KL0109", "KL0201", "KL0205", "KL0501"});

  // Dedicated controllers host no partitions.
  std::string dedicated = text;
  dedicated.replace(dedicated.find("controllerOnly: false"), 21, "controllerOnly: true");
  Audit b = auditWritten({{"values.yaml", dedicated}});
  CHECK(findSetting(*findEntity(b.loaded.model, EntityKind::Cluster, "values.yaml"), "broker.count")->value == "2");
  CHECK(findEntity(b.loaded.model, EntityKind::Broker, "values.yaml controller+broker nodes") == nullptr);
}

TEST_CASE("helm: cp-kafka configurationOverrides and brokers; commented lines do not count") {
  const char* text = R"(brokers: 3
image: confluentinc/cp-enterprise-kafka
imageTag: 7.6.0
heapOptions: "-Xms512M -Xmx512M"
configurationOverrides:
  "offsets.topic.replication.factor": "3"
  # "min.insync.replicas": 2
  "default.replication.factor": "3"
customEnv:
  KAFKA_MIN_INSYNC_REPLICAS: "2"
  KAFKA_HEAP_OPTS: "-Xmx1g"
)";
  Audit a = auditWritten({{"values.yaml", text}});
  INFO(a.describe());
  const Entity* broker = findEntity(a.loaded.model, EntityKind::Broker, "values.yaml brokers");
  REQUIRE(broker != nullptr);
  REQUIRE(broker->kafkaVersion.has_value());
  CHECK(broker->kafkaVersion->str() == "3.6");  // Confluent Platform 7.6
  const Setting* rf = findSetting(*broker, "default.replication.factor");
  REQUIRE(rf != nullptr);
  CHECK(rf->keyLocation.line == 8);
  CHECK(findSetting(*broker, "min.insync.replicas")->valueLocation.line == 10);
  CHECK(findSetting(*broker, "heap.opts") == nullptr);
  CHECK(ruleIds(a) == std::set<std::string>{"KL0109", "KL0501"});
}

TEST_CASE("helm: cp-kafka customEnv follows the Confluent images' spelling, as compose services do") {
  // '__' is '-' and '___' is '_' (the chart once read them the other way round).
  const char* text = R"(brokers: 3
image: confluentinc/cp-kafka
imageTag: 7.6.0
customEnv:
  KAFKA_CONFLUENT_BALANCER_HEAL__BROKER__FAILURE__THRESHOLD__MS: "-1"
  KAFKA_LOG_MESSAGE_TIMESTAMP_AFTER___MAX_MS: "1000"
  KAFKA_JMX_PORT: "9999"
)";
  Audit a = auditWritten({{"values.yaml", text}});
  INFO(a.describe());
  const Entity* broker = findEntity(a.loaded.model, EntityKind::Broker, "values.yaml brokers");
  REQUIRE(broker != nullptr);
  CHECK(findSetting(*broker, "confluent.balancer.heal-broker-failure-threshold-ms") != nullptr);
  CHECK(findSetting(*broker, "log.message.timestamp.after_max.ms") != nullptr);
  CHECK(findSetting(*broker, "jmx.port") == nullptr);  // the launcher's, not the broker's
}

TEST_CASE("helm: malformed chart values are errors with line; unrelated YAML is not taken") {
  std::string bad = kBitnamiLegacy;
  bad.replace(bad.find("replicaCount: 3"), 15, "replicaCount: three");
  Audit a = auditWritten({{"values.yaml", bad}});
  REQUIRE(a.loaded.errors.size() == 1);
  CHECK(a.loaded.errors[0].line() == 5);
  CHECK(std::string(a.loaded.errors[0].what()).find("replicaCount") != std::string::npos);

  // Values of another chart with a replicaCount and an image are not Kafka chart values.
  const char* nginx = "replicaCount: 2\nimage:\n  repository: nginx\n  tag: 1.25\nservice:\n  port: 80\nbrokers: 3\n";
  Audit b = auditWritten({{"values.yaml", nginx}});
  CHECK(b.loaded.model.entities.empty());
  CHECK(b.loaded.errors.empty());
}

}  // namespace
}  // namespace kafkalint::test
