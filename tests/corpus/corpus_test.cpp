// Real-world configuration files from ../shared/corpus (see its PROVENANCE.md): the findings an
// experienced operator expects, file by file, and no others.
#include <doctest/doctest.h>

#include <set>

#include "support.hpp"

namespace kafkalint::test {
namespace {

struct CorpusCase {
  const char* file;
  const char* version;
  std::set<std::string> rules;  // exactly the rules that must fire
  const char* why;
};

const CorpusCase kCases[] = {
    {"broker/apache-kafka-0.8.2.2-server.properties",
     "0.8.2",
     {"KL0101", "KL0102", "KL0103", "KL0109"},
     "defaults of that era: RF 1, min ISR 1, unclean election on"},
    {"broker/apache-kafka-0.8.2.2-server.properties",
     "4.1",
     {"KL0102", "KL0103", "KL0109", "KL9001"},
     "on Kafka 4.1: port and zookeeper.* no longer exist"},
    {"broker/apache-kafka-connect-distributed.properties",
     "3.8",
     {"KL0601", "KL0602", "KL0603"},
     "Connect internal topics with RF 1"},
    {"broker/apache-kafka-kraft-broker.properties",
     "4.1",
     {"KL0102", "KL0103", "KL0105", "KL0106", "KL0107", "KL0109", "KL0110", "KL0111"},
     "RF 1 internal topics, default RF 1 and min ISR 1"},
    {"broker/apache-kafka-kraft-controller.properties", "4.1", {}, "a controller-only node hosts no partitions"},
    {"broker/apache-kafka-kraft-server.properties",
     "4.1",
     {"KL0102", "KL0103", "KL0105", "KL0106", "KL0107", "KL0109", "KL0110", "KL0111"},
     "single combined node: RF 1 everywhere"},
    {"broker/apache-kafka-server.properties",
     "3.8",
     {"KL0102", "KL0103", "KL0105", "KL0106", "KL0107", "KL0109"},
     "ZooKeeper-mode dev config: RF 1 internal topics, defaults RF 1 / min ISR 1; unclean off by default"},
    {"broker/ansible-kafka-server.properties.j2",
     "3.8",
     {"KL0102", "KL9001", "KL9004"},
     "template: durability values unresolved; no min.insync.replicas key at all"},
    {"broker/ansible-kafka-defaults-001-kafka.yml",
     "3.8",
     {"KL9005"},
     "Ansible role variables (kafka_default_replication_factor...), not a Kafka config: kafkalint does not "
     "evaluate Ansible variables, and says that it did not check the file"},
    {"client/apache-kafka-0.8.2.2-producer-legacy.properties",
     "0.8.2",
     {"KL0301", "KL0701"},
     "Scala producer: request.required.acks defaults to 0"},
    {"client/apache-kafka-consumer.properties", "3.8", {"KL0401", "KL0402"}, "auto-commit and latest by default"},
    {"client/apache-kafka-producer.properties", "3.8", {}, "Java client 3.x defaults: acks=all, idempotence on"},
    {"client/apache-kafka-producer.properties", "2.8", {"KL0301", "KL0304"}, "Java client 2.8: acks=1, no idempotence"},
    {"client/apache-kafka-producer.properties",
     "2.0",
     {"KL0301", "KL0302", "KL0304"},
     "Java client 2.0: retries=0 too"},
    {"client/confluent-examples-ccloud-java.config",
     "3.8",
     {"KL0402"},
     "shared client file: producer fine; a consumer without group.id does not auto-commit"},
    {"client/confluent-examples-ccloud-librdkafka.config",
     "3.8",
     {"KL0304", "KL0401", "KL0402"},
     "librdkafka defaults: idempotence off, auto-commit on, latest"},
    {"client/confluent-examples-librdkafka.delta",
     "3.8",
     {"KL0304", "KL0401", "KL0402"},
     "quoted values are literal; librdkafka defaults"},
};

TEST_CASE("corpus files give the findings an operator expects, and nothing else") {
  for (const CorpusCase& c : kCases) {
    CAPTURE(c.file);
    CAPTURE(c.version);
    CAPTURE(c.why);
    const std::string text = readFile(sharedDir() + "/corpus/" + c.file);
    REQUIRE_FALSE(text.empty());
    Audit a = audit(text, {.name = c.file, .version = c.version});
    INFO(a.describe());
    std::set<std::string> fired;
    for (const Finding& f : a.findings) fired.insert(f.ruleId);
    CHECK(fired == c.rules);
    CHECK(a.loaded.errors.empty());
  }
}

TEST_CASE("corpus: classification of the properties-format files") {
  auto kinds = [](const char* file) {
    Audit a = audit(readFile(sharedDir() + "/corpus/" + file), {.name = file});
    std::vector<std::string> out;
    for (const Entity& e : a.loaded.model.entities) out.push_back(std::string(entityKindId(e.kind)) + "/" + e.dialect);
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(kinds("broker/apache-kafka-kraft-controller.properties") == V{"controller/java"});
  CHECK(kinds("broker/apache-kafka-connect-distributed.properties") == V{"connect/java"});
  CHECK(kinds("client/apache-kafka-0.8.2.2-producer-legacy.properties") == V{"producer/scala"});
  CHECK(kinds("client/confluent-examples-librdkafka.delta") == V{"producer/librdkafka", "consumer/librdkafka"});
  CHECK(kinds("client/confluent-examples-ccloud-java.config") == V{"producer/java", "consumer/java"});
}

TEST_CASE("corpus: the template file's unresolved values are named, one finding per key") {
  Audit a = audit(readFile(sharedDir() + "/corpus/broker/ansible-kafka-server.properties.j2"),
                  {.name = "server.properties.j2", .version = "3.8"});
  std::set<std::string> keys;
  for (const Finding* f : a.byRule("KL9004")) keys.insert(f->keys.front());
  CHECK(keys == std::set<std::string>{"auto.create.topics.enable", "default.replication.factor",
                                      "offsets.topic.replication.factor", "transaction.state.log.min.isr",
                                      "transaction.state.log.replication.factor"});
}

TEST_CASE("corpus: secrets in the Confluent Cloud templates never reach a message") {
  for (const char* file :
       {"client/confluent-examples-ccloud-java.config", "client/confluent-examples-librdkafka.delta"}) {
    Audit a = audit(readFile(sharedDir() + "/corpus/" + file), {.name = file});
    for (const Finding& f : a.findings) {
      CHECK(f.message.find("CLUSTER_API_SECRET") == std::string::npos);
      CHECK(f.message.find("CCLOUD_API_SECRET") == std::string::npos);
    }
  }
}

}  // namespace
}  // namespace kafkalint::test
