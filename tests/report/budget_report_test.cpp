// The durability budget in the text and JSON reports.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "kafkalint/budget.hpp"
#include "kafkalint/report.hpp"
#include "support.hpp"

namespace kafkalint::test {
namespace {

// An audit of a model built in code, with the budgets the command line computes.
struct BudgetAudit {
  Audit audit;
  std::vector<TopicBudget> budgets;

  explicit BudgetAudit(void (*build)(Model&)) : audit(auditModel(build)) {
    Resolver resolver(ResolveOptions{*KafkaVersion::parse("4.1")});
    budgets = durabilityBudgets(audit.loaded.model, resolver);
  }
  [[nodiscard]] Report report() const {
    const KafkaVersion v = *KafkaVersion::parse("4.1");
    return Report{audit.loaded.model,          builtinRules(), audit.findings, audit.loaded.errors, v, v,
                  Verdict{ExitCode::Findings}, &budgets};
  }
  [[nodiscard]] std::string text(bool verbose = false) const {
    std::ostringstream out;
    writeText(out, report(), TextOptions{false, verbose});
    return out.str();
  }
  [[nodiscard]] std::string json() const {
    std::ostringstream out;
    writeJson(out, report());
    return out.str();
  }
};

// The budget section of a text report: from its title to the summary line.
std::string section(const std::string& text) {
  auto start = text.find("\nDurability budget");
  auto end = text.find("\nkafkalint: ");
  REQUIRE(start != std::string::npos);
  return text.substr(start + 1, end - start);
}

void liveTopics(Model& m) {
  LiveClusterBuilder c(m, {{1, "a"}, {2, "b"}, {3, "c"}});
  c.topic("orders", inSyncPartitions(12, 3));
  auto partitions = inSyncPartitions(6, 3);
  partitions[4].isr = {partitions[4].leader};
  c.topic("payments", partitions, {{"unclean.leader.election.enable", "true"}});
  c.topic("__consumer_offsets", inSyncPartitions(50, 3), {{"min.insync.replicas", "1"}});
  Entity& unknown = c.topic("secret", inSyncPartitions(3, 3));
  unknown.settings.erase(unknown.settings.begin(), unknown.settings.begin() + 2);
  unknown.unverified = "DescribeConfigs failed: TOPIC_AUTHORIZATION_FAILED";
}

TEST_CASE("text report: the budget table after the findings, worst topics first") {
  BudgetAudit a(liveTopics);
  const std::string text = a.text();
  CHECK(text.find("\nDurability budget: ") > text.find("[topic-under-min-isr]"));
  CHECK(
      section(text) ==
      "Durability budget: failures each topic survives, brokers / racks (\"-\": racks not known), at its worst "
      "partition\n"
      "  topic               partitions  RF  min ISR  unclean  writes survive  acked writes survive  worst partition  "
      "basis\n"
      "  payments                     6   3        2  yes      stopped         0 / 0                 4                "
      "placement\n"
      "  __consumer_offsets          50   3        1  no       2 / 2           0 / 0                 0                "
      "placement\n"
      "  orders                      12   3        2  no       1 / 1           1 / 1                 0                "
      "placement\n"
      "  secret              could not be computed: min.insync.replicas is not known: DescribeConfigs failed: "
      "TOPIC_AUTHORIZATION_FAILED\n"
      "  acks=all writes: 1 topic stopped now, 1 survives 1, 1 survives 2 or more\n"
      "  acknowledged writes: 2 topics survive no broker failure, 1 survives 1\n"
      "  not computed for 1 topic: their min.insync.replicas or replication factor is not known\n"
      "  writes survive: broker failures before acks=all writes stop. acked writes survive: before acknowledged\n"
      "  writes can be lost, counting broker crashes where unclean election is on and lost disks otherwise (a\n"
      "  crash then only takes the partition offline). nominal: replication factor and min.insync.replicas with\n"
      "  every replica in sync; where the replicas are is not known.\n");
}

TEST_CASE("text report: a big cluster shows a summary and the 20 worst topics, -v all of them") {
  BudgetAudit a([](Model& m) {
    LiveClusterBuilder c(m, {{1, ""}, {2, ""}, {3, ""}});
    for (int i = 0; i < 25; ++i) {
      auto partitions = inSyncPartitions(3, 3);
      if (i % 5 == 0) partitions[1].isr.pop_back();  // 5 topics at min ISR
      c.topic("topic-" + std::to_string(100 + i), partitions);
    }
  });
  const std::string brief = section(a.text());
  CHECK(brief.find("  ... the 20 worst of 25 topics are shown; -v lists them all\n") != std::string::npos);
  CHECK(brief.find("  acks=all writes: 5 topics survive no broker failure, 20 survive 1\n") != std::string::npos);
  CHECK(brief.find("topic-100 ") < brief.find("topic-101 "));  // worst (at min ISR) first
  CHECK(brief.find("topic-120 ") < brief.find("topic-101 "));
  CHECK(brief.find("topic-124 ") == std::string::npos);
  const std::string all = section(a.text(true));
  CHECK(all.find("topic-124 ") != std::string::npos);
  CHECK(all.find("worst of") == std::string::npos);
}

TEST_CASE("text report: topics of several clusters get a cluster column") {
  BudgetAudit a([](Model& m) {
    LiveClusterBuilder(m, {{1, ""}, {2, ""}, {3, ""}}, "east").topic("orders", inSyncPartitions(3, 3));
    LiveClusterBuilder(m, {{1, ""}, {2, ""}, {3, ""}}, "west").topic("orders", inSyncPartitions(3, 2));
  });
  const std::string s = section(a.text());
  CHECK(s.find("  cluster  topic   partitions") != std::string::npos);
  CHECK(s.find("  west     orders") < s.find("  east     orders"));  // west: RF 2, worse

  BudgetAudit named([](Model& m) {
    LiveClusterBuilder(m, {{1, ""}}, "/srv/deploy/payments/kafka/docker-compose.yml")
        .topic("t", inSyncPartitions(1, 1));
    LiveClusterBuilder(m, {{1, ""}}, "east").topic("t", inSyncPartitions(1, 1));
  });
  CHECK(section(named.text()).find("\n  ...ents/kafka/docker-compose.yml  t ") != std::string::npos);
}

TEST_CASE("text report: a topic without numbers may have the longest name") {
  BudgetAudit a([](Model& m) {
    LiveClusterBuilder c(m, {{1, ""}, {2, ""}, {3, ""}});
    c.topic("t", inSyncPartitions(3, 3));
    Entity& unknown = c.topic("a-topic-with-a-much-longer-name", inSyncPartitions(3, 3));
    unknown.settings.erase(unknown.settings.begin());
    unknown.unverified = "not authorised";
  });
  for (bool verbose : {false, true}) {
    const std::string s = section(a.text(verbose));
    CHECK(s.find("\n  topic                            partitions") != std::string::npos);
    CHECK(s.find("\n  t                                         3   3") != std::string::npos);
    CHECK(s.find("\n  a-topic-with-a-much-longer-name  could not be computed: min.insync.replicas is not known: not "
                 "authorised\n") != std::string::npos);
  }
}

TEST_CASE("text report: no topics, no budget section") {
  Audit a = audit("broker.id=1\nlog.dirs=/d\n");
  std::vector<TopicBudget> none;
  const KafkaVersion v = *KafkaVersion::parse("4.1");
  std::ostringstream out;
  writeText(
      out,
      Report{a.loaded.model, builtinRules(), a.findings, a.loaded.errors, v, v, Verdict{ExitCode::Findings}, &none},
      TextOptions{});
  CHECK(out.str().find("Durability budget") == std::string::npos);
}

TEST_CASE("JSON report: every topic's budget, following the schema") {
  BudgetAudit a(liveTopics);
  const std::string text = a.json();
  CHECK(reportSchemaErrors(text) == "");
  auto doc = nlohmann::json::parse(text);
  REQUIRE(doc["durabilityBudget"].size() == 4);
  const auto& payments = doc["durabilityBudget"][0];
  CHECK(payments["topic"] == "payments");
  CHECK(payments["cluster"] == "live");
  CHECK(payments["location"] == nullptr);
  CHECK(payments["basis"] == "placement");
  CHECK(payments["partitions"] == 6);
  CHECK(payments["replicationFactor"] == 3);
  CHECK(payments["minInsyncReplicas"] == 2);
  CHECK(payments["uncleanLeaderElection"] == true);
  CHECK(payments["writes"] == nlohmann::json{{"brokers", -1}, {"racks", -1}, {"partition", 4}, {"state", "stopped"}});
  CHECK(payments["ackedWrites"] == nlohmann::json{{"brokers", 0}, {"racks", 0}, {"partition", 4}, {"lostBy", "crash"}});
  CHECK(payments["reason"] == nullptr);
  const auto& orders = doc["durabilityBudget"][2];
  CHECK(orders["writes"]["state"] == "accepted");
  CHECK(orders["ackedWrites"]["lostBy"] == "disk-loss");
  const auto& secret = doc["durabilityBudget"][3];
  CHECK(secret["writes"] == nullptr);
  CHECK(secret["minInsyncReplicas"] == nullptr);
  CHECK(secret["reason"] == "min.insync.replicas is not known: DescribeConfigs failed: TOPIC_AUTHORIZATION_FAILED");
}

TEST_CASE("JSON report: nominal budgets of file topics follow the schema") {
  Audit a = auditTempFiles({{"spec.yaml",
                             "kafkalint: cluster-spec/v1\ncluster:\n  name: c\n  brokers: 3\n"
                             "  broker_config: {min.insync.replicas: 2, default.replication.factor: 3}\n"
                             "topics:\n  - {name: t, partitions: 6, replication_factor: 3}\n"
                             "  - {name: never, replication_factor: 2, config: {min.insync.replicas: 3}}\n"}});
  Resolver resolver(ResolveOptions{*KafkaVersion::parse("4.1")});
  const auto budgets = durabilityBudgets(a.loaded.model, resolver);
  const KafkaVersion v = *KafkaVersion::parse("4.1");
  std::ostringstream out;
  writeJson(out, Report{a.loaded.model, builtinRules(), a.findings, a.loaded.errors, v, v, Verdict{ExitCode::Findings},
                        &budgets});
  CHECK(reportSchemaErrors(out.str()) == "");
  auto doc = nlohmann::json::parse(out.str());
  REQUIRE(doc["durabilityBudget"].size() == 2);
  CHECK(doc["durabilityBudget"][0]["topic"] == "never");
  CHECK(doc["durabilityBudget"][0]["writes"]["state"] == "never-writable");
  const auto& t = doc["durabilityBudget"][1];
  CHECK(t["basis"] == "nominal");
  CHECK(t["location"]["line"] == 7);  // "- {name: t, ..."
  CHECK(t["writes"] ==
        nlohmann::json{{"brokers", 1}, {"racks", nullptr}, {"partition", nullptr}, {"state", "accepted"}});
}

TEST_CASE("the schema check catches a report that does not follow it") {
  CHECK(reportSchemaErrors("{\"schemaVersion\": 2}") != "");
}

}  // namespace
}  // namespace kafkalint::test
