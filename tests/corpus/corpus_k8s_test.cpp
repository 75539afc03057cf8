// Real-world Strimzi resources, Helm values and topics-as-code files from ../shared/corpus (see
// its PROVENANCE.md): each file alone, as the CLI reads it, gives exactly these rules. Where the
// expectation differs from PROVENANCE's note, the comment says why.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "support.hpp"

namespace kafkalint::test {
namespace {

struct CorpusCase {
  const char* file;
  std::set<std::string> rules;  // exactly the rules that must fire
  const char* why;
};

const CorpusCase kCases[] = {
    // --- strimzi/
    {"strimzi/querium-was-kafka.yaml.tpl",
     {"KL0104", "KL0109", "KL0113", "KL0501"},
     "min.insync.replicas 3 = RF 3 = brokers 3: one broker down stops acks=all writes (KL0104, KL0113); the "
     "${name} placeholders are in names, not in values; also auto-create on by default and no racks"},
    {"strimzi/querium-was-legacy-kafka-persistent.yaml",
     {"KL0102", "KL0103", "KL0105", "KL0106", "KL0107", "KL0109", "KL0501"},
     "3 brokers with offsets/transaction RF 1 and txn min ISR 1; default RF 1 and min ISR 1 (Kafka 2.8)"},
    {"strimzi/querium-was-legacy-kafka-topics.yaml",
     {"KL0203"},
     "RF 3 topics without min.insync.replicas, their Kafka not in this file: the broker value is not in view"},
    {"strimzi/strimzi-0.20.0-kafka-persistent-zk.yaml",
     {"KL0102", "KL0103", "KL0109", "KL0501"},
     "3 brokers, no default.replication.factor / min.insync.replicas: Kafka 2.6 defaults 1 / 1"},
    // PROVENANCE: "-1 = broker default, unknown here -> INFO/WARN". The Connect rules accept -1; the
    // unknown broker default is one KL9008 warning naming every -1 key.
    {"strimzi/strimzi-kafka-mirror-maker-2.yaml", {"KL9008"}, "replication factors -1: the target's default"},
    // Negative control: no error. The two warnings are true of the file: auto.create.topics.enable is
    // left at its default (true), and 3 brokers have no rack (no spec.kafka.rack). PROVENANCE's "OK"
    // is about replication, which is clean: RF 3, min ISR 2 on 3 brokers from the broker pool only.
    {"strimzi/strimzi-kafka-persistent.yaml", {"KL0109", "KL0501"}, "negative control: no durability error"},
    {"strimzi/strimzi-kafka-single-node.yaml",
     {"KL0102", "KL0103", "KL0105", "KL0106", "KL0107", "KL0109"},
     "single dual-role node, RF 1 and min ISR 1 written explicitly; one broker: no rack warning"},
    {"strimzi/strimzi-kafka-topic.yaml", {"KL0201", "KL0203"}, "topic RF 1; min ISR from brokers not in view"},
    {"strimzi/strimzi-scram-topic.yaml", {"KL0203"}, "RF 3, min ISR falls back to a broker value not in view"},
    // --- helm/
    {"helm/bitnami-kafka-values-2021.yaml",
     {"KL0102", "KL0103", "KL0105", "KL0106", "KL0107", "KL0109"},
     "camelCase keys: RF 1 everywhere, txn min ISR 1, auto-create on; 1 broker so no rack warning"},
    // PROVENANCE also names provisioning.replicationFactor 1: with provisioning disabled and no topics
    // listed, no topic gets it, so there is nothing to report for it.
    {"helm/bitnami-kafka-values-current.yaml",
     {"KL0102", "KL0103", "KL0109", "KL0501"},
     "3 combined controller+broker nodes with Kafka 4.0 defaults RF 1 / min ISR 1"},
    {"helm/bitnami-kafka-values-production-2021.yaml",
     {"KL0102", "KL0108", "KL0501"},
     "min ISR default 1 with RF 3; txn min ISR 3 = txn RF 3; 3 brokers without racks"},
    {"helm/confluent-cp-helm-charts-cp-kafka-values.yaml",
     {"KL0102", "KL0103", "KL0109", "KL0501"},
     "3 brokers; default RF and min ISR are commented out, so the defaults 1 / 1 apply"},
    // --- topics-as-code/ (the two .tf files are Terraform, which kafkalint does not read)
    {"topics-as-code/jikkou-kafka-topic-list.yaml",
     {"KL0201", "KL0202", "KL0203", "KL9007"},
     "RF 1 twice; the first topic's configs sit beside spec and are ignored by Jikkou"},
    {"topics-as-code/jikkou-kafka-topics-and-configmap.yaml",
     {"KL0201", "KL0202"},
     "RF 1; min ISR 1 comes through configMapRefs: TopicConfig"},
    {"topics-as-code/jikkou-kafka-topics.yaml", {"KL0201", "KL0202"}, "RF 1, min ISR 1"},
    {"topics-as-code/julieops-descriptor-with-plans.yaml",
     {"KL0201", "KL0203", "KL9008"},
     "RF 1; plans gold/silver are in a plans file not in the input"},
    {"topics-as-code/julieops-descriptor.yaml", {"KL0201", "KL0203"}, "RF \"1\" as a topic config string"},
    {"topics-as-code/kafka-gitops-ccloud-topics.yaml", {"KL0203"}, "RF 3; min ISR not in view"},
    {"topics-as-code/kafka-gitops-default-replication.yaml",
     {"KL0201", "KL0203"},
     "RF 2 from settings.topics.defaults.replication"},
    // PROVENANCE also wants a warning for retention.ms 60000: retention is not a replication or
    // acknowledgement setting, and no rule checks it.
    {"topics-as-code/kafka-gitops-seed-topic-modification.yaml", {"KL0201", "KL0203"}, "RF 2 on both topics"},
};

std::string corpus(const std::string& file) { return sharedDir() + "/corpus/" + file; }

TEST_CASE("corpus (Strimzi, Helm, topics as code): each file gives the findings an operator expects") {
  for (const CorpusCase& c : kCases) {
    CAPTURE(c.file);
    CAPTURE(c.why);
    Audit a = auditPaths({corpus(c.file)});
    INFO(a.describe());
    REQUIRE(a.loaded.model.inputs.size() == 1);
    CHECK(a.loaded.model.inputs[0].status == InputRecord::Status::Checked);
    std::set<std::string> fired;
    for (const Finding& f : a.findings) fired.insert(f.ruleId);
    CHECK(fired == c.rules);
    CHECK(a.loaded.errors.empty());
  }
}

TEST_CASE("corpus: every YAML file of the three directories is covered above") {
  std::set<std::string> covered;
  for (const CorpusCase& c : kCases) covered.insert(c.file);
  for (const char* dir : {"strimzi", "helm", "topics-as-code"}) {
    for (const auto& entry : std::filesystem::directory_iterator(corpus(dir))) {
      const std::string name = std::string(dir) + "/" + entry.path().filename().string();
      if (entry.path().extension() == ".tf") continue;  // Terraform: not read
      CAPTURE(name);
      CHECK(covered.count(name) == 1);
    }
  }
}

// Facts behind the findings: names, replication factors, broker counts, locations.
TEST_CASE("corpus: Strimzi facts") {
  {
    Audit a = auditPaths({corpus("strimzi/strimzi-kafka-persistent.yaml")});
    const Entity* cluster = findEntity(a.loaded.model, EntityKind::Cluster, "my-cluster");
    REQUIRE(cluster != nullptr);
    // 3 controllers + 3 brokers: only the broker pool counts, and no pool is a replication factor.
    CHECK(findSetting(*cluster, "broker.count")->value == "3");
    CHECK(findSetting(*cluster, "broker.count")->valueLocation.line == 27);
    const Entity* broker = findEntity(a.loaded.model, EntityKind::Broker, "my-cluster brokers");
    REQUIRE(broker != nullptr);
    CHECK(broker->kafkaVersion->str() == "4.3.1");
    CHECK(findSetting(*broker, "min.insync.replicas")->valueLocation.line == 61);
    CHECK_FALSE(a.has("KL0112"));
    CHECK_FALSE(a.has("KL0113"));
  }
  {
    Audit a = auditPaths({corpus("strimzi/querium-was-kafka.yaml.tpl")});
    const Entity* broker = findEntity(a.loaded.model, EntityKind::Broker, "${name} brokers");
    REQUIRE(broker != nullptr);
    CHECK(broker->kafkaVersion->str() == "3.4");
    REQUIRE(a.byRule("KL0113").size() == 1);
    CHECK(a.byRule("KL0113").front()->location.line == 40);
  }
  {
    Audit a = auditPaths({corpus("strimzi/strimzi-kafka-topic.yaml")});
    const Entity* topic = findEntity(a.loaded.model, EntityKind::Topic, "my-topic");
    REQUIRE(topic != nullptr);
    CHECK(findSetting(*topic, "replication.factor")->value == "1");
    REQUIRE(a.byRule("KL0201").size() == 1);
    CHECK(a.byRule("KL0201").front()->location.line == 9);
  }
  {
    // MirrorMaker 2: -1 is the broker default, never "RF below 3".
    Audit a = auditPaths({corpus("strimzi/strimzi-kafka-mirror-maker-2.yaml")});
    REQUIRE(findEntity(a.loaded.model, EntityKind::Connect, "my-mirror-maker-2") != nullptr);
    REQUIRE(a.byRule("KL9008").size() == 1);
    const std::string& message = a.byRule("KL9008").front()->message;
    CHECK(message.find("offset-syncs.topic.replication.factor") != std::string::npos);
    CHECK(message.find("checkpoints.topic.replication.factor") != std::string::npos);
    CHECK(message.find("cluster-b") != std::string::npos);
  }
}

TEST_CASE("corpus: the legacy topics are linked to their Kafka when both files are audited together") {
  Audit a = auditPaths({corpus("strimzi/querium-was-legacy-kafka-persistent.yaml"),
                        corpus("strimzi/querium-was-legacy-kafka-topics.yaml")});
  INFO(a.describe());
  const Entity* broker = findEntity(a.loaded.model, EntityKind::Broker, "kafka-persistent brokers");
  std::size_t topics = 0;
  for (const Entity& e : a.loaded.model.entities) {
    if (e.kind != EntityKind::Topic) continue;
    ++topics;
    CHECK(e.inheritsFrom == broker);
    CHECK(e.kafkaVersion->str() == "2.8");
  }
  CHECK(topics == 3);
  // The inherited min.insync.replicas=1 is reported once, on the broker, instead of per topic.
  CHECK_FALSE(a.has("KL0203"));
  CHECK(a.byRule("KL0102").size() == 1);
}

TEST_CASE("corpus: Helm facts") {
  {
    Audit a = auditPaths({corpus("helm/bitnami-kafka-values-2021.yaml")});
    const Entity* broker = findEntity(a.loaded.model, EntityKind::Broker, "bitnami-kafka-values-2021.yaml brokers");
    REQUIRE(broker != nullptr);
    CHECK(broker->kafkaVersion->str() == "2.7");
    CHECK(findSetting(*broker, "default.replication.factor")->keyLocation.line == 153);
    CHECK(findSetting(*broker, "log.retention.bytes")->value == "1073741824");
  }
  {
    Audit a = auditPaths({corpus("helm/bitnami-kafka-values-current.yaml")});
    const Entity* cluster = findEntity(a.loaded.model, EntityKind::Cluster, "bitnami-kafka-values-current.yaml");
    REQUIRE(cluster != nullptr);
    CHECK(findSetting(*cluster, "broker.count")->value == "3");  // controller.replicaCount 3 + broker.replicaCount 0
  }
  {
    Audit a = auditPaths({corpus("helm/bitnami-kafka-values-production-2021.yaml")});
    REQUIRE(a.byRule("KL0108").size() == 1);
    CHECK(a.byRule("KL0108").front()->location.line == 165);
  }
  {
    Audit a = auditPaths({corpus("helm/confluent-cp-helm-charts-cp-kafka-values.yaml")});
    const Entity* broker =
        findEntity(a.loaded.model, EntityKind::Broker, "confluent-cp-helm-charts-cp-kafka-values.yaml brokers");
    REQUIRE(broker != nullptr);
    CHECK(findSetting(*broker, "offsets.topic.replication.factor")->keyLocation.line == 45);
    // Commented out in the file: not settings.
    CHECK(findSetting(*broker, "default.replication.factor") == nullptr);
    CHECK(findSetting(*broker, "min.insync.replicas") == nullptr);
    CHECK(broker->kafkaVersion->str() == "2.7");  // Confluent Platform 6.1
  }
}

TEST_CASE("corpus: topics-as-code facts") {
  {
    Audit a = auditPaths({corpus("topics-as-code/jikkou-kafka-topic-list.yaml")});
    const Entity* first = findEntity(a.loaded.model, EntityKind::Topic, "my-topic-p3-r1");
    REQUIRE(first != nullptr);
    CHECK(findSetting(*first, "min.insync.replicas") == nullptr);  // misplaced: Jikkou ignores it
    REQUIRE(a.byRule("KL9007").size() == 1);
    CHECK(a.byRule("KL9007").front()->location.line == 13);
  }
  {
    Audit a = auditPaths({corpus("topics-as-code/jikkou-kafka-topics-and-configmap.yaml")});
    for (const char* name : {"my-topic-p3-r1", "my-topic-p4-r1"}) {
      const Entity* t = findEntity(a.loaded.model, EntityKind::Topic, name);
      REQUIRE(t != nullptr);
      CHECK(findSetting(*t, "min.insync.replicas")->keyLocation.line == 31);  // from the ConfigMap
    }
  }
  {
    Audit a = auditPaths({corpus("topics-as-code/julieops-descriptor.yaml")});
    std::set<std::string> names;
    for (const Entity& e : a.loaded.model.entities) names.insert(e.name);
    CHECK(names == std::set<std::string>{
                       "context.company.env.source.projectA.foo", "context.company.env.source.projectA.bar.avro",
                       "context.company.env.source.projectB.bar.avro", "context.company.env.source.projectC.topicE",
                       "context.company.env.source.projectC.topicF"});
    CHECK(a.byRule("KL0201").size() == 5);
  }
  {
    Audit a = auditPaths({corpus("topics-as-code/julieops-descriptor-with-plans.yaml")});
    CHECK(a.byRule("KL9008").size() == 3);  // fooBar (silver), barFoo and barFooBar (gold)
  }
  {
    Audit a = auditPaths({corpus("topics-as-code/kafka-gitops-default-replication.yaml")});
    const Entity* t = findEntity(a.loaded.model, EntityKind::Topic, "test-topic");
    REQUIRE(t != nullptr);
    CHECK(findSetting(*t, "replication.factor")->value == "2");
    CHECK(findSetting(*t, "replication.factor")->valueLocation.line == 4);
  }
}

}  // namespace
}  // namespace kafkalint::test
