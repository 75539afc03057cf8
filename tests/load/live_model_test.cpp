// A live cluster's snapshot becomes entities the rules read like files: provenance from the config
// source, replication factor from the metadata, and every check it could not make reported.
#include <doctest/doctest.h>

#include <set>

#include "kafkalint/cluster_snapshot.hpp"
#include "kafkalint/live.hpp"
#include "support.hpp"

namespace kafkalint::test {
namespace {

LiveConfig config(std::string name, std::string value, LiveConfig::Source source) {
  LiveConfig c;
  c.name = std::move(name);
  c.value = std::move(value);
  c.source = source;
  return c;
}

LiveBroker broker(std::int32_t id, std::string rack, std::vector<LiveConfig> configs = {}) {
  LiveBroker b;
  b.id = id;
  b.host = "127.0.0.1";
  b.port = 9092 + id;
  configs.push_back(config("min.insync.replicas", "2", LiveConfig::Source::StaticBroker));
  configs.push_back(config("default.replication.factor", "3", LiveConfig::Source::StaticBroker));
  configs.push_back(config("auto.create.topics.enable", "false", LiveConfig::Source::StaticBroker));
  configs.push_back(config("unclean.leader.election.enable", "false", LiveConfig::Source::Default));
  if (!rack.empty()) configs.push_back(config("broker.rack", rack, LiveConfig::Source::StaticBroker));
  b.configs = std::move(configs);
  return b;
}

// A topic whose partitions are fully in sync, replicas rotating over brokers 1..3.
LiveTopic topic(std::string name, int partitions, int rf, std::vector<LiveConfig> configs) {
  LiveTopic t;
  t.name = std::move(name);
  t.placement = std::make_shared<TopicPlacement>();
  for (int p = 0; p < partitions; ++p) {
    std::vector<std::int32_t> replicas;
    for (int r = 0; r < rf; ++r) replicas.push_back(1 + (p + r) % 3);
    t.placement->add(p, replicas[0], 0, replicas, replicas);
  }
  t.configs = std::move(configs);
  return t;
}

// A healthy three-broker, three-rack cluster with one safe topic.
ClusterSnapshot healthyCluster() {
  ClusterSnapshot s;
  s.bootstrap = "kafka-1:9092";
  s.clusterId = "prod-eu";
  s.controllerId = 1;
  s.brokers = {broker(1, "eu-1a"), broker(2, "eu-1b"), broker(3, "eu-1c")};
  s.topics.push_back(topic("orders", 6, 3,
                           {config("min.insync.replicas", "2", LiveConfig::Source::StaticBroker),
                            config("unclean.leader.election.enable", "false", LiveConfig::Source::Default)}));
  return s;
}

Audit auditSnapshot(ClusterSnapshot snapshot, const std::vector<std::pair<std::string, std::string>>& files = {}) {
  Audit a = files.empty() ? Audit{} : auditWritten(files);
  a.findings.clear();
  addSnapshotToModel(a.loaded.model, std::move(snapshot));
  linkConsumerGroups(a.loaded.model);
  Resolver resolver(ResolveOptions{*KafkaVersion::parse("3.7"), std::nullopt});
  a.findings = evaluate(a.loaded.model, builtinRules(), resolver);
  return a;
}

TEST_CASE("a healthy live cluster passes every rule") {
  Audit a = auditSnapshot(healthyCluster());
  INFO(a.describe());
  CHECK(a.findings.empty());
  const Entity* cluster = findEntity(a.loaded.model, EntityKind::Cluster, "prod-eu");
  REQUIRE(cluster != nullptr);
  CHECK(findSetting(*cluster, "broker.count")->value == "3");
  CHECK(findSetting(*cluster, "rack.count")->value == "3");
  REQUIRE(a.loaded.model.live.size() == 1);
  CHECK(a.loaded.model.live[0].racks.at(2) == "eu-1b");
}

TEST_CASE("live findings carry the config source as provenance and have no line") {
  ClusterSnapshot s = healthyCluster();
  s.topics[0].configs = {config("min.insync.replicas", "1", LiveConfig::Source::Default)};
  s.topics.push_back(topic("payments", 3, 3, {config("min.insync.replicas", "1", LiveConfig::Source::TopicOverride)}));
  Audit a = auditSnapshot(std::move(s));
  INFO(a.describe());
  // The override is the topic's own: reported on it.
  auto kl0202 = a.byRule("KL0202");
  REQUIRE(kl0202.size() == 1);
  CHECK(kl0202[0]->entityName == "payments");
  CHECK(kl0202[0]->location.line == 0);
  CHECK(a.loaded.model.files.path(kl0202[0]->location.file) == "kafka://kafka-1:9092");
  REQUIRE(kl0202[0]->effective.size() == 1);
  CHECK(kl0202[0]->effective[0].provenance.kind == ProvenanceKind::TopicOverride);
  // The inherited default reads as such wherever a rule reports it.
  const Entity* orders = findEntity(a.loaded.model, EntityKind::Topic, "orders");
  REQUIRE(orders != nullptr);
  Resolver resolver(ResolveOptions{*KafkaVersion::parse("3.7"), std::nullopt});
  EntityView view(resolver, *orders);
  const EffectiveValue& minIsr = view.get("min.insync.replicas");
  CHECK(minIsr.value.asInt() == 1);
  CHECK(describeProvenance(minIsr.provenance, a.loaded.model.files) ==
        "Kafka default; not set on the topic or the brokers");
}

TEST_CASE("a live topic's replication factor is its smallest partition's, from the metadata") {
  ClusterSnapshot s = healthyCluster();
  LiveTopic& t = s.topics[0];
  auto placement = std::make_shared<TopicPlacement>();
  const std::vector<std::int32_t> three = {1, 2, 3}, two = {2, 3};
  placement->add(0, 1, 0, three, three);
  placement->add(1, 2, 0, two, two);
  t.placement = placement;
  Audit a = auditSnapshot(std::move(s));
  const Entity* orders = findEntity(a.loaded.model, EntityKind::Topic, "orders");
  REQUIRE(orders != nullptr);
  const Setting* rf = findSetting(*orders, "replication.factor");
  REQUIRE(rf != nullptr);
  CHECK(rf->value == "2");
  CHECK(rf->origin == ProvenanceKind::ClusterMetadata);
  CHECK(rf->detail.find("2 to 3") != std::string::npos);
  CHECK(a.has("KL0201"));
}

TEST_CASE("a topic whose configs could not be read fails closed with the rules it kept from running") {
  ClusterSnapshot s = healthyCluster();
  s.topics[0].configs.clear();
  s.topics[0].configError = "TOPIC_AUTHORIZATION_FAILED (Topic authorization failed)";
  Audit a = auditSnapshot(std::move(s));
  INFO(a.describe());
  auto unverified = a.byRule("KL9009");
  REQUIRE(unverified.size() == 1);
  CHECK(unverified[0]->entityKind == EntityKind::Topic);
  CHECK(unverified[0]->message.find("TOPIC_AUTHORIZATION_FAILED") != std::string::npos);
  CHECK(unverified[0]->message.find("KL0202") != std::string::npos);
  // Not a pass from an inherited broker value, and not reported twice.
  CHECK_FALSE(a.has("KL9004"));
  CHECK_FALSE(a.has("KL0202"));
}

TEST_CASE("an unreachable cluster is one could-not-verify finding, not a pass") {
  ClusterSnapshot s;
  s.bootstrap = "kafka-1:9092";
  s.error = "could not read the cluster's metadata from kafka-1:9092 within 2 s: _TRANSPORT";
  Audit a = auditSnapshot(std::move(s));
  INFO(a.describe());
  REQUIRE(a.findings.size() == 1);
  CHECK(a.findings[0].ruleId == "KL9009");
  CHECK(a.findings[0].entityKind == EntityKind::Cluster);
  CHECK(a.findings[0].message.find("_TRANSPORT") != std::string::npos);
}

TEST_CASE("a broker down or not authorized leaves its configs and the cluster's racks unverified") {
  ClusterSnapshot s = healthyCluster();
  s.brokers[1].configs.clear();
  s.brokers[1].error = "CLUSTER_AUTHORIZATION_FAILED (Cluster authorization failed)";
  LiveBroker gone;
  gone.id = 7;
  gone.inMetadata = false;
  s.brokers.push_back(gone);
  Audit a = auditSnapshot(std::move(s));
  INFO(a.describe());
  std::set<std::string> unverified;
  for (const Finding* f : a.byRule("KL9009"))
    unverified.insert(std::string(entityKindId(f->entityKind)) + " " + f->entityName);
  CHECK(unverified == std::set<std::string>{"broker 2", "broker 7", "cluster prod-eu"});
  for (const Finding* f : a.byRule("KL9009")) {
    if (f->entityName == "prod-eu") CHECK(f->message.find("KL0501") != std::string::npos);
  }
  CHECK_FALSE(a.has("KL9004"));
  CHECK(findSetting(*findEntity(a.loaded.model, EntityKind::Cluster, "prod-eu"), "broker.count")->value == "4");
}

TEST_CASE("internal topics are checked like any other") {
  ClusterSnapshot s = healthyCluster();
  s.topics.push_back(
      topic("__consumer_offsets", 50, 1, {config("min.insync.replicas", "2", LiveConfig::Source::StaticBroker)}));
  s.topics.back().internal = true;
  Audit a = auditSnapshot(std::move(s));
  auto rf = a.byRule("KL0201");
  REQUIRE(rf.size() == 1);
  CHECK(rf[0]->entityName == "__consumer_offsets");
}

TEST_CASE("sensitive configs the cluster hides never reach the model") {
  ClusterSnapshot s = healthyCluster();
  LiveConfig secret;
  secret.name = "ssl.keystore.password";
  secret.sensitive = true;
  secret.source = LiveConfig::Source::StaticBroker;
  s.brokers[0].configs.push_back(secret);
  Audit a = auditSnapshot(std::move(s));
  CHECK(findSetting(*findEntity(a.loaded.model, EntityKind::Broker, "1"), "ssl.keystore.password") == nullptr);
}

TEST_CASE("a producer file is cross-checked with the live topic it writes to") {
  ClusterSnapshot s = healthyCluster();
  s.topics[0].configs = {config("min.insync.replicas", "1", LiveConfig::Source::TopicOverride)};
  Audit a = auditSnapshot(std::move(s), {{"cluster.yaml",
                                          "kafkalint: cluster-spec/v1\n"
                                          "cluster: {name: prod, brokers: 3}\n"
                                          "clients:\n"
                                          "  - name: checkout\n"
                                          "    kind: producer\n"
                                          "    config: {acks: all, enable.idempotence: true}\n"
                                          "    produces: [orders]\n"}});
  INFO(a.describe());
  auto kl0307 = a.byRule("KL0307");
  REQUIRE(kl0307.size() == 1);
  CHECK(kl0307[0]->message.find("orders") != std::string::npos);
}

TEST_CASE("a consumer file reads the topics its live group is assigned") {
  ClusterSnapshot s = healthyCluster();
  s.groups.push_back({"billing", "Stable", "consumer", 2, {"orders"}, ""});
  Audit a = auditSnapshot(std::move(s), {{"billing-consumer.properties",
                                          "bootstrap.servers=kafka-1:9092\ngroup.id=billing\n"
                                          "key.deserializer=x\nvalue.deserializer=y\n"}});
  const Entity* consumer = nullptr;
  for (const Entity& e : a.loaded.model.entities) {
    if (e.kind == EntityKind::Consumer) consumer = &e;
  }
  REQUIRE(consumer != nullptr);
  REQUIRE(consumer->consumes.size() == 1);
  CHECK(consumer->consumes[0].name == "orders");
}

TEST_CASE("consumer groups that could not be listed fail closed only when consumer files need them") {
  ClusterSnapshot s = healthyCluster();
  s.groupsError = "GROUP_AUTHORIZATION_FAILED (Group authorization failed)";
  CHECK_FALSE(auditSnapshot(s).has("KL9009"));
  Audit a = auditSnapshot(s, {{"c.properties", "group.id=billing\nkey.deserializer=x\nvalue.deserializer=y\n"}});
  INFO(a.describe());
  CHECK(a.has("KL9009"));
}

TEST_CASE("a consumer file's group that could not be described fails closed") {
  ClusterSnapshot s = healthyCluster();
  s.groups.push_back({"billing", "Unknown", "", 0, {}, "GROUP_AUTHORIZATION_FAILED (Group authorization failed)"});
  Audit a = auditSnapshot(s, {{"c.properties", "group.id=billing\nkey.deserializer=x\nvalue.deserializer=y\n"}});
  INFO(a.describe());
  auto unverified = a.byRule("KL9009");
  REQUIRE(unverified.size() == 1);
  CHECK(unverified[0]->message.find("consumer group billing") != std::string::npos);
  CHECK_FALSE(auditSnapshot(s).has("KL9009"));  // no consumer file needs it
}

}  // namespace
}  // namespace kafkalint::test
