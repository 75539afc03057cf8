// Topics as code: Jikkou, JulieOps and kafka-gitops files.
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

TEST_CASE("jikkou: topics, spec.configs at exact locations, -1 asks for the broker default") {
  const char* text = R"(apiVersion: "kafka.jikkou.io/v1beta2"
kind: KafkaTopic
metadata:
  name: orders
spec:
  partitions: 6
  replicas: -1
  configs:
    min.insync.replicas: 2
)";
  Audit a = auditWritten({{"topics.yaml", text}});
  INFO(a.describe());
  const Entity* t = findEntity(a.loaded.model, EntityKind::Topic, "orders");
  REQUIRE(t != nullptr);
  const Setting* minIsr = findSetting(*t, "min.insync.replicas");
  REQUIRE(minIsr != nullptr);
  CHECK(minIsr->keyLocation.line == 9);
  CHECK(minIsr->keyLocation.column == 5);
  CHECK(findSetting(*t, "replication.factor")->value == "-1");
  // RF -1 with no broker in view: the replication factor is the broker's, which is not shown
  // (KL0204), and at Kafka's default of 1 it would not exceed min ISR 2 (KL0205).
  CHECK(ruleIds(a) == std::set<std::string>{"KL0204", "KL0205"});
}

TEST_CASE("jikkou: configMapRefs are resolved in the same file and across files; the topic's own configs win") {
  const char* topics = R"(apiVersion: kafka.jikkou.io/v1
kind: KafkaTopic
metadata:
  name: orders
spec:
  replicas: 3
  configMapRefs: [shared]
  configs:
    retention.ms: 1000
)";
  const char* configMap = R"(apiVersion: core.jikkou.io/v1beta2
kind: ConfigMap
metadata:
  name: shared
data:
  min.insync.replicas: 1
  retention.ms: 5000
)";
  Audit a = auditWritten({{"topics.yaml", topics}, {"shared/config.yaml", configMap}});
  INFO(a.describe());
  const Entity* t = findEntity(a.loaded.model, EntityKind::Topic, "orders");
  REQUIRE(t != nullptr);
  const Setting* minIsr = findSetting(*t, "min.insync.replicas");
  REQUIRE(minIsr != nullptr);
  CHECK(a.loaded.model.files.path(minIsr->keyLocation.file).ends_with("shared/config.yaml"));
  CHECK(minIsr->keyLocation.line == 6);
  CHECK(findSetting(*t, "retention.ms")->value == "1000");
  CHECK(ruleIds(a) == std::set<std::string>{"KL0202"});

  Audit missing = auditWritten({{"topics.yaml", topics}});
  CHECK(ruleIds(missing) == std::set<std::string>{"KL0203", "KL9008"});
  CHECK(missing.byRule("KL9008").front()->location.line == 7);
}

TEST_CASE("jikkou: a configs block beside spec is reported as ignored, not applied") {
  const char* text = R"(apiVersion: kafka.jikkou.io/v1
kind: KafkaTopicList
items:
  - metadata:
      name: a
    spec:
      replicas: 3
    configs:
      min.insync.replicas: 2
)";
  Audit a = auditWritten({{"topics.yaml", text}});
  INFO(a.describe());
  const Entity* t = findEntity(a.loaded.model, EntityKind::Topic, "a");
  REQUIRE(t != nullptr);
  CHECK(findSetting(*t, "min.insync.replicas") == nullptr);
  REQUIRE(a.has("KL9007"));
  CHECK(a.byRule("KL9007").front()->location.line == 8);
  CHECK(a.has("KL0203"));
}

TEST_CASE("jikkou: malformed topics are errors with line") {
  const char* text =
      "apiVersion: kafka.jikkou.io/v1\nkind: KafkaTopic\nmetadata:\n  name: a\nspec:\n  replicas: three\n";
  Audit a = auditWritten({{"topics.yaml", text}});
  REQUIRE(a.loaded.errors.size() == 1);
  CHECK(a.loaded.errors[0].line() == 6);
  const char* list = "apiVersion: kafka.jikkou.io/v1\nkind: KafkaTopicList\nitems:\n  - spec: {replicas: 3}\n";
  Audit b = auditWritten({{"topics.yaml", list}});
  REQUIRE(b.loaded.errors.size() == 1);
  CHECK(std::string(b.loaded.errors[0].what()).find("metadata") != std::string::npos);
}

TEST_CASE("julieops: topic names follow context.<fields>.project.topic[.dataType]; RF and partitions from config") {
  const char* text = R"(context: "ctx"
source: "src"
projects:
  - name: "p"
    topics:
      - name: "t"
        dataType: "avro"
        plan: "gold"
        config:
          replication.factor: "3"
          num.partitions: "6"
          min.insync.replicas: "2"
)";
  Audit a = auditWritten({{"topology.yaml", text}});
  INFO(a.describe());
  const Entity* t = findEntity(a.loaded.model, EntityKind::Topic, "ctx.src.p.t.avro");
  REQUIRE(t != nullptr);
  CHECK(findSetting(*t, "partitions")->value == "6");
  const Setting* rf = findSetting(*t, "replication.factor");
  REQUIRE(rf != nullptr);
  CHECK(rf->keyLocation.line == 10);
  CHECK(rf->valueLocation.column == 31);
  CHECK(ruleIds(a) == std::set<std::string>{"KL9008"});  // only the plans file is missing
  CHECK(a.byRule("KL9008").front()->location.line == 8);

  Audit bad = auditWritten({{"topology.yaml",
                             "context: c\nprojects:\n  - name: p\n    topics:\n      - name: t\n"
                             "        config:\n          replication.factor: \"one\"\n"}});
  REQUIRE(bad.loaded.errors.size() == 1);
  CHECK(bad.loaded.errors[0].line() == 7);
}

TEST_CASE("kafka-gitops: topics, configs, and settings.topics.defaults.replication for topics without their own") {
  const char* text = R"(settings:
  topics:
    defaults:
      replication: 3
topics:
  a:
    partitions: 6
  b:
    partitions: 6
    replication: 1
    configs:
      min.insync.replicas: 1
)";
  Audit a = auditWritten({{"state.yaml", text}});
  INFO(a.describe());
  const Entity* ta = findEntity(a.loaded.model, EntityKind::Topic, "a");
  const Entity* tb = findEntity(a.loaded.model, EntityKind::Topic, "b");
  REQUIRE(ta != nullptr);
  REQUIRE(tb != nullptr);
  CHECK(findSetting(*ta, "replication.factor")->value == "3");
  CHECK(findSetting(*ta, "replication.factor")->valueLocation.line == 4);
  CHECK(findSetting(*tb, "replication.factor")->value == "1");
  CHECK(ruleIds(a) == std::set<std::string>{"KL0201", "KL0202", "KL0203"});

  Audit bad = auditWritten({{"state.yaml", "topics:\n  a:\n    partitions: many\n"}});
  REQUIRE(bad.loaded.errors.size() == 1);
  CHECK(bad.loaded.errors[0].line() == 3);
}

TEST_CASE("topics as code: other YAML with topics or projects is not taken") {
  for (const char* text : {
           "topics:\n  a:\n    partitions: 1\nbrokers: [a, b]\n",    // an unknown root key
           "topics:\n  a:\n    name: x\n",                           // an unknown topic key
           "projects:\n  - name: p\n",                               // no context
           "apiVersion: v1\nkind: ConfigMap\ndata:\n  topics: a\n",  // a Kubernetes ConfigMap
       }) {
    CAPTURE(text);
    Audit a = auditWritten({{"file.yaml", text}});
    CHECK(a.loaded.model.entities.empty());
    CHECK(a.loaded.errors.empty());
  }
}

}  // namespace
}  // namespace kafkalint::test
